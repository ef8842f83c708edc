import type { DetailPage } from "../../content/index.ts";
import { canonicalUrl } from "../../shared/index.ts";
import type { CollectionItem } from "../eleventy-types.ts";

/**
 * The entries of sitemap.xml: every page with a URL, sorted by URL so the file is reproducible.
 * Detail pages are listed from the catalog whether or not this Eleventy run rendered them (pages
 * carried over from the last build, or rendered by another run, are not in its collections).
 */
export function sitemapEntries(
  items: readonly CollectionItem[],
  origin: string,
  detailPages: readonly Pick<DetailPage, "url" | "date">[] = [],
): { loc: string; lastmod?: string }[] {
  const entries = new Map<string, string | undefined>();
  for (const item of items) {
    if (typeof item.url !== "string" || !item.url.endsWith("/") || item.data.excludeFromSitemap) continue;
    const dated = (item.data.article ?? item.data.notice) as { date?: string } | undefined;
    entries.set(item.url, dated?.date);
  }
  for (const page of detailPages) entries.set(page.url, page.date);
  return [...entries]
    .map(([url, lastmod]) => ({ loc: canonicalUrl(origin, url), lastmod }))
    .sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
}
