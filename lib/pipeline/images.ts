import { type Catalog, ContentValidationError, type DetailPage, sortProblems } from "../content/index.ts";
import {
  type EncodeResult,
  encodeImages,
  type ImagePlan,
  imageCacheDir,
  planImages,
  publishImages,
  type SourceCache,
} from "../images/index.ts";

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

/** Starts encoding the pictures missing from the image cache, beside the rendering. */
export function startEncoding(images: PlannedImages): Promise<EncodeResult> {
  return encodeImages(images.plan, images.imagesDir);
}

/**
 * Waits for the encoding, fails the build on a picture that could not be decoded (nothing is
 * published), links every rendition into the staging folder and saves the source cache.
 */
export async function finishImages(
  images: PlannedImages,
  encoding: Promise<EncodeResult>,
  stagingDir: string,
): Promise<EncodeResult> {
  const result = await encoding;
  if (result.problems.length > 0) throw new ContentValidationError(sortProblems(result.problems));
  publishImages(images.plan, images.imagesDir, stagingDir);
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
