import type { Article, Notice, SiteContent, StaticPage } from "./content.ts";
import type { EleventyConfig } from "./eleventy-types.ts";
import type { ListPage } from "./listing.ts";
import type { Column } from "./site.ts";

/** A `<meta name content>` pair required by the government website norms. */
export interface MetaTag {
  name: string;
  content: string;
}

interface PageData {
  catalog: SiteContent;
  article?: Article;
  notice?: Notice;
  staticPage?: StaticPage;
  listPage?: ListPage<Article> & { column: Column };
  noticeList?: ListPage<Notice>;
}

/** The `ArticleTitle`, `PubDate` and `ContentSource` meta of an article page. */
export function articleMeta(article: Article): MetaTag[] {
  const pubDate = `${article.date.slice(0, 10)} ${article.date.slice(11, 16)}`;
  return [
    { name: "ArticleTitle", content: article.title },
    { name: "PubDate", content: pubDate },
    { name: "ContentSource", content: article.source },
    ...(article.tags.length ? [{ name: "Keywords", content: article.tags.join(",") }] : []),
  ];
}

/** The `Column*` meta of a column page (and of an article page, for its column). */
export function columnMeta(column: Pick<Column, "name" | "description" | "keywords" | "type">): MetaTag[] {
  return [
    { name: "ColumnName", content: column.name },
    { name: "ColumnDescription", content: column.description },
    { name: "ColumnKeywords", content: column.keywords.join(",") },
    { name: "ColumnType", content: column.type },
  ];
}

const NOTICES_COLUMN = (content: SiteContent) => ({
  name: "通知公告",
  description: `${content.site.name}发布的通知、公告和公示`,
  keywords: ["通知", "公告", "公示"],
  type: "通知公告",
});

const pageSuffix = (page: { pageNumber: number }) => (page.pageNumber > 1 ? `（第${page.pageNumber}页）` : "");

/** What the base layout puts in a page's head and header: title, description, government meta, current section. */
export interface PageHead {
  title?: string;
  description?: string;
  govMeta: MetaTag[];
  currentSection?: string;
}

/** The data pageHead reads: the page's item (whichever the template paginates over) or its own values. */
export type PageHeadData = PageData & {
  title?: string;
  description?: string;
  govMeta?: MetaTag[];
  currentSection?: string;
};

/**
 * The head of a page from its item, worked out while the layout renders (a Nunjucks global) rather
 * than as Eleventy computed data, which costs Eleventy a dependency graph for every page.
 */
export function pageHead(data: PageHeadData): PageHead {
  const { article, notice, listPage, noticeList, staticPage, catalog } = data;
  if (article)
    return {
      title: article.title,
      description: article.summary,
      govMeta: [...articleMeta(article), ...columnMeta(article.column)],
      currentSection: article.column.slug,
    };
  if (notice)
    return {
      title: notice.title,
      description: notice.summary,
      govMeta: [
        { name: "ArticleTitle", content: notice.title },
        { name: "PubDate", content: `${notice.date.slice(0, 10)} ${notice.date.slice(11, 16)}` },
        { name: "ContentSource", content: catalog.site.defaults.source },
        ...columnMeta(NOTICES_COLUMN(catalog)),
      ],
      currentSection: "notices",
    };
  if (listPage)
    return {
      title: `${listPage.column.name}${pageSuffix(listPage)}`,
      description: listPage.column.description,
      govMeta: columnMeta(listPage.column),
      currentSection: listPage.column.slug,
    };
  if (noticeList)
    return {
      title: `通知公告${pageSuffix(noticeList)}`,
      description: NOTICES_COLUMN(catalog).description,
      govMeta: columnMeta(NOTICES_COLUMN(catalog)),
      currentSection: "notices",
    };
  if (staticPage) return { title: staticPage.title, description: staticPage.summary, govMeta: [] };
  return {
    title: data.title,
    description: data.description,
    govMeta: data.govMeta ?? [],
    currentSection: data.currentSection,
  };
}

/** Which pages one Eleventy run renders. */
export interface PageSelection {
  /**
   * The article and notice pages (URLs) to render; all when absent. The others are carried over
   * from the last build (lib/reuse.ts) or rendered by another run of the same build.
   */
  renderPages?: () => ReadonlySet<string> | undefined;
  /** Only those article and notice pages: no home, list, feed or other page (the later runs of a large build). */
  pagesOnly?: boolean;
}

/**
 * Registers every page type as an Eleventy virtual template. Each is an empty body rendered by a
 * layout in _includes/layouts, with the data the base layout needs for its head meta.
 */
export function registerPages(eleventyConfig: EleventyConfig, options: PageSelection = {}): void {
  const selected = <T>(items: T[], url: (item: T) => string | undefined): T[] => {
    const render = options.renderPages?.();
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
    list: keyof SiteContent,
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

  if (options.pagesOnly) return;

  page("index.njk", {
    layout: "layouts/home.njk",
    permalink: "/",
    eleventyComputed: {
      title: (data: PageData) => data.catalog.site.name,
      description: (data: PageData) => data.catalog.site.description,
    },
  });

  pagePerItem("column.njk", "columnPages", "listPage", (listPage) => listPage.url);
  pagePerItem("notices.njk", "noticeListPages", "noticeList", (noticeList) => noticeList.url);
  pagePerItem("page.njk", "pages", "staticPage", (staticPage) => staticPage.url);

  page("search.njk", {
    layout: "layouts/search.njk",
    permalink: "/search/",
    title: "站内搜索",
    excludeFromSitemap: true,
    eleventyComputed: { description: (data: PageData) => `搜索${data.catalog.site.name}网站的文章和通知公告` },
  });

  page("accessibility.njk", {
    layout: "layouts/accessibility.njk",
    permalink: "/accessibility/",
    title: "无障碍说明",
    eleventyComputed: {
      description: (data: PageData) => `${data.catalog.site.name}网站的无障碍工具条、快捷键和键盘操作说明`,
    },
  });

  page("404.njk", {
    layout: "layouts/404.njk",
    permalink: "/404.html",
    title: "页面未找到",
    noQr: true,
    eleventyExcludeFromCollections: true,
    eleventyComputed: { description: (data: PageData) => `${data.catalog.site.name}：您访问的页面不存在` },
  });

  eleventyConfig.addTemplate("feed.njk", '{% include "feeds/feed.xml.njk" %}', {
    permalink: "/feed.xml",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("sitemap.njk", '{% include "feeds/sitemap.xml.njk" %}', {
    permalink: "/sitemap.xml",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("robots.njk", '{% include "feeds/robots.txt.njk" %}', {
    permalink: "/robots.txt",
    eleventyExcludeFromCollections: true,
  });
}
