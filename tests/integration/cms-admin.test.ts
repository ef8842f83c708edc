import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cmsConfig } from "../../lib/cms/config.ts";
import { loadCmsSettings } from "../../lib/cms/settings.ts";
import { ADMIN_PATHS, localizeSveltiaBundle, SVELTIA_BUNDLE, sveltiaFonts } from "../../lib/cms/sveltia.ts";
import { ContentValidationError, listNoticeFiles } from "../../lib/content/index.ts";
import { loadSite } from "../../lib/content/site.ts";
import { buildSite } from "../../lib/pipeline/index.ts";
import { headersFor, parseHeaders } from "../../lib/publish/headers.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { createFixtureSite } from "../helpers/fixture.ts";
import { sampleSite } from "../helpers/sample-site.ts";
import { builtSitemapPages } from "../helpers/sitemaps.ts";

/** The sample site as the build writes it, shared by the run (read only). */
let siteDir: string;

beforeAll(() => {
  siteDir = sampleSite();
});

const published = (sitePath: string) => path.join(siteDir, ...sitePath.split("/").filter(Boolean));

describe("the built /admin/", () => {
  it("publishes config.yml, which parses to exactly the configuration generated from the schema and site file", () => {
    const built = parse(readFileSync(published(ADMIN_PATHS.config), "utf8"));
    const expected = cmsConfig({
      site: loadSite(PROJECT_DIR),
      settings: loadCmsSettings(PROJECT_DIR),
      noticeFiles: listNoticeFiles(PROJECT_DIR),
    });
    expect(built).toEqual(expected);
    expect(listNoticeFiles(PROJECT_DIR)).toEqual([
      "content/notices/2021.yaml",
      "content/notices/2022.yaml",
      "content/notices/2023.yaml",
      "content/notices/2024.yaml",
    ]);
  });

  it("publishes the Sveltia CMS bundle from node_modules with its fonts served from the site, its translations and the scripts", () => {
    const original = readFileSync(path.join(PROJECT_DIR, SVELTIA_BUNDLE), "utf8");
    const bundle = readFileSync(published(ADMIN_PATHS.script), "utf8");
    expect(bundle).toBe(localizeSveltiaBundle(original));
    expect(bundle).not.toContain("cdn.jsdelivr.net");
    const fonts = sveltiaFonts(original);
    expect([...fonts.keys()].sort()).toEqual([
      "material-symbols-outlined-latin-wght-normal.woff2",
      "noto-mono-latin-400-normal.woff2",
      "source-sans-3-latin-wght-normal.woff2",
    ]);
    for (const [name, file] of fonts) {
      expect(bundle).toContain(`${ADMIN_PATHS.fonts}${name}`);
      expect(
        readFileSync(published(`${ADMIN_PATHS.fonts}${name}`)).equals(readFileSync(path.join(PROJECT_DIR, file))),
      ).toBe(true);
    }
    expect(JSON.parse(readFileSync(published(`${ADMIN_PATHS.locales}zh-CN.json`), "utf8"))).toBeTypeOf("object");
    expect(existsSync(published(ADMIN_PATHS.localAssets))).toBe(true);
    expect(existsSync(published(ADMIN_PATHS.setup))).toBe(true);
  });

  it("publishes, while _data/cms.yaml names no repository, a noindex setup page that the sitemap leaves out", () => {
    const page = readFileSync(published(ADMIN_PATHS.page), "utf8");
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toContain("浏览器编辑还没有设置");
    expect(page).toContain(`<script src="${ADMIN_PATHS.setup}"></script>`);
    const listed = builtSitemapPages(siteDir);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((loc) => loc.includes("/admin/"))).toEqual([]);
  });

  it("lets /admin/ reach no host outside the site while no back end is set", () => {
    const rules = parseHeaders(readFileSync(published("/_headers"), "utf8"));
    const policy = headersFor(rules, "/admin/")["Content-Security-Policy"]?.join("") ?? "";
    expect(policy).toMatch(/font-src 'self'(;|$)/);
    expect(policy).not.toMatch(/https?:/);
  });
});

describe("a build with an invalid _data/cms.yaml", () => {
  it("fails with the file, line and key, and leaves the published folder as it was", async () => {
    const site = createFixtureSite({ "_data/cms.yaml": "backend:\n  repo: website\n" });
    try {
      const outputDir = path.join(site.root, "_site");
      mkdirSync(outputDir);
      writeFileSync(path.join(outputDir, "published.html"), "之前发布的页面");
      const failure = await buildSite({ root: site.root, searchIndex: false }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ContentValidationError);
      expect((failure as ContentValidationError).problems).toMatchObject([
        { file: "_data/cms.yaml", line: 2, field: "backend.repo" },
      ]);
      expect(readdirSync(outputDir)).toEqual(["published.html"]);
    } finally {
      site.remove();
    }
  });
});
