import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { type AttachmentInfo, describeAttachment, FILES_DIR } from "./attachments.ts";
import { parseContentDate, toIsoWithOffset } from "./dates.ts";
import { normalizeNewlines, splitFrontMatter } from "./frontmatter.ts";
import { findBodyLinks, isSafeLink, sitePath } from "./links.ts";
import { type ListPage, linkNeighbours, type NeighbourLink, paginate } from "./listing.ts";
import { type ContentProblem, ContentValidationError } from "./problems.ts";
import { articleSchema, noticesFileSchema, pageSchema, SLUG, validateWithSchema } from "./schema.ts";
import { type Column, loadSite, type Site } from "./site.ts";
import { plainTextSummary, shortHash } from "./text.ts";
import { parseYamlSource } from "./yaml-source.ts";

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

/** Why an item is shown only in the preview: a draft, or dated in the future (定时发布). */
export type PublicationStatus = "draft" | "scheduled";

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
  sourcePath: string;
  /** The line of the notice's entry in its file. */
  line: number;
  status?: PublicationStatus;
}

/** A standalone page such as 关于我们, from content/pages/<slug>.md. */
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

/** Everything the templates render, computed once per build. */
export interface SiteContent {
  site: Site;
  /** Newest first. */
  articles: Article[];
  columns: ColumnListing[];
  columnPages: (ListPage<Article> & { column: Column })[];
  /** Newest first. */
  notices: Notice[];
  noticePages: Notice[];
  noticeListPages: ListPage<Notice>[];
  pages: StaticPage[];
}

export interface LoadOptions {
  /** The site root: the folder that holds content/ and _data/. */
  root: string;
  /** Include drafts and future-dated content, marked with their status (the `npm start` preview). */
  preview?: boolean;
  /** The moment that decides what is scheduled for later; defaults to the current time. */
  now?: DateTime;
}

interface LoadContext {
  root: string;
  site: Site;
  problems: ContentProblem[];
  preview: boolean;
  now: DateTime;
}

function publicationStatus(
  draft: boolean | undefined,
  date: DateTime,
  context: LoadContext,
): PublicationStatus | undefined {
  if (draft) return "draft";
  return date > context.now ? "scheduled" : undefined;
}

const ARTICLES_DIR = "content/articles";
const NOTICES_DIR = "content/notices";
const PAGES_DIR = "content/pages";

function listFiles(root: string, directory: string, extensions: readonly string[]): string[] {
  const absolute = path.join(root, directory);
  let entries: string[];
  try {
    entries = readdirSync(absolute, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return entries
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => extensions.some((extension) => entry.endsWith(extension)))
    .filter((entry) => !entry.split("/").some((part) => part.startsWith(".")))
    .sort()
    .map((entry) => `${directory}/${entry}`);
}

/** The article files of a site (the `.md` files under `content/articles`), as the build reads them. */
export function listArticleFiles(root: string): string[] {
  return listFiles(root, ARTICLES_DIR, [".md"]);
}

function readText(root: string, file: string, problems: ContentProblem[]): string | undefined {
  const bytes = readFileSync(path.join(root, file));
  const decoded = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (decoded.includes("\uFFFD") && !bytes.includes(Buffer.from("\uFFFD"))) {
    problems.push({ file, line: 1, message: "文件不是 UTF-8 编码，请用 UTF-8 另存后再提交" });
    return undefined;
  }
  if (decoded.replace(/^\uFEFF/, "").trim() === "") {
    problems.push({ file, line: 1, message: "文件是空的" });
    return undefined;
  }
  return normalizeNewlines(decoded);
}

function resolveAttachments(
  root: string,
  file: string,
  entries: { title: string; file: string }[] | undefined,
  lineOf: (index: number) => number,
  fieldPrefix: string,
  problems: ContentProblem[],
): AttachmentInfo[] {
  const resolved: AttachmentInfo[] = [];
  (entries ?? []).forEach((entry, index) => {
    const info = describeAttachment(root, entry.title, entry.file);
    if (info) resolved.push(info);
    else
      problems.push({
        file,
        line: lineOf(index),
        field: `${fieldPrefix}[${index}].file`,
        message: `附件文件「${entry.file}」不存在，请把文件放到 ${FILES_DIR}/ 下`,
      });
  });
  return resolved;
}

function loadArticles(context: LoadContext): Article[] {
  const { root, site, problems } = context;
  const schema = articleSchema(
    site.columns.map((column) => column.name),
    site.time_zone,
  );
  const articles: Article[] = [];
  for (const file of listArticleFiles(root)) {
    const relative = file.slice(ARTICLES_DIR.length + 1);
    const match = /^(\d{4})\/([^/]+)\.md$/.exec(relative);
    if (!match || !SLUG.test(match[2] ?? "")) {
      problems.push({
        file,
        line: 1,
        message: "文章应放在 content/articles/<年份>/<英文短名>.md，短名只用小写字母、数字和连字符",
      });
      continue;
    }
    const [, year, slug] = match;
    const text = readText(root, file, problems);
    if (text === undefined) continue;
    const split = splitFrontMatter(text);
    if (!split) {
      problems.push({ file, line: 1, message: "缺少开头的 --- 元数据块（front matter）" });
      continue;
    }
    const { frontMatter, body, bodyLine } = split;
    if (frontMatter.errors.length > 0) {
      for (const error of frontMatter.errors)
        problems.push({ file, line: error.line, message: `YAML 语法错误：${error.message}` });
      continue;
    }
    const { data, problems: found } = validateWithSchema(schema, frontMatter, file);
    problems.push(...found);
    if (!data) continue;
    const published = parseContentDate(data.date, site.time_zone) as DateTime;
    if (String(published.year) !== year) {
      problems.push({
        file,
        line: frontMatter.lineOf(["date"]),
        field: "date",
        message: `发布时间的年份 ${published.year} 与文件所在的年份目录 ${year} 不一致`,
      });
      continue;
    }
    const attachments = resolveAttachments(
      root,
      file,
      data.attachments,
      (index) => frontMatter.lineOf(["attachments", index, "file"]),
      "attachments",
      problems,
    );
    const status = publicationStatus(data.draft, published, context);
    if (status && !context.preview) continue;
    const column = site.columns.find((entry) => entry.name === data.column) as Column;
    articles.push({
      title: data.title,
      date: toIsoWithOffset(published),
      column,
      source: data.source ?? site.defaults.source,
      region: data.region ?? site.defaults.region,
      summary: data.summary ?? plainTextSummary(body),
      tags: data.tags ?? [],
      attachments,
      docNumber: data.doc_number,
      indexNumber: data.index_number,
      body,
      bodyLine,
      url: `/articles/${year}/${slug}/`,
      sourcePath: file,
      status,
    });
  }
  return articles;
}

/** The URL of a notice's own page: its date and a fingerprint of its title. */
export function noticePageUrl(isoDate: string, title: string): string {
  return `/notices/${isoDate.slice(0, 4)}/${isoDate.slice(5, 7)}${isoDate.slice(8, 10)}-${shortHash(title).slice(0, 6)}/`;
}

function loadNotices(context: LoadContext): Notice[] {
  const { root, site, problems } = context;
  const schema = noticesFileSchema(site.time_zone);
  const notices: Notice[] = [];
  for (const file of listFiles(root, NOTICES_DIR, [".yaml", ".yml"])) {
    const text = readText(root, file, problems);
    if (text === undefined) continue;
    const yaml = parseYamlSource(text);
    if (yaml.errors.length > 0) {
      for (const error of yaml.errors)
        problems.push({ file, line: error.line, message: `YAML 语法错误：${error.message}` });
      continue;
    }
    const { data, problems: found } = validateWithSchema(schema, yaml, file);
    problems.push(...found);
    if (!data) continue;
    data.forEach((entry, index) => {
      const published = parseContentDate(entry.date, site.time_zone) as DateTime;
      const status = publicationStatus(false, published, context);
      if (status && !context.preview) return;
      const date = toIsoWithOffset(published);
      const attachments = resolveAttachments(
        root,
        file,
        entry.attachments,
        (attachmentIndex) => yaml.lineOf([index, "attachments", attachmentIndex, "file"]),
        `[${index}].attachments`,
        problems,
      );
      const body = entry.body?.trim() ? entry.body : undefined;
      const hasPage = Boolean(body) || (!entry.url && attachments.length > 1);
      const pageUrl = hasPage ? noticePageUrl(date, entry.title) : undefined;
      const href = pageUrl ?? entry.url ?? attachments[0]?.url ?? "/notices/";
      notices.push({
        title: entry.title,
        date,
        href,
        external: !pageUrl && /^https?:/.test(href),
        pageUrl,
        body,
        bodyLine: yaml.lineOf([index, "body"]) + 1,
        url: entry.url,
        urlLine: yaml.lineOf([index, "url"]),
        summary: body ? plainTextSummary(body) : entry.title,
        attachments,
        sourcePath: file,
        line: yaml.lineOf([index]),
        status,
      });
    });
  }
  return notices;
}

function loadPages({ root, problems }: LoadContext): StaticPage[] {
  const pages: StaticPage[] = [];
  for (const file of listFiles(root, PAGES_DIR, [".md"])) {
    const slug = file.slice(PAGES_DIR.length + 1, -".md".length);
    if (!SLUG.test(slug)) {
      problems.push({ file, line: 1, message: "页面文件名只能用小写字母、数字和连字符" });
      continue;
    }
    const text = readText(root, file, problems);
    if (text === undefined) continue;
    const split = splitFrontMatter(text);
    if (!split) {
      problems.push({ file, line: 1, message: "缺少开头的 --- 元数据块（front matter）" });
      continue;
    }
    const { data, problems: found } = validateWithSchema(pageSchema, split.frontMatter, file);
    problems.push(...found);
    if (!data) continue;
    pages.push({
      title: data.title,
      summary: data.summary ?? plainTextSummary(split.body),
      body: split.body,
      bodyLine: split.bodyLine,
      url: `/${slug}/`,
      sourcePath: file,
    });
  }
  return pages;
}

function checkDuplicateUrls(
  site: Site,
  content: Pick<SiteContent, "articles" | "notices" | "pages">,
  problems: ContentProblem[],
) {
  const owners = new Map<string, string>();
  const claim = (url: string, file: string, line: number, what: string) => {
    const owner = owners.get(url);
    if (owner) problems.push({ file, line, message: `${what}的地址 ${url} 与 ${owner} 重复` });
    else owners.set(url, `${file}:${line}`);
  };
  for (const column of site.columns) owners.set(`/${column.slug}/`, "_data/site.yaml");
  for (const article of content.articles) claim(article.url, article.sourcePath, 1, "文章");
  for (const notice of content.notices)
    if (notice.pageUrl) claim(notice.pageUrl, notice.sourcePath, notice.line, `通知公告「${notice.title}」`);
  for (const page of content.pages) claim(page.url, page.sourcePath, 1, "页面");
}

/** Site paths that the build writes besides the content pages. */
const FIXED_PATHS = [
  "/",
  "/notices/",
  "/search/",
  "/accessibility/",
  "/feed.xml",
  "/sitemap.xml",
  "/robots.txt",
  "/404.html",
];

function checkLinks(
  context: LoadContext,
  content: Pick<SiteContent, "articles" | "notices" | "pages">,
  pagesPerList: Map<string, number>,
): void {
  const { root, problems } = context;
  const known = new Set(FIXED_PATHS);
  for (const item of [...content.articles, ...content.pages]) known.add(item.url);
  for (const notice of content.notices) if (notice.pageUrl) known.add(notice.pageUrl);
  for (const [base, pages] of pagesPerList)
    for (let page = 1; page <= pages; page++) known.add(page === 1 ? base : `${base}${page}/`);
  const exists = (path: string) => {
    if (known.has(path)) return true;
    if (path.startsWith("/files/")) return describeAttachment(root, "", path.slice("/files/".length)) !== undefined;
    return path.startsWith("/assets/") || path.startsWith("/pagefind/");
  };
  const check = (file: string, line: number, field: string, target: string) => {
    if (!isSafeLink(target)) {
      problems.push({
        file,
        line,
        field,
        message: `链接「${target}」的协议不安全，只允许 http、https、mailto、tel 和站内路径`,
      });
      return;
    }
    const path = sitePath(target);
    if (path !== undefined && !exists(path)) {
      const hint = /^\/articles\/\d{4}\/[^/]+$/.test(path) ? "（文章地址以 / 结尾）" : "";
      problems.push({ file, line, field, message: `站内链接「${target}」指向的页面或文件不存在${hint}` });
    }
  };
  const checkBody = (file: string, body: string | undefined, firstLine: number) => {
    for (const link of findBodyLinks(body ?? "")) check(file, firstLine + link.line - 1, "body", link.target);
  };
  for (const article of content.articles) checkBody(article.sourcePath, article.body, article.bodyLine);
  for (const page of content.pages) checkBody(page.sourcePath, page.body, page.bodyLine);
  for (const notice of content.notices) {
    checkBody(notice.sourcePath, notice.body, notice.bodyLine);
    if (notice.url) check(notice.sourcePath, notice.urlLine, "url", notice.url);
  }
}

const newestFirst = <T extends { date: string; url?: string; href?: string }>(a: T, b: T) =>
  b.date.localeCompare(a.date) || (a.url ?? a.href ?? "").localeCompare(b.url ?? b.href ?? "");

/**
 * Reads, validates and arranges all content of a site. Every file is checked before anything is
 * returned; any problem anywhere throws one ContentValidationError that lists them all.
 */
export function loadContent({ root, preview = false, now = DateTime.now() }: LoadOptions): SiteContent {
  const site = loadSite(root);
  const problems: ContentProblem[] = [];
  const context: LoadContext = { root, site, problems, preview, now };
  const articles = loadArticles(context).sort(newestFirst);
  const notices = loadNotices(context).sort(newestFirst);
  const pages = loadPages(context);
  checkDuplicateUrls(site, { articles, notices, pages }, problems);
  const pagesPerList = new Map<string, number>([["/notices/", Math.ceil(notices.length / site.page_size)]]);
  for (const column of site.columns) {
    const count = articles.filter((article) => article.column.slug === column.slug).length;
    pagesPerList.set(`/${column.slug}/`, Math.max(1, Math.ceil(count / site.page_size)));
  }
  checkLinks(context, { articles, notices, pages }, pagesPerList);
  if (problems.length > 0) throw new ContentValidationError(sortProblems(problems));

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
    noticePages: notices.filter((notice) => notice.pageUrl),
    noticeListPages: paginate(notices, site.page_size, "/notices/"),
    pages,
  };
}

/** Orders problems by file, then line, so each file's problems read top to bottom. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

export { FILES_DIR };
