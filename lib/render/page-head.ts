import type { Article, Catalog, Column, ListPage, Notice, StaticPage } from "../content/index.ts";

/** A `<meta name content>` pair required by the government website norms. */
export interface MetaTag {
  name: string;
  content: string;
}

/** The data of a page as its template sees it: the catalog and the item the page shows. */
export interface PageData {
  catalog: Catalog;
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

const NOTICES_COLUMN = (content: Catalog) => ({
  name: "通知公告",
  description: `${content.site.name}发布的通知、公告和公示`,
  keywords: ["通知", "公告", "公示"],
  type: "通知公告",
});

const pageSuffix = (page: { pageNumber?: number }) => (page.pageNumber ? `（第${page.pageNumber}页）` : "");

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
        { name: "ContentSource", content: notice.signature?.organ ?? catalog.site.defaults.source },
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
