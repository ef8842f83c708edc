import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildResult, buildSite } from "../../lib/pipeline/index.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { readPage, siteHash, textOf } from "../helpers/html.ts";
import { builtSitemapPages } from "../helpers/sitemaps.ts";

/** How many detail pages a build carried over from the last one. */
const carriedOver = (result: BuildResult) => result.carriedOver.articles + result.carriedOver.notices;

let site: FixtureSite;
let outputs: string;

const article = (index: number) =>
  articleFile(
    { title: `文章${index}`, date: `2023-0${(index % 9) + 1}-1${index % 10}`, column: "工作动态" },
    `## 小标题\n\n第${index}篇的正文。\n`,
  );

beforeAll(() => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 30; index++) files[`content/articles/2023/a${index}.md`] = article(index);
  files["content/notices/2023.yaml"] = [
    "- title: 关于第一批项目申报的通知\n  date: 2023-03-01\n  body: |\n    各有关单位：第一批项目开始申报。\n",
    "- title: 关于第二批项目申报的通知\n  date: 2023-04-01\n  body: |\n    各有关单位：第二批项目开始申报。\n",
  ].join("");
  site = createFixtureSite(files);
  outputs = mkdtempSync(path.join(tmpdir(), "bureau-reuse-"));
});

afterAll(() => {
  site?.remove();
  rmSync(outputs, { recursive: true, force: true });
});

describe("article and notice pages carried over from the last build", () => {
  it("renders only the changed article, and the site equals a cold build of the same content", async () => {
    const outputDir = path.join(outputs, "_site");
    const first = await buildSite({ root: site.root, outputDir, searchIndex: false });
    expect(carriedOver(first)).toBe(0);

    const unchanged = await buildSite({ root: site.root, outputDir, searchIndex: false });
    expect(carriedOver(unchanged)).toBe(32);
    expect(unchanged.carriedOver).toEqual({ articles: 30, notices: 2 });
    expect(unchanged.pages).toBe(first.pages);

    appendFileSync(path.join(site.root, "content/articles/2023/a7.md"), "\n更正：补充一句。\n");
    const changed = await buildSite({ root: site.root, outputDir, searchIndex: false });
    expect(carriedOver(changed)).toBe(31);
    expect(textOf(readPage(outputDir, "/articles/2023/a7/").querySelector(".article-body"))).toContain(
      "更正：补充一句。",
    );

    const cold = await buildSite({ root: site.root, outputDir: path.join(outputs, "cold"), searchIndex: false });
    expect(carriedOver(cold)).toBe(0);
    expect(siteHash(outputDir)).toBe(siteHash(path.join(outputs, "cold")));
    const sitemap = builtSitemapPages(outputDir).map((loc) => new URL(loc).pathname);
    expect(sitemap.filter((page) => /^\/articles\/2023\/a\d+\/$/.test(page))).toHaveLength(30);
    expect(sitemap.filter((page) => /^\/notices\/\d{4}\/.+\/$/.test(page)).length).toBeGreaterThanOrEqual(2);
  });

  it("renders a neighbour again when a new article changes its previous/next links", async () => {
    const outputDir = path.join(outputs, "_site");
    site.write({ "content/articles/2023/a99.md": article(99) });
    const result = await buildSite({ root: site.root, outputDir, searchIndex: false });
    // a99 is new, and the articles on either side of it in the column now link to it.
    expect(carriedOver(result)).toBe(30);
    const cold = await buildSite({ root: site.root, outputDir: path.join(outputs, "cold"), searchIndex: false });
    expect(siteHash(outputDir)).toBe(siteHash(path.join(outputs, "cold")));
    expect(cold.pages).toBe(result.pages);
  });

  it("renders a changed notice page again and carries the other over", async () => {
    const outputDir = path.join(outputs, "_site");
    const notices = path.join(site.root, "content/notices/2023.yaml");
    writeFileSync(notices, readFileSync(notices, "utf8").replace("第二批项目开始申报。", "第二批项目延期申报。"));
    const result = await buildSite({ root: site.root, outputDir, searchIndex: false });
    expect(carriedOver(result)).toBe(32);
    const cold = await buildSite({ root: site.root, outputDir: path.join(outputs, "cold"), searchIndex: false });
    expect(siteHash(outputDir)).toBe(siteHash(path.join(outputs, "cold")));
    expect(carriedOver(cold)).toBe(32);
  });

  it("renders everything again when the site file changes", async () => {
    const outputDir = path.join(outputs, "_site");
    const siteFile = path.join(site.root, "_data/site.yaml");
    writeFileSync(siteFile, readFileSync(siteFile, "utf8").replace(/^name: .*$/m, "name: 测试科学技术局"));
    const result = await buildSite({ root: site.root, outputDir, searchIndex: false });
    expect(carriedOver(result)).toBe(0);
    expect(textOf(readPage(outputDir, "/articles/2023/a1/").querySelector("title"))).toContain("测试科学技术局");
  });

  it("carries pages over from an output folder restored from a cache (new files, same bytes)", async () => {
    const outputDir = path.join(outputs, "_site");
    const saved = path.join(outputs, "saved");
    cpSync(outputDir, saved, { recursive: true });
    rmSync(outputDir, { recursive: true, force: true });
    cpSync(saved, outputDir, { recursive: true, preserveTimestamps: false });
    const result = await buildSite({ root: site.root, outputDir, searchIndex: false });
    expect(carriedOver(result)).toBe(33);
    expect(siteHash(outputDir)).toBe(siteHash(saved));
  });

  it("renders a published page again when someone edited it by hand", async () => {
    const outputDir = path.join(outputs, "_site");
    const file = path.join(outputDir, "articles/2023/a3/index.html");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("第3篇的正文。", "被改过的正文。"));
    const result = await buildSite({ root: site.root, outputDir, searchIndex: false });
    expect(carriedOver(result)).toBe(32);
    expect(readFileSync(file, "utf8")).toBe(original);
  });
});
