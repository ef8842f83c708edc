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
  /**
   * The same for its files of the search's filters (SEARCH_FILTERS' names: 栏目 → hash), fetched with
   * the meta when a search uses that filter: Pagefind asks for them only once it has read the meta.
   */
  filters?: Record<string, string>;
  /** Its oldest and newest page's day (`YYYY-MM-DD`). */
  from: string;
  to: string;
  pages: number;
}

/**
 * One part of the presence map: where its files are, how many, and which shards its lines count
 * (`shards` of them from `first`: a line's shard 0 is the manifest's shard `first`).
 */
export interface PresenceManifest {
  path: string;
  buckets: number;
  first: number;
  shards: number;
}

/**
 * The shard manifest the search page reads from `/pagefind/shards.json`: the primary index (Pagefind's
 * scripts), the shards newest first, where the parts of the presence map are (the newest shard's,
 * then the older shards', so that a new page changes only the first), the title slot, and a version
 * that changes with any of it (Pagefind's cache tag). No shards for a site without pages to index.
 */
export interface ShardManifest {
  version: string;
  titleSlot: number;
  primary: Omit<ShardEntry, "name" | "from" | "to" | "pages">;
  presence?: PresenceManifest[];
  shards: ShardEntry[];
}

/**
 * The parts of a manifest's presence map: as written, or, from a manifest written before the map had
 * parts (a 站群 peer or a cached `shards.json` not yet redeployed), its one map as a part of every shard.
 */
export function presenceParts(map: Pick<ShardManifest, "presence" | "shards">): PresenceManifest[] {
  const presence = map.presence as PresenceManifest[] | Pick<PresenceManifest, "path" | "buckets"> | undefined;
  if (!presence) return [];
  return Array.isArray(presence) ? presence : [{ ...presence, first: 0, shards: map.shards.length }];
}
