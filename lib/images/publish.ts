import { mkdirSync } from "node:fs";
import path from "node:path";
import { linkOrCopy } from "../shared/index.ts";
import { type ImagePlan, renditionsOf } from "./plan.ts";

/**
 * Puts every rendition of the plan into the staging folder at its site path, hard-linked from the
 * image cache (copied across file systems): the largest at the source's own address, the others
 * under their hashed names. Returns how many files it placed.
 */
export function publishImages(plan: ImagePlan, imagesDir: string, stagingDir: string): number {
  const made = new Set<string>();
  let placed = 0;
  for (const picture of plan.pictures.values())
    for (const rendition of renditionsOf(picture)) {
      const target = path.join(stagingDir, rendition.path);
      const folder = path.dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      linkOrCopy(path.join(imagesDir, rendition.cacheFile), target);
      placed++;
    }
  return placed;
}
