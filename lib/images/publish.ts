import path from "node:path";
import { type PlannedPicture, renditionsOf } from "./plan.ts";

/**
 * Where each rendition of `pictures` goes: from the image cache to its site path in the staging
 * folder, the largest at the source's own address, the others under their hashed names.
 */
export function renditionLinks(
  pictures: Iterable<PlannedPicture>,
  imagesDir: string,
  stagingDir: string,
): [string, string][] {
  const links: [string, string][] = [];
  for (const picture of pictures)
    for (const rendition of renditionsOf(picture))
      links.push([path.join(imagesDir, rendition.cacheFile), path.join(stagingDir, rendition.path)]);
  return links;
}
