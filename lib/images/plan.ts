import { existsSync } from "node:fs";
import path from "node:path";
import type { Catalog, ContentProblem } from "../content/index.ts";
import { FILES } from "../shared/index.ts";
import { heightAt, largestSize, type OutputFormat, type PictureKind, RENDITIONS, renditionWidths } from "./formats.ts";
import { fileIdentity, inspectPicture } from "./inspect.ts";
import { findPictureReferences, type LeadPhoto, leadPhotoOf, type PictureReference } from "./references.ts";
import { readSourceCache, type SourceCache } from "./source-cache.ts";

/** One published file of a picture. */
export interface Rendition {
  /** Its site path, percent-decoded (where it is written). */
  path: string;
  /** Its address in HTML, percent-encoded. */
  url: string;
  width: number;
  height: number;
  format: OutputFormat;
  /** Its file in the image cache, relative to the cache folder. */
  cacheFile: string;
}

/** A picture as the pages show it and the encoder makes it. */
export interface PlannedPicture {
  /** The site path editors wrote (decoded): where its largest rendition is published. */
  source: string;
  /** The source file on disk. */
  file: string;
  key: string;
  kind: PictureKind;
  width: number;
  height: number;
  /** At the source's own address (查看原图), ≤ RENDITIONS.largest on its long side. */
  largest: Rendition;
  /** WebP renditions, narrowest first. */
  webp: Rendition[];
  /** JPEG (photo) or PNG (graphic) renditions for browsers without WebP, narrowest first. */
  fallback: Rendition[];
  /** Where the content shows or links it, for a problem found while encoding. */
  references: Omit<PictureReference, "source">[];
}

/** The plan of every picture of a build: what the HTML needs before a single picture is encoded. */
export interface ImagePlan {
  /** By source site path (decoded). */
  pictures: Map<string, PlannedPicture>;
  /** The lead photo of each article that has one, by article URL, newest article first. */
  leads: Map<string, LeadPhoto>;
}

/** The site path of a file in a site folder, percent-encoded per segment. */
function encodePath(sitePath: string): string {
  return sitePath.split("/").map(encodeURIComponent).join("/");
}

/** The renditions of a source from its header: names carry the key, so a changed photo gets new names. */
export function planPicture(
  source: string,
  file: string,
  header: { key: string; kind: PictureKind; format: string; width: number; height: number },
): PlannedPicture {
  const { key, kind } = header;
  const largest = largestSize(header.width, header.height);
  const folder = path.posix.dirname(source);
  const stem = path.posix.basename(source, path.posix.extname(source));
  const entry = `${key.slice(0, 2)}/${key}`;
  const rendition = (width: number, format: OutputFormat): Rendition => {
    const extension = format === "jpeg" ? "jpg" : format;
    const sitePath = `${folder}/${stem}.${key.slice(0, 8)}.${width}.${extension}`;
    return {
      path: sitePath,
      url: encodePath(sitePath),
      width,
      height: heightAt(width, largest.width, largest.height),
      format,
      cacheFile: `${entry}/${width}.${extension}`,
    };
  };
  const fallbackFormat: OutputFormat = kind === "photo" ? "jpeg" : "png";
  const largestFormat = (header.format === "jpeg" ? "jpeg" : header.format) as OutputFormat;
  const fallbackWidths = [...new Set(RENDITIONS.fallbackWidths.map((width) => Math.min(width, largest.width)))];
  return {
    source,
    file,
    key,
    kind,
    width: header.width,
    height: header.height,
    largest: {
      path: source,
      url: encodePath(source),
      ...largest,
      format: largestFormat,
      cacheFile: `${entry}/full${path.posix.extname(source).toLowerCase()}`,
    },
    webp: renditionWidths(largest.width).map((width) => rendition(width, "webp")),
    fallback: fallbackWidths.map((width) => rendition(width, fallbackFormat)),
    references: [],
  };
}

/** Every rendition of a picture, the largest first (the one the others are resized from). */
export function renditionsOf(picture: PlannedPicture): Rendition[] {
  return [picture.largest, ...picture.webp, ...picture.fallback];
}

/** Whether every rendition of a picture is in the cache (each is written whole, so present means done). */
export function isCached(picture: PlannedPicture, imagesDir: string): boolean {
  return renditionsOf(picture).every((rendition) => existsSync(path.join(imagesDir, rendition.cacheFile)));
}

/** The pictures of the plan whose renditions are not all in the cache yet. */
export function missingPictures(plan: ImagePlan, imagesDir: string): PlannedPicture[] {
  return [...plan.pictures.values()].filter((picture) => !isCached(picture, imagesDir));
}

/** Runs `task` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}

/**
 * The plan stage: finds every picture the catalog shows or links, reads each one's header (from
 * the source cache when the file is unchanged) and decides its renditions and published names.
 * A picture that cannot be published is a problem at every place that shows it.
 */
export async function planImages(
  catalog: Catalog,
  root: string,
  cacheDir: string,
): Promise<{ plan: ImagePlan; problems: ContentProblem[]; sources: SourceCache }> {
  const references = findPictureReferences(catalog);
  const bySource = new Map<string, PictureReference[]>();
  for (const reference of references)
    bySource.set(reference.source, [...(bySource.get(reference.source) ?? []), reference]);
  const cache = readSourceCache(cacheDir);
  const pictures = new Map<string, PlannedPicture>();
  const problems: ContentProblem[] = [];
  await eachLimited([...bySource.keys()], 4, async (source) => {
    const file = path.join(root, FILES.folder, source.slice(FILES.url.length));
    let identity: ReturnType<typeof fileIdentity>;
    try {
      identity = fileIdentity(file);
    } catch {
      return;
    }
    let header = cache.get(file, identity);
    if (!header) {
      const inspected = await inspectPicture(file, identity.size);
      if ("problem" in inspected) {
        const message = inspected.problem(source);
        for (const { file: content, line, field } of bySource.get(source) ?? [])
          problems.push({ file: content, line, field, message });
        return;
      }
      header = inspected.header;
      cache.set(file, identity, header);
    }
    const references = (bySource.get(source) ?? []).map(({ source: _, ...place }) => place);
    pictures.set(source, { ...planPicture(source, file, header), references });
  });
  const leads = new Map<string, LeadPhoto>();
  for (const article of catalog.articles) {
    const lead = leadPhotoOf(article);
    if (lead && pictures.has(lead.source)) leads.set(article.url, lead);
  }
  const ordered = new Map(
    [...bySource.keys()].flatMap((source) => {
      const picture = pictures.get(source);
      return picture ? [[source, picture] as const] : [];
    }),
  );
  return { plan: { pictures: ordered, leads }, problems, sources: cache };
}
