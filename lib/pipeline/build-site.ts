import { rmSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { isCmsConfigured, loadCmsSettings } from "../cms/index.ts";
import { listArticleFiles, loadCatalog } from "../content/index.ts";
import type { EncodeResult } from "../images/index.ts";
import {
  adminCsp,
  buildFolders,
  metaCsp,
  precompressAssets,
  recoverInterruptedBuild,
  searchCorsOrigin,
  searchPageCsp,
  swapIntoPlace,
  writeHeadersFile,
} from "../publish/index.ts";
import {
  type SearchIndexStats,
  type StartedSearchWorkers,
  searchWorkerCount,
  startSearchWorkers,
  writeSearchIndexInWorkers,
} from "../search/index.ts";
import type { SearchPeer } from "../search-protocol/index.ts";
import { CACHE_DIR, PROJECT_DIR, SEARCH_INDEX_URL } from "../shared/index.ts";
import {
  linkCarriedOverPages,
  pageKeys,
  pageManifest,
  pageManifestFile,
  pagesToCarryOver,
  pruneStaleManifests,
  readPageManifest,
  renderFingerprint,
  sharedPageInputs,
  writePageManifest,
} from "./carry-over.ts";
import { finishImages, pagePictureKeys, planPictures, startEncoding } from "./images.ts";
import { saveQrCodes, startQrCodes } from "./qr-codes.ts";
import { renderPages } from "./render-runs.ts";
import { StageTimer } from "./timer.ts";

export interface BuildOptions {
  /** The site root holding content/ and _data/. */
  root: string;
  /** The published folder; replaced only when the whole build succeeded. Default `<root>/_site`. */
  outputDir?: string;
  /** Where caches between builds live (QR codes, search shards, page manifests). Default `<root>/.cache`. */
  cacheDir?: string;
  /** The preview: drafts and scheduled items included, shown with a banner. */
  preview?: boolean;
  /** The moment that decides what is scheduled for later (default: now). */
  now?: DateTime;
  /** Build the search index (default true). */
  searchIndex?: boolean;
  /** Detail pages one Eleventy run renders at most (default DETAIL_PAGES_PER_RUN). */
  detailPagesPerRun?: number;
  /** Pages one search index shard holds at most (default SHARD_SIZE of lib/search). */
  searchShardSize?: number;
  /** Search worker threads, started before validation (default searchWorkerCount of lib/search for the article files). */
  searchWorkers?: number;
  /** The other sites of its 站群, named by the search page and allowed to read /pagefind/ (lib/group); none by default. */
  searchPeers?: readonly SearchPeer[];
}

export interface BuildResult {
  outputDir: string;
  /** Pages in the output: rendered by this build or carried over from the last. */
  pages: number;
  /** Detail pages carried over unchanged from the last build instead of rendered (lib/pipeline/carry-over.ts). */
  carriedOver: { articles: number; notices: number };
  /** Eleventy runs the pages were rendered in (DETAIL_PAGES_PER_RUN). */
  renderRuns: number;
  /** What the search stage wrote: pages, shards, shards from the cache, bytes; none without an index. */
  search?: SearchIndexStats;
  /** Pictures the pages show: encoded by this build, or found whole in the image cache. */
  images: { pictures: number; encoded: number; cached: number };
  /** Milliseconds per stage: validate, imagePlan, search, carryOver, qr, images, render, publish, cleanup. */
  timings: Record<string, number>;
}

/**
 * Builds a site: starts the search workers, validates the content into the catalog and plans its
 * pictures, then writes the search index (worker threads), encodes the QR codes (worker threads)
 * and the pictures missing from the image cache (sharp's threads) and renders the pages that
 * changed (Eleventy) into a staging folder beside the output, and only then swaps it in place of
 * the published folder, so a failed build leaves the previous site exactly as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const folders = buildFolders(path.resolve(options.outputDir ?? path.join(root, "_site")));
  const { outputDir, stagingDir } = folders;
  const cacheDir = path.resolve(options.cacheDir ?? path.join(root, CACHE_DIR));
  const timer = new StageTimer();
  recoverInterruptedBuild(outputDir);
  let search: Promise<SearchIndexStats> | undefined;
  let searchWorkers: StartedSearchWorkers | undefined;
  let encoding: Promise<EncodeResult> | undefined;
  let linking: Promise<unknown> | undefined;
  try {
    if (options.searchIndex !== false)
      searchWorkers = startSearchWorkers(options.searchWorkers ?? searchWorkerCount(listArticleFiles(root).length));
    const { catalog, cms } = timer.time("validate", () => ({
      catalog: loadCatalog({ root, preview: options.preview, now: options.now }),
      cms: loadCmsSettings(root),
    }));
    const fingerprint = renderFingerprint(PROJECT_DIR);
    const images = await timer.timeAsync("imagePlan", () => planPictures(catalog, root, cacheDir));

    if (options.searchIndex !== false) {
      const writing = timer.track("search", () =>
        writeSearchIndexInWorkers(catalog, path.join(stagingDir, SEARCH_INDEX_URL), {
          cacheDir: path.join(cacheDir, "search"),
          shardSize: options.searchShardSize,
          started: searchWorkers,
          fingerprint,
        }),
      );
      search = writing.then(({ finishedAt: _, ...stats }) => stats);
      search.catch(() => undefined);
    }

    const { keys, carried, manifestFile } = timer.time("carryOver", () => {
      const manifestFile = pageManifestFile(cacheDir, outputDir);
      const keys = pageKeys(catalog, sharedPageInputs(catalog, fingerprint, metaCsp()), pagePictureKeys(images.plan));
      return {
        keys,
        carried: pagesToCarryOver(readPageManifest(manifestFile, outputDir), keys, outputDir),
        manifestFile,
      };
    });

    const qr = timer.track("qr", () => startQrCodes(catalog, cacheDir, new Set(carried.keys())));
    qr.catch(() => undefined);

    encoding = timer.track("images", () => startEncoding(images, stagingDir));
    encoding.catch(() => undefined);
    linking = timer.track("linkPages", () => linkCarriedOverPages(carried, outputDir, stagingDir));
    linking.catch(() => undefined);

    const toRender = [...keys.keys()].filter((url) => !carried.has(url));
    const rendered = await timer.timeAsync("render", () =>
      renderPages(root, stagingDir, catalog, toRender, options.detailPagesPerRun, images.plan, options.searchPeers),
    );
    await linking;
    const pictures = await finishImages(images, encoding);
    await qr;
    saveQrCodes(catalog, cacheDir);
    const searchStats = await search;

    timer.time("publish", () => {
      precompressAssets(stagingDir);
      writeHeadersFile(stagingDir, adminCsp(isCmsConfigured(cms) ? cms.backend : undefined), {
        searchCorsOrigin: searchCorsOrigin(options.searchPeers ?? []),
        searchCsp: searchPageCsp(options.searchPeers ?? []),
      });
      swapIntoPlace(folders);
    });
    timer.time("cleanup", () => {
      const detailPageFiles = new Map([...carried, ...rendered.detailPageFiles]);
      writePageManifest(manifestFile, pageManifest(keys, detailPageFiles, outputDir, outputDir));
      pruneStaleManifests(cacheDir);
      rmSync(folders.retiredDir, { recursive: true, force: true });
    });
    const carriedArticles = catalog.articles.filter((article) => carried.has(article.url)).length;
    return {
      outputDir,
      pages: rendered.pages + carried.size,
      carriedOver: { articles: carriedArticles, notices: carried.size - carriedArticles },
      renderRuns: rendered.runs,
      search: searchStats,
      images: { pictures: images.plan.pictures.size, encoded: pictures.encoded, cached: pictures.cached },
      timings: timer.timings,
    };
  } catch (error) {
    searchWorkers?.close();
    await search?.catch(() => undefined);
    await encoding?.catch(() => undefined);
    await linking?.catch(() => undefined);
    rmSync(stagingDir, { recursive: true, force: true });
    throw error;
  }
}
