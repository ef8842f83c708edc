import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import sharp, { type OutputInfo } from "sharp";
import type { ContentProblem } from "../content/index.ts";
import { writeFileAtomic } from "../shared/index.ts";
import { MAX_SOURCE_PIXELS, RENDITIONS } from "./formats.ts";
import { PICTURE_MESSAGES } from "./messages.ts";
import { type ImagePlan, missingPictures, type PlannedPicture, type Rendition } from "./plan.ts";

// Every picture is decoded once: libvips's operation cache would only hold on to memory.
sharp.cache(false);

/** Raw pixels and their layout, as sharp hands them between steps. */
type Pixels = { data: Buffer; info: OutputInfo };

/** Encodes raw pixels as one rendition, with no metadata (raw pixels carry none). */
function encode(pixels: Pixels, rendition: Rendition, kind: PlannedPicture["kind"]): Promise<Buffer> {
  const { width, height, channels } = pixels.info;
  const image = sharp(pixels.data, { raw: { width, height, channels } });
  switch (rendition.format) {
    case "webp":
      return (kind === "photo" ? image.webp(RENDITIONS.webp) : image.webp(RENDITIONS.webpLossless)).toBuffer();
    case "jpeg":
      return image.flatten({ background: "#ffffff" }).jpeg(RENDITIONS.jpeg).toBuffer();
    case "png":
      return image.png(RENDITIONS.png).toBuffer();
    case "gif":
      return image.gif().toBuffer();
  }
}

/** Resizes raw pixels to exactly `width` × `height`. */
function resize(pixels: Pixels, width: number, height: number): Promise<Pixels> {
  const { channels } = pixels.info;
  return sharp(pixels.data, { raw: { width: pixels.info.width, height: pixels.info.height, channels } })
    .resize(width, height, { fit: "fill" })
    .raw()
    .toBuffer({ resolveWithObject: true });
}

/**
 * Encodes every rendition of a picture into the image cache, each written whole (so a killed build
 * keeps what it finished). The source is decoded once, at the size of the largest rendition (a
 * JPEG shrinks on load: libvips decodes it at 1/2, 1/4 or 1/8 when that is still large enough),
 * turned upright from its EXIF orientation and converted to sRGB from its embedded profile (CMYK,
 * Adobe RGB, Display P3); each narrower rendition is resized from the next wider one.
 */
export async function encodePicture(picture: PlannedPicture, imagesDir: string): Promise<number> {
  const { largest } = picture;
  const top = await sharp(readFileSync(picture.file), { limitInputPixels: MAX_SOURCE_PIXELS, failOn: "warning" })
    .autoOrient()
    .resize(largest.width, largest.height, { fit: "fill" })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pending: Promise<void>[] = [];
  let written = 0;
  const write = (pixels: Pixels, rendition: Rendition) => {
    const target = path.join(imagesDir, rendition.cacheFile);
    if (existsSync(target)) return;
    written++;
    pending.push(encode(pixels, rendition, picture.kind).then((bytes) => writeFileAtomic(target, bytes)));
  };
  write(top, largest);
  const narrower = [...picture.webp, ...picture.fallback].sort((a, b) => b.width - a.width);
  let current: Pixels = top;
  for (const rendition of narrower) {
    if (current.info.width !== rendition.width) current = await resize(current, rendition.width, rendition.height);
    write(current, rendition);
  }
  await Promise.all(pending);
  return written;
}

/** What the encode stage did, and when (epoch ms, for the stage timer) it finished. */
export interface EncodeResult {
  /** Pictures encoded by this build (all their missing renditions). */
  encoded: number;
  /** Pictures whose renditions were all in the cache. */
  cached: number;
  /** Pictures that could not be decoded, at each place that shows them. */
  problems: ContentProblem[];
  finishedAt: number;
}

/** Pictures encoded at once: one per core, each using a libuv thread per rendition it is encoding. */
export function encodeConcurrency(cores = availableParallelism()): number {
  return Math.max(1, cores);
}

/**
 * The encode stage: every picture of the plan whose renditions are not all in the cache (`missing`)
 * is encoded, `concurrency` at a time, in sharp's threads beside the rendering. A picture that fails
 * to decode (a corrupt file) is a problem at each place that shows it; the others go on.
 */
export async function encodeImages(
  plan: ImagePlan,
  imagesDir: string,
  concurrency = encodeConcurrency(),
  missing: readonly PlannedPicture[] = missingPictures(plan, imagesDir),
): Promise<EncodeResult> {
  const result: EncodeResult = { encoded: 0, cached: plan.pictures.size - missing.length, problems: [], finishedAt: 0 };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, missing.length) }, async () => {
      while (next < missing.length) {
        const picture = missing[next++] as PlannedPicture;
        try {
          await encodePicture(picture, imagesDir);
          result.encoded++;
        } catch {
          // A cut file is found before, from its header; what fails to decode is damaged inside.
          const message = PICTURE_MESSAGES.unreadable(picture.source);
          for (const place of picture.references) result.problems.push({ ...place, message });
        }
      }
    }),
  );
  result.finishedAt = performance.timeOrigin + performance.now();
  return result;
}
