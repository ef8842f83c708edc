import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { decode } from "cborg";

/*
 * What a shard's Pagefind meta file says about the files a search loads after it: which index
 * chunk holds which range of words, and which file holds each filter. The presence map and
 * shards.json carry these names, so the search page can fetch a shard's chunks beside its meta
 * instead of after it (docs/search.md).
 */

/** Pagefind's signature before the CBOR of a decompressed file. */
const SIGNATURE = "pagefind_dcd";

/**
 * One index chunk: the words from `from` to `to` (Pagefind's byte order) are in
 * `index/<language>_<hash>.pf_index`; `hash` is the part after the shard's language.
 */
export interface IndexChunk {
  from: string;
  to: string;
  hash: string;
}

/** A shard's index chunks in word order, and each filter's file (`filter/<language>_<hash>.pf_filter`) by the same short hash. */
export interface PagefindMeta {
  chunks: IndexChunk[];
  filters: Map<string, string>;
}

/**
 * Reads the `.pf_meta` file of a shard in `language` as Pagefind 1.6 writes it: gzip, the signature,
 * then `[version, pages, chunks, filters, …]` in CBOR; file hashes without their `<language>_`.
 */
export function readPagefindMeta(file: string, language: string): PagefindMeta {
  const bytes = gunzipSync(readFileSync(file));
  if (bytes.subarray(0, SIGNATURE.length).toString("latin1") !== SIGNATURE)
    throw new Error(`不是 Pagefind 的元数据文件 (not a Pagefind meta file): ${file}`);
  const meta = decode(bytes.subarray(SIGNATURE.length)) as unknown[];
  const chunks = meta[2] as [string, string, string][] | undefined;
  const filters = meta[3] as [string, string][] | undefined;
  const unknown = () =>
    new Error(`Pagefind 元数据的格式不认识 (unknown Pagefind meta layout, version ${String(meta[0])}): ${file}`);
  if (!Array.isArray(chunks) || !Array.isArray(filters)) throw unknown();
  const prefix = `${language}_`;
  const short = (hash: string) => {
    if (!hash.startsWith(prefix)) throw unknown();
    return hash.slice(prefix.length);
  };
  return {
    chunks: chunks.map(([from, to, hash]) => ({ from, to, hash: short(hash) })),
    filters: new Map(filters.map(([name, hash]) => [name, short(hash)])),
  };
}

/** A UTF-16 code unit's place in code point order: surrogates (astral characters) after U+E000–U+FFFF. */
const codePointRank = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);

/**
 * Compares two strings in code point order, which is the byte order of their UTF-8 (Rust's `str`
 * order, the one Pagefind's chunk ranges use); JavaScript's `<` differs for astral characters.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/**
 * The chunk Pagefind loads for each key as a search term, by its hash: the first chunk whose range
 * holds the key. A chunk's bounds are the shortest prefixes that tell neighbouring words apart (`保`
 * for its last word `保护`), so a word at the end of a chunk lies past its range; Pagefind then looks
 * again with bounds cut to the term's length (1.6 loads that chunk, sometimes with another), and so
 * the chunk whose upper bound starts the key is named for it. Any other key gets "". Keys are best
 * given in ascending code point order (a cursor walks the ranges; a key out of order starts over).
 */
export function chunkFinder(chunks: readonly IndexChunk[]): (key: string) => string {
  let at = 0;
  let previous = "";
  return (key) => {
    if (compareCodePoints(key, previous) < 0) at = 0;
    previous = key;
    while (at < chunks.length && compareCodePoints((chunks[at] as IndexChunk).to, key) < 0) at++;
    const chunk = chunks[at];
    if (chunk && compareCodePoints(chunk.from, key) <= 0) return chunk.hash;
    const before = chunks[at - 1];
    return before && key.startsWith(before.to) ? before.hash : "";
  };
}
