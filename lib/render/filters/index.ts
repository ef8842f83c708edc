import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import type { AnnualReportKind, Article, Site, StaticPage } from "../../content/index.ts";
import { type ImagePlan, leadPictureHtml, replacePictures, shareImage, shareRendition } from "../../images/index.ts";
import { qrCodeImg } from "../../qr/index.ts";
import { canonicalUrl, createMarkdown, formatIsoDate, jiucuoUrl, siteDomain } from "../../shared/index.ts";
import { type AssetManifest, assetUrl } from "../assets.ts";
import type { EleventyConfig } from "../eleventy-types.ts";
import { ICONS_SHARE } from "../icons.ts";
import { documentDate, markSalutation } from "./official-document.ts";

/** What the filters read from the build in progress. */
export interface FilterSources {
  site: () => Site;
  assets: () => AssetManifest;
  /** The pictures' plan; none for a site built without one (every picture then stays a plain image). */
  images?: () => ImagePlan | undefined;
}

/** The site's own share card picture, drawn from the emblem (lib/render/icons.ts). */
const SITE_SHARE_IMAGE = { path: ICONS_SHARE.path, width: ICONS_SHARE.size, height: ICONS_SHARE.size };

/** Every template filter by name; each wraps a pure function of the module that owns the job. */
function templateFilters({
  site,
  assets,
  images = () => undefined,
}: FilterSources): Record<string, (...args: never[]) => unknown> {
  const markdown = createMarkdown();
  const leadOf = (url: string) => {
    const lead = images()?.leads.get(url);
    return lead && images()?.pictures.get(lead.source);
  };
  return {
    asset: (name: string) => assetUrl(assets(), name),
    formatDate: (iso: string, pattern: string) => formatIsoDate(iso, pattern),
    markdown: (source: string) => replacePictures(markdown.render(source ?? ""), images()),
    leadPicture: (articleUrl: string, kind: "card" | "thumb") => leadPictureHtml(images(), articleUrl, kind),
    withLeadPhoto: (articles: Article[], count: number) =>
      articles.filter((article) => leadOf(article.url) !== undefined).slice(0, count),
    shareImage: (articleUrl?: string) => shareImage(images(), site().url, articleUrl, SITE_SHARE_IMAGE),
    leadEnclosure: (articleUrl: string) => {
      const picture = leadOf(articleUrl);
      const rendition = picture && shareRendition(picture, 0);
      return rendition ? { url: canonicalUrl(site().url, rendition.url), type: "image/jpeg" } : undefined;
    },
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

/**
 * The sources of the Eleventy run configured last. Eleventy keeps compiled layouts across its
 * instances in one process (its layout cache), with the filters they were first compiled with, so
 * every filter reads the sources through this rather than through the closure of its own run.
 */
let current: FilterSources | undefined;

const currentSources: FilterSources = {
  site: () => (current as FilterSources).site(),
  assets: () => (current as FilterSources).assets(),
  images: () => current?.images?.(),
};

/** Registers every template filter of templateFilters, reading the sources of this run. */
export function registerFilters(eleventyConfig: EleventyConfig, sources: FilterSources): void {
  current = sources;
  for (const [name, filter] of Object.entries(templateFilters(currentSources))) eleventyConfig.addFilter(name, filter);
}
