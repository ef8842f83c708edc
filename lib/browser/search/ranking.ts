import type { PresenceEntry, PresencePart, QueryWord } from "../../search-protocol/index.ts";

/** Ranks, best first: the title is the query, the title holds it, the body holds it, its characters are scattered. */
export const TIER = { EXACT: 0, TITLE: 1, BODY: 2, SCATTERED: 3 } as const;

/** A page as the search page ranks it: its rank, its shard (0 the newest), Pagefind's date score and id. */
export interface RankedPage {
  id: string;
  tier: number;
  shard: number;
  score: number;
}

/** One shard to read, with the best rank a page of it can have. */
export interface ReadingStep {
  index: number;
  bound: number;
}

/** A presence-map look-up: the entry of a key, or undefined when no shard holds it. */
export type PresenceLookup = (key: string) => PresenceEntry | undefined;

/** Positions where a chain of the part's words starts: each word `step` positions after the previous one. */
export function chainStarts(part: readonly QueryWord[], positions: Map<string, number[]>): number[] {
  const starts: number[] = [];
  const first = part[0];
  if (!first) return starts;
  for (const start of positions.get(first.token) || []) {
    let current = start;
    let ok = true;
    for (let i = 1; i < part.length && ok; i++) {
      const word = part[i] as QueryWord;
      const next = positions.get(word.token) || [];
      const step = word.step;
      const found =
        step > 0
          ? next.indexOf(current + step) >= 0
            ? current + step
            : -1
          : next.find((position) => position > current && position <= current + 4);
      if (found === undefined || found < 0) ok = false;
      else current = found;
    }
    if (ok) starts.push(start);
  }
  return starts;
}

/**
 * A page's rank from the positions of its words (word → positions): TITLE when every part of the
 * query stands verbatim in the title (a chain starting below `titleSlot`), BODY when every part
 * stands verbatim somewhere, else SCATTERED. EXACT is decided on the page's own title text.
 */
export function pageTier(
  parts: readonly (readonly QueryWord[])[],
  positions: Map<string, number[]>,
  titleSlot: number,
): number {
  let tier: number = TIER.TITLE;
  for (const part of parts) {
    const starts = chainStarts(part, positions);
    const first = starts[0];
    const partTier = first === undefined ? TIER.SCATTERED : first < titleSlot ? TIER.TITLE : TIER.BODY;
    if (partTier > tier) tier = partTier;
  }
  return tier;
}

/** Whether a page's chain of a one-part query starts at its very first word: its title may be the query. */
export function startsWithQuery(parts: readonly (readonly QueryWord[])[], positions: Map<string, number[]>): boolean {
  return parts.length === 1 && chainStarts(parts[0] as QueryWord[], positions).indexOf(0) >= 0;
}

/** The index chunks of shard `index` that hold `words`, by the presence map (`lookup`), each once. */
export function chunksOf(
  words: readonly string[],
  lookup: (key: string) => Pick<PresenceEntry, "chunks"> | undefined,
  index: number,
): string[] {
  const chunks = new Set<string>();
  for (const word of words) {
    const entry = lookup(word);
    const chunk = entry && entry.chunks && entry.chunks.get(index);
    if (chunk) chunks.add(chunk);
  }
  return Array.from(chunks);
}

/**
 * The shards to read for a query, best first, each with the best rank it can hold: `lookup(key)` gives
 * a presence key's `{ all, title }` shard sets (undefined: no shard has it); a shard is a candidate when
 * it holds every part's looked-up words, can hold the parts verbatim when it holds all their bigrams,
 * in a title when its titles do. `exact` lists the shards with a title equal to the query, `allowed`
 * says which shards the filters leave (by year). Read by bound, then newest first; by date alone when
 * `byDate`.
 */
export function planReading(
  shardCount: number,
  parts: readonly PresencePart[],
  lookup: (key: string) => Pick<PresenceEntry, "all" | "title"> | undefined,
  exact: readonly number[],
  allowed: (index: number) => boolean,
  byDate: boolean,
): ReadingStep[] {
  const has = (key: string, index: number, field: "all" | "title") => {
    const entry = lookup(key);
    return Boolean(entry && entry[field].indexOf(index) >= 0);
  };
  const plan: ReadingStep[] = [];
  for (let index = 0; index < shardCount; index++) {
    if (!allowed(index)) continue;
    if (!parts.every((part) => part.cover.every((key) => has(key, index, "all")))) continue;
    let bound: number = TIER.SCATTERED;
    if (exact.indexOf(index) >= 0) bound = TIER.EXACT;
    else if (parts.every((part) => part.all.every((key) => has(key, index, "title")))) bound = TIER.TITLE;
    else if (parts.every((part) => part.all.every((key) => has(key, index, "all")))) bound = TIER.BODY;
    plan.push({ index, bound: byDate ? 0 : bound });
  }
  return plan.sort((a, b) => a.bound - b.bound || a.index - b.index);
}

/** Orders ranked pages: by rank, then shard (newest first), then date within the shard (Pagefind's date score, higher is newer). */
export function compareRanked(a: RankedPage, b: RankedPage): number {
  return a.tier - b.tier || a.shard - b.shard || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Whether the first `count` pages of `ranked` (sorted) can no longer change: every shard still to
 * read (`next` is the first of them, or undefined) can only give pages that rank after them.
 */
export function settled(ranked: readonly RankedPage[], count: number, next: ReadingStep | undefined): boolean {
  if (!next) return true;
  if (ranked.length < count) return false;
  const last = ranked[count - 1] as RankedPage;
  return last.tier < next.bound || (last.tier === next.bound && last.shard < next.index);
}
