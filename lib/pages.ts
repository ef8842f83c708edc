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

  page("article.njk", {
    layout: "layouts/article.njk",
    pagination: {
      data: "catalog.articles",
      size: 1,
      alias: "article",
      addAllPagesToCollections: true,
      before: (articles: Article[]) => selected(articles, (article) => article.url),
    },
    permalink: "{{ article.url }}",
    ogType: "article",
    eleventyComputed: {
      currentSection: (data: PageData) => data.article?.column.slug,
      title: (data: PageData) => data.article?.title,
      description: (data: PageData) => data.article?.summary,
      govMeta: (data: PageData) =>
        data.article ? [...articleMeta(data.article), ...columnMeta(data.article.column)] : [],
    },
  });

  page("notice.njk", {
    layout: "layouts/notice.njk",
    pagination: {
      data: "catalog.noticePages",
      size: 1,
      alias: "notice",
      addAllPagesToCollections: true,
      before: (notices: Notice[]) => selected(notices, (notice) => notice.pageUrl),
    },
    permalink: "{{ notice.pageUrl }}",
    ogType: "article",
    eleventyComputed: {
      title: (data: PageData) => data.notice?.title,
      description: (data: PageData) => data.notice?.summary,
      govMeta: (data: PageData) =>
        data.notice
          ? [
              { name: "ArticleTitle", content: data.notice.title },
              { name: "PubDate", content: `${data.notice.date.slice(0, 10)} ${data.notice.date.slice(11, 16)}` },
              { name: "ContentSource", content: data.catalog.site.defaults.source },
              ...columnMeta(NOTICES_COLUMN(data.catalog)),
            ]
          : [],
    },
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

  page("column.njk", {
    layout: "layouts/column.njk",
    pagination: { data: "catalog.columnPages", size: 1, alias: "listPage", addAllPagesToCollections: true },
    permalink: "{{ listPage.url }}",
    eleventyComputed: {
      currentSection: (data: PageData) => data.listPage?.column.slug,
      title: (data: PageData) => data.listPage && `${data.listPage.column.name}${pageSuffix(data.listPage)}`,
      description: (data: PageData) => data.listPage?.column.description,
      govMeta: (data: PageData) => (data.listPage ? columnMeta(data.listPage.column) : []),
    },
  });

  page("notices.njk", {
    layout: "layouts/notices.njk",
    pagination: { data: "catalog.noticeListPages", size: 1, alias: "noticeList", addAllPagesToCollections: true },
    permalink: "{{ noticeList.url }}",
    eleventyComputed: {
      title: (data: PageData) => data.noticeList && `通知公告${pageSuffix(data.noticeList)}`,
      description: (data: PageData) => NOTICES_COLUMN(data.catalog).description,
      govMeta: (data: PageData) => columnMeta(NOTICES_COLUMN(data.catalog)),
    },
  });

  page("page.njk", {
    layout: "layouts/page.njk",
    pagination: { data: "catalog.pages", size: 1, alias: "staticPage", addAllPagesToCollections: true },
    permalink: "{{ staticPage.url }}",
    eleventyComputed: {
      title: (data: PageData) => data.staticPage?.title,
      description: (data: PageData) => data.staticPage?.summary,
    },
  });

  page("search.njk", {
    layout: "layouts/search.njk",
    permalink: "/search/",
    title: "站内搜索",
    excludeFromSitemap: true,
    eleventyComputed: { description: (data: PageData) => `搜索${data.catalog.site.name}网站的文章和通知公告` },
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
