import type * as pagefind from "pagefind";
import { type Catalog, detailPages } from "../content/index.ts";
import { BLOCK_MARK, SEARCH_FILTERS, TITLE_MARK, titleKey } from "../search-protocol/index.ts";
import { formatIsoDate } from "../shared/index.ts";
import { indexTextWithKeys } from "./record-keys.ts";
import { markdownToText } from "./text.ts";

/**
 * The language the records are indexed under. Pagefind neither stems nor segments it, so the index
 * holds exactly the bigrams of lib/search-protocol; the search page asks for this index by name.
 */
export const SEARCH_LANGUAGE = "und";

/**
 * Positions a record's title takes at least: the title's words, then title marks up to this many,
 * then the body. A phrase found at a position below it is in the title (the search page ranks
 * such pages above pages with the phrase in the body) for any title of up to about 60 characters.
 */
export const TITLE_SLOT = 64;

/** One page of the index, before segmentation. */
export interface SearchRecordSource {
  url: string;
  title: string;
  /** Plain text of the body (and tags, document number), one block a line. */
  text: string;
  /** ISO date with offset. */
  date: string;
  type: "文章" | "通知公告";
  column?: string;
  /** A 政策文件's 有效性 (现行有效, 已修改, 已废止, 已失效). */
  validity?: string;
}

/** A page to index as the content gives it: Markdown not yet turned into text (done in the worker). */
export interface SearchPageSource {
  url: string;
  title: string;
  markdown: string;
  /** Text searched beside the body: attachment titles, tags, the document number. */
  extraText: string[];
  date: string;
  type: SearchRecordSource["type"];
  column?: string;
  validity?: string;
}

/** Every detail page of the catalog, newest first, with its Markdown (cheap: no parsing). */
export function searchPageSources(catalog: Catalog): SearchPageSource[] {
  const pages = detailPages(catalog).map(({ kind, url, date, item }): SearchPageSource => {
    if (kind === "notice")
      return {
        url,
        title: item.title,
        markdown: item.body ?? "",
        extraText: item.attachments.map((attachment) => attachment.title),
        date,
        type: "通知公告",
      };
    return {
      url,
      title: item.title,
      markdown: item.body,
      extraText: [...item.attachments.map((attachment) => attachment.title), item.tags.join(" "), item.docNumber ?? ""],
      date,
      type: "文章",
      column: item.column.name,
      ...(item.document ? { validity: item.document.validity } : {}),
    };
  });
  return pages.sort((a, b) => (a.date === b.date ? a.url.localeCompare(b.url) : a.date < b.date ? 1 : -1));
}

/** A page's search record source: its Markdown as plain text, with the extra text after it. */
export function toRecordSource(page: SearchPageSource): SearchRecordSource {
  const { markdown, extraText, ...rest } = page;
  return { ...rest, text: [markdownToText(markdown), ...extraText].filter(Boolean).join("\n") };
}

/** What a page adds to its shard's presence map: the keys of its whole text, those of its title, its title's own key. */
export interface RecordPresence {
  keys: Set<string>;
  titleKeys: Set<string>;
  titleKey: string;
}

/**
 * A page's record content (recordContent) and presence (recordPresence) from one segmentation of
 * its title and of each block of its body.
 */
export function recordSegments(title: string, text: string): { content: string; presence: RecordPresence } {
  const titleKeys = new Set<string>();
  const titleWords = indexTextWithKeys(title, titleKeys);
  const keys = new Set(titleKeys);
  const used = titleWords ? titleWords.split(" ").length : 0;
  const marks = Array.from({ length: Math.max(1, TITLE_SLOT - used) }, () => TITLE_MARK).join(" ");
  const blocks = text
    .split("\n")
    .map((block) => indexTextWithKeys(block, keys))
    .filter(Boolean)
    .join(` ${BLOCK_MARK} `);
  return {
    content: [titleWords, marks, blocks].filter(Boolean).join(" "),
    presence: { keys, titleKeys, titleKey: titleKey(title) },
  };
}

/**
 * A record's content: the title's words, title marks padding it to TITLE_SLOT positions, then each
 * block of the body with a block mark between, all in the shared segmentation. The marks are
 * punctuation: Pagefind gives each a position and indexes none, so no phrase runs across them.
 */
export function recordContent(title: string, text: string): string {
  return recordSegments(title, text).content;
}

/** What a page adds to its shard's presence map (RecordPresence). */
export function recordPresence(source: Pick<SearchRecordSource, "title" | "text">): RecordPresence {
  return recordSegments(source.title, source.text).presence;
}

/**
 * The Pagefind custom record of a page: segmented content (recordContent, unless given), display metadata, filters and sort key.
 * A 政策文件 carries the filter 有效性 and the meta `validity`, by which results mark 已废止 and the rest.
 */
export function toCustomRecord(
  source: SearchRecordSource,
  content = recordContent(source.title, source.text),
): pagefind.CustomRecord {
  const day = formatIsoDate(source.date, "yyyy-MM-dd");
  const meta: Record<string, string> = { title: source.title, date: day, type: source.type };
  const filters: Record<string, string[]> = {
    [SEARCH_FILTERS.type]: [source.type],
    [SEARCH_FILTERS.year]: [day.slice(0, 4)],
  };
  if (source.column) {
    meta.column = source.column;
    filters[SEARCH_FILTERS.column] = [source.column];
  }
  if (source.validity) {
    meta.validity = source.validity;
    filters[SEARCH_FILTERS.validity] = [source.validity];
  }
  return {
    url: source.url,
    content,
    language: SEARCH_LANGUAGE,
    meta,
    filters,
    sort: { date: formatIsoDate(source.date, "yyyyMMddHHmm") },
  };
}
