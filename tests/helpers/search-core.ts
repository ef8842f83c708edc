import "../../_includes/assets/search-core.js";

/** A page as the search page ranks it. */
export interface RankedPage {
  id: string;
  tier: number;
  shard: number;
  score: number;
}

/** The search page's pure logic (`_includes/assets/search-core.js`), typed for the tests. */
export interface SearchCore {
  TIER: { EXACT: 0; TITLE: 1; BODY: 2; SCATTERED: 3 };
  chainStarts(part: { token: string; step: number }[], positions: Map<string, number[]>): number[];
  pageTier(parts: { token: string; step: number }[][], positions: Map<string, number[]>, titleSlot: number): number;
  startsWithQuery(parts: { token: string; step: number }[][], positions: Map<string, number[]>): boolean;
  decodeShardSet(text: string, total: number): number[];
  decodeChunks(shards: readonly number[], text: string | undefined): Map<number, string>;
  chunksOf(
    words: readonly string[],
    lookup: (key: string) => { chunks?: Map<number, string> } | undefined,
    index: number,
  ): string[];
  planReading(
    shardCount: number,
    parts: { all: string[]; cover: string[] }[],
    lookup: (key: string) => { all: number[]; title: number[] } | undefined,
    exact: number[],
    allowed: (index: number) => boolean,
    byDate: boolean,
  ): { index: number; bound: number }[];
  compareRanked(a: RankedPage, b: RankedPage): number;
  settled(ranked: RankedPage[], count: number, next: { index: number; bound: number } | undefined): boolean;
  excerptRange(
    text: string,
    hitStart: number,
    hitEnd: number,
    size: number,
  ): { start: number; end: number; before: boolean; after: boolean };
}

export const searchCore = (globalThis as unknown as { bureauSearchCore: SearchCore }).bureauSearchCore;
