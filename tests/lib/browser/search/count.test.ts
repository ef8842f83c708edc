import { describe, expect, it } from "vitest";
import { countText, MAX_SHARDS_AHEAD, shardEstimate, stepsAhead } from "../../../../lib/browser/search/count.ts";
import { type PresenceEntry, queryPresence } from "../../../../lib/search-protocol/index.ts";

/** A presence look-up from key → shard → pages holding it. */
function lookupOf(table: Record<string, Record<number, number>>) {
  return (key: string): PresenceEntry | undefined => {
    const shards = table[key];
    if (!shards) return undefined;
    const all = Object.keys(shards).map(Number);
    return { all, title: [], chunks: new Map(), counts: new Map(all.map((shard) => [shard, shards[shard] as number])) };
  };
}

describe("shardEstimate", () => {
  const lookup = lookupOf({ 科技: { 0: 900, 1: 40 }, 创新: { 0: 700, 1: 55 }, 产业: { 1: 3 } });

  it("takes, in a shard, the fewest pages of any word the query looks up: a page that matches holds them all", () => {
    expect(queryPresence("科技创新")[0]?.cover).toEqual(["科技", "创新"]);
    expect(shardEstimate(queryPresence("科技创新"), lookup, 0)).toBe(700);
    expect(shardEstimate(queryPresence("科技创新"), lookup, 1)).toBe(40);
    expect(shardEstimate(queryPresence("科技 产业"), lookup, 1)).toBe(3);
  });

  it("gives no page for a shard that lacks one of the words", () => {
    expect(shardEstimate(queryPresence("科技 产业"), lookup, 0)).toBe(0);
    expect(shardEstimate(queryPresence("量子"), lookup, 0)).toBe(0);
  });
});

describe("stepsAhead", () => {
  const steps = [0, 1, 2, 3, 4, 5].map((index) => ({ index, bound: 2 }));

  it("takes the first shards whose pages can fill the page of results, and no more", () => {
    const estimate = (index: number) => [4, 3, 5, 9, 9, 9][index] as number;
    expect(stepsAhead(steps, estimate, 0, 10).map((step) => step.index)).toEqual([0, 1, 2]);
    expect(stepsAhead(steps, () => 500, 0, 10).map((step) => step.index)).toEqual([0]);
    // The next page, with 10 results found: 4 + 3 + 5 ≥ 10 more.
    expect(stepsAhead(steps, estimate, 10, 20).map((step) => step.index)).toEqual([0, 1, 2]);
  });

  it("takes one shard at least, and never more than MAX_SHARDS_AHEAD side by side", () => {
    expect(stepsAhead(steps, () => 1, 30, 20)).toHaveLength(1);
    expect(stepsAhead(steps, () => 1, 0, 10)).toHaveLength(MAX_SHARDS_AHEAD);
    expect(stepsAhead([], () => 1, 0, 10)).toEqual([]);
  });
});

describe("countText", () => {
  it("says the count is exact only once every shard is read, and about (约) before", () => {
    expect(countText(12, true)).toBe("找到 12 条结果");
    expect(countText(1234, false)).toBe("约 1234 条结果");
  });
});
