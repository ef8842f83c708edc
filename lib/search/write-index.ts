import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Catalog } from "../content/index.ts";
import {
  SEARCH_FILTERS,
  SHARD_FILTER,
  SHARD_MANIFEST_FILE,
  type ShardEntry,
  type ShardManifest,
} from "../search-protocol/index.ts";
import { folderBytes, formatIsoDate, SEARCH_INDEX_URL, sha256 } from "../shared/index.ts";
import { readPagefindMeta } from "./pagefind-meta.ts";
import { type ShardsWritten, writeShards } from "./pagefind-writer.ts";
import { SHARD_PRESENCE_FILE, type ShardPresenceSource, writePresenceMap } from "./presence.ts";
import { type SearchPageSource, searchPageSources, TITLE_SLOT } from "./records.ts";
import { pruneShardCache, type ShardCache } from "./shard-cache.ts";
import { PRIMARY_SHARD, planShards, type SearchShard, type ShardJob, shardJobs } from "./shards.ts";

/** What writeSearchIndex wrote. */
export interface SearchIndexStats {
  pages: number;
  shards: number;
  /** Shards linked unchanged from the cache. */
  cachedShards: number;
  bytes: number;
}

/** Where writeSearchIndex may keep shards for the next build. */
export interface SearchIndexOptions {
  /** A folder for shards keyed by a hash of their pages and `fingerprint`, or of their records (e.g. `<root>/.cache/search`); none: no cache. */
  cacheDir?: string;
  /** Pages a shard holds at most (default SHARD_SIZE). */
  shardSize?: number;
  /** Worker threads writing shards at once, each with a Pagefind process of its own, 0 for none (writeSearchIndexInWorkers). */
  workers?: number;
  /** The code's fingerprint, so cached shards are found from their pages (ShardCache). */
  fingerprint?: string;
}

/** The folder shards are written into before they are put in place: beside the index, never inside the site. */
function partsFolder(outputPath: string): string {
  return path.join(path.dirname(outputPath), `.${path.basename(outputPath)}-parts-${process.pid}`);
}

/**
 * Puts the written shards in place (the primary at `outputPath`, the shards in sub-folders named
 * after them), writes the presence map and `shards.json`, and prunes cache entries no shard uses any more.
 */
function assembleIndex(
  outputPath: string,
  partsDir: string,
  shards: readonly SearchShard<SearchPageSource>[],
  written: ShardsWritten,
  cacheDir: string | undefined,
): SearchIndexStats {
  rmSync(outputPath, { recursive: true, force: true });
  mkdirSync(path.dirname(outputPath), { recursive: true });
  renameSync(path.join(partsDir, PRIMARY_SHARD.name), outputPath);
  rmSync(path.join(outputPath, SHARD_PRESENCE_FILE), { force: true });
  const metaFile = (folder: string, language: string) =>
    `pagefind.${JSON.parse(readFileSync(path.join(folder, "pagefind-entry.json"), "utf8")).languages[language].hash}.pf_meta`;
  const entries: ShardEntry[] = [];
  const presenceSources: ShardPresenceSource[] = [];
  for (const shard of shards) {
    const folder = path.join(outputPath, shard.name);
    renameSync(path.join(partsDir, shard.name), folder);
    const days = shard.sources.map((source) => formatIsoDate(source.date, "yyyy-MM-dd")).sort();
    const meta = metaFile(folder, shard.language);
    const { chunks, filters } = readPagefindMeta(path.join(folder, meta), shard.language);
    const filter = filters.get(SHARD_FILTER);
    const searchFilters = Object.values(SEARCH_FILTERS).flatMap((name) => {
      const hash = filters.get(name);
      return hash ? [[name, hash] as const] : [];
    });
    entries.push({
      name: shard.name,
      path: `${SEARCH_INDEX_URL}${shard.name}/`,
      language: shard.language,
      meta,
      ...(filter ? { filter } : {}),
      ...(searchFilters.length > 0 ? { filters: Object.fromEntries(searchFilters) } : {}),
      from: days[0] as string,
      to: days.at(-1) as string,
      pages: shard.sources.length,
    });
    presenceSources.push({ file: path.join(folder, SHARD_PRESENCE_FILE), chunks });
  }
  const open = shards.filter((shard) => shard.open).length;
  const presence =
    entries.length > 0 ? writePresenceMap(outputPath, SEARCH_INDEX_URL, presenceSources, open) : undefined;
  const primary = {
    path: SEARCH_INDEX_URL,
    language: PRIMARY_SHARD.language,
    meta: metaFile(outputPath, PRIMARY_SHARD.language),
  };
  const body = { titleSlot: TITLE_SLOT, primary, ...(presence ? { presence } : {}), shards: entries };
  const manifest: ShardManifest = { version: sha256(JSON.stringify(body)).slice(0, 12), ...body };
  rmSync(partsDir, { recursive: true, force: true });
  writeFileSync(path.join(outputPath, SHARD_MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  pruneShardCache(cacheDir, written.used);
  return {
    pages: shards.reduce((sum, shard) => sum + shard.sources.length, 0),
    shards: shards.length,
    cachedShards: written.cachedShards,
    bytes: folderBytes(outputPath),
  };
}

/**
 * Writes the Pagefind index of every detail page into `outputPath` (`<site>/pagefind`), from the
 * catalog rather than the built HTML, so it can run while Eleventy writes pages.
 * The primary index at `outputPath` holds Pagefind's scripts and no page; the shards sit in
 * sub-folders listed in `shards.json`; a shard whose pages (or records) are unchanged since the last build is linked from the cache.
 * Runs in this thread; writeSearchIndexInWorkers spreads the same work over worker threads.
 */
export function writeSearchIndex(
  catalog: Catalog,
  outputPath: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexStats> {
  return writeIndexFromShards(catalog, outputPath, options, (jobs, cache) =>
    writeShards(jobs, cache).finally(() => pagefind.close()),
  );
}

/**
 * What writeSearchIndex and writeSearchIndexInWorkers share: plans the shards, has `write` put them
 * into a parts folder beside the index, then assembles the index from it; the parts folder is gone
 * afterwards, whether or not the writing succeeded.
 */
export async function writeIndexFromShards<Written extends ShardsWritten>(
  catalog: Catalog,
  outputPath: string,
  options: SearchIndexOptions,
  write: (jobs: ShardJob[], cache: ShardCache, pages: number) => Promise<Written>,
): Promise<SearchIndexStats & Omit<Written, keyof ShardsWritten>> {
  const shards = planShards(searchPageSources(catalog), options.shardSize);
  const pages = shards.reduce((sum, shard) => sum + shard.sources.length, 0);
  const partsDir = partsFolder(outputPath);
  rmSync(partsDir, { recursive: true, force: true });
  try {
    const cache = { dir: options.cacheDir, fingerprint: options.fingerprint };
    const { used, cachedShards, ...rest } = await write(shardJobs(shards, partsDir), cache, pages);
    return { ...assembleIndex(outputPath, partsDir, shards, { used, cachedShards }, options.cacheDir), ...rest };
  } finally {
    rmSync(partsDir, { recursive: true, force: true });
  }
}
