import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  encodePresenceLine,
  type PresenceManifest,
  type PresenceSource,
  presenceBucket,
  presenceLineKey,
} from "../search-protocol/index.ts";
import { sha256 } from "../shared/index.ts";
import { chunkFinder, compareCodePoints, type IndexChunk } from "./pagefind-meta.ts";
import { type RecordPresence, recordPresence, type SearchRecordSource } from "./records.ts";

/*
 * The presence map: for every key a query can look up (a bigram, a character, a Latin prefix, a whole
 * title), which shards hold it, in which of them it stands in a title, and in which of each shard's
 * index chunks Pagefind finds it. The search page reads the few files that hold its query's keys,
 * opens only the shards that can hold a match, best first, and fetches their chunks with their meta.
 */

/** The file each shard's own presence list is written to, beside its Pagefind files, until the index is assembled. */
export const SHARD_PRESENCE_FILE = "presence.tsv";

/** The size the presence files aim at, before compression: a query's look-ups stay a few KB. */
const BUCKET_BYTES = 4096;

/** A shard's presence list being made, a page at a time (shardPresence). */
export interface PresenceTally {
  add(page: RecordPresence): void;
  /** The list: a `key<TAB>flag<TAB>pages` line per key, in code point order. */
  lines(): string;
}

/** An empty PresenceTally. */
export function presenceTally(): PresenceTally {
  const flags = new Map<string, string>();
  const pages = new Map<string, number>();
  const count = (key: string) => pages.set(key, (pages.get(key) ?? 0) + 1);
  return {
    add({ keys, titleKeys, titleKey }) {
      for (const key of keys) {
        if (!flags.has(key)) flags.set(key, "b");
        count(key);
      }
      for (const key of titleKeys) flags.set(key, "t");
      flags.set(titleKey, "e");
      count(titleKey);
    },
    lines: () =>
      [...flags]
        .sort(([a], [b]) => compareCodePoints(a, b))
        .map(([key, flag]) => `${key}\t${flag}\t${pages.get(key)}\n`)
        .join(""),
  };
}

/**
 * One shard's presence list: a `key<TAB>flag<TAB>pages` line per key, in code point order (Pagefind's):
 * `t` for a key that stands in a title of the shard, `b` for one only in bodies, `e` for the key of a
 * whole title; `pages`, how many of the shard's pages hold it.
 */
export function shardPresence(sources: readonly Pick<SearchRecordSource, "title" | "text">[]): string {
  const tally = presenceTally();
  for (const source of sources) tally.add(recordPresence(source));
  return tally.lines();
}

/** The smallest power of two of files that keeps each near BUCKET_BYTES, at least 8. */
export function bucketCount(totalBytes: number): number {
  let count = 8;
  while (count * BUCKET_BYTES < totalBytes && count < 65536) count *= 2;
  return count;
}

/** A shard's presence list (shardPresence) and its Pagefind index chunks (readPagefindMeta). */
export interface ShardPresenceSource {
  file: string;
  chunks: readonly IndexChunk[];
}

/** What the presence map holds of one key, gathered from the shards' lists. */
type GatheredKey = { all: number[]; title: number[]; chunks: string[]; counts: number[] };

/** Reads the shards' presence lists (shard i the i-th) into key → what the map holds of it, and removes the lists. */
function gatherPresence(shards: readonly ShardPresenceSource[]): Map<string, GatheredKey> {
  const shardsOf = new Map<string, GatheredKey>();
  for (const [shard, { file, chunks }] of shards.entries()) {
    const chunkOf = chunkFinder(chunks);
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line) continue;
      const [key = "", flag = "", pages = "1"] = line.split("\t");
      let entry = shardsOf.get(key);
      if (!entry) {
        entry = { all: [], title: [], chunks: [], counts: [] };
        shardsOf.set(key, entry);
      }
      entry.all.push(shard);
      entry.counts.push(Number(pages));
      if (flag === "t") entry.title.push(shard);
      // A whole title's key is no word of the index: Pagefind never looks it up.
      entry.chunks.push(flag === "e" ? "" : chunkOf(key));
    }
    rmSync(file, { force: true });
  }
  return shardsOf;
}

/**
 * Writes one part of the presence map, of the `count` shards from `first`, from what `gathered` holds
 * of them: `buckets(bytes)` files in a folder named after their hash under `indexDir`, its lines
 * counting shards from `first`.
 */
function writePresencePart(
  indexDir: string,
  urlPath: string,
  gathered: ReadonlyMap<string, GatheredKey>,
  first: number,
  count: number,
  buckets: (bytes: number) => number,
): PresenceManifest {
  const inPart = (shard: number) => shard >= first && shard < first + count;
  const lines: string[] = [];
  for (const key of [...gathered.keys()].sort()) {
    const entry = gathered.get(key) as GatheredKey;
    const kept = entry.all.flatMap((shard, i) => (inPart(shard) ? [i] : []));
    if (kept.length === 0) continue;
    const source: PresenceSource = {
      all: kept.map((i) => (entry.all[i] as number) - first),
      title: entry.title.filter(inPart).map((shard) => shard - first),
      chunks: kept.map((i) => entry.chunks[i] as string),
      counts: kept.map((i) => entry.counts[i] as number),
    };
    lines.push(encodePresenceLine(key, source, count));
  }
  const files: string[][] = Array.from(
    { length: buckets(lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0)) },
    () => [],
  );
  for (const line of lines) files[presenceBucket(presenceLineKey(line), files.length)]?.push(line);
  const texts = files.map((bucket) => bucket.join(""));
  const folder = `presence-${sha256(...texts).slice(0, 10)}`;
  mkdirSync(path.join(indexDir, folder), { recursive: true });
  for (const [bucket, text] of texts.entries()) writeFileSync(path.join(indexDir, folder, `${bucket}.txt`), text);
  return { path: `${urlPath}${folder}/`, buckets: files.length, first, shards: count };
}

/**
 * Merges the shards' presence lists (in the manifest's order: shard i is the i-th) into the presence
 * map: files `<bucket>.txt` of `key<TAB>shards<TAB>title shards<TAB>chunks<TAB>counts` lines, `chunks`
 * naming for each shard of `shards`, in order, the chunk that holds the key (its short hash, or
 * nothing) and `counts` how many of its pages hold it, and removes the lists. The map is written in
 * parts, each in a folder named after its files' hash (so they can be cached for a year): the `open`
 * newest shards' (the small shard new pages go to, lib/search/shards.ts) in one file, and the other
 * shards', which a new page leaves byte for byte as it was, since each part's lines count its shards
 * from its own first; one part when all shards are open or none is.
 */
export function writePresenceMap(
  indexDir: string,
  urlPath: string,
  shards: readonly ShardPresenceSource[],
  open = 0,
): PresenceManifest[] {
  const gathered = gatherPresence(shards);
  const total = shards.length;
  if (open <= 0 || total <= open) return [writePresencePart(indexDir, urlPath, gathered, 0, total, bucketCount)];
  return [
    writePresencePart(indexDir, urlPath, gathered, 0, open, () => 1),
    writePresencePart(indexDir, urlPath, gathered, open, total - open, bucketCount),
  ];
}
