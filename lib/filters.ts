import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import { type AssetManifest, assetUrl } from "./assets.ts";
import { formatIsoDate } from "./dates.ts";
import type { CollectionItem, EleventyConfig } from "./eleventy-types.ts";
import { createMarkdown } from "./markdown.ts";
import { qrCodeSvg } from "./qr.ts";
import type { Site } from "./site.ts";
import { canonicalUrl, siteDomain } from "./urls.ts";

/**
 * The entries of sitemap.xml: every page with a URL, sorted by URL so the file is reproducible.
 * `articles` are listed whether or not this build rendered their pages (pages carried over from the
 * last build are not in Eleventy's collections).
 */
export function sitemapEntries(
  items: readonly CollectionItem[],
  origin: string,
  articles: readonly { url: string; date: string }[] = [],
): { loc: string; lastmod?: string }[] {
  const entries = new Map<string, string | undefined>();
  for (const item of items) {
    if (typeof item.url !== "string" || !item.url.endsWith("/") || item.data.excludeFromSitemap) continue;
    const dated = (item.data.article ?? item.data.notice) as { date?: string } | undefined;
    entries.set(item.url, dated?.date);
  }
  for (const article of articles) entries.set(article.url, article.date);
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
  eleventyConfig.addFilter("sitemapEntries", (items: CollectionItem[], articles?: { url: string; date: string }[]) =>
    sitemapEntries(items, getSite().url, articles),
  );
}
