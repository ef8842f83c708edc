import { describe, expect, it } from "vitest";
import * as searchTokens from "../../../../lib/search-protocol/index.ts";
import { searchCore as core, type RankedPage } from "../../../helpers/search-core.ts";

const positions = (entries: Record<string, number[]>) => new Map(Object.entries(entries));

describe("pageTier", () => {
  const parts = searchTokens.queryParts("科技合作");
  it("ranks a phrase in the title slot above one in the body, and scattered words last", () => {
    expect(parts[0]?.map((word) => word.token)).toEqual(["科技", "合作"]);
    expect(core.pageTier(parts, positions({ 科技: [3], 合作: [5] }), 64)).toBe(core.TIER.TITLE);
    expect(core.pageTier(parts, positions({ 科技: [70, 3], 合作: [72] }), 64)).toBe(core.TIER.BODY);
    expect(core.pageTier(parts, positions({ 科技: [70], 合作: [90] }), 64)).toBe(core.TIER.SCATTERED);
  });

  it("takes the worst of a query's parts, and knows a chain that starts at the first word", () => {
    const two = searchTokens.queryParts("科技 产业");
    expect(core.pageTier(two, positions({ 科技: [0], 技产: [], 产业: [80] }), 64)).toBe(core.TIER.BODY);
    expect(core.startsWithQuery(parts, positions({ 科技: [0], 合作: [2] }))).toBe(true);
    expect(core.startsWithQuery(parts, positions({ 科技: [1], 合作: [3] }))).toBe(false);
  });
});

describe("planReading and settled", () => {
  const presence: Record<string, { all: number[]; title: number[] }> = {
    科技: { all: [0, 1, 2, 3], title: [1, 3] },
    技合: { all: [0, 1, 3], title: [3] },
    合作: { all: [0, 1, 2, 3], title: [1, 3] },
  };
  const parts = searchTokens.queryPresence("科技合作");
  const lookup = (key: string) => presence[key];

  it("reads the shards that can hold the query, by the best rank each can hold, newest first within a rank", () => {
    const plan = core.planReading(4, parts, lookup, [], () => true, false);
    expect(plan).toEqual([
      { index: 3, bound: core.TIER.TITLE },
      { index: 0, bound: core.TIER.BODY },
      { index: 1, bound: core.TIER.BODY },
      { index: 2, bound: core.TIER.SCATTERED },
    ]);
    expect(core.planReading(4, parts, lookup, [1], () => true, false)[0]).toEqual({ index: 1, bound: core.TIER.EXACT });
    expect(core.planReading(4, parts, lookup, [], (index) => index !== 3, true).map((step) => step.index)).toEqual([
      0, 1, 2,
    ]);
    expect(core.planReading(4, searchTokens.queryPresence("量子"), lookup, [], () => true, false)).toEqual([]);
  });

  it("calls the first results final only when no unread shard can rank above the last of them", () => {
    const page = (tier: number, shard: number, score: number): RankedPage => ({
      id: `${shard}_${score}`,
      tier,
      shard,
      score,
    });
    const ranked = [page(1, 3, 5), page(2, 0, 9), page(2, 0, 8)].sort(core.compareRanked);
    expect(ranked.map((entry) => entry.id)).toEqual(["3_5", "0_9", "0_8"]);
    expect(core.settled(ranked, 3, { index: 1, bound: core.TIER.BODY })).toBe(true);
    expect(core.settled(ranked, 3, { index: 0, bound: core.TIER.BODY })).toBe(false);
    expect(core.settled(ranked, 3, { index: 2, bound: core.TIER.TITLE })).toBe(false);
    expect(core.settled(ranked, 4, { index: 2, bound: core.TIER.SCATTERED })).toBe(false);
    expect(core.settled(ranked, 4, undefined)).toBe(true);
  });

  it("reads a presence file's shard sets", () => {
    expect(core.decodeShardSet("*", 3)).toEqual([0, 1, 2]);
    expect(core.decodeShardSet("0,a,z", 40)).toEqual([0, 10, 35]);
    expect(core.decodeShardSet("", 3)).toEqual([]);
  });

  it("reads a presence line's chunk column in the order of its shards, skipping shards without one", () => {
    expect(Object.fromEntries(core.decodeChunks([0, 4, 7], "aaa1111,,ccc3333"))).toEqual({
      0: "aaa1111",
      7: "ccc3333",
    });
    expect(core.decodeChunks([1, 2], undefined).size).toBe(0);
  });

  it("gives the chunks of one shard that hold the query's words, each once, and none for unknown words", () => {
    const entries: Record<string, { chunks: Map<number, string> }> = {
      科技: {
        chunks: new Map([
          [0, "aaa1111"],
          [3, "bbb2222"],
        ]),
      },
      创新: {
        chunks: new Map([
          [0, "aaa1111"],
          [3, "ccc3333"],
        ]),
      },
    };
    const lookup = (key: string) => entries[key];
    expect(core.chunksOf(["科技", "创新", "新"], lookup, 0)).toEqual(["aaa1111"]);
    expect(core.chunksOf(["科技", "创新"], lookup, 3)).toEqual(["bbb2222", "ccc3333"]);
    expect(core.chunksOf(["科技"], lookup, 5)).toEqual([]);
  });
});
