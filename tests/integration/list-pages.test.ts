import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildSite } from "../../lib/pipeline/index.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { readPage, siteFileHashes, textOf } from "../helpers/html.ts";

let site: FixtureSite | undefined;
afterEach(() => site?.remove());

/** Article `index` of 工作动态, one a day from 2022-01-01, so a higher index is newer. */
const dailyArticle = (index: number) => {
  const day = new Date(Date.UTC(2022, 0, 1 + index)).toISOString().slice(0, 10);
  return {
    [`content/articles/2022/a${String(index).padStart(3, "0")}.md`]: articleFile({
      title: `文章${index}`,
      date: `${day} 08:00`,
      column: "工作动态",
    }),
  };
};

/** A fixture site with `count` 工作动态 articles and `pageSize` items a list page. */
function longColumn(count: number, pageSize: number): FixtureSite {
  const fixture = createFixtureSite();
  for (let index = 0; index < count; index++) fixture.write(dailyArticle(index));
  const siteFile = path.join(fixture.root, "_data/site.yaml");
  writeFileSync(siteFile, readFileSync(siteFile, "utf8").replace(/^page_size: \d+$/m, `page_size: ${pageSize}`));
  return fixture;
}

/** The SHA-256 of each built file of the 工作动态 list. */
const listFiles = (outputDir: string) =>
  new Map([...siteFileHashes(outputDir)].filter(([file]) => file.startsWith("gzdt/")));

const titles = (page: Document) => [...page.querySelectorAll(".list-page a")].map(textOf);

describe("column list pages", () => {
  it("counts pages from the oldest article: the newest on the front page, full archive pages with plain links", async () => {
    site = longColumn(65, 20);
    const { outputDir } = await buildSite({ root: site.root, searchIndex: false });
    const [front, second, first] = ["/gzdt/", "/gzdt/2/", "/gzdt/1/"].map((url) => readPage(outputDir, url));
    expect([front, second, first].map((page) => page?.querySelectorAll(".list-page li").length)).toEqual([25, 20, 20]);
    expect(titles(first as Document)).toEqual(Array.from({ length: 20 }, (_, index) => `文章${19 - index}`));
    expect(titles(front as Document)[0]).toBe("文章64");
    const middle = second as Document;
    expect(middle.querySelector('.pager a[rel="prev"]')?.getAttribute("href")).toBe("/gzdt/");
    expect(middle.querySelector('.pager a[rel="next"]')?.getAttribute("href")).toBe("/gzdt/1/");
    expect(middle.querySelector('.pager a[aria-current="page"]')?.getAttribute("href")).toBe("/gzdt/2/");
    expect([...middle.querySelectorAll(".pager li a")].map(textOf)).toEqual([
      "上一页",
      "最新",
      "第2页",
      "第1页",
      "下一页",
      "尾页",
    ]);
    expect(textOf(middle.querySelector(".pager-status"))).toBe("第 2 页");
    expect(textOf(front?.querySelector(".pager-status") ?? null)).toBe("最新，共 65 条");
    expect(textOf(middle.querySelector("h1"))).toBe("工作动态");
    expect(middle.querySelector("title")?.textContent).toBe("工作动态（第2页） - 克拉玛依市科学技术局");
    expect(front?.querySelector("title")?.textContent).toBe("工作动态 - 克拉玛依市科学技术局");
    expect(existsSync(path.join(outputDir, "gzdt/3/index.html"))).toBe(false);
    const allTitles = [front, second, first].flatMap((page) => titles(page as Document));
    expect(new Set(allTitles).size).toBe(65);
  });

  it("leaves every archive page byte for byte as it was when a new article joins a long column", async () => {
    site = longColumn(16, 2);
    const before = listFiles((await buildSite({ root: site.root, searchIndex: false })).outputDir);
    site.write(dailyArticle(16));
    const after = listFiles((await buildSite({ root: site.root, searchIndex: false })).outputDir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
    expect(changed).toEqual(["gzdt/index.html"]);
  });

  it("adds one archive page when a new article fills a page, and rewrites only the pagers that list it", async () => {
    site = longColumn(17, 2);
    const before = listFiles((await buildSite({ root: site.root, searchIndex: false })).outputDir);
    site.write(dailyArticle(17));
    const { outputDir } = await buildSite({ root: site.root, searchIndex: false });
    const after = listFiles(outputDir);
    expect([...after.keys()].filter((file) => !before.has(file))).toEqual(["gzdt/8/index.html"]);
    const changed = [...before].filter(([file, hash]) => after.get(file) !== hash).map(([file]) => file);
    expect(changed.sort()).toEqual(["gzdt/5/index.html", "gzdt/6/index.html", "gzdt/7/index.html", "gzdt/index.html"]);
    expect(titles(readPage(outputDir, "/gzdt/8/"))).toEqual(["文章15", "文章14"]);
    expect(titles(readPage(outputDir, "/gzdt/7/"))).toEqual(["文章13", "文章12"]);
  });
});
