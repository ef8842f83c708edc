import os from "node:os";
import { listArticleFiles } from "../content/index.ts";

/**
 * Detail pages one Eleventy run renders at most. Eleventy keeps every page it renders (its data
 * and its HTML) until the run ends, so a large site is rendered in several runs.
 */
export const DETAIL_PAGES_PER_RUN = 20000;

/**
 * The V8 heap a build gets, in MB: 60 % of the machine's memory, at most 16 GB and at least
 * 2 GB. Node's default (about 4 GB on 64-bit machines) is too small near 100,000 pages.
 */
export function recommendedHeapMegabytes(totalBytes = os.totalmem()): number {
  return Math.max(2048, Math.min(16384, Math.floor((totalBytes / 1048576) * 0.6)));
}

/**
 * Articles up to which a site builds in Node's default heap (a quarter of the memory, up to 4 GB;
 * such a build needs a few hundred MB), so `npm run build` need not start Node again for it.
 */
export const DEFAULT_HEAP_ARTICLES = 1000;

/**
 * The Node flags for building the site in `root`: none for a site of up to `defaultHeapArticles`
 * articles; else the heap of recommendedHeapMegabytes and, for a site rendered in several Eleventy
 * runs, a heap that grows by half its live size at most before V8 collects it (left to itself V8
 * lets a large heap grow to several times its live size; docs/scale.md).
 */
export function buildNodeFlags(
  root: string,
  totalBytes = os.totalmem(),
  pagesPerRun = DETAIL_PAGES_PER_RUN,
  defaultHeapArticles = DEFAULT_HEAP_ARTICLES,
): string[] {
  const articles = listArticleFiles(root).length;
  if (articles <= defaultHeapArticles) return [];
  const flags = [`--max-old-space-size=${recommendedHeapMegabytes(totalBytes)}`];
  if (articles > pagesPerRun) flags.push("--heap-growing-percent=50");
  return flags;
}
