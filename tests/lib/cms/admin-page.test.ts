import { describe, expect, it } from "vitest";
import { adminPageHtml } from "../../../lib/cms/admin-page.ts";
import { loadCmsSettings } from "../../../lib/cms/settings.ts";
import { ADMIN_PATHS } from "../../../lib/cms/sveltia.ts";
import { PROJECT_DIR } from "../../../lib/shared/paths.ts";

describe("adminPageHtml", () => {
  const configured = { backend: { name: "github", repo: "klmy-kjj/website", branch: "main" } } as const;

  it("says in Chinese how to set the CMS up until _data/cms.yaml names a repository, without loading it", () => {
    const html = adminPageHtml({ name: "科学技术局" }, loadCmsSettings(PROJECT_DIR));
    expect(loadCmsSettings(PROJECT_DIR).backend.repo).toBe("OWNER/REPO");
    expect(html).toContain("<h1>浏览器编辑还没有设置</h1>");
    expect(html).toContain("_data/cms.yaml");
    expect(html).toContain("docs/cms.md");
    expect(html).not.toContain("OWNER/REPO");
    expect(html).toContain(`<script src="${ADMIN_PATHS.setup}"></script>`);
    expect(html).not.toContain(ADMIN_PATHS.script);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it("is a noindex page that points Sveltia at config.yml and loads the local scripts in order", () => {
    const html = adminPageHtml({ name: "科学技术局 <测试>" }, configured);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain(`<link href="${ADMIN_PATHS.config}" type="application/yaml" rel="cms-config-url">`);
    expect(html).toContain("科学技术局 &#60;测试&#62;");
    expect(html.indexOf(ADMIN_PATHS.localAssets)).toBeLessThan(html.indexOf(ADMIN_PATHS.script));
    expect(html).not.toMatch(/https?:\/\//);
  });
});
