import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildSite } from "../../lib/build/index.ts";
import { loadCmsSettings } from "../../lib/content/cms-settings.ts";
import { ContentValidationError, listNoticeFiles } from "../../lib/content/index.ts";
import { loadSite } from "../../lib/content/site.ts";
import { ADMIN_PATHS, cmsConfig, SVELTIA_BUNDLE } from "../../lib/render/cms-config.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { buildToTemp } from "../helpers/build.ts";
import { createFixtureSite } from "../helpers/fixture.ts";

let siteDir: string;
let cleanup: () => void;

beforeAll(async () => {
  const build = await buildToTemp(PROJECT_DIR, { searchIndex: false });
  siteDir = build.outputDir;
  cleanup = build.cleanup;
});

afterAll(() => cleanup?.());

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

  it("publishes the Sveltia CMS bundle copied from node_modules, its Chinese translations and the loader", () => {
    expect(
      readFileSync(published(ADMIN_PATHS.script)).equals(readFileSync(path.join(PROJECT_DIR, SVELTIA_BUNDLE))),
    ).toBe(true);
    expect(JSON.parse(readFileSync(published(`${ADMIN_PATHS.locales}zh-CN.json`), "utf8"))).toBeTypeOf("object");
    expect(existsSync(published(ADMIN_PATHS.localAssets))).toBe(true);
  });

  it("publishes a noindex page that the sitemap leaves out", () => {
    const page = readFileSync(published(ADMIN_PATHS.page), "utf8");
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toContain(`<script src="${ADMIN_PATHS.script}"></script>`);
    expect(readFileSync(published("/sitemap.xml"), "utf8")).not.toContain("/admin/");
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
