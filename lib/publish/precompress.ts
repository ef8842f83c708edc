import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { constants, gzipSync } from "node:zlib";
import { ASSETS_URL } from "../shared/index.ts";

/** The text files under /assets/ that get a gzip copy: styles, scripts and SVG icons. */
export const PRECOMPRESSED_EXTENSIONS = [".css", ".js", ".svg"] as const;

/**
 * Writes `<file>.gz` beside each text file under `<siteDir>/assets/` (gzip at level 9, the same
 * bytes every build: no name, no time), for servers that send a precompressed copy (nginx
 * `gzip_static on`) instead of compressing each response. Only where the copy is smaller; returns
 * how many were written. The files are content-hashed, so a handful, compressed once per build.
 */
export function precompressAssets(siteDir: string): number {
  const folder = path.join(siteDir, ASSETS_URL);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return 0;
  }
  let written = 0;
  for (const name of entries.sort()) {
    if (!PRECOMPRESSED_EXTENSIONS.some((extension) => name.endsWith(extension))) continue;
    const original = readFileSync(path.join(folder, name));
    const compressed = gzipSync(original, { level: constants.Z_BEST_COMPRESSION });
    if (compressed.length >= original.length) continue;
    writeFileSync(path.join(folder, `${name}.gz`), compressed);
    written++;
  }
  return written;
}
