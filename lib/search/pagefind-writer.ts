import { readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { SHARD_PRESENCE_FILE } from "./presence.ts";
import { linkCached, MERGED_SHARD_FILES, prepareShard, type ShardCache, storeInCache } from "./shard-cache.ts";
import type { ShardJob } from "./shards.ts";

/** Records sent to Pagefind at once (its service indexes them concurrently). */
const BATCH = 200;

/**
 * The size of Pagefind's index chunks, in word positions (its default is 20,000): smaller chunks
 * let a search load a rare word's postings without kilobytes of its neighbours' (docs/search.md).
 * Read by the Pagefind process this thread starts, so it is set before the first index is created.
 */
export const INDEX_CHUNK_SIZE = 4000;
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);

/** What writeShards did: the cache entries its shards use, and how many shards came from the cache. */
export interface ShardsWritten {
  used: string[];
  cachedShards: number;
}

/**
 * Sends a shard's records to a new Pagefind index and writes it into `target`; `whileWriting` runs
 * once Pagefind has been asked to write, so the caller's thread works while Pagefind does.
 */
async function writeShard(
  records: readonly pagefind.CustomRecord[],
  target: string,
  whileWriting: () => void = () => undefined,
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true });
  if (!index) throw new Error(`搜索索引创建失败 (pagefind createIndex): ${errors.join("; ")}`);
  for (let at = 0; at < records.length; at += BATCH) {
    const batch = records.slice(at, at + BATCH);
    const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    added.forEach((result, i) => {
      if (result.errors.length > 0)
        throw new Error(`搜索索引失败 (pagefind addCustomRecord) ${batch[i]?.url}: ${result.errors.join("; ")}`);
    });
  }
  const writing = index.writeFiles({ outputPath: target });
  whileWriting();
  const written = await writing;
  if (written.errors.length > 0)
    throw new Error(`搜索索引写入失败 (pagefind writeFiles): ${written.errors.join("; ")}`);
  await index.deleteIndex();
}

/**
 * Writes each job's shard into its folder, one after the other in this thread's Pagefind process,
 * or links it from the cache when its pages are unchanged. The next shard's records are made
 * while Pagefind writes the current one. A merged shard keeps only the files the browser merges.
 */
export async function writeShards(jobs: readonly ShardJob[], cache: ShardCache = {}): Promise<ShardsWritten> {
  const used: string[] = [];
  let cachedShards = 0;
  let next = jobs[0] ? prepareShard(jobs[0], cache) : undefined;
  for (let i = 0; next; i++) {
    const current = next;
    const prepareNext = () => {
      const following = jobs[i + 1];
      next = following ? prepareShard(following, cache) : undefined;
      if (next && !next.isCached()) next.records();
    };
    used.push(current.entry);
    if (current.isCached() && linkCached(current.cached as string, current.job.target)) {
      cachedShards++;
      prepareNext();
      continue;
    }
    const { target, primary } = current.job;
    rmSync(target, { recursive: true, force: true });
    let presence = "";
    await writeShard(current.records(), target, () => {
      presence = current.presence();
      prepareNext();
    });
    writeFileSync(path.join(target, SHARD_PRESENCE_FILE), presence);
    if (!primary) {
      for (const file of readdirSync(target)) {
        if (!MERGED_SHARD_FILES.test(file)) rmSync(path.join(target, file), { recursive: true, force: true });
      }
    }
    if (current.cached) storeInCache(target, current.cached, primary);
  }
  return { used, cachedShards };
}
