import type { SearchRequest } from "./address.ts";
import { shardEstimate, stepsAhead } from "./count.ts";
import { mergeShard } from "./engine.ts";
import { chunkUrls, fetchedAhead, prefetchShard } from "./network.ts";
import type { QueryAnalysis, SearchPlan } from "./plan.ts";
import { chunksOf, compareRanked, settled, TIER } from "./ranking.ts";
import { describe, type FoundPage, shardPages } from "./shard-pages.ts";

/** Reads a plan's shards one at a time, in order, keeping every page found so far ranked. */
export interface ShardReader {
  /** The pages found so far, best first. */
  ranked(): FoundPage[];
  /** Whether every shard of the plan is read. */
  complete(): boolean;
  /** The pages found so far plus, for each shard not read yet, how many of its pages the presence map says can match. */
  count(): number;
  /** Fetches ahead, side by side, the files of the unread shards that `wanted` results need at least. */
  fetchAhead(wanted: number): void;
  /** Reads the next shard and ranks again; false when every shard is read. One at a time. */
  readNext(): Promise<boolean>;
  /** Whether the first `count` ranked pages can no longer change. */
  settledUpTo(count: number): boolean;
  /**
   * Reads shards until the first `wanted` pages can no longer change (or every shard is read), the
   * files of the shards they need at least fetched side by side; false when `stale` stopped it.
   */
  readUntilSettled(wanted: number, stale: () => boolean): Promise<boolean>;
}

/** A reader over the shards of `plan` for a query. */
export function createShardReader(plan: SearchPlan, query: QueryAnalysis, request: SearchRequest): ShardReader {
  const { map, loaded, steps, lookup } = plan;
  const estimate = (index: number) => shardEstimate(query.presenceParts, lookup, index);
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
  const reader: ShardReader = {
    ranked: () => ranked,
    complete: () => read >= steps.length,
    count: () => steps.slice(read).reduce((sum, step) => sum + estimate(step.index), ranked.length),
    fetchAhead(wanted) {
      for (const step of stepsAhead(steps.slice(read), estimate, ranked.length, wanted)) {
        const shard = map.shards[step.index] as SearchPlan["map"]["shards"][number];
        prefetchShard(map, shard, chunksOf(query.words, lookup, step.index), Object.keys(request.filters));
      }
    },
    readNext() {
      queue = queue.then(readOne, readOne);
      return queue;
    },
    settledUpTo: (count) => settled(ranked, count, steps[read]),
    async readUntilSettled(wanted, stale) {
      while (!reader.settledUpTo(Math.min(wanted, ranked.length + 1))) {
        reader.fetchAhead(wanted);
        if (!(await reader.readNext())) break;
        if (stale()) return false;
      }
      return true;
    },
  };
  return reader;
}
