import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import { type AssetManifest, assetUrl } from "./assets.ts";
import type { SiteContent } from "./content.ts";
import { formatIsoDate } from "./dates.ts";
import type { CollectionItem, EleventyConfig } from "./eleventy-types.ts";
import { createMarkdown } from "./markdown.ts";
import { qrCodeSvg } from "./qr.ts";
import { carriedOverPages } from "./reuse.ts";
import type { Site } from "./site.ts";
import { canonicalUrl, siteDomain } from "./urls.ts";

/**
 * The entries of sitemap.xml: every page with a URL, sorted by URL so the file is reproducible.
 * `pages` (articles and notice pages) are listed whether or not this build rendered them (pages carried
 * over from the last build are not in Eleventy's collections).
 */
export function sitemapEntries(
  items: readonly CollectionItem[],
  origin: string,
  pages: readonly { url: string; date: string }[] = [],
): { loc: string; lastmod?: string }[] {
  const entries = new Map<string, string | undefined>();
  for (const item of items) {
    if (typeof item.url !== "string" || !item.url.endsWith("/") || item.data.excludeFromSitemap) continue;
    const dated = (item.data.article ?? item.data.notice) as { date?: string } | undefined;
    entries.set(item.url, dated?.date);
  }
  for (const page of pages) entries.set(page.url, page.date);
  return [...entries]
    .map(([url, lastmod]) => ({ loc: canonicalUrl(origin, url), lastmod }))
    .sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
}

/** Registers every template filter; each wraps a pure function from its own module. */
export function registerFilters(
  eleventyConfig: EleventyConfig,
  getSite: () => Site,
  getAssets: () => AssetManifest,
): void {
  const markdown = createMarkdown();
  eleventyConfig.addFilter("asset", (name: string) => assetUrl(getAssets(), name));
  eleventyConfig.addFilter("formatDate", (iso: string, pattern: string) => formatIsoDate(iso, pattern));
  eleventyConfig.addFilter("markdown", (source: string) => markdown.render(source ?? ""));
  eleventyConfig.addFilter("canonicalUrl", (pagePath: string) => canonicalUrl(getSite().url, pagePath));
  eleventyConfig.addFilter("qrCode", (pagePath: string) => qrCodeSvg(canonicalUrl(getSite().url, pagePath)));
  eleventyConfig.addFilter("siteDomain", (origin: string) => siteDomain(origin));
  eleventyConfig.addFilter("rfc3339", (iso: string) => dateToRfc3339(new Date(iso)));
  eleventyConfig.addFilter("sitemapEntries", (items: CollectionItem[], catalog?: SiteContent) =>
    sitemapEntries(items, getSite().url, catalog ? carriedOverPages(catalog) : []),
  );
}
