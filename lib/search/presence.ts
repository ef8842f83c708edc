import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sha256 } from "../shared/index.ts";
import { recordPresence, type SearchRecordSource } from "./records.ts";
import { searchTokens } from "./segment.ts";

/*
 * The presence map: for every key a query can look up (a bigram, a character, a Latin prefix, a whole
 * title), which shards hold it and in which of them it stands in a title. The search page reads the
 * few files that hold its query's keys and opens only the shards that can hold a match, best first.
 */

/** The file each shard's own presence list is written to, beside its Pagefind files, until the index is assembled. */
export const SHARD_PRESENCE_FILE = "presence.tsv";

/** The size the presence files aim at, before compression: a query's look-ups stay a few KB. */
const BUCKET_BYTES = 4096;

/**
 * One shard's presence list: a `key<TAB>flag` line per key, sorted: `t` for a key that stands in a
 * title of the shard, `b` for one only in bodies, `e` for the key of a whole title.
 */
export function shardPresence(sources: readonly Pick<SearchRecordSource, "title" | "text">[]): string {
  const flags = new Map<string, string>();
  for (const source of sources) {
    const { keys, titleKeys, titleKey } = recordPresence(source);
    for (const key of keys) if (!flags.has(key)) flags.set(key, "b");
    for (const key of titleKeys) flags.set(key, "t");
    flags.set(titleKey, "e");
  }
  return [...flags]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, flag]) => `${key}\t${flag}\n`)
    .join("");
}

/** A set of shards as a presence file writes it: `*` for every shard, else their indexes in base 36. */
export function encodeShardSet(shards: readonly number[], total: number): string {
  return shards.length === total ? "*" : shards.map((shard) => shard.toString(36)).join(",");
}

/** The smallest power of two of files that keeps each near BUCKET_BYTES, at least 8. */
export function bucketCount(totalBytes: number): number {
  let count = 8;
  while (count * BUCKET_BYTES < totalBytes && count < 65536) count *= 2;
  return count;
}

/** Where the presence map is published and how many files it has (shards.json). */
export interface PresenceManifest {
  path: string;
  buckets: number;
}

/**
 * Merges the shards' presence lists (in the manifest's order: shard i is the i-th file) into the
 * presence map: files `<bucket>.txt` of `key<TAB>shards<TAB>title shards` lines in a folder named
 * after their hash under `indexDir` (so they can be cached for a year), and removes the lists.
 */
export function writePresenceMap(indexDir: string, urlPath: string, shardFiles: readonly string[]): PresenceManifest {
  const shardsOf = new Map<string, { all: number[]; title: number[] }>();
  for (const [shard, file] of shardFiles.entries()) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line) continue;
      const tab = line.lastIndexOf("\t");
      const key = line.slice(0, tab);
      const flag = line.slice(tab + 1);
      let entry = shardsOf.get(key);
      if (!entry) {
        entry = { all: [], title: [] };
        shardsOf.set(key, entry);
      }
      entry.all.push(shard);
      if (flag === "t") entry.title.push(shard);
    }
    rmSync(file, { force: true });
  }
  const total = shardFiles.length;
  const lines = [...shardsOf.keys()].sort().map((key) => {
    const { all, title } = shardsOf.get(key) as { all: number[]; title: number[] };
    return title.length > 0
      ? `${key}\t${encodeShardSet(all, total)}\t${encodeShardSet(title, total)}\n`
      : `${key}\t${encodeShardSet(all, total)}\n`;
  });
  const buckets = bucketCount(lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0));
  const files: string[][] = Array.from({ length: buckets }, () => []);
  for (const line of lines) files[searchTokens.presenceBucket(line.slice(0, line.indexOf("\t")), buckets)]?.push(line);
  const texts = files.map((bucket) => bucket.join(""));
  const folder = `presence-${sha256(...texts).slice(0, 10)}`;
  mkdirSync(path.join(indexDir, folder), { recursive: true });
  for (const [bucket, text] of texts.entries()) writeFileSync(path.join(indexDir, folder, `${bucket}.txt`), text);
  return { path: `${urlPath}${folder}/`, buckets };
}
