import { type PresencePart, pagesHolding } from "../../search-protocol/index.ts";
import type { PresenceLookup, ReadingStep } from "./ranking.ts";

/** Results per page of results (and per 更多结果). */
export const PAGE_SIZE = 10;

/** At most this many shards are fetched side by side ahead of Pagefind for one page of results. */
export const MAX_SHARDS_AHEAD = 4;

/**
 * How many pages of shard `index` can match the query, by the presence map: for each part, the least
 * count of its looked-up words (a page matching holds them all), the least over the parts. Exact for
 * a one-word query without filters, an upper bound otherwise.
 */
export function shardEstimate(parts: readonly PresencePart[], lookup: PresenceLookup, index: number): number {
  let least = Number.POSITIVE_INFINITY;
  for (const part of parts) for (const key of part.cover) least = Math.min(least, pagesHolding(lookup(key), index));
  return least === Number.POSITIVE_INFINITY ? 0 : least;
}

/**
 * The steps to fetch side by side so that `wanted` results can be shown, given `found` already:
 * the first of `steps` whose estimates (`estimate(index)`, an upper bound) add up to the pages
 * missing, at least one, at most MAX_SHARDS_AHEAD: fewer could not hold them.
 */
export function stepsAhead(
  steps: readonly ReadingStep[],
  estimate: (index: number) => number,
  found: number,
  wanted: number,
): ReadingStep[] {
  const ahead: ReadingStep[] = [];
  let reach = found;
  for (const step of steps) {
    if (ahead.length >= MAX_SHARDS_AHEAD || (ahead.length > 0 && reach >= wanted)) break;
    ahead.push(step);
    reach += estimate(step.index);
  }
  return ahead;
}

/** The count line's text: exact once every shard that can hold the query is read, else about (约). */
export function countText(count: number, complete: boolean): string {
  return complete ? `找到 ${count} 条结果` : `约 ${count} 条结果`;
}
