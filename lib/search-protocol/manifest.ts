/** The file the shard manifest is published as, in the Pagefind folder (`/pagefind/shards.json`). */
export const SHARD_MANIFEST_FILE = "shards.json";

/** The Pagefind filter that names a page's shard, so a search can ask one shard at a time. */
export const SHARD_FILTER = "分片";

/** The search page's address parameters (`?column=…`) and the Pagefind filter each sets. */
export const SEARCH_FILTERS = { column: "栏目", year: "年份", type: "类型", validity: "有效性" } as const;

/** An address parameter that filters the search. */
export type SearchFilterParameter = keyof typeof SEARCH_FILTERS;

/** One shard as the search page knows it: its name (its SHARD_FILTER value), where it is, its Pagefind language, page list and filter file, its dates and size. */
export interface ShardEntry {
  name: string;
  path: string;
  language: string;
  /** The file name of its page list (`pagefind.<hash>.pf_meta`), so the page can fetch it early. */
  meta: string;
  /** The hash after `<language>_` of its SHARD_FILTER file (`filter/<language>_<hash>.pf_filter`), fetched with the meta. */
  filter?: string;
  /** Its oldest and newest page's day (`YYYY-MM-DD`). */
  from: string;
  to: string;
  pages: number;
}

/** Where the presence map is published and how many files it has. */
export interface PresenceManifest {
  path: string;
  buckets: number;
}

/**
 * The shard manifest the search page reads from `/pagefind/shards.json`: the primary index (Pagefind's
 * scripts), the shards newest first, where the presence map is, the title slot, and a version that
 * changes with any of it (Pagefind's cache tag). No shards for a site without pages to index.
 */
export interface ShardManifest {
  version: string;
  titleSlot: number;
  primary: Omit<ShardEntry, "name" | "from" | "to" | "pages">;
  presence?: PresenceManifest;
  shards: ShardEntry[];
}
