import type { SearchRequest } from "./address.ts";
import { mergeShard } from "./engine.ts";
import { chunkUrls, fetchedAhead } from "./network.ts";
import type { QueryAnalysis, SearchPlan } from "./plan.ts";
import { chunksOf, compareRanked, settled, TIER } from "./ranking.ts";
import { describe, type FoundPage, shardPages } from "./shard-pages.ts";

/** Reads a plan's shards one at a time, in order, keeping every page found so far ranked. */
export interface ShardReader {
  /** The pages found so far, best first. */
  ranked(): FoundPage[];
  /** Whether every shard of the plan is read. */
  complete(): boolean;
  /** The next two shards to read (the one being read and the one after). */
  upcoming(): SearchPlan["steps"];
  /** Reads the next shard and ranks again; false when every shard is read. One at a time. */
  readNext(): Promise<boolean>;
  /** Whether the first `count` ranked pages can no longer change. */
  settledUpTo(count: number): boolean;
}

/** A reader over the shards of `plan` for a query. */
export function createShardReader(plan: SearchPlan, query: QueryAnalysis, request: SearchRequest): ShardReader {
  const { map, loaded, steps, lookup } = plan;
  let read = 0;
  let ranked: FoundPage[] = [];
  const readOne = async () => {
    if (read >= steps.length) return false;
    const index = (steps[read] as SearchPlan["steps"][number]).index;
    await mergeShard(loaded, map, index);
    const found = await shardPages(loaded, map, request, query.parts, query.words, index);
    const shard = map.shards[index] as SearchPlan["map"]["shards"][number];
    for (const url of chunkUrls(shard, chunksOf(query.words, lookup, index))) fetchedAhead.add(url);
    // Pages whose chain starts at their first word may have the query as their whole title.
    if (plan.exactPossible) {
      for (const page of found.filter((candidate) => candidate.maybeExact).slice(0, 20)) {
        if ((await describe(page)).titleKey.key === query.queryKey) page.tier = TIER.EXACT;
      }
    }
    ranked = ranked.concat(found).sort(compareRanked);
    read++;
    return true;
  };
  let queue = Promise.resolve(true);
  return {
    ranked: () => ranked,
    complete: () => read >= steps.length,
    upcoming: () => steps.slice(read, read + 2),
    readNext() {
      queue = queue.then(readOne, readOne);
      return queue;
    },
    settledUpTo: (count) => settled(ranked, count, steps[read]),
  };
}
