import { type Catalog, detailPages } from "../content/index.ts";
import { FIXED_PAGES } from "../shared/index.ts";
import type { CollectionItem, EleventyConfig } from "./eleventy-types.ts";
import { type PageData, type PageHeadData, pageHead } from "./page-head.ts";
import { type SitemapFile, sitemapEntries, sitemapFiles } from "./sitemaps.ts";

/** Which pages one Eleventy run renders. */
export interface PageSelection {
  /**
   * The detail pages (URLs) to render; all when absent. The others are carried over from the last
   * build (lib/pipeline/carry-over.ts) or rendered by another run of the same build.
   */
  detailPages?: ReadonlySet<string>;
  /** Only those detail pages: no home, list, feed or other page (the later runs of a large build). */
  detailPagesOnly?: boolean;
}

/**
 * Registers every page type as an Eleventy virtual template. Each is an empty body rendered by a
 * layout in _includes/layouts, with the data the base layout needs for its head meta.
 */
export function registerTemplates(eleventyConfig: EleventyConfig, selection: PageSelection = {}): void {
  const selected = <T>(items: T[], url: (item: T) => string | undefined): T[] => {
    const render = selection.detailPages;
    return render ? items.filter((item) => render.has(url(item) ?? "")) : items;
  };
  const page = (file: string, data: Record<string, unknown>) => eleventyConfig.addTemplate(file, "", data);
  eleventyConfig.addNunjucksGlobal("pageHead", function (this: { ctx: PageHeadData }) {
    return pageHead(this.ctx);
  });

  /**
   * A template with a page per item of a catalog list, at the item's URL; `selectable` lists (articles,
   * notice pages) render only the items this run selects.
   */
  const pagePerItem = <K extends "article" | "notice" | "listPage" | "noticeList" | "staticPage">(
    file: string,
    list: keyof Catalog,
    alias: K,
    url: (item: NonNullable<PageData[K]>) => string | undefined,
    more: { selectable?: boolean; ogType?: string } = {},
  ) =>
    page(file, {
      layout: `layouts/${file}`,
      pagination: {
        data: `catalog.${list}`,
        size: 1,
        alias,
        addAllPagesToCollections: true,
        ...(more.selectable ? { before: (items: NonNullable<PageData[K]>[]) => selected(items, url) } : {}),
      },
      permalink: (data: PageData) => {
        const item = data[alias];
        return item ? url(item as NonNullable<PageData[K]>) : undefined;
      },
      ...(more.ogType ? { ogType: more.ogType } : {}),
    });

  pagePerItem("article.njk", "articles", "article", (article) => article.url, { selectable: true, ogType: "article" });
  pagePerItem("notice.njk", "noticePages", "notice", (notice) => notice.pageUrl, {
    selectable: true,
    ogType: "article",
  });

  if (selection.detailPagesOnly) return;

  page("index.njk", {
    layout: "layouts/home.njk",
    permalink: FIXED_PAGES.home,
    eleventyComputed: {
      title: (data: PageData) => data.catalog.site.name,
      description: (data: PageData) => data.catalog.site.description,
    },
  });

  pagePerItem("column.njk", "columnPages", "listPage", (listPage) => listPage.url);
  pagePerItem("notices.njk", "noticeListPages", "noticeList", (noticeList) => noticeList.url);
  pagePerItem("page.njk", "staticPages", "staticPage", (staticPage) => staticPage.url);

  page("search.njk", {
    layout: "layouts/search.njk",
    permalink: FIXED_PAGES.search,
    title: "站内搜索",
    searchPage: true,
    excludeFromSitemap: true,
    eleventyComputed: {
      description: (data: PageData) => `搜索${data.catalog.site.name}网站的文章和通知公告`,
      contentSecurityPolicy: (data: PageData & { searchContentSecurityPolicy: string }) =>
        data.searchContentSecurityPolicy,
    },
  });

  page("accessibility.njk", {
    layout: "layouts/accessibility.njk",
    permalink: FIXED_PAGES.accessibility,
    title: "无障碍说明",
    eleventyComputed: {
      description: (data: PageData) => `${data.catalog.site.name}网站的无障碍工具条、快捷键和键盘操作说明`,
    },
  });

  page("site-map.njk", {
    layout: "layouts/site-map.njk",
    permalink: FIXED_PAGES.siteMap,
    title: "网站地图",
    eleventyComputed: {
      description: (data: PageData) => `${data.catalog.site.name}网站的全部栏目、通知公告和页面`,
    },
  });

  page("public-information.njk", {
    layout: "layouts/public-information.njk",
    permalink: FIXED_PAGES.publicInformation,
    title: "政府信息公开",
    eleventyComputed: {
      description: (data: PageData) =>
        `${data.catalog.site.name}的政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报和依申请公开`,
    },
  });

  for (const [file, key, title, what] of [
    ["interaction.njk", "interaction", "互动交流", "局长信箱、咨询建言等互动交流渠道"],
    ["services.njk", "services", "办事服务", "网上办事服务入口"],
  ] as const)
    page(file, {
      layout: "layouts/link-list.njk",
      permalink: FIXED_PAGES[key],
      title,
      linkListKey: key,
      eleventyComputed: { description: (data: PageData) => `${data.catalog.site.name}的${what}` },
    });

  page("subscribe.njk", {
    layout: "layouts/subscribe.njk",
    permalink: FIXED_PAGES.subscribe,
    title: "订阅本站",
    eleventyComputed: {
      description: (data: PageData) => `用 RSS 阅读器订阅${data.catalog.site.name}网站的最新文章`,
    },
  });

  page("404.njk", {
    layout: "layouts/404.njk",
    permalink: FIXED_PAGES.notFound,
    title: "页面未找到",
    noQr: true,
    eleventyExcludeFromCollections: true,
    eleventyComputed: { description: (data: PageData) => `${data.catalog.site.name}：您访问的页面不存在` },
  });

  eleventyConfig.addTemplate("feed.njk", '{% include "feeds/feed.xml.njk" %}', {
    permalink: FIXED_PAGES.feed,
    eleventyExcludeFromCollections: true,
  });
  // The sitemap index at /sitemap.xml and its children (lib/render/sitemaps.ts), one file per page of this pagination.
  eleventyConfig.addTemplate("sitemap.njk", "{{ sitemapFile.xml | safe }}", {
    pagination: {
      data: "collections.all",
      size: 1,
      alias: "sitemapFile",
      before: (items: CollectionItem[], data: PageData) =>
        sitemapFiles(sitemapEntries(items, detailPages(data.catalog)), data.catalog.site.url),
    },
    permalink: (data: { sitemapFile: SitemapFile }) => data.sitemapFile.url,
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("robots.njk", '{% include "feeds/robots.txt.njk" %}', {
    permalink: FIXED_PAGES.robots,
    eleventyExcludeFromCollections: true,
  });
}
