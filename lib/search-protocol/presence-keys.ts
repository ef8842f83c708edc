import { phraseKey } from "./query.ts";
import { eachSegment, LATIN_KEY_LENGTH, latinKey, normalize, QUOTES, runTokens } from "./segment.ts";

const QUOTE_RUN = new RegExp(`[${QUOTES}]`, "gu");

/**
 * What a text holds for the presence map (added to `keys`): each Chinese bigram (quotes inside
 * dropped), the first character of each (a one-character query matches words starting with it) and
 * each run's last character, and every prefix of each Latin or digit word (Pagefind matches words by their start).
 */
export function presenceKeys(text: string, keys: Set<string> = new Set()): Set<string> {
  eachSegment(
    normalize(text),
    (run) => {
      const tokens: string[] = [];
      runTokens(run, tokens, true);
      for (const token of tokens) {
        const key = token.replace(QUOTE_RUN, "");
        keys.add(key);
        keys.add(String.fromCodePoint(key.codePointAt(0) as number));
      }
    },
    (word) => {
      const key = latinKey(word).slice(0, LATIN_KEY_LENGTH);
      for (let length = 1; length <= key.length; length++) keys.add(key.slice(0, length));
    },
  );
  return keys;
}

/** FNV-1a (32 bits) of a string's UTF-16 code units, as eight hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Which of `count` (a power of two) presence files holds a key. */
export function presenceBucket(key: string, count: number): number {
  return Number.parseInt(fnv1a(key), 16) & (count - 1);
}

/** The presence key of a whole title (or a whole query): "=" and the FNV-1a of its comparison form. */
export function titleKey(text: string): string {
  return `=${fnv1a(phraseKey(text).key)}`;
}
