/*
 * The search protocol: what the index build (lib/search) writes and the search page (lib/browser/search)
 * reads, in one place. Pure: no DOM, no Node; compiled under both tsconfig.json and tsconfig.browser.json.
 * Takes text and queries; gives their tokens and presence keys, the presence-file lines and the
 * shards.json types, and the 站群's peers (their attribute, their manifests rebased on their origin).
 */
export {
  peerAddress,
  readSearchGroup,
  rebaseManifest,
  SEARCH_GROUP_ATTRIBUTE,
  type SearchPeer,
  searchGroupAttribute,
} from "./group.ts";
export {
  type PresenceManifest,
  presenceParts,
  SEARCH_FILTERS,
  type SearchFilterParameter,
  SHARD_FILTER,
  SHARD_MANIFEST_FILE,
  type ShardEntry,
  type ShardManifest,
} from "./manifest.ts";
export { presenceBucket, presenceKeys, titleKey } from "./presence-keys.ts";
export {
  decodeChunks,
  decodeCounts,
  decodePresenceFile,
  decodePresencePart,
  decodeShardSet,
  encodeCounts,
  encodePresenceLine,
  encodeShardSet,
  mergePresenceEntries,
  type PresenceEntry,
  type PresenceSource,
  pagesHolding,
  presenceLineKey,
} from "./presence-line.ts";
export {
  type PhraseKey,
  type PresencePart,
  phraseKey,
  type QueryWord,
  queryParts,
  queryPhrases,
  queryPresence,
  queryTokens,
} from "./query.ts";
export { BLOCK_MARK, decodeIndexText, indexText, TITLE_MARK } from "./record-text.ts";
export { latinKey, normalize } from "./segment.ts";
