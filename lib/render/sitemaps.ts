import type { DetailPage } from "../content/index.ts";
import { canonicalUrl, FIXED_PAGES } from "../shared/index.ts";
import type { CollectionItem } from "./eleventy-types.ts";

/*
 * The sitemaps for search engines. /sitemap.xml is always a sitemap index (sitemaps.org 0.9), never
 * a <urlset>: its children are one file per section and year (`/sitemap-articles-2024.xml`,
 * `/sitemap-notices-2024.xml`) and one for every other page (`/sitemap-pages.xml`), each split
 * into numbered parts past the protocol's limits. So the address robots.txt names never changes
 * kind as the archive grows past 50,000 pages, and a new article rewrites only its year's file and
 * the index, which is what an incremental deploy uploads; the files of the other years come out
 * byte for byte as before.
 */

/** The sitemaps.org limits of one sitemap file (and of one index): URLs, and bytes uncompressed. */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 52_428_800 } as const;

/** One page a sitemap lists: its path on the site and when it last changed (ISO 8601), if known. */
export interface SitemapEntry {
  path: string;
  lastmod?: string;
}

/** One file of the sitemaps: its path on the site and its XML. */
export interface SitemapFile {
  url: string;
  xml: string;
  /** How many `<url>` (or, for the index, `<sitemap>`) elements it holds. */
  count: number;
}

/** The dates of an item a page shows: when it was published and, if it was revised, when. */
interface Dated {
  date?: string;
  updated?: string;
}

const lastChange = (item: Dated | undefined) => item?.updated ?? item?.date;

/**
 * The pages the sitemaps list: every collection item with a folder URL (not excluded), and every
 * detail page of the catalog whether or not this Eleventy run rendered it (pages carried over
 * from the last build, or rendered by another run, are not in its collections). Sorted by path.
 */
export function sitemapEntries(
  items: readonly CollectionItem[],
  detailPages: readonly Pick<DetailPage, "url" | "item">[] = [],
): SitemapEntry[] {
  const entries = new Map<string, string | undefined>();
  for (const item of items) {
    if (typeof item.url !== "string" || !item.url.endsWith("/") || item.data.excludeFromSitemap) continue;
    entries.set(item.url, lastChange((item.data.article ?? item.data.notice) as Dated | undefined));
  }
  for (const page of detailPages) entries.set(page.url, lastChange(page.item));
  return [...entries]
    .map(([path, lastmod]) => (lastmod ? { path, lastmod } : { path }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The child a page belongs to: `articles-2024` for `/articles/2024/…`, likewise for notices; `pages` for the rest. */
export function sitemapGroup(pagePath: string): string {
  const match = /^\/(articles|notices)\/(\d{4})\//.exec(pagePath);
  return match ? `${match[1]}-${match[2]}` : "pages";
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] as string);

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const URLSET_OPEN = `${XML_DECLARATION}<urlset xmlns="${NAMESPACE}">\n`;
const URLSET_CLOSE = "</urlset>\n";

/** One `<url>` line. */
function urlElement(loc: string, lastmod: string | undefined): string {
  return `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ""}</url>\n`;
}

/** The newest of ISO 8601 times (compared as instants), or none. */
function newest(times: readonly (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const time of times) if (time && (!best || Date.parse(time) > Date.parse(best))) best = time;
  return best;
}

/** The site path of part `part` (1-based) of a child: `/sitemap-articles-2024.xml`, `/sitemap-articles-2024-2.xml`. */
export function sitemapChildUrl(group: string, part: number): string {
  return `/sitemap-${group}${part > 1 ? `-${part}` : ""}.xml`;
}

/**
 * The sitemap index at /sitemap.xml and its children, index first. Entries are grouped by
 * {@link sitemapGroup} in path order; a group past `limits` (URLs or bytes of one file) is cut into
 * parts. Each child's `<lastmod>` in the index is the newest of its pages'.
 */
export function sitemapFiles(
  entries: readonly SitemapEntry[],
  origin: string,
  limits: { urls: number; bytes: number } = SITEMAP_LIMITS,
): SitemapFile[] {
  const groups = new Map<string, SitemapEntry[]>();
  for (const entry of entries) {
    const group = sitemapGroup(entry.path);
    const members = groups.get(group);
    if (members) members.push(entry);
    else groups.set(group, [entry]);
  }
  const children: (SitemapFile & { lastmod?: string })[] = [];
  for (const [group, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let lines: string[] = [];
    let bytes = 0;
    let times: (string | undefined)[] = [];
    let part = 0;
    const close = () => {
      part++;
      const xml = `${URLSET_OPEN}${lines.join("")}${URLSET_CLOSE}`;
      children.push({ url: sitemapChildUrl(group, part), xml, count: lines.length, lastmod: newest(times) });
      lines = [];
      bytes = 0;
      times = [];
    };
    const frame = Buffer.byteLength(URLSET_OPEN) + Buffer.byteLength(URLSET_CLOSE);
    for (const entry of members) {
      const line = urlElement(canonicalUrl(origin, entry.path), entry.lastmod);
      const size = Buffer.byteLength(line);
      if (lines.length > 0 && (lines.length >= limits.urls || frame + bytes + size > limits.bytes)) close();
      lines.push(line);
      bytes += size;
      times.push(entry.lastmod);
    }
    close();
  }
  if (children.length > SITEMAP_LIMITS.urls)
    throw new Error(
      `sitemap: ${children.length} sitemap files are more than one index may list (${SITEMAP_LIMITS.urls})`,
    );
  const index = [
    XML_DECLARATION,
    `<sitemapindex xmlns="${NAMESPACE}">\n`,
    ...children.map(
      (child) =>
        `  <sitemap><loc>${escapeXml(canonicalUrl(origin, child.url))}</loc>${child.lastmod ? `<lastmod>${escapeXml(child.lastmod)}</lastmod>` : ""}</sitemap>\n`,
    ),
    "</sitemapindex>\n",
  ].join("");
  return [
    { url: FIXED_PAGES.sitemap, xml: index, count: children.length },
    ...children.map(({ url, xml, count }) => ({ url, xml, count })),
  ];
}
