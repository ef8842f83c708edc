import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentValidationError } from "../../../lib/content/index.ts";
import { loadSite } from "../../../lib/content/site.ts";
import { PROJECT_DIR } from "../../../lib/shared/paths.ts";
import { createFixtureSite } from "../../helpers/fixture.ts";

const sampleSiteFile = readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8");

function siteProblems(siteFile: string) {
  const site = createFixtureSite({ "_data/site.yaml": siteFile });
  try {
    loadSite(site.root);
    return [];
  } catch (error) {
    if (error instanceof ContentValidationError) return [...error.problems];
    throw error;
  } finally {
    site.remove();
  }
}

describe("loadSite", () => {
  it("accepts the sample site file with the four default columns", () => {
    const site = loadSite(PROJECT_DIR);
    expect(site.columns.map((column) => `${column.name}:${column.slug}`)).toEqual([
      "工作动态:gzdt",
      "科技要闻:kjyw",
      "政策文件:zcwj",
      "区县动态:qxdt",
    ]);
    expect(site).toMatchObject({ language: "zh-CN", time_zone: "Asia/Shanghai" });
    expect(site.date_formats).toEqual({ meta: "yyyy-MM-dd", list: "yyyy/MM/dd" });
  });

  it("rejects an unknown key with its line", () => {
    const problems = siteProblems(`${sampleSiteFile}\nfavicon: x.ico\n`);
    expect(problems).toMatchObject([{ file: "_data/site.yaml", field: "favicon" }]);
    expect(problems[0]?.line).toBe(sampleSiteFile.split("\n").length + 1);
  });

  it("rejects an origin with a trailing slash and a made-up time zone", () => {
    const problems = siteProblems(
      sampleSiteFile
        .replace("url: https://kjj.klmy.gov.cn", "url: https://kjj.klmy.gov.cn/")
        .replace("time_zone: Asia/Shanghai", "time_zone: Asia/Beijing"),
    );
    expect(problems.map((problem) => problem.field)).toEqual(["url", "time_zone"]);
  });

  it("rejects a malformed 解读期限 at its line, and accepts a period or never", () => {
    const line = sampleSiteFile.split("\n").findIndex((text) => text.includes("interpretation_within:")) + 1;
    expect(line).toBeGreaterThan(0);
    for (const written of ["两周", "0d", "14 days", "14"]) {
      const problems = siteProblems(
        sampleSiteFile.replace("interpretation_within: 14d", `interpretation_within: ${written}`),
      );
      expect(problems).toMatchObject([{ file: "_data/site.yaml", line, field: "inspection.interpretation_within" }]);
      expect(problems[0]?.message).toContain("「解读期限」应写作数字加单位");
    }
    for (const written of ["2w", "1m", "never"])
      expect(
        siteProblems(sampleSiteFile.replace("interpretation_within: 14d", `interpretation_within: ${written}`)),
      ).toEqual([]);
  });

  it("rejects a column slug that collides with the site's own paths", () => {
    const problems = siteProblems(sampleSiteFile.replace("slug: gzdt", "slug: notices"));
    expect(problems).toMatchObject([{ field: "columns[0].slug" }]);
  });

  it("reports a missing site file", () => {
    const site = createFixtureSite();
    try {
      site.write({ "_data/site.yaml": "" });
      expect(() => loadSite(path.join(site.root, "nowhere"))).toThrow(/找不到站点配置文件/);
    } finally {
      site.remove();
    }
  });
});
