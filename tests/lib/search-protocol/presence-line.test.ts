import { describe, expect, it } from "vitest";
import {
  decodeChunks,
  decodeCounts,
  decodePresenceFile,
  decodePresencePart,
  decodeShardSet,
  encodeCounts,
  encodePresenceLine,
  encodeShardSet,
  mergePresenceEntries,
  type PresenceSource,
  pagesHolding,
  presenceLineKey,
} from "../../../lib/search-protocol/index.ts";

/** A deterministic pseudo-random sequence (a linear congruential generator), so a failure repeats. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** A random key held by some of `total` shards, in some titles, with a chunk in some of them, by one page or many. */
function randomEntry(random: () => number, total: number): PresenceSource {
  const all = Array.from({ length: total }, (_, i) => i).filter(() => random() < 0.5);
  if (all.length === 0) all.push(Math.floor(random() * total));
  const title = all.filter(() => random() < 0.3);
  const chunks = all.map(() => (random() < 0.7 ? Math.floor(random() * 0xfffffff).toString(16) : ""));
  const counts = all.map(() => (random() < 0.5 ? 1 : 1 + Math.floor(random() * 2000)));
  return { all, title, chunks, counts };
}

describe("a presence line", () => {
  it("decodes on the search page to what the build encoded, for any shard sets and chunk columns", () => {
    const random = randomSource(21);
    for (const total of [1, 2, 3, 7, 36, 40, 100]) {
      const sources = new Map<string, PresenceSource>();
      for (let i = 0; i < 50; i++) sources.set(`键${total}-${i}`, randomEntry(random, total));
      const everywhere = Array.from({ length: total }, (_, i) => i);
      sources.set("everywhere", { all: everywhere, title: [], chunks: [], counts: everywhere.map(() => 1) });
      const file = [...sources].map(([key, source]) => encodePresenceLine(key, source, total)).join("");
      const decoded = decodePresenceFile(file, total);
      expect([...decoded.keys()]).toEqual([...sources.keys()]);
      for (const [key, source] of sources) {
        const entry = decoded.get(key);
        expect(entry?.all).toEqual(source.all);
        expect(entry?.title).toEqual(source.title);
        const chunks = source.all.flatMap((shard, i) => (source.chunks[i] ? [[shard, source.chunks[i]]] : []));
        expect([...(entry?.chunks ?? [])]).toEqual(chunks);
        expect(source.all.map((shard) => pagesHolding(entry, shard))).toEqual(source.counts);
      }
    }
  });

  it("leaves out empty trailing columns and names its key before the first tab", () => {
    expect(encodePresenceLine("科技", { all: [0, 2], title: [], chunks: ["", ""], counts: [1, 1] }, 3)).toBe(
      "科技\t0,2\n",
    );
    expect(
      encodePresenceLine("科技", { all: [0, 1, 2], title: [1], chunks: ["a", "", "c"], counts: [1, 1, 1] }, 3),
    ).toBe("科技\t*\t1\ta,,c\n");
    expect(encodePresenceLine("科技", { all: [0, 2], title: [], chunks: ["", ""], counts: [40, 1] }, 3)).toBe(
      "科技\t0,2\t\t\t14\n",
    );
    expect(presenceLineKey("科技\t*\t1\ta,,c\n")).toBe("科技");
  });

  it("spells shard sets in base 36, every shard as *", () => {
    expect(encodeShardSet([0, 1, 2], 3)).toBe("*");
    expect(encodeShardSet([1, 35], 40)).toBe("1,z");
    expect(decodeShardSet("1,z", 40)).toEqual([1, 35]);
    expect(decodeShardSet("*", 3)).toEqual([0, 1, 2]);
    expect(decodeShardSet("", 3)).toEqual([]);
    expect([...decodeChunks([4, 9], "ab,")]).toEqual([[4, "ab"]]);
  });

  it("writes a shard's count of pages in base 36, leaving out the ones, which a rare key's counts mostly are", () => {
    expect(encodeCounts([1, 1, 1])).toBe("");
    expect(encodeCounts([1500, 1, 37, 1])).toBe("15o,,11");
    expect([...decodeCounts([2, 5, 7], "15o,,11")]).toEqual([
      [2, 1500],
      [7, 37],
    ]);
    const entry = { all: [2, 5, 7], counts: decodeCounts([2, 5, 7], "15o,,11") };
    expect([2, 5, 7, 3].map((shard) => pagesHolding(entry, shard))).toEqual([1500, 1, 37, 0]);
    expect(pagesHolding(undefined, 0)).toBe(0);
  });

  it("reads a key back whole from the parts of a map, each counting its own shards", () => {
    const random = randomSource(7);
    const total = 9;
    for (let i = 0; i < 40; i++) {
      const source = randomEntry(random, total);
      const parts = [
        { first: 0, shards: 1 },
        { first: 1, shards: total - 1 },
      ];
      const entries = parts.map((part) => {
        const kept = source.all.flatMap((shard, at) =>
          shard >= part.first && shard < part.first + part.shards ? [at] : [],
        );
        if (kept.length === 0) return undefined;
        const inPart: PresenceSource = {
          all: kept.map((at) => (source.all[at] as number) - part.first),
          title: source.title
            .filter((shard) => shard >= part.first && shard < part.first + part.shards)
            .map((shard) => shard - part.first),
          chunks: kept.map((at) => source.chunks[at] as string),
          counts: kept.map((at) => source.counts[at] as number),
        };
        return decodePresencePart(encodePresenceLine("键", inPart, part.shards), part).get("键");
      });
      const entry = mergePresenceEntries(entries);
      expect(entry).toEqual(decodePresenceFile(encodePresenceLine("键", source, total), total).get("键"));
    }
    expect(mergePresenceEntries([undefined, undefined])).toBeUndefined();
  });
});
