import { type Catalog, ContentValidationError, type DetailPage, sortProblems } from "../content/index.ts";
import {
  type EncodeResult,
  encodeImages,
  type ImagePlan,
  imageCacheDir,
  missingPictures,
  planImages,
  renditionLinks,
  type SourceCache,
} from "../images/index.ts";
import { linkFiles } from "../shared/index.ts";

/** The image plan of a build, with the source cache it saves once the build succeeds. */
export interface PlannedImages {
  plan: ImagePlan;
  sources: SourceCache;
  imagesDir: string;
}

/** Plans every picture of the catalog (lib/images); a picture that cannot be published fails the build here, before rendering. */
export async function planPictures(catalog: Catalog, root: string, cacheDir: string): Promise<PlannedImages> {
  const { plan, problems, sources } = await planImages(catalog, root, cacheDir);
  if (problems.length > 0) throw new ContentValidationError(sortProblems(problems));
  return { plan, sources, imagesDir: imageCacheDir(cacheDir) };
}

/**
 * Starts encoding the pictures missing from the image cache, beside the rendering, and linking the
 * renditions of those already there into the staging folder (a worker thread); the encoded ones'
 * are linked once all are encoded. Resolves when both are done, never leaving a link in flight.
 */
export async function startEncoding(images: PlannedImages, stagingDir: string): Promise<EncodeResult> {
  const { plan, imagesDir } = images;
  const missing = missingPictures(plan, imagesDir);
  const absent = new Set(missing);
  const cached = [...plan.pictures.values()].filter((picture) => !absent.has(picture));
  const linking = linkFiles(renditionLinks(cached, imagesDir, stagingDir));
  const [encoded, linked] = await Promise.allSettled([encodeImages(plan, imagesDir, undefined, missing), linking]);
  if (encoded.status === "rejected") throw encoded.reason;
  if (linked.status === "rejected") throw linked.reason;
  const result = encoded.value;
  if (result.problems.length === 0) await linkFiles(renditionLinks(missing, imagesDir, stagingDir));
  return result;
}

/**
 * Waits for the encoding and linking, fails the build on a picture that could not be decoded
 * (nothing is published) and saves the source cache.
 */
export async function finishImages(images: PlannedImages, encoding: Promise<EncodeResult>): Promise<EncodeResult> {
  const result = await encoding;
  if (result.problems.length > 0) throw new ContentValidationError(sortProblems(result.problems));
  images.sources.save();
  return result;
}

/**
 * What a detail page shows of pictures, for its carry-over key: the key of each picture its file
 * references, so a replaced photo renders its pages again under the new names.
 */
export function pagePictureKeys(plan: ImagePlan): (page: DetailPage) => string[] {
  const byFile = new Map<string, string[]>();
  for (const picture of plan.pictures.values())
    for (const { file } of picture.references) byFile.set(file, [...(byFile.get(file) ?? []), picture.key]);
  return (page) => byFile.get(page.item.sourcePath) ?? [];
}
