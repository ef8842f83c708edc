/*
 * Stage 2, search: takes the catalog; gives the Pagefind index under /pagefind/, the detail pages'
 * text segmented into bigrams (lib/search-protocol), written as year shards (the newest pages in a small open shard) by worker threads, cached between builds.
 */
export { searchPageSources, toCustomRecord, toRecordSource } from "./records.ts";
export { planShards, SHARD_SIZE, TAIL_SIZE } from "./shards.ts";
export { markdownToText } from "./text.ts";
export {
  type StartedSearchWorkers,
  searchWorkerCount,
  startSearchWorkers,
  writeSearchIndexInWorkers,
} from "./workers.ts";
export { type SearchIndexOptions, type SearchIndexStats, writeSearchIndex } from "./write-index.ts";
