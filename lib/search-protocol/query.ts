import { eachSegment, KEY_CHAR, LATIN_KEY_LENGTH, latinKey, runTokens } from "./segment.ts";

/** One Pagefind word of a query part; `step` n ≥ 1: exactly n positions after the previous word, 0: a few positions may lie between. */
export interface QueryWord {
  token: string;
  step: number;
}

/** The presence keys of one query part: every key a page holding it verbatim holds (`all`), the words looked up (`cover`). */
export interface PresencePart {
  all: string[];
  cover: string[];
}

/** A text in comparison form (`key`), with `positions[i]` the index in the text of key character i. */
export interface PhraseKey {
  key: string;
  positions: number[];
}

/**
 * Which of a run's n bigrams a query looks up: every other one and the last (0, 2, 4 … n − 1),
 * enough to cover each character, so a query loads about half the index chunks of all its bigrams.
 */
function coveringBigrams(count: number): number[] {
  const picked: number[] = [];
  for (let i = 0; i < count; i += 2) picked.push(i);
  if (count > 1 && picked[picked.length - 1] !== count - 1) picked.push(count - 1);
  return picked;
}

/**
 * A query's parts (split on blanks), each the Pagefind words it needs in order, with `step`: n ≥ 1
 * when the word must come exactly n positions after the previous one (bigrams of one run), 0 when
 * a few positions may lie between (after a run's last-character token, punctuation).
 */
export function queryParts(query: string): QueryWord[][] {
  const parts: QueryWord[][] = [];
  for (const part of String(query).normalize("NFKC").split(/\s+/)) {
    const words: QueryWord[] = [];
    eachSegment(
      part,
      (text) => {
        const run: string[] = [];
        runTokens(text, run, false);
        let previous = -1;
        for (const i of coveringBigrams(run.length)) {
          words.push({ token: run[i] as string, step: previous < 0 ? 0 : i - previous });
          previous = i;
        }
      },
      (text) => {
        const word = latinKey(text);
        if (word) words.push({ token: word, step: 0 });
      },
    );
    if (words.length > 0) parts.push(words);
  }
  return parts;
}

/** The distinct Pagefind words of a query. */
export function queryTokens(query: string): string[] {
  return [...new Set(queryParts(query).flatMap((part) => part.map((word) => word.token)))];
}

/**
 * The presence keys a query needs, per part: `all`, every bigram (and one-character or Latin word)
 * of the part, which a page holding the part verbatim must hold; `cover`, the Pagefind words the
 * search looks up, which any matching page holds.
 */
export function queryPresence(query: string): PresencePart[] {
  const parts: PresencePart[] = [];
  for (const part of String(query).normalize("NFKC").split(/\s+/)) {
    const all: string[] = [];
    const cover: string[] = [];
    eachSegment(
      part,
      (text) => {
        const run: string[] = [];
        runTokens(text, run, false);
        all.push(...run);
        for (const i of coveringBigrams(run.length)) cover.push(run[i] as string);
      },
      (text) => {
        const key = latinKey(text).slice(0, LATIN_KEY_LENGTH);
        if (key) {
          all.push(key);
          cover.push(key);
        }
      },
    );
    if (cover.length > 0) parts.push({ all: [...new Set(all)], cover: [...new Set(cover)] });
  }
  return parts;
}

/**
 * The comparison form of a text: letters and digits only, lower-cased, with `positions[i]` the
 * index in `text` of key character i (for highlighting the original).
 */
export function phraseKey(text: string): PhraseKey {
  let key = "";
  const positions: number[] = [];
  const source = String(text);
  let index = 0;
  for (const char of source) {
    const folded = char.normalize("NFKC").toLowerCase();
    if (KEY_CHAR.test(folded)) {
      for (const part of folded) {
        key += part;
        positions.push(index);
      }
    }
    index += char.length;
  }
  return { key, positions };
}

/** The parts of a query that must each appear verbatim (split on blanks), in comparison form. */
export function queryPhrases(query: string): string[] {
  return String(query)
    .normalize("NFKC")
    .split(/\s+/)
    .map((part) => phraseKey(part).key)
    .filter(Boolean);
}
