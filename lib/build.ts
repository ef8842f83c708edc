import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { listArticleFiles, loadContent, type SiteContent } from "./content.ts";
import { CACHE_DIR, configureSite, PROJECT_DIR } from "./eleventy.ts";
import type { EleventyConfig } from "./eleventy-types.ts";
import { metaCsp, writeHeadersFile } from "./headers.ts";
import { precompressAssets } from "./precompress.ts";
import { keepQrCodes, loadQrCache, precomputeQrCodes, saveQrCache } from "./qr.ts";
import {
  contentHash,
  linkReusedPages,
  pageKeys,
  pageManifest,
  pageManifestFile,
  pruneStaleManifests,
  readPageManifest,
  renderFingerprint,
  reusablePages,
  sharedPageInputs,
  writePageManifest,
} from "./reuse.ts";
import { type SearchIndexResult, writeSearchIndexInWorkers } from "./search-index.ts";
import { canonicalUrl } from "./urls.ts";

/**
 * Article and notice pages one Eleventy run renders at most. Eleventy keeps every page it renders
 * (its data and its HTML) until the run ends, so a large site is rendered in several runs.
 */
export const PAGES_PER_RUN = 20000;

/**
 * The V8 heap a build gets, in MB: 60 % of the machine's memory, at most 16 GB and at least
 * 2 GB. Node's default (about 4 GB on 64-bit machines) is too small near 100,000 pages.
 */
export function recommendedHeapMegabytes(totalBytes = os.totalmem()): number {
  return Math.max(2048, Math.min(16384, Math.floor((totalBytes / 1048576) * 0.6)));
}

/**
 * The Node flags for building the site in `root`: the heap of recommendedHeapMegabytes and, for a
 * site rendered in several Eleventy runs, a heap that grows by half its live size at most before V8
 * collects it. Left to itself V8 lets a large heap grow to several times its live size; at 100,000
 * articles that was 2 GB of garbage at the peak (6.29 GB against 4.33 GB with the flag).
 */
export function buildNodeFlags(root: string, totalBytes = os.totalmem(), pagesPerRun = PAGES_PER_RUN): string[] {
  const flags = [`--max-old-space-size=${recommendedHeapMegabytes(totalBytes)}`];
  if (listArticleFiles(root).length > pagesPerRun) flags.push("--heap-growing-percent=50");
  return flags;
}

/**
 * The canonical URL of every page that shows a QR code, but those of `skip` (page paths), about in
 * the order Eleventy renders them (notice pages before articles), so the QR worker is ahead of the
 * rendering thread instead of leaving it codes to encode itself.
 */
export function qrPageUrls(content: SiteContent, skip: ReadonlySet<string> = new Set()): string[] {
  const paths = [
    "/",
    "/search/",
    ...content.noticePages.map((notice) => notice.pageUrl as string),
    ...content.noticeListPages.map((page) => page.url),
    ...content.columnPages.map((page) => page.url),
    ...content.pages.map((page) => page.url),
    ...content.articles.map((article) => article.url),
  ];
  return paths.filter((pagePath) => !skip.has(pagePath)).map((pagePath) => canonicalUrl(content.site.url, pagePath));
}

/**
 * Splits the pages to render into runs of at most `perRun` pages, as even as can be, in order;
 * always at least one run (the first also renders every other page of the site).
 */
export function planRenderRuns(urls: readonly string[], perRun = PAGES_PER_RUN): string[][] {
  const runs = Math.max(1, Math.ceil(urls.length / perRun));
  const size = Math.ceil(urls.length / runs);
  return Array.from({ length: runs }, (_, i) => urls.slice(i * size, (i + 1) * size));
}

export interface BuildOptions {
  /** The site root holding content/ and _data/. */
  root: string;
  /** The published folder; replaced only when the whole build succeeded. Default `<root>/_site`. */
  outputDir?: string;
  /** Build the Pagefind index (default true). */
  searchIndex?: boolean;
  /** Article and notice pages one Eleventy run renders at most (default PAGES_PER_RUN). */
  pagesPerRun?: number;
  /** Pages one search index shard holds at most (default SHARD_SIZE of lib/search-index.ts). */
  searchShardSize?: number;
  /** Worker threads writing search shards at once (default searchWorkerCount of lib/search-index.ts). */
  searchWorkers?: number;
}

export interface BuildResult {
  outputDir: string;
  pages: number;
  /** Article and notice pages linked unchanged from the last build instead of rendered (lib/reuse.ts). */
  reusedPages: number;
  /** Eleventy runs the pages were rendered in (PAGES_PER_RUN). */
  renderRuns: number;
  indexedPages: number;
  /** What the search stage wrote: pages, shards, shards reused from the cache, bytes. */
  search?: SearchIndexResult;
  timings: Record<string, number>;
}

/**
 * Tidies what an earlier build that was killed may have left beside the output: an unfinished
 * staging folder is removed, and if the kill fell between the two renames of the swap, the
 * previous site is put back.
 */
export function recoverInterruptedBuild(outputDir: string): void {
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  if (!existsSync(parent)) return;
  const leftovers = readdirSync(parent).filter(
    (entry) => entry.startsWith(`${base}.staging-`) || entry.startsWith(`${base}.retired-`),
  );
  const retired = leftovers.filter((entry) => entry.startsWith(`${base}.retired-`));
  if (!existsSync(outputDir) && retired.length > 0) {
    renameSync(path.join(parent, retired[0] as string), outputDir);
  }
  for (const entry of leftovers) rmSync(path.join(parent, entry), { recursive: true, force: true });
}

const elapsed = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Builds a site into a temporary folder beside the output, indexes it, and only then swaps it in
 * place of the published folder, so a failed build leaves the previous site exactly as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const outputDir = path.resolve(options.outputDir ?? path.join(root, "_site"));
  const stagingDir = `${outputDir}.staging-${process.pid}`;
  const retiredDir = `${outputDir}.retired-${process.pid}`;
  const timings: Record<string, number> = {};
  recoverInterruptedBuild(outputDir);
  let search: Promise<SearchIndexResult> | undefined;
  try {
    let start = process.hrtime.bigint();
    const content = loadContent({ root });
    timings.validation = elapsed(start);

    // The search index is built from the validated content, so it runs beside Eleventy (2 cores).
    const fingerprint = renderFingerprint(PROJECT_DIR);
    const searchStart = performance.timeOrigin + performance.now();
    search =
      options.searchIndex === false
        ? undefined
        : writeSearchIndexInWorkers(content, path.join(stagingDir, "pagefind"), {
            cacheDir: path.join(root, CACHE_DIR, "search"),
            shardSize: options.searchShardSize,
            workers: options.searchWorkers,
            fingerprint,
          }).then(({ finishedAt, ...stats }) => {
            timings.searchIndex = finishedAt - searchStart;
            return stats;
          });
    search?.catch(() => undefined);

    // Article and notice pages whose inputs did not change since the last build are linked from it, not rendered.
    start = process.hrtime.bigint();
    const manifestFile = pageManifestFile(path.join(root, CACHE_DIR), outputDir);
    const keys = pageKeys(content, sharedPageInputs(content, fingerprint, metaCsp()));
    const reused = reusablePages(readPageManifest(manifestFile, outputDir), keys, outputDir);
    const reusedUrls = new Set(reused.keys());
    timings.reuse = elapsed(start);

    // QR codes come from the cache of the last build; the missing ones are encoded in a worker
    // thread while Eleventy renders (the filter encodes any it asks for first).
    const qrCacheFile = path.join(root, CACHE_DIR, "qr-codes.tsv");
    const qrStart = performance.timeOrigin + performance.now();
    loadQrCache(qrCacheFile);
    keepQrCodes([...reusedUrls].map((url) => canonicalUrl(content.site.url, url)));
    const qr = precomputeQrCodes(qrPageUrls(content, reusedUrls), Math.max(1, os.availableParallelism() - 1)).then(
      ({ finishedAt }) => {
        timings.qr = finishedAt - qrStart;
      },
    );
    qr.catch(() => undefined);

    // Eleventy renders into staging in runs of at most PAGES_PER_RUN article and notice pages; the
    // first run renders every other page too. The pages carried over are linked in afterwards.
    start = process.hrtime.bigint();
    const toRender = [...keys.keys()].filter((url) => !reusedUrls.has(url));
    const pageFiles = new Map<string, { file: string; sha256: string }>(reused);
    let rendered = 0;
    const runs = planRenderRuns(toRender, options.pagesPerRun);
    for (const [run, urls] of runs.entries()) {
      const eleventy = new Eleventy(undefined, undefined, {
        configPath: false,
        quietMode: true,
        config: (eleventyConfig: EleventyConfig) =>
          configureSite(eleventyConfig, {
            root,
            outputDir: stagingDir,
            content,
            renderPages: new Set(urls),
            pagesOnly: run > 0,
          }),
      });
      const written = (await eleventy.write()) as unknown as [
        unknown[],
        { url?: string; outputPath?: string; content?: string }[],
      ];
      for (const entry of written[1] ?? []) {
        if (!entry.url) continue;
        rendered++;
        if (entry.outputPath && typeof entry.content === "string" && keys.has(entry.url))
          pageFiles.set(entry.url, {
            file: path.relative(stagingDir, path.resolve(entry.outputPath)),
            sha256: contentHash(entry.content),
          });
      }
    }
    timings.eleventy = elapsed(start);
    const pages = rendered + reused.size;
    linkReusedPages(reused, outputDir, stagingDir);
    const manifest = pageManifest(keys, pageFiles, stagingDir, outputDir);
    await qr;
    saveQrCache(qrCacheFile);

    const searchStats = search ? await search : undefined;
    const indexedPages = searchStats?.pages ?? 0;
    precompressAssets(stagingDir);
    writeHeadersFile(stagingDir);

    start = process.hrtime.bigint();
    if (existsSync(outputDir)) renameSync(outputDir, retiredDir);
    renameSync(stagingDir, outputDir);
    timings.swap = elapsed(start);
    start = process.hrtime.bigint();
    writePageManifest(manifestFile, manifest);
    pruneStaleManifests(path.join(root, CACHE_DIR));
    rmSync(retiredDir, { recursive: true, force: true });
    timings.cleanup = elapsed(start);
    return {
      outputDir,
      pages,
      reusedPages: reused.size,
      renderRuns: runs.length,
      indexedPages,
      search: searchStats,
      timings,
    };
  } catch (error) {
    await search?.catch(() => undefined);
    rmSync(stagingDir, { recursive: true, force: true });
    throw error;
  }
}
