import "../../_includes/assets/search-tokens.js";

/** The shared segmentation of `_includes/assets/search-tokens.js`, typed for the build. */
export interface SearchTokens {
  /** NFKC, blanks between Chinese characters dropped. */
  normalize(text: string): string;
  /** The text Pagefind indexes: Chinese runs as bigrams plus their last character. */
  indexText(text: string): string;
  /** A query's parts, each its Pagefind words in order; `step` 1: directly after the previous word. */
  queryParts(query: string): { token: string; step: number }[][];
  /** A query's distinct Pagefind words. */
  queryTokens(query: string): string[];
  /** Between a record's title and its body, repeated to pad the title to the title slot (a position, never a word). */
  TITLE_MARK: string;
  /** Between two blocks of a record's body (a position, never a word). */
  BLOCK_MARK: string;
  /** The readable text back from a record's content: the title, one "¶", the blocks on lines of their own. */
  decodeIndexText(encoded: string): string;
  /** Letters and digits only, lower-cased, with each key character's index in the text. */
  phraseKey(text: string): { key: string; positions: number[] };
  /** A query's parts (split on blanks) in comparison form. */
  queryPhrases(query: string): string[];
  /** A Latin or digit word as queries and presence keys spell it. */
  latinKey(word: string): string;
  /** The presence keys a text holds (added to `keys`): bigrams, their first characters, Latin prefixes. */
  presenceKeys(text: string, keys?: Set<string>): Set<string>;
  /** The presence keys a query needs, per part: every bigram (`all`) and the words looked up (`cover`). */
  queryPresence(query: string): { all: string[]; cover: string[] }[];
  /** Which of `count` (a power of two) presence files holds a key. */
  presenceBucket(key: string, count: number): number;
  /** The presence key of a whole title or query: "=" and a hash of its comparison form. */
  titleKey(text: string): string;
}

/** The segmentation shared by the index build and the search page. */
export const searchTokens = (globalThis as unknown as { bureauSearchTokens: SearchTokens }).bureauSearchTokens;
