import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CollectionItem } from "../../../lib/render/eleventy-types.ts";
import {
  SITEMAP_LIMITS,
  type SitemapEntry,
  sitemapEntries,
  sitemapFiles,
  sitemapGroup,
} from "../../../lib/render/sitemaps.ts";
import { sitemapLocations, sitemapSchemaErrors } from "../../helpers/sitemaps.ts";

const ORIGIN = "https://kjj.klmy.gov.cn";
const folder = mkdtempSync(path.join(os.tmpdir(), "sitemaps-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes the files of sitemapFiles into a folder and gives each file's path there, by site URL. */
function writeSitemaps(files: ReturnType<typeof sitemapFiles>, into: string): Map<string, string> {
  const written = new Map<string, string>();
  for (const file of files) {
    const target = path.join(into, file.url);
    writeFileSync(target, file.xml);
    written.set(file.url, target);
  }
  return written;
}

describe("sitemapEntries", () => {
  it("keeps pages with a folder URL, takes each item's last change as lastmod and sorts by path", () => {
    const items: CollectionItem[] = [
      { url: "/gzdt/", data: {} },
      { url: "/articles/2021/a/", data: { article: { date: "2021-12-06T00:00:00+08:00" } } },
      {
        url: "/articles/2021/b/",
        data: { article: { date: "2021-12-07T00:00:00+08:00", updated: "2022-01-03T09:00:00+08:00" } },
      },
      { url: false, data: {} },
      { url: "/feed.xml", data: {} },
      { url: "/search/", data: { excludeFromSitemap: true } },
      { url: "/", data: {} },
    ];
    expect(sitemapEntries(items)).toEqual([
      { path: "/" },
      { path: "/articles/2021/a/", lastmod: "2021-12-06T00:00:00+08:00" },
      { path: "/articles/2021/b/", lastmod: "2022-01-03T09:00:00+08:00" },
      { path: "/gzdt/" },
    ]);
  });

  it("lists the detail pages this run did not render (carried over) once each, with their last change", () => {
    const items: CollectionItem[] = [
      { url: "/articles/2021/a/", data: { article: { date: "2021-12-06T00:00:00+08:00" } } },
    ];
    const pages = [
      { url: "/articles/2021/a/", item: { date: "2021-12-06T00:00:00+08:00" } },
      {
        url: "/notices/2020/0102-abcdef/",
        item: { date: "2020-01-02T00:00:00+08:00", updated: "2020-02-01T00:00:00+08:00" },
      },
    ];
    expect(sitemapEntries(items, pages as never)).toEqual([
      { path: "/articles/2021/a/", lastmod: "2021-12-06T00:00:00+08:00" },
      { path: "/notices/2020/0102-abcdef/", lastmod: "2020-02-01T00:00:00+08:00" },
    ]);
  });
});

describe("sitemapFiles", () => {
  const entries: SitemapEntry[] = [
    { path: "/" },
    { path: "/about/" },
    { path: "/articles/2020/x/", lastmod: "2020-05-01T10:00:00+08:00" },
    { path: "/articles/2021/a/", lastmod: "2021-12-06T00:00:00+08:00" },
    { path: "/articles/2021/b/", lastmod: "2021-03-01T00:00:00+08:00" },
    { path: "/notices/2021/0801-abcdef/", lastmod: "2021-08-01T00:00:00+08:00" },
  ];

  it("writes an index at /sitemap.xml of one child per section and year plus one for the other pages", () => {
    const files = sitemapFiles(entries, ORIGIN);
    expect(files.map((file) => [file.url, file.count])).toEqual([
      ["/sitemap.xml", 4],
      ["/sitemap-articles-2020.xml", 1],
      ["/sitemap-articles-2021.xml", 2],
      ["/sitemap-notices-2021.xml", 1],
      ["/sitemap-pages.xml", 2],
    ]);
    const written = writeSitemaps(files, mkdtempSync(path.join(folder, "small-")));
    expect(sitemapSchemaErrors(written.get("/sitemap.xml") as string, "sitemapindex")).toBe("");
    for (const file of files.slice(1)) expect(sitemapSchemaErrors(written.get(file.url) as string, "urlset")).toBe("");
    expect(files[0]?.xml).toContain(
      `<sitemap><loc>${ORIGIN}/sitemap-articles-2021.xml</loc><lastmod>2021-12-06T00:00:00+08:00</lastmod></sitemap>`,
    );
    expect(files[0]?.xml).toContain(`<sitemap><loc>${ORIGIN}/sitemap-pages.xml</loc></sitemap>`);
    expect(files[2]?.xml).toContain(
      `<url><loc>${ORIGIN}/articles/2021/a/</loc><lastmod>2021-12-06T00:00:00+08:00</lastmod></url>`,
    );
  });

  it("changes only the child of the year that changed, and the index, when an article is added", () => {
    const before = new Map(sitemapFiles(entries, ORIGIN).map((file) => [file.url, file.xml]));
    const added = [...entries, { path: "/articles/2021/c/", lastmod: "2021-12-30T00:00:00+08:00" }];
    const after = new Map(sitemapFiles(added, ORIGIN).map((file) => [file.url, file.xml]));
    expect([...after.keys()].filter((url) => after.get(url) !== before.get(url))).toEqual([
      "/sitemap.xml",
      "/sitemap-articles-2021.xml",
    ]);
  });

  it("cuts a child into numbered parts past the URL or the byte limit", () => {
    const year = Array.from({ length: 5 }, (_, i) => ({ path: `/articles/2022/a${i}/` }));
    expect(
      sitemapFiles(year, ORIGIN, { urls: 2, bytes: SITEMAP_LIMITS.bytes }).map((file) => [file.url, file.count]),
    ).toEqual([
      ["/sitemap.xml", 3],
      ["/sitemap-articles-2022.xml", 2],
      ["/sitemap-articles-2022-2.xml", 2],
      ["/sitemap-articles-2022-3.xml", 1],
    ]);
    const byBytes = sitemapFiles(year, ORIGIN, { urls: 100, bytes: 300 });
    expect(byBytes.length).toBeGreaterThan(2);
    for (const file of byBytes.slice(1)) expect(Buffer.byteLength(file.xml)).toBeLessThanOrEqual(300);
    expect(byBytes.slice(1).reduce((sum, file) => sum + file.count, 0)).toBe(5);
  });

  it("escapes what XML must", () => {
    const [, child] = sitemapFiles([{ path: "/a&b/" }], ORIGIN);
    expect(child?.xml).toContain(`<loc>${ORIGIN}/a&amp;b/</loc>`);
  });

  it("fails the schema check on a file that breaks the protocol, so the checks above can fail", () => {
    const broken = path.join(folder, "broken.xml");
    writeFileSync(
      broken,
      '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><lastmod>2021-01-01</lastmod></sitemap></sitemapindex>\n',
    );
    expect(sitemapSchemaErrors(broken, "sitemapindex")).toMatch(/fails to validate/);
    writeFileSync(
      broken,
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://kjj.klmy.gov.cn/</loc><lastmod>2021-13-01</lastmod></url></urlset>\n',
    );
    expect(sitemapSchemaErrors(broken, "urlset")).toMatch(/fails to validate/);
    expect(sitemapSchemaErrors(broken, "sitemapindex")).toMatch(/not <sitemapindex>/);
  });
});

describe("sitemapFiles at 100,000 articles", { timeout: 120_000 }, () => {
  const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
  // 2024 holds more than one file may (cut in two); the other years share the rest.
  const perYear = (year: number) => (year === 2024 ? 55_000 : 5_000);
  const entries: SitemapEntry[] = [
    { path: "/" },
    ...Array.from({ length: 3000 }, (_, i) => ({ path: `/gzdt/${i + 2}/` })),
    ...years.flatMap((year) =>
      Array.from({ length: perYear(year) }, (_, i) => ({
        path: `/articles/${year}/article-${String(i).padStart(6, "0")}-kjcx/`,
        lastmod: `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}T10:00:00+08:00`,
      })),
    ),
  ];
  const articles = entries.filter((entry) => entry.path.startsWith("/articles/")).length;
  const files = sitemapFiles(entries, ORIGIN);
  const written = writeSitemaps(files, mkdtempSync(path.join(folder, "100k-")));

  it("keeps every file within 50,000 URLs and 50 MB and valid against the sitemaps.org schemas", () => {
    expect(articles).toBe(100_000);
    expect(sitemapSchemaErrors(written.get("/sitemap.xml") as string, "sitemapindex")).toBe("");
    for (const file of files.slice(1)) {
      const target = written.get(file.url) as string;
      expect(file.count).toBeLessThanOrEqual(SITEMAP_LIMITS.urls);
      expect(statSync(target).size).toBeLessThanOrEqual(SITEMAP_LIMITS.bytes);
      expect(sitemapSchemaErrors(target, "urlset"), file.url).toBe("");
    }
    expect(files.map((file) => file.url)).toContain("/sitemap-articles-2024-2.xml");
  });

  it("lists in the index every child, and in the children every page once", () => {
    const children = sitemapLocations(written.get("/sitemap.xml") as string);
    expect(children).toEqual(files.slice(1).map((file) => `${ORIGIN}${file.url}`));
    const listed = children.flatMap((child) => sitemapLocations(written.get(child.slice(ORIGIN.length)) as string));
    expect(listed).toHaveLength(entries.length);
    expect(new Set(listed)).toEqual(new Set(entries.map((entry) => `${ORIGIN}${entry.path}`)));
  });
});

describe("sitemapGroup", () => {
  it("files detail pages by section and year and everything else under pages", () => {
    expect(sitemapGroup("/articles/2024/kjcx/")).toBe("articles-2024");
    expect(sitemapGroup("/notices/2023/1115-abcdef/")).toBe("notices-2023");
    expect(sitemapGroup("/notices/")).toBe("pages");
    expect(sitemapGroup("/gzdt/2/")).toBe("pages");
  });
});
