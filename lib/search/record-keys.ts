// From the module, not lib/search-protocol/index.ts: exporting these there renames the search page's minified script.
import { eachSegment, LATIN_KEY_LENGTH, latinKey, normalize, QUOTES, runTokens } from "../search-protocol/segment.ts";

/*
 * The index build's one pass over a text for both of what it needs: the text Pagefind indexes
 * (indexText of lib/search-protocol) and the text's presence keys (presenceKeys). Written here, on
 * the build's side, so the search page's script, which bundles lib/search-protocol, stays as it is;
 * tests/lib/search/record-keys.test.ts holds it to both.
 */

const QUOTE_RUN = new RegExp(`[${QUOTES}]`, "gu");

/** The presence keys of a Chinese run's index tokens `tokens[from…]`, added to `keys`: each without its quotes, and its first character. */
function addRunKeys(tokens: readonly string[], from: number, keys: Set<string>): void {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as string;
    // A quote stands between two characters: a token of two UTF-16 units or fewer holds none.
    const key = token.length > 2 ? token.replace(QUOTE_RUN, "") : token;
    keys.add(key);
    const first = key.charCodeAt(0);
    keys.add(first >= 0xd800 && first <= 0xdbff ? key.slice(0, 2) : key.charAt(0));
  }
}

/** The presence keys of a Latin or digit word, added to `keys`: every prefix of its key. */
function addWordKeys(word: string, keys: Set<string>): void {
  const key = latinKey(word).slice(0, LATIN_KEY_LENGTH);
  for (let length = 1; length <= key.length; length++) keys.add(key.slice(0, length));
}

/**
 * indexText and presenceKeys of `text` in one segmentation: returns the text Pagefind indexes, and
 * adds the text's presence keys to `keys`.
 */
export function indexTextWithKeys(text: string, keys: Set<string>): string {
  const tokens: string[] = [];
  eachSegment(
    normalize(text),
    (run) => {
      const from = tokens.length;
      runTokens(run, tokens, true);
      addRunKeys(tokens, from, keys);
    },
    (word) => {
      tokens.push(word);
      addWordKeys(word, keys);
    },
  );
  return tokens.join(" ");
}
