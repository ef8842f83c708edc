import os from "node:os";
import path from "node:path";
import { type Catalog, detailPages } from "../content/index.ts";
import { loadQrCache, precomputeQrCodes, saveQrCache } from "../qr/index.ts";
import { canonicalUrl, FIXED_PAGES } from "../shared/index.ts";

/** The QR cache of a site: one `url<TAB>size<TAB>bits` line per page of the last build. */
const QR_CACHE_FILE = "qr-codes.tsv";

/**
 * The canonical URL of every page that shows a QR code, but those of `skip` (site paths), about in
 * the order Eleventy renders them (notice pages before articles), so the QR worker is ahead of the
 * rendering thread instead of leaving it codes to encode itself.
 */
export function qrPageUrls(catalog: Catalog, skip: ReadonlySet<string> = new Set()): string[] {
  const details = detailPages(catalog);
  const paths = [
    ...Object.values(FIXED_PAGES).filter((pagePath) => pagePath.endsWith("/")),
    ...details.filter((page) => page.kind === "notice").map((page) => page.url),
    ...catalog.noticeListPages.map((page) => page.url),
    ...catalog.columnPages.map((page) => page.url),
    ...catalog.staticPages.map((page) => page.url),
    ...details.filter((page) => page.kind === "article").map((page) => page.url),
  ];
  return [...new Set(paths)]
    .filter((pagePath) => !skip.has(pagePath))
    .map((pagePath) => canonicalUrl(catalog.site.url, pagePath));
}

/**
 * Pages to render below which no QR worker thread starts: the rendering thread encodes their codes
 * in less CPU time than a worker takes to start (docs/scale.md).
 */
export const QR_WORKER_MIN_PAGES = 200;

/**
 * Starts the QR stage: the codes of the last build come from the cache in `cacheDir`, those of
 * carried-over pages are kept without drawing, and the missing ones are encoded in worker threads
 * while Eleventy renders (the qrCode filter encodes any it asks for first), unless there are fewer
 * than QR_WORKER_MIN_PAGES pages to render. Resolves when the workers are done, with when (epoch ms)
 * they finished.
 */
export function startQrCodes(
  catalog: Catalog,
  cacheDir: string,
  carriedOver: ReadonlySet<string>,
): Promise<{ finishedAt: number }> {
  loadQrCache(path.join(cacheDir, QR_CACHE_FILE));
  const urls = qrPageUrls(catalog, carriedOver);
  const threads = urls.length < QR_WORKER_MIN_PAGES ? 0 : Math.max(1, os.availableParallelism() - 1);
  return precomputeQrCodes(urls, threads);
}

/** Saves the codes of every page of this build (rendered or carried over) for the next one. */
export function saveQrCodes(catalog: Catalog, cacheDir: string): void {
  saveQrCache(path.join(cacheDir, QR_CACHE_FILE), qrPageUrls(catalog));
}
