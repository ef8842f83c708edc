import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { canonicalUrl } from "../shared/index.ts";

/** URLs per refresh request: what Alibaba Cloud CDN, Tencent Cloud CDN and Huawei Cloud CDN each take at most. */
export const REFRESH_BATCH = 1000;

/** The address readers use for a built HTML file: `articles/a/index.html` → `https://site/articles/a/`. */
export function pageAddress(siteUrl: string, relativePath: string): string {
  const page = relativePath.endsWith("index.html") ? relativePath.slice(0, -"index.html".length) : relativePath;
  return canonicalUrl(siteUrl, `/${page}`);
}

/** The addresses of the HTML files among `paths` (uploaded or deleted), sorted, each once. */
export function refreshAddresses(siteUrl: string, paths: readonly string[]): string[] {
  const pages = paths.filter((file) => file.endsWith(".html")).map((file) => pageAddress(siteUrl, file));
  return [...new Set(pages)].sort();
}

/** The addresses in batches of at most {@link REFRESH_BATCH}. */
export function refreshBatches(addresses: readonly string[], size = REFRESH_BATCH): string[][] {
  const batches: string[][] = [];
  for (let start = 0; start < addresses.length; start += size) batches.push(addresses.slice(start, start + size));
  return batches;
}

/**
 * Writes the addresses into `folder` as `refresh-1.txt`, `refresh-2.txt`, … (one URL a line, at most
 * {@link REFRESH_BATCH} a file, the input of one CDN refresh request each), after removing the files
 * of the last deploy; returns the files written.
 */
export function writeRefreshFiles(folder: string, addresses: readonly string[]): string[] {
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(folder))
    if (/^refresh-\d+\.txt$/.test(name)) rmSync(path.join(folder, name), { force: true });
  return refreshBatches(addresses).map((batch, index) => {
    const file = path.join(folder, `refresh-${index + 1}.txt`);
    writeFileSync(file, `${batch.join("\n")}\n`);
    return file;
  });
}
