import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import { type AssetManifest, assetUrl } from "./assets.ts";
import { formatIsoDate } from "./dates.ts";
import type { CollectionItem, EleventyConfig } from "./eleventy-types.ts";
import { createMarkdown } from "./markdown.ts";
import { qrCodeSvg } from "./qr.ts";
import type { Site } from "./site.ts";
import { canonicalUrl, siteDomain } from "./urls.ts";

/** The entries of sitemap.xml: every page with a URL, sorted by URL so the file is reproducible. */
export function sitemapEntries(items: readonly CollectionItem[], origin: string): { loc: string; lastmod?: string }[] {
  return items
    .filter((item): item is CollectionItem & { url: string } => typeof item.url === "string" && item.url.endsWith("/"))
    .filter((item) => !item.data.excludeFromSitemap)
    .map((item) => {
      const dated = (item.data.article ?? item.data.notice) as { date?: string } | undefined;
      return { loc: canonicalUrl(origin, item.url), lastmod: dated?.date };
    })
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
  eleventyConfig.addFilter("sitemapEntries", (items: CollectionItem[]) => sitemapEntries(items, getSite().url));
}
