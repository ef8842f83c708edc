import path from "node:path";
import sharp from "sharp";

/** What a published picture is encoded as. */
export type OutputFormat = "webp" | "jpeg" | "png" | "gif";

/**
 * A photo (a camera's JPEG: lossy renditions) or a graphic (a PNG or GIF screenshot or chart:
 * lossless renditions, so its text stays sharp).
 */
export type PictureKind = "photo" | "graphic";

/** The extensions of the pictures the build processes, and the format each must hold. */
export const PICTURE_EXTENSIONS: Readonly<Record<string, "jpeg" | "png" | "gif" | "webp">> = {
  ".jpg": "jpeg",
  ".jpeg": "jpeg",
  ".png": "png",
  ".gif": "gif",
  ".webp": "webp",
};

/** Picture extensions the build refuses, each with what to do instead (see messages.ts). */
export const REFUSED_EXTENSIONS = [".heic", ".heif", ".tif", ".tiff", ".bmp", ".avif", ".svg"] as const;

/** Whether a file name is a picture the build processes or refuses (and so never publishes as it is). */
export function isPictureFile(file: string): boolean {
  const extension = path.extname(file).toLowerCase();
  return extension in PICTURE_EXTENSIONS || (REFUSED_EXTENSIONS as readonly string[]).includes(extension);
}

/**
 * How pictures are published (docs/photos.md says why each value):
 * - `widths`: the WebP renditions of the `<picture>`, never wider than the source;
 * - `fallbackWidths`: the JPEG (photo) or PNG (graphic) renditions for browsers without WebP;
 * - `largest`: the long side of the largest rendition, published at the source's own address
 *   (the 查看原图 link) in the source's format, metadata stripped.
 */
export const RENDITIONS = {
  widths: [480, 720, 1080, 1440],
  fallbackWidths: [720],
  largest: 2000,
  webp: { quality: 72, effort: 1 },
  webpLossless: { lossless: true, effort: 4 },
  jpeg: { quality: 78, progressive: true },
  png: { compressionLevel: 9, effort: 4 },
} as const;

/** The bytes of a source file that are never decoded: larger is an error (messages.ts). */
export const MAX_SOURCE_BYTES = 30 * 1024 * 1024;

/** The pixels of a source picture that are never decoded (a decompression bomb, a huge scan): larger is an error. */
export const MAX_SOURCE_PIXELS = 60_000_000;

/**
 * What the renditions of a source depend on besides its bytes: the settings above and the libvips
 * that encodes them. Part of every cache key, so new settings or a new sharp encode again.
 */
export const RENDITION_SETTINGS = JSON.stringify({ version: 1, RENDITIONS, vips: sharp.versions.vips });

/** The widths of the WebP renditions of a source `width` pixels wide: the layout's widths it exceeds, then its own. */
export function renditionWidths(sourceWidth: number, widths: readonly number[] = RENDITIONS.widths): number[] {
  const smaller = widths.filter((width) => width < sourceWidth);
  const top = Math.min(sourceWidth, widths.at(-1) ?? sourceWidth);
  return [...new Set([...smaller, top])].sort((a, b) => a - b);
}

/** The height of a rendition `width` wide of a `sourceWidth` × `sourceHeight` picture. */
export function heightAt(width: number, sourceWidth: number, sourceHeight: number): number {
  return Math.max(1, Math.round((width * sourceHeight) / sourceWidth));
}

/** The size of the largest rendition: the source fitted inside `largest` × `largest`, never enlarged. */
export function largestSize(sourceWidth: number, sourceHeight: number): { width: number; height: number } {
  const scale = Math.min(1, RENDITIONS.largest / Math.max(sourceWidth, sourceHeight));
  return {
    width: Math.max(1, Math.round(sourceWidth * scale)),
    height: Math.max(1, Math.round(sourceHeight * scale)),
  };
}
