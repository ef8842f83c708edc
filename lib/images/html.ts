import { sitePath } from "../content/index.ts";
import { canonicalUrl, escapeHtml } from "../shared/index.ts";
import type { ImagePlan, PlannedPicture, Rendition } from "./plan.ts";

/**
 * The rendered width of the article body at each breakpoint of site.css, as `sizes` says it to the
 * browser: the page less its paddings below 600 px and to 900 px, then the 7/10 column less its
 * gap and paddings, then that column at the page's largest width. tests/browser/photos.test.ts
 * checks each against the width Chromium renders.
 */
export const BODY_SIZES =
  "(min-width: 1200px) 708px, (min-width: 900px) calc(70vw - 133px), (min-width: 600px) calc(100vw - 82px), calc(100vw - 66px)";

/** The widths of a lead photo in 图片新闻 (two cards a row on a phone, four from 600 px) and of a list thumbnail. */
export const LEAD_SIZES = {
  card: "(min-width: 1200px) 266px, (min-width: 900px) calc(25vw - 35px), (min-width: 600px) calc(25vw - 31px), calc(50vw - 39px)",
  thumb: "7.5rem",
} as const;

/** Characters of text before a body's first picture within which it is taken to be on a phone's first screen. */
export const FIRST_SCREEN_CHARACTERS = 100;

/** How a picture loads: lazily, or eagerly (the article's first), with high priority when it is likely the LCP. */
export interface PictureLoading {
  eager?: boolean;
  highPriority?: boolean;
}

const srcset = (renditions: readonly Rendition[]) =>
  renditions.map((rendition) => `${rendition.url} ${rendition.width}w`).join(", ");

/** A `<picture>`: WebP renditions, then the JPEG or PNG fallback, sized from the largest rendition so nothing shifts. */
export function pictureHtml(
  picture: PlannedPicture,
  alt: string,
  sizes: string,
  loading: PictureLoading = {},
  className?: string,
): string {
  const fallback = [...picture.fallback, picture.largest].filter(
    (rendition, index, all) => all.findIndex((other) => other.width === rendition.width) === index,
  );
  const img = picture.fallback[0] ?? picture.largest;
  const load = loading.eager
    ? loading.highPriority
      ? ' fetchpriority="high"'
      : ""
    : ' loading="lazy" decoding="async"';
  return `<picture${className ? ` class="${className}"` : ""}><source type="image/webp" srcset="${srcset(picture.webp)}" sizes="${sizes}"><img src="${img.url}" srcset="${srcset(fallback)}" sizes="${sizes}" width="${picture.largest.width}" height="${picture.largest.height}" alt="${escapeHtml(alt)}"${load}></picture>`;
}

/** A body picture with its description as the caption under it, and a link to the largest rendition (查看原图). */
export function figureHtml(picture: PlannedPicture, alt: string, loading: PictureLoading): string {
  const caption = escapeHtml(alt);
  return `<figure class="photo">${pictureHtml(picture, alt, BODY_SIZES, loading)}<figcaption>${caption} <a class="photo-full" href="${picture.largest.url}">查看原图<span class="visually-hidden">：${caption}</span></a></figcaption></figure>`;
}

const IMAGE = /(<p>)?<img\b([^>]*?)\s*\/?>(<\/p>)?/g;
const ATTRIBUTE = /([a-z-]+)="([^"]*)"/g;

/** Decodes the entities sanitize-html writes in attribute values. */
function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

/**
 * Replaces each image of sanitized body HTML that shows a planned picture: alone in its paragraph
 * it becomes a `<figure>` with its caption; inside text, a link or a figure of the editor's own, a
 * `<picture>`. The body's first picture loads eagerly, with high priority when fewer than
 * FIRST_SCREEN_CHARACTERS characters of text come before it; the others lazily.
 */
export function replacePictures(html: string, plan: ImagePlan | undefined): string {
  if (!plan || plan.pictures.size === 0 || !html.includes("<img")) return html;
  let first = true;
  return html.replace(
    IMAGE,
    (whole, open: string | undefined, attributes: string, close: string | undefined, offset: number) => {
      const values = Object.fromEntries(
        [...attributes.matchAll(ATTRIBUTE)].map((match) => [match[1], decodeAttribute(match[2] ?? "")]),
      );
      const source = sitePath(values.src ?? "");
      const picture = source ? plan.pictures.get(source) : undefined;
      if (!picture) return whole;
      const loading: PictureLoading = first
        ? {
            eager: true,
            highPriority:
              html
                .slice(0, offset)
                .replace(/<[^>]*>/g, "")
                .trim().length < FIRST_SCREEN_CHARACTERS,
          }
        : {};
      first = false;
      const alt = values.alt ?? "";
      if (open && close) return figureHtml(picture, alt, loading);
      return `${open ?? ""}${pictureHtml(picture, alt, BODY_SIZES, loading)}${close ?? ""}`;
    },
  );
}

/** The lead photo of an article as a small picture (图片新闻 card or list thumbnail), decorative beside its title; "" without one. */
export function leadPictureHtml(
  plan: ImagePlan | undefined,
  articleUrl: string,
  kind: keyof typeof LEAD_SIZES,
): string {
  const lead = plan?.leads.get(articleUrl);
  const picture = lead && plan?.pictures.get(lead.source);
  return picture ? pictureHtml(picture, "", LEAD_SIZES[kind], {}, `lead-photo lead-${kind}`) : "";
}

/** A JPEG rendition of a picture for share cards and feeds: the narrowest at least `minimum` pixels on each side. */
export function shareRendition(picture: PlannedPicture, minimum = 300): Rendition | undefined {
  return [...picture.fallback, picture.largest]
    .filter((rendition) => rendition.format === "jpeg")
    .find((rendition) => rendition.width >= minimum && rendition.height >= minimum);
}

/** The share card picture of a page (`og:image`): its article's lead photo, else `fallback` (the site's image). */
export function shareImage(
  plan: ImagePlan | undefined,
  origin: string,
  articleUrl: string | undefined,
  fallback: { path: string; width: number; height: number },
): { url: string; width: number; height: number } {
  const lead = articleUrl ? plan?.leads.get(articleUrl) : undefined;
  const picture = lead && plan?.pictures.get(lead.source);
  const rendition = picture && shareRendition(picture);
  const chosen = rendition ?? { url: fallback.path, width: fallback.width, height: fallback.height };
  return { url: canonicalUrl(origin, chosen.url), width: chosen.width, height: chosen.height };
}
