import type { AttachmentInfo } from "./attachments.ts";
import type { ListPage, NeighbourLink } from "./listing.ts";
import type { PublicInformationEntry } from "./public-information.ts";
import type { AnnualReportKind, Validity } from "./schema.ts";
import type { Column, Site } from "./site.ts";

/** Why an item is shown only in the preview: a draft, or dated in the future (定时发布). */
export type PublicationStatus = "draft" | "scheduled";

/**
 * What the 公文信息 table of a 政策文件 shows (gov.cn's 索引号, 主题分类, 发文机关, 成文日期, 发文字号,
 * 有效性), with the document that replaces or amends it.
 */
export interface PolicyDocument {
  indexNumber?: string;
  topic?: string;
  organ: string;
  /** 成文日期, `YYYY-MM-DD`. */
  writtenDate?: string;
  docNumber?: string;
  validity: Validity;
  /** The day the 有效性 changed, `YYYY-MM-DD`. */
  validityDate?: string;
  replacedBy?: NeighbourLink;
  /** 规范性文件: a 解读 is expected with it. */
  normative: boolean;
}

/** A published article, ready for the templates. */
export interface Article {
  title: string;
  /** ISO 8601 with the site's offset. */
  date: string;
  /** When the article was last revised (更新时间), ISO 8601 with the site's offset; not before `date`. */
  updated?: string;
  column: Column;
  source: string;
  region: string;
  summary: string;
  tags: string[];
  attachments: AttachmentInfo[];
  docNumber?: string;
  indexNumber?: string;
  body: string;
  /** The line of the source file on which the body starts. */
  bodyLine: number;
  url: string;
  sourcePath: string;
  /** Set only in preview builds, for content that a real build leaves out. */
  status?: PublicationStatus;
  previous?: NeighbourLink;
  next?: NeighbourLink;
  /** Set for a 政策文件 (an article of a column whose type names 文件, or with any of its keys). */
  document?: PolicyDocument;
  /** For a 政策解读: the document it explains. */
  interprets?: NeighbourLink;
  /** For a 政策文件: the 解读 that name it, newest first. */
  interpretations?: NeighbourLink[];
}

/** A notice (通知公告). `href` is where its title links: its own page, its url or its attachment. */
export interface Notice {
  title: string;
  date: string;
  /** When the notice was last revised (更新时间), as `date`. */
  updated?: string;
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

/** A static page such as 关于我们, from content/pages/<slug>.md (content/pages/xxgk/<slug>.md → /xxgk/<slug>/). */
export interface StaticPage {
  title: string;
  summary: string;
  body: string;
  bodyLine: number;
  url: string;
  sourcePath: string;
  /** Which annual report the page is, and of which year. */
  report?: { kind: AnnualReportKind; year: number };
  /** Set only in preview builds, for a draft (`draft: true`). */
  status?: PublicationStatus;
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
  /** The 政府信息公开 专栏's entries, each with its pages or links (none when missing). */
  publicInformation: PublicInformationEntry[];
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
