import type { AttachmentInfo } from "./attachments.ts";
import type { ListPage, NeighbourLink } from "./listing.ts";
import type { Column, Site } from "./site.ts";

/** Why an item is shown only in the preview: a draft, or dated in the future (定时发布). */
export type PublicationStatus = "draft" | "scheduled";

/** A published article, ready for the templates. */
export interface Article {
  title: string;
  /** ISO 8601 with the site's offset. */
  date: string;
  column: Column;
  source: string;
  region: string;
  summary: string;
  tags: string[];
  attachments: AttachmentInfo[];
  docNumber?: string;
  indexNumber?: string;
  /** The lead photo (题图) the front matter names: its site address, description and line. */
  image?: { url: string; alt: string; line: number };
  body: string;
  /** The line of the source file on which the body starts. */
  bodyLine: number;
  url: string;
  sourcePath: string;
  /** Set only in preview builds, for content that a real build leaves out. */
  status?: PublicationStatus;
  previous?: NeighbourLink;
  next?: NeighbourLink;
}

/** A notice (通知公告). `href` is where its title links: its own page, its url or its attachment. */
export interface Notice {
  title: string;
  date: string;
  href: string;
  external: boolean;
  /** Set when the notice has a page of its own. */
  pageUrl?: string;
  body?: string;
  bodyLine: number;
  /** The notice's own `url`, when it has one. */
  url?: string;
  urlLine: number;
  summary: string;
  attachments: AttachmentInfo[];
  /** The 落款 under the body: the issuing body and the date it signed, `YYYY-MM-DD`. */
  signature?: { organ: string; date: string };
  sourcePath: string;
  /** The line of the notice's entry in its file. */
  line: number;
  status?: PublicationStatus;
}

/** A static page such as 关于我们, from content/pages/<slug>.md. */
export interface StaticPage {
  title: string;
  summary: string;
  body: string;
  bodyLine: number;
  url: string;
  sourcePath: string;
}

/** A column with its articles and the pages of its list. */
export interface ColumnListing {
  column: Column;
  articles: Article[];
  pages: ListPage<Article>[];
}

/** The catalog: everything the content files say, validated and arranged once per build for every stage. */
export interface Catalog {
  site: Site;
  /** Newest first. */
  articles: Article[];
  columns: ColumnListing[];
  columnPages: (ListPage<Article> & { column: Column })[];
  /** Newest first. */
  notices: Notice[];
  /** The notices with a page of their own, newest first. */
  noticePages: (Notice & { pageUrl: string })[];
  noticeListPages: ListPage<Notice>[];
  staticPages: StaticPage[];
}

/** A detail page: the page of one article or of one notice that has a page of its own. */
export type DetailPage =
  | { kind: "article"; url: string; date: string; item: Article }
  | { kind: "notice"; url: string; date: string; item: Notice & { pageUrl: string } };

/**
 * Every detail page of the catalog, notice pages first (the order Eleventy renders them), then
 * articles, each newest first: what is carried over between builds, QR-encoded ahead of the
 * rendering, indexed for search and listed in the sitemap.
 */
export function detailPages(catalog: Pick<Catalog, "articles" | "noticePages">): DetailPage[] {
  return [
    ...catalog.noticePages.map((notice) => ({
      kind: "notice" as const,
      url: notice.pageUrl,
      date: notice.date,
      item: notice,
    })),
    ...catalog.articles.map((article) => ({
      kind: "article" as const,
      url: article.url,
      date: article.date,
      item: article,
    })),
  ];
}
