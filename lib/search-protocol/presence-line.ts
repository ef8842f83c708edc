/*
 * The presence map's line format, written by lib/search/presence.ts and read by the search page:
 * `key<TAB>shards<TAB>title shards<TAB>chunks<TAB>counts`, empty trailing columns left out.
 */

/**
 * One key of the presence map as the search page reads it: the shards holding it, those holding it in
 * a title, shard → index chunk, and shard → how many of its pages hold the key (1 where not listed).
 */
export interface PresenceEntry {
  all: number[];
  title: number[];
  chunks: Map<number, string>;
  counts: Map<number, number>;
}

/**
 * One key of the presence map as the build gathers it: for each shard of `all`, in order, the chunk
 * holding the key ("" for none) and how many of the shard's pages hold it.
 */
export interface PresenceSource {
  all: readonly number[];
  title: readonly number[];
  chunks: readonly string[];
  counts: readonly number[];
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

/** The counts column: base 36 in the order of the key's shards, "" for 1 (a rare key's usual count), trailing ones left out. */
export function encodeCounts(counts: readonly number[]): string {
  const cells = counts.map((count) => (count === 1 ? "" : count.toString(36)));
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells.join(",");
}

/** A presence line's counts column as shard → pages holding the key, for the shards whose count is not 1. */
export function decodeCounts(shards: readonly number[], text: string | undefined): Map<number, number> {
  const counts = new Map<number, number>();
  if (!text) return counts;
  text.split(",").forEach((cell, i) => {
    if (cell && i < shards.length) counts.set(shards[i] as number, Number.parseInt(cell, 36));
  });
  return counts;
}

/** How many pages of shard `shard` hold the key of `entry` (0 when the shard does not hold it). */
export function pagesHolding(entry: Pick<PresenceEntry, "all" | "counts"> | undefined, shard: number): number {
  if (!entry || entry.all.indexOf(shard) < 0) return 0;
  const count = entry.counts.get(shard);
  return count === undefined ? 1 : count;
}

/** One line of a presence file (with its line break) for a key held by `source.all` of `total` shards. */
export function encodePresenceLine(key: string, source: PresenceSource, total: number): string {
  const columns = [
    key,
    encodeShardSet(source.all, total),
    encodeShardSet(source.title, total),
    source.chunks.some(Boolean) ? source.chunks.join(",") : "",
    encodeCounts(source.counts),
  ];
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
    const [key = "", all = "", title, chunks, counts] = line.split("\t");
    const shards = decodeShardSet(all, total);
    entries.set(key, {
      all: shards,
      title: decodeShardSet(title || "", total),
      chunks: decodeChunks(shards, chunks),
      counts: decodeCounts(shards, counts),
    });
  }
  return entries;
}

/**
 * A presence file's text of the part of the map that counts `shards` shards from `first`, as key →
 * entry with the manifest's shard numbers.
 */
export function decodePresencePart(text: string, part: { first: number; shards: number }): Map<string, PresenceEntry> {
  const entries = decodePresenceFile(text, part.shards);
  if (part.first === 0) return entries;
  const shift = (shards: readonly number[]) => shards.map((shard) => shard + part.first);
  const shiftMap = <T>(map: Map<number, T>) => {
    const shifted = new Map<number, T>();
    map.forEach((value, shard) => {
      shifted.set(shard + part.first, value);
    });
    return shifted;
  };
  entries.forEach((entry, key) => {
    entries.set(key, {
      all: shift(entry.all),
      title: shift(entry.title),
      chunks: shiftMap(entry.chunks),
      counts: shiftMap(entry.counts),
    });
  });
  return entries;
}

/** One key's entries from parts of the map that count different shards (in shard order), as one entry; none for none. */
export function mergePresenceEntries(entries: readonly (PresenceEntry | undefined)[]): PresenceEntry | undefined {
  const found = entries.filter((entry): entry is PresenceEntry => entry !== undefined);
  if (found.length <= 1) return found[0];
  const merged: PresenceEntry = { all: [], title: [], chunks: new Map(), counts: new Map() };
  for (const entry of found) {
    merged.all.push(...entry.all);
    merged.title.push(...entry.title);
    entry.chunks.forEach((chunk, shard) => {
      merged.chunks.set(shard, chunk);
    });
    entry.counts.forEach((count, shard) => {
      merged.counts.set(shard, count);
    });
  }
  return merged;
}
