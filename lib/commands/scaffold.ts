import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { isMap, isSeq, parseDocument, stringify } from "yaml";
import {
  ARTICLE_BODY_PLACEHOLDER,
  CONTENT_FOLDERS,
  compileIndexPattern,
  isPolicyColumn,
  loadSite,
  NOTICE_BODY_PLACEHOLDER,
  noticePageUrl,
  type Site,
  SLUG,
} from "../content/index.ts";
import {
  ARTICLES_URL,
  CONTENT_DATE_FORMATS,
  canonicalUrl,
  FIXED_PAGES,
  parseContentDate,
  toIsoWithOffset,
} from "../shared/index.ts";
import { indexNumbersInUse, nextIndexNumber } from "./index-number.ts";
import { slugFromTitle, slugsInFolder, uniqueSlug } from "./slug.ts";

/** What an editor is told when a scaffold cannot be written; the CLI prints it and exits 1. */
export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScaffoldError";
  }
}

/** What `npm run new` wrote: the file, relative to the site root, and where it will be published. */
export interface ScaffoldResult {
  /** The file created or changed, e.g. `content/articles/2024/kjcx.md`. */
  file: string;
  /** The site path of the page, or of the list it shows in (`/notices/`). */
  url: string;
  /** The same as an absolute URL on the site's origin. */
  canonical: string;
  /** Whether the file is new (false: an existing notices file got one more entry). */
  created: boolean;
  /** Whether it holds a placeholder body to replace (the check refuses it until then). */
  placeholder: boolean;
  /** The 索引号 given to a new 政策文件 by the site's pattern. */
  indexNumber?: string;
}

/**
 * The publication time of new content: the `--date` an editor gave, checked against the calendar,
 * or `now` in the site's time zone (`YYYY-MM-DD HH:mm` for articles, `YYYY-MM-DD` for notices).
 */
function contentDateFor(
  given: string | undefined,
  now: DateTime,
  zone: string,
  withTime: boolean,
): { text: string; date: DateTime } {
  if (given !== undefined) {
    const text = given.trim();
    const date = parseContentDate(text, zone);
    if (!date) {
      throw new ScaffoldError(
        `--date「${given}」不是有效的时间，应写作 ${CONTENT_DATE_FORMATS.join(" 或 ")}，且须是日历上存在的日期`,
      );
    }
    return { text, date };
  }
  const local = now.setZone(zone);
  const text = local.toFormat(withTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd");
  return { text, date: parseContentDate(text, zone) as DateTime };
}

/** The column names of a site, checking that `name` is one of them. */
function requireColumn(site: Site, name: string | undefined): string {
  const names = site.columns.map((column) => column.name);
  if (name === undefined || !names.includes(name.trim())) {
    const what = name === undefined ? "缺少 --column" : `栏目「${name}」不存在`;
    throw new ScaffoldError(`${what}，请用 --column 指定本站的栏目之一：${names.join("、")}`);
  }
  return name.trim();
}

function requireTitle(title: string | undefined): string {
  const trimmed = title?.trim();
  if (!trimmed) throw new ScaffoldError('缺少标题：请用 --title 写上标题，如 --title "关于……的通知"');
  if (/[\r\n]/.test(trimmed)) throw new ScaffoldError("标题只能是一行文字");
  return trimmed;
}

/** The optional keys, commented out, with what each means: a hint for the editor. */
const OPTIONAL_ARTICLE_KEYS = (site: Site, year: string) => [
  "# 以下是可选字段：需要时删去行首的「# 」再填写。",
  `# source: ${site.defaults.source}   # 来源，不写则用站点默认值`,
  `# region: ${site.defaults.region}   # 适用地，不写则用站点默认值`,
  "# summary: 一两句话的摘要   # 不写则取正文开头",
  "# tags: [主题词一, 主题词二]",
  "# attachments:   # 附件，文件放在 content/files/ 下",
  "#   - title: 附件标题",
  `#     file: ${year}/文件名.pdf`,
  "# draft: true   # 草稿：写上这一行就不发布",
  `# doc_number: 克科发〔${year}〕1号   # 文号`,
  `# index_number: 000000000/${year}-00001   # 索引号（政府信息公开）`,
];

/**
 * The text of a new article file: front matter that validates, the optional keys as comments, a
 * placeholder paragraph that the check refuses until it is replaced (lib/content/body-checks.ts).
 */
function articleFileText(
  site: Site,
  fields: { title: string; date: string; column: string; index_number?: string },
): string {
  const frontMatter = stringify(fields, { lineWidth: 0 });
  const optional = OPTIONAL_ARTICLE_KEYS(site, fields.date.slice(0, 4));
  return [
    "---",
    frontMatter.trimEnd(),
    ...(fields.index_number ? optional.filter((line) => !line.startsWith("# index_number:")) : optional),
    "---",
    "",
    ARTICLE_BODY_PLACEHOLDER,
    "",
  ].join("\n");
}

export interface NewArticleOptions {
  /** The site root: the folder holding content/ and _data/. */
  root: string;
  title: string | undefined;
  column: string | undefined;
  /** Use this slug instead of one made from the title; it must be free. */
  slug?: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DD HH:mm` in the site's zone; defaults to `now`. */
  date?: string;
  /** The current moment (a parameter so tests control it). */
  now: DateTime;
}

/**
 * Creates `content/articles/<YYYY>/<slug>.md` for a new article: the date in the site's time zone,
 * a slug from the title in pinyin made unique in that year's folder (or the given one), valid
 * front matter and a placeholder body.
 */
export function createArticle(options: NewArticleOptions): ScaffoldResult {
  const site = loadSite(options.root);
  const title = requireTitle(options.title);
  const column = requireColumn(site, options.column);
  const { text: date, date: published } = contentDateFor(options.date, options.now, site.time_zone, true);
  const year = String(published.year);
  const folder = `${CONTENT_FOLDERS.articles}/${year}`;
  const taken = slugsInFolder(path.join(options.root, folder));
  let slug: string;
  if (options.slug !== undefined) {
    slug = options.slug.trim();
    if (!SLUG.test(slug)) {
      throw new ScaffoldError(`--slug「${options.slug}」不可用：英文短名只能用小写字母、数字和连字符，如 kjcx-2024`);
    }
    if (taken.has(slug)) throw new ScaffoldError(`${folder}/${slug}.md 已经存在，请换一个 --slug`);
  } else {
    slug = uniqueSlug(slugFromTitle(title) || "article", taken);
  }
  const file = `${folder}/${slug}.md`;
  const pattern = site.policy_documents.index_pattern;
  const policyColumn = site.columns.find((entry) => entry.name === column);
  const indexNumber =
    pattern && policyColumn && isPolicyColumn(policyColumn)
      ? nextIndexNumber(compileIndexPattern(pattern), indexNumbersInUse(options.root), published.year)
      : undefined;
  const fields = indexNumber ? { title, date, column, index_number: indexNumber } : { title, date, column };
  mkdirSync(path.join(options.root, folder), { recursive: true });
  writeFileSync(path.join(options.root, file), articleFileText(site, fields), { flag: "wx" });
  const url = `${ARTICLES_URL}${year}/${slug}/`;
  return { file, url, canonical: canonicalUrl(site.url, url), created: true, placeholder: true, indexNumber };
}

/** A notice as `npm run new -- notice` adds it. */
export interface NewNotice {
  title: string;
  date: string;
  url?: string;
  body?: string;
}

/** The header comment of a new notices file. */
const noticesFileHeader = (year: string) => `# ${year} 年通知公告。每项至少要有 url、body、attachments 之一。\n`;

/**
 * Adds a notice at the top of a notices file's list (the files list the newest first), keeping
 * every other line of the file as it was: the new entry's text goes after the file's opening
 * comments. A file that is empty or not a block list is rewritten through the YAML document
 * model instead, which keeps its comments. Throws when the file is not a list of notices.
 */
export function addNoticeToText(text: string | undefined, notice: NewNotice, year: string): string {
  const entry = stringify([notice], { lineWidth: 0 });
  if (text === undefined || text.trim() === "") return `${noticesFileHeader(year)}${entry}`;
  const document = parseDocument(text, { schema: "core" });
  if (document.errors.length > 0) {
    throw new ScaffoldError(`通知公告文件有 YAML 语法错误，请先修正：${document.errors[0]?.message.split("\n")[0]}`);
  }
  const contents = document.contents;
  if (contents === null) return `${text.replace(/\n*$/, "\n")}${entry}`;
  if (isSeq(contents) && contents.flow && contents.items.length === 0 && contents.range) {
    const [start, end] = contents.range;
    const rest = `${text.slice(0, start)}${text.slice(end)}`.replace(/\n*$/, "\n");
    return `${rest.trim() ? rest : ""}${entry}`;
  }
  if (!isSeq(contents) || contents.items.some((item) => !isMap(item))) {
    throw new ScaffoldError("通知公告文件应是一个列表（每项以「- title:」开始），请先修正再添加");
  }
  if (contents.flow) {
    contents.items.unshift(document.createNode(notice) as (typeof contents.items)[number]);
    contents.flow = false;
    return document.toString({ lineWidth: 0 });
  }
  const lines = text.split("\n");
  const first = lines.findIndex((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
  lines.splice(first, 0, ...entry.trimEnd().split("\n"));
  return lines.join("\n");
}

export interface NewNoticeOptions {
  root: string;
  title: string | undefined;
  date?: string;
  /** Where the notice's title links; without it the notice gets a placeholder body and a page. */
  url?: string;
  now: DateTime;
}

/**
 * Adds a notice to `content/notices/<YYYY>.yaml` (created when missing), dated `now` in the site's
 * zone unless `--date` is given, with a placeholder body unless it links to a `url`.
 */
export function addNotice(options: NewNoticeOptions): ScaffoldResult {
  const site = loadSite(options.root);
  const title = requireTitle(options.title);
  const { text: date, date: published } = contentDateFor(options.date, options.now, site.time_zone, false);
  const link = options.url?.trim();
  if (link !== undefined && !/^(\/(?!\/)|https?:\/\/)\S+$/.test(link)) {
    throw new ScaffoldError(`--url「${options.url}」不可用：站内路径以 / 开头，站外地址以 https:// 或 http:// 开头`);
  }
  const year = String(published.year);
  const file = `${CONTENT_FOLDERS.notices}/${year}.yaml`;
  const absolute = path.join(options.root, file);
  const before = existsSync(absolute) ? readFileSync(absolute, "utf8") : undefined;
  const notice: NewNotice = link ? { title, date, url: link } : { title, date, body: `${NOTICE_BODY_PLACEHOLDER}\n` };
  const after = addNoticeToText(before, notice, year);
  const check = parseDocument(after, { schema: "core" });
  const previous = before?.trim() ? (parseDocument(before, { schema: "core" }).toJS() ?? []) : [];
  if (check.errors.length > 0 || JSON.stringify(check.toJS()) !== JSON.stringify([notice, ...previous])) {
    throw new ScaffoldError(`无法在 ${file} 里添加通知：请检查文件格式，或手工添加`);
  }
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, after);
  const url = link ? FIXED_PAGES.notices : noticePageUrl(toIsoWithOffset(published), title);
  return {
    file,
    url,
    canonical: canonicalUrl(site.url, url),
    created: before === undefined,
    placeholder: link === undefined,
  };
}

/** The current moment, for the CLI; tests pass their own. */
export function currentTime(): DateTime {
  return DateTime.now();
}
