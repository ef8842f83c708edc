/*
 * The presence map's line format, written by lib/search/presence.ts and read by the search page:
 * `key<TAB>shards<TAB>title shards<TAB>chunks`, empty trailing columns left out.
 */

/** One key of the presence map as the search page reads it: the shards holding it, those holding it in a title, and shard → index chunk. */
export interface PresenceEntry {
  all: number[];
  title: number[];
  chunks: Map<number, string>;
}

/** One key of the presence map as the build gathers it: for each shard of `all`, in order, the chunk holding the key ("" for none). */
export interface PresenceSource {
  all: readonly number[];
  title: readonly number[];
  chunks: readonly string[];
}

/** A set of shards as a presence file writes it: `*` for every shard, else their indexes in base 36. */
export function encodeShardSet(shards: readonly number[], total: number): string {
  return shards.length === total ? "*" : shards.map((shard) => shard.toString(36)).join(",");
}

/** A shard set from the presence file's spelling: `*` every shard, else indexes in base 36. */
export function decodeShardSet(text: string, total: number): number[] {
  if (text === "*") return Array.from({ length: total }, (_, i) => i);
  return text ? text.split(",").map((part) => Number.parseInt(part, 36)) : [];
}

/** A presence line's chunk column as shard → chunk hash, the hashes given in the order of `shards`. */
export function decodeChunks(shards: readonly number[], text: string | undefined): Map<number, string> {
  const chunks = new Map<number, string>();
  if (!text) return chunks;
  text.split(",").forEach((hash, i) => {
    if (hash && i < shards.length) chunks.set(shards[i] as number, hash);
  });
  return chunks;
}

/** One line of a presence file (with its line break) for a key held by `source.all` of `total` shards. */
export function encodePresenceLine(key: string, source: PresenceSource, total: number): string {
  const columns = [key, encodeShardSet(source.all, total), encodeShardSet(source.title, total)];
  if (source.chunks.some(Boolean)) columns.push(source.chunks.join(","));
  while (columns[columns.length - 1] === "") columns.pop();
  return `${columns.join("\t")}\n`;
}

/** The key of a presence line: the text before its first tab. */
export function presenceLineKey(line: string): string {
  const tab = line.indexOf("\t");
  return tab < 0 ? line.replace(/\n$/, "") : line.slice(0, tab);
}

/** A presence file's text (of a map of `total` shards) as key → entry. */
export function decodePresenceFile(text: string, total: number): Map<string, PresenceEntry> {
  const entries = new Map<string, PresenceEntry>();
  for (const line of text.split("\n")) {
    if (!line) continue;
    const [key = "", all = "", title, chunks] = line.split("\t");
    const shards = decodeShardSet(all, total);
    entries.set(key, { all: shards, title: decodeShardSet(title || "", total), chunks: decodeChunks(shards, chunks) });
  }
  return entries;
}
