import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { sha256 } from "../shared/index.ts";
import {
  MAX_SOURCE_BYTES,
  MAX_SOURCE_PIXELS,
  PICTURE_EXTENSIONS,
  type PictureKind,
  REFUSED_EXTENSIONS,
  RENDITION_SETTINGS,
} from "./formats.ts";
import { PICTURE_MESSAGES } from "./messages.ts";

/** What the plan needs of a source picture, read from its header and its bytes (never decoded). */
export interface SourceHeader {
  /** SHA-256 of the bytes and the rendition settings: names the cache entry and the published files. */
  key: string;
  format: "jpeg" | "png" | "gif" | "webp";
  kind: PictureKind;
  /** The size as it is seen, after the EXIF orientation. */
  width: number;
  height: number;
}

/** A source file's identity on disk, to know it unchanged without reading it again. */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** The header of a picture, or what is wrong with it as a function of its site address. */
export type Inspected = { header: SourceHeader } | { problem: (url: string) => string };

/** Which kind of renditions each source format gets: lossy for photos, lossless for graphics. */
const FORMAT_KINDS: Record<SourceHeader["format"], PictureKind> = {
  jpeg: "photo",
  webp: "photo",
  png: "graphic",
  gif: "graphic",
};

/** ISO base media brands of HEIC/HEIF (iPhone) files: `ftyp` at byte 4. */
const HEIF_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

/** Whether bytes start an HEIC/HEIF file (an AVIF has its own brand and is refused as AVIF). */
export function isHeif(bytes: Uint8Array): boolean {
  if (bytes.length < 12 || Buffer.from(bytes.subarray(4, 8)).toString("latin1") !== "ftyp") return false;
  return HEIF_BRANDS.has(Buffer.from(bytes.subarray(8, 12)).toString("latin1"));
}

/** Whether a JPEG's bytes end with its end-of-image marker (a phone or camera always writes it; a cut copy lacks it). */
export function jpegIsComplete(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 2 && bytes[end - 1] === 0) end--;
  return bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

/** The identity of a file on disk. */
export function fileIdentity(file: string): FileIdentity {
  const stats = statSync(file);
  return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

/**
 * Reads a source picture's header and hashes its bytes: the format must be the one its extension
 * says, within the size and pixel limits, a still picture, and (a JPEG) complete. Nothing is
 * decoded: a 30,000 × 30,000 PNG is refused from the size its header states.
 */
export async function inspectPicture(file: string, size: number): Promise<Inspected> {
  const extension = path.extname(file).toLowerCase();
  if (size > MAX_SOURCE_BYTES) return { problem: (url) => PICTURE_MESSAGES.tooLarge(url, size) };
  const bytes = readFileSync(file);
  if (isHeif(bytes) || extension === ".heic" || extension === ".heif")
    return { problem: (url) => PICTURE_MESSAGES.heic(url) };
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { problem: (url) => PICTURE_MESSAGES.unreadable(url) };
  }
  const format = metadata.format as string;
  if ((REFUSED_EXTENSIONS as readonly string[]).includes(extension) || !(format in FORMAT_KINDS))
    return { problem: (url) => PICTURE_MESSAGES.refused(url, format === "heif" ? "avif" : format) };
  const expected = PICTURE_EXTENSIONS[extension];
  if (expected !== format) return { problem: (url) => PICTURE_MESSAGES.wrongExtension(url, extension, format) };
  const { width = 0, height = 0 } = metadata;
  if (width * height > MAX_SOURCE_PIXELS)
    return { problem: (url) => PICTURE_MESSAGES.tooManyPixels(url, width, height) };
  if ((metadata.pages ?? 1) > 1) return { problem: (url) => PICTURE_MESSAGES.animated(url) };
  if (format === "jpeg" && !jpegIsComplete(bytes)) return { problem: (url) => PICTURE_MESSAGES.truncated(url) };
  const turned = (metadata.orientation ?? 1) >= 5;
  return {
    header: {
      key: sha256(RENDITION_SETTINGS, "\n", bytes),
      format: format as SourceHeader["format"],
      kind: FORMAT_KINDS[format as SourceHeader["format"]],
      width: turned ? height : width,
      height: turned ? width : height,
    },
  };
}
