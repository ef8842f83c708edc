import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import type { AnnualReportKind, Site, StaticPage } from "../../content/index.ts";
import { qrCodeImg } from "../../qr/index.ts";
import { canonicalUrl, createMarkdown, formatIsoDate, jiucuoUrl, siteDomain } from "../../shared/index.ts";
import { type AssetManifest, assetUrl } from "../assets.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { documentDate, markSalutation } from "./official-document.ts";

/** What the filters read from the build in progress. */
export interface FilterSources {
  site: () => Site;
  assets: () => AssetManifest;
}

/** Every template filter by name; each wraps a pure function of the module that owns the job. */
function templateFilters({ site, assets }: FilterSources): Record<string, (...args: never[]) => unknown> {
  const markdown = createMarkdown();
  return {
    asset: (name: string) => assetUrl(assets(), name),
    formatDate: (iso: string, pattern: string) => formatIsoDate(iso, pattern),
    markdown: (source: string) => markdown.render(source ?? ""),
    salutation: (html: string) => markSalutation(html ?? ""),
    documentDate: (isoDate: string) => documentDate(isoDate),
    canonicalUrl: (pagePath: string) => canonicalUrl(site().url, pagePath),
    jiucuoUrl: (pagePath: string) =>
      jiucuoUrl(site().footer.jiucuo_site_code ?? site().id_code, canonicalUrl(site().url, pagePath)),
    qrCode: (pagePath: string) => qrCodeImg(canonicalUrl(site().url, pagePath)),
    latestReport: (pages: StaticPage[], kind: AnnualReportKind) =>
      pages
        .filter((page) => page.report?.kind === kind)
        .sort((a, b) => (b.report?.year ?? 0) - (a.report?.year ?? 0))[0],
    siteDomain: (origin: string) => siteDomain(origin),
    rfc3339: (iso: string) => dateToRfc3339(new Date(iso)),
  };
}

/** Registers every template filter of templateFilters. */
export function registerFilters(eleventyConfig: EleventyConfig, sources: FilterSources): void {
  for (const [name, filter] of Object.entries(templateFilters(sources))) eleventyConfig.addFilter(name, filter);
}
