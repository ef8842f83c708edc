import { describe, expect, it } from "vitest";
import type { CollectionItem } from "../../../lib/render/eleventy-types.ts";
import { sitemapEntries } from "../../../lib/render/filters/sitemap-entries.ts";

describe("sitemapEntries", () => {
  it("keeps pages with a URL, adds article dates as lastmod and sorts by URL", () => {
    const items: CollectionItem[] = [
      { url: "/gzdt/", data: {} },
      { url: "/articles/2021/a/", data: { article: { date: "2021-12-06T00:00:00+08:00" } } },
      { url: false, data: {} },
      { url: "/feed.xml", data: {} },
      { url: "/search/", data: { excludeFromSitemap: true } },
      { url: "/", data: {} },
    ];
    expect(sitemapEntries(items, "https://kjj.klmy.gov.cn")).toEqual([
      { loc: "https://kjj.klmy.gov.cn/", lastmod: undefined },
      { loc: "https://kjj.klmy.gov.cn/articles/2021/a/", lastmod: "2021-12-06T00:00:00+08:00" },
      { loc: "https://kjj.klmy.gov.cn/gzdt/", lastmod: undefined },
    ]);
  });

  it("lists articles this build did not render (carried over) once each, with their dates", () => {
    const items: CollectionItem[] = [
      { url: "/articles/2021/a/", data: { article: { date: "2021-12-06T00:00:00+08:00" } } },
    ];
    const articles = [
      { url: "/articles/2021/a/", date: "2021-12-06T00:00:00+08:00" },
      { url: "/articles/2020/b/", date: "2020-01-02T00:00:00+08:00" },
    ];
    expect(sitemapEntries(items, "https://kjj.klmy.gov.cn", articles)).toEqual([
      { loc: "https://kjj.klmy.gov.cn/articles/2020/b/", lastmod: "2020-01-02T00:00:00+08:00" },
      { loc: "https://kjj.klmy.gov.cn/articles/2021/a/", lastmod: "2021-12-06T00:00:00+08:00" },
    ]);
  });
});
