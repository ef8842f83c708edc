import {
  type PresencePart,
  phraseKey,
  type QueryWord,
  queryParts,
  queryPhrases,
  queryPresence,
  queryTokens,
  SEARCH_FILTERS,
  type ShardManifest,
  titleKey,
} from "../../search-protocol/index.ts";
import type { SearchRequest } from "./address.ts";
import { PAGE_SIZE, shardEstimate, stepsAhead } from "./count.ts";
import { type Engine, freshEngine, loadEngine } from "./engine.ts";
import { loadManifest, loadPresence, prefetchShard, queryPresenceKeys } from "./network.ts";
import { chunksOf, type PresenceLookup, planReading, type ReadingStep } from "./ranking.ts";

/** A query as the search needs it: its parts' Pagefind words, its distinct words, presence keys, phrases and comparison form. */
export interface QueryAnalysis {
  query: string;
  parts: QueryWord[][];
  words: string[];
  presenceParts: PresencePart[];
  phrases: string[];
  queryKey: string;
}

/** What a search reads: the manifest, its Pagefind instance, the shards to read best first, the presence look-up. */
export interface SearchPlan {
  map: ShardManifest;
  loaded: Engine;
  steps: ReadingStep[];
  lookup: PresenceLookup;
  /** Whether some shard has a title equal to the query. */
  exactPossible: boolean;
}

/** The parts, words, presence keys and phrases of a query. */
export function analyseQuery(query: string): QueryAnalysis {
  return {
    query,
    parts: queryParts(query),
    words: queryTokens(query),
    presenceParts: queryPresence(query),
    phrases: queryPhrases(query),
    queryKey: phraseKey(query).key,
  };
}

/** Whether shard `index` of `map` can hold pages of the request's year (every shard when no year is asked for). */
export function shardAllowed(map: ShardManifest, request: SearchRequest, index: number): boolean {
  const year = request.filters[SEARCH_FILTERS.year];
  const shard = map.shards[index] as ShardManifest["shards"][number];
  return !year || (shard.from <= `${year}-12-31` && shard.to >= `${year}-01-01`);
}

/** The shards of `map` to read for a query, best first, by its presence look-up; whether a title can equal the query. */
export function readingSteps(
  map: ShardManifest,
  request: SearchRequest,
  query: QueryAnalysis,
  lookup: PresenceLookup,
): { steps: ReadingStep[]; exactPossible: boolean } {
  const exactEntry = lookup(titleKey(request.query));
  const steps = planReading(
    map.shards.length,
    query.presenceParts,
    lookup,
    exactEntry ? exactEntry.all : [],
    (index) => shardAllowed(map, request, index),
    request.byDate,
  );
  return { steps, exactPossible: Boolean(exactEntry && exactEntry.all.length > 0) };
}

/**
 * Plans a search (null: nothing to search, as the index or the query's words are empty): loads the
 * manifest, the query's presence files and the Pagefind instance (a fresh one for a query typed into
 * the page, `running`), and fetches the files of the shards the first page needs ahead, side by side.
 */
export async function planSearch(
  request: SearchRequest,
  query: QueryAnalysis,
  running: boolean,
): Promise<SearchPlan | null> {
  const map = await loadManifest();
  if (map.shards.length === 0 || query.words.length === 0) return null;
  const allowed = (index: number) => shardAllowed(map, request, index);
  const presenceLoading = loadPresence(map, queryPresenceKeys(request.query));
  // A query typed into the page: the newest shard's page list comes with the presence files, as
  // that shard is read first for most queries (every common one).
  if (running && allowed(0)) prefetchShard(map, map.shards[0] as ShardManifest["shards"][number]);
  const engineLoading = running ? freshEngine(map) : loadEngine(map);
  const lookup = await presenceLoading;
  const { steps, exactPossible } = readingSteps(map, request, query, lookup);
  const shardOf = (index: number) => map.shards[index] as ShardManifest["shards"][number];
  const chunksFor = (index: number) => chunksOf(query.words, lookup, index);
  // The shards the first page of results needs at least, by the presence map's counts, fetched side
  // by side: their page lists, filters and the index chunks of the query's words, where Pagefind
  // would ask for the chunks only once it has read the page list (docs/search.md).
  const ahead = stepsAhead(steps, (index) => shardEstimate(query.presenceParts, lookup, index), 0, PAGE_SIZE);
  const filters = Object.keys(request.filters);
  for (const step of ahead) prefetchShard(map, shardOf(step.index), chunksFor(step.index), filters);
  const loaded = await engineLoading;
  return { map, loaded, steps, lookup, exactPossible };
}
