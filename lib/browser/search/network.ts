import {
  decodePresencePart,
  mergePresenceEntries,
  type PresenceEntry,
  type PresenceManifest,
  phraseKey,
  presenceBucket,
  presenceParts,
  queryParts,
  queryPresence,
  rebaseManifest,
  type SearchPeer,
  SHARD_MANIFEST_FILE,
  type ShardEntry,
  type ShardManifest,
  titleKey,
} from "../../search-protocol/index.ts";
import type { PresenceLookup } from "./ranking.ts";

/*
 * What the search page fetches itself, once per page and shared by every search made in it: the shard
 * manifest, the presence files, and Pagefind's files ahead of Pagefind; the same for the other sites of
 * its 站群, on their own origins.
 */

const MANIFEST_URL = `/pagefind/${SHARD_MANIFEST_FILE}`;
/** Pagefind's own files every search needs, fetched as soon as the page knows it will search. */
const PAGEFIND_FILES = ["/pagefind/pagefind-worker.js", "/pagefind/wasm.unknown.pagefind"];

let manifest: Promise<ShardManifest> | null = null;
const peerManifests = new Map<string, Promise<ShardManifest>>();
/** Presence files by address (the site's own and its peers'). */
const buckets = new Map<string, Promise<Map<string, PresenceEntry>>>();
let prefetched = false;
/** Pagefind files fetched in this page, ahead or (index chunks) by Pagefind: in the HTTP cache, never fetched ahead again. */
export const fetchedAhead = new Set<string>();

const ignore = () => undefined;

/** The shard manifest (fetched once); with it, the primary index's entry and page list are fetched ahead. */
export function loadManifest(): Promise<ShardManifest> {
  if (!manifest) {
    manifest = fetch(MANIFEST_URL).then((response) => {
      if (!response.ok) throw new Error("no shard manifest");
      return response.json() as Promise<ShardManifest>;
    });
    manifest
      .then((map) => {
        if (map.shards.length === 0) return;
        fetch(`${map.primary.path}pagefind-entry.json?ts=${map.version}`).catch(ignore);
        fetch(`${map.primary.path}${map.primary.meta}`).catch(ignore);
      })
      .catch(ignore);
  }
  return manifest;
}

/** A peer's shard manifest (fetched once, across origins: a cross-origin fetch sends no cookies), its paths absolute on the peer. */
export function loadPeerManifest(peer: SearchPeer): Promise<ShardManifest> {
  let loading = peerManifests.get(peer.bundle);
  if (!loading) {
    loading = fetch(`${peer.bundle}${SHARD_MANIFEST_FILE}`).then((response) => {
      if (!response.ok) throw new Error(`no shard manifest at ${peer.bundle}`);
      return (response.json() as Promise<ShardManifest>).then((map) => rebaseManifest(map, peer));
    });
    peerManifests.set(peer.bundle, loading);
  }
  return loading;
}

/**
 * The presence of each key (`{ all, title, chunks, counts }`), read from the files of each part of the
 * map that hold `keys` (each fetched once), all side by side; a key's entries of the parts are merged.
 */
export function loadPresence(map: ShardManifest, keys: readonly string[]): Promise<PresenceLookup> {
  const parts = presenceParts(map);
  return Promise.all(
    parts.map((part) => {
      const wanted = new Set(keys.map((key) => presenceBucket(key, part.buckets)));
      return Promise.all(Array.from(wanted).map((bucket) => presenceFile(`${part.path}${bucket}.txt`, part)));
    }),
  ).then((partFiles) => (key: string) => {
    const found: (PresenceEntry | undefined)[] = [];
    for (const files of partFiles) {
      let entry: PresenceEntry | undefined;
      for (const entries of files) entry = entry || entries.get(key);
      found.push(entry);
    }
    return mergePresenceEntries(found);
  });
}

/** One presence file of a part of the map, decoded with the manifest's shard numbers (fetched once). */
function presenceFile(url: string, part: PresenceManifest): Promise<Map<string, PresenceEntry>> {
  let file = buckets.get(url);
  if (!file) {
    file = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`no presence file ${url}`);
        return response.text();
      })
      .then((text) => decodePresencePart(text, part));
    buckets.set(url, file);
  }
  return file;
}

/** The presence-map keys of a query: its parts' bigrams and, for a single part of 4+ characters, its title key. */
export function queryPresenceKeys(query: string): string[] {
  const keys: string[] = [];
  for (const part of queryPresence(query)) keys.push(...part.all, ...part.cover);
  if (queryParts(query).length === 1 && phraseKey(query).key.length >= 4) keys.push(titleKey(query));
  return keys;
}

/** The URLs of a shard's index chunks. */
export function chunkUrls(shard: ShardEntry, chunks: readonly string[]): string[] {
  return chunks.map((chunk) => `${shard.path}index/${shard.language}_${chunk}.pf_index`);
}

/**
 * Fetches a shard's entry and page list ahead of Pagefind and, given the index chunks of the
 * query's words, those chunks, its shard filter and its files of the search's `filters` (Pagefind
 * filter names) too, all at once, where Pagefind would ask for them only once it has the page list;
 * it then finds them in the HTTP cache.
 */
export function prefetchShard(
  map: ShardManifest,
  shard: ShardEntry,
  chunks?: readonly string[],
  filters: readonly string[] = [],
): void {
  const urls = [`${shard.path}pagefind-entry.json?ts=${map.version}`, `${shard.path}${shard.meta}`];
  const filterFile = (hash: string) => `${shard.path}filter/${shard.language}_${hash}.pf_filter`;
  if (chunks) {
    if (shard.filter) urls.push(filterFile(shard.filter));
    for (const name of filters) {
      const hash = shard.filters?.[name];
      if (hash) urls.push(filterFile(hash));
    }
    urls.push(...chunkUrls(shard, chunks));
  }
  for (const url of urls) {
    if (fetchedAhead.has(url)) continue;
    fetchedAhead.add(url);
    fetch(url).catch(ignore);
  }
}

/** Fetches Pagefind's worker and WebAssembly ahead, once per page. */
export function prefetchPagefindFiles(): void {
  if (!prefetched) for (const file of PAGEFIND_FILES) fetch(file).catch(ignore);
  prefetched = true;
}
