import type * as pagefind from "pagefind";
import { type Catalog, detailPages } from "../content/index.ts";
import { formatIsoDate } from "../shared/index.ts";
import { searchTokens } from "./segment.ts";
import { markdownToText } from "./text.ts";

/**
 * The language the records are indexed under. Pagefind neither stems nor segments it, so the index
 * holds exactly the bigrams of lib/segment.ts; the search page asks for this index by name.
 */
export const SEARCH_LANGUAGE = "und";

/** Between the title and the body in a record's content (punctuation: a position, never a word). */
export const TITLE_SEPARATOR = "¶";

/** One page of the index, before segmentation. */
export interface SearchRecordSource {
  url: string;
  title: string;
  /** Plain text of the body (and tags, document number). */
  text: string;
  /** ISO date with offset. */
  date: string;
  type: "文章" | "通知公告";
  column?: string;
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
    };
  });
  return pages.sort((a, b) => (a.date === b.date ? a.url.localeCompare(b.url) : a.date < b.date ? 1 : -1));
}

/** A page's search record source: its Markdown as plain text, with the extra text after it. */
export function toRecordSource(page: SearchPageSource): SearchRecordSource {
  const { markdown, extraText, ...rest } = page;
  return { ...rest, text: [markdownToText(markdown), ...extraText].filter(Boolean).join("\n") };
}

/** The Pagefind custom record of a page: segmented content, display metadata, filters and sort key. */
export function toCustomRecord(source: SearchRecordSource): pagefind.CustomRecord {
  const day = formatIsoDate(source.date, "yyyy-MM-dd");
  const meta: Record<string, string> = { title: source.title, date: day, type: source.type };
  const filters: Record<string, string[]> = { 类型: [source.type], 年份: [day.slice(0, 4)] };
  if (source.column) {
    meta.column = source.column;
    filters.栏目 = [source.column];
  }
  return {
    url: source.url,
    content: `${searchTokens.indexText(source.title)} ${TITLE_SEPARATOR} ${searchTokens.indexText(source.text)}`,
    language: SEARCH_LANGUAGE,
    meta,
    filters,
    sort: { date: formatIsoDate(source.date, "yyyyMMddHHmm") },
  };
}
