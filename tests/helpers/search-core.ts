import { excerptRange } from "../../lib/browser/search/excerpt-range.ts";
import {
  chainStarts,
  chunksOf,
  compareRanked,
  pageTier,
  planReading,
  settled,
  startsWithQuery,
  TIER,
} from "../../lib/browser/search/ranking.ts";
import { decodeChunks, decodeShardSet } from "../../lib/search-protocol/index.ts";

export type { RankedPage } from "../../lib/browser/search/ranking.ts";

/** The search page's pure logic (lib/browser/search, lib/search-protocol) under one name for the tests. */
export const searchCore = {
  TIER,
  chainStarts,
  pageTier,
  startsWithQuery,
  decodeShardSet,
  decodeChunks,
  chunksOf,
  planReading,
  compareRanked,
  settled,
  excerptRange,
};
