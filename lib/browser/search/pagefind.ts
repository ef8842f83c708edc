/*
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`, published by the search stage) the
 * search page uses; Pagefind publishes no types for it.
 */

/** A page's fragment: its URL, its indexed content and its metadata. */
export interface PagefindFragment {
  url: string;
  content?: string;
  meta?: Record<string, string | undefined>;
}

/** One result of a search: the page's id, its date score, the positions of the word, and its fragment. */
export interface PagefindResult {
  id: string;
  score: number;
  words?: number[];
  data(): Promise<PagefindFragment>;
}

/** What a search gives. */
export interface PagefindSearch {
  results: PagefindResult[];
}

/** One Pagefind instance: an index and the indexes merged into it. */
export interface PagefindInstance {
  init(): Promise<void>;
  mergeIndex(path: string, options: { language: string; metaCacheTag: string }): Promise<void>;
  search(
    term: string,
    options: { filters: Record<string, string>; sort: Record<string, "asc" | "desc"> },
  ): Promise<PagefindSearch | null>;
  destroy(): Promise<void>;
}

/** Pagefind's module. */
export interface PagefindModule {
  createInstance(options: { metaCacheTag: string }): PagefindInstance;
}
