import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { linkOrCopy, linkTree, PROJECT_DIR, sha256 } from "../shared/index.ts";
import { presenceTally } from "./presence.ts";
import { recordSegments, type SearchRecordSource, toRecordSource } from "./records.ts";
import { type ShardJob, shardRecords } from "./shards.ts";

/** Bumped when the records or the layout change, so cached shards of older builds are not reused. */
const FORMAT = "bigram-2-presence-counts";

const pagefindVersion: string = JSON.parse(
  readFileSync(path.join(PROJECT_DIR, "node_modules/pagefind/package.json"), "utf8"),
).version;

/** Where writeShards finds and keeps cached shards. */
export interface ShardCache {
  /** The cache folder (e.g. `<root>/.cache/search`); none: no cache. */
  dir?: string;
  /**
   * A hash of the code that turns pages into records (lib/pipeline/carry-over.ts renderFingerprint): with it a
   * shard's cache entry is named from its pages, so a cached shard is used without making its
   * records; without it, from the records themselves.
   */
  fingerprint?: string;
}

/** A shard about to be written: its cache entry, and its records made when first asked for (the Markdown's text, the segmentation). */
export interface PreparedShard {
  job: ShardJob;
  /** The cache entry's name: the shard's name and a hash of its inputs. */
  entry: string;
  /** The cache entry's folder, when there is a cache. */
  cached?: string;
  isCached(): boolean;
  records(): ReturnType<typeof shardRecords>;
  /** The shard's presence list (lib/search/presence.ts). */
  presence(): string;
}

/** Names a shard's cache entry from its pages and the code's fingerprint (or from its records without one). */
export function prepareShard(job: ShardJob, cache: ShardCache): PreparedShard {
  let sources: SearchRecordSource[] | undefined;
  const recordSources = () => {
    sources ??= job.shard.sources.map(toRecordSource);
    return sources;
  };
  // The records and the presence list come from one segmentation of each page.
  let made: { records: ReturnType<typeof shardRecords>; presence: string } | undefined;
  const make = () => {
    if (made) return made;
    const tally = presenceTally();
    const contents = recordSources().map(({ title, text }) => {
      const { content, presence } = recordSegments(title, text);
      tally.add(presence);
      return content;
    });
    made = { records: shardRecords({ ...job.shard, sources: recordSources() }, contents), presence: tally.lines() };
    return made;
  };
  const inputs = cache.fingerprint
    ? `${cache.fingerprint}\n${JSON.stringify(job.shard)}`
    : JSON.stringify(make().records);
  const hash = sha256(`${FORMAT}\n${pagefindVersion}\n${job.primary}\n${inputs}`).slice(0, 16);
  const entry = `${job.shard.name}-${hash}`;
  const cached = cache.dir ? path.join(cache.dir, entry) : undefined;
  return {
    job,
    entry,
    cached,
    isCached: () => cached !== undefined && existsSync(cached),
    records: () => make().records,
    presence: () => make().presence,
  };
}

/** The files a merged (non-primary) shard needs; Pagefind's scripts and wasm come from the primary. */
export const MERGED_SHARD_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter|presence\.tsv)$/;

/** Links a cached shard into place; false (and nothing left behind) if another build removed it meanwhile. */
export function linkCached(cached: string, target: string): boolean {
  try {
    linkTree(cached, target);
    return true;
  } catch {
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/**
 * Keeps a copy of a freshly written shard for later builds (the primary without its shard folders).
 * Best effort: a build of the same site running at the same time may store or prune it first.
 */
export function storeInCache(written: string, cached: string, primary: boolean): void {
  const temporary = `${cached}.tmp-${process.pid}`;
  try {
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(temporary, { recursive: true });
    for (const entry of readdirSync(written, { withFileTypes: true })) {
      if (primary && entry.isDirectory() && !MERGED_SHARD_FILES.test(entry.name)) continue;
      const from = path.join(written, entry.name);
      const to = path.join(temporary, entry.name);
      if (entry.isDirectory()) linkTree(from, to);
      else linkOrCopy(from, to);
    }
    rmSync(cached, { recursive: true, force: true });
    renameSync(temporary, cached);
  } catch {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** Removes the cache entries no shard of this build uses. */
export function pruneShardCache(cacheDir: string | undefined, used: readonly string[]): void {
  if (!cacheDir || !existsSync(cacheDir)) return;
  const keep = new Set(used);
  for (const entry of readdirSync(cacheDir)) {
    if (!keep.has(entry)) rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
  }
}
