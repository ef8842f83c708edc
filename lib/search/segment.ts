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
  /** The readable text back from `indexText`. */
  decodeIndexText(encoded: string): string;
  /** Letters and digits only, lower-cased, with each key character's index in the text. */
  phraseKey(text: string): { key: string; positions: number[] };
  /** A query's parts (split on blanks) in comparison form. */
  queryPhrases(query: string): string[];
}

/** The segmentation shared by the index build and the search page. */
export const searchTokens = (globalThis as unknown as { bureauSearchTokens: SearchTokens }).bureauSearchTokens;
