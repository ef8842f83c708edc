import path from "node:path";
import { DateTime } from "luxon";
import { FIXED_PAGES, PROJECT_DIR } from "../shared/index.ts";
import { loadArticles } from "./articles.ts";
import { checkDuplicateUrls, checkLinks } from "./checks.ts";
import type { LoadContext } from "./context.ts";
import { linkNeighbours, listPageUrls, paginate } from "./listing.ts";
import type { Catalog, Notice } from "./model.ts";
import { loadNotices } from "./notices.ts";
import { linkPolicyDocuments } from "./policy.ts";
import { ContentValidationError, sortProblems } from "./problems.ts";
import { publicInformationEntries } from "./public-information.ts";
import { irregularFileProblems } from "./regular-files.ts";
import { loadSite } from "./site.ts";
import { loadStaticPages } from "./static-pages.ts";

export interface LoadOptions {
  /** The site root: the folder that holds content/ and _data/. */
  root: string;
  /** Include drafts and future-dated content, marked with their status (the `npm start` preview). */
  preview?: boolean;
  /** The moment that decides what is scheduled for later; defaults to the current time. */
  now?: DateTime;
}

const newestFirst = <T extends { date: string; url?: string; href?: string }>(a: T, b: T) =>
  b.date.localeCompare(a.date) || (a.url ?? a.href ?? "").localeCompare(b.url ?? b.href ?? "");

/**
 * Reads, validates and arranges all content of a site into the catalog. Every file is checked
 * before anything is returned; any problem anywhere throws one ContentValidationError that lists
 * them all. A symbolic link (or anything but a regular file) under content/, _data/ or the
 * project's _includes/ stops it before any file is read.
 */
export function loadCatalog({ root, preview = false, now = DateTime.now() }: LoadOptions): Catalog {
  const irregular = irregularFileProblems(root, path.join(PROJECT_DIR, "_includes"));
  if (irregular.length > 0) throw new ContentValidationError(sortProblems(irregular));
  const site = loadSite(root);
  const context: LoadContext = { root, site, problems: [], preview, now };
  const articles = loadArticles(context).sort(newestFirst);
  const notices = loadNotices(context).sort(newestFirst);
  const staticPages = loadStaticPages(context);
  checkDuplicateUrls(context, { articles, notices, staticPages });
  const listPages = [
    ...listPageUrls(FIXED_PAGES.notices, notices.length, site.page_size),
    ...site.columns.flatMap((column) => {
      const count = articles.filter((article) => article.column.slug === column.slug).length;
      return listPageUrls(`/${column.slug}/`, count, site.page_size);
    }),
  ];
  checkLinks(context, { articles, notices, staticPages }, listPages);
  linkPolicyDocuments(context, articles);
  const publicInformation = publicInformationEntries(context, { staticPages, articles });
  if (context.problems.length > 0) throw new ContentValidationError(sortProblems(context.problems));

  const columns = site.columns.map((column) => {
    const inColumn = articles.filter((article) => article.column.slug === column.slug);
    for (const [article, links] of linkNeighbours(inColumn)) Object.assign(article, links);
    return { column, articles: inColumn, pages: paginate(inColumn, site.page_size, `/${column.slug}/`) };
  });
  return {
    site,
    articles,
    columns,
    columnPages: columns.flatMap((listing) => listing.pages.map((page) => ({ ...page, column: listing.column }))),
    notices,
    noticePages: notices.filter((notice): notice is Notice & { pageUrl: string } => Boolean(notice.pageUrl)),
    noticeListPages: paginate(notices, site.page_size, FIXED_PAGES.notices),
    staticPages,
    publicInformation,
  };
}
