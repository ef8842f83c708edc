import {
  decodeIndexText,
  phraseKey,
  type QueryWord,
  SHARD_FILTER,
  type ShardManifest,
  TITLE_MARK,
} from "../../search-protocol/index.ts";
import type { SearchRequest } from "./address.ts";
import type { Engine } from "./engine.ts";
import type { PagefindResult } from "./pagefind.ts";
import { pageTier, type RankedPage, startsWithQuery } from "./ranking.ts";
import type { DescribedPage } from "./results.ts";

/** A page found in a shard: its rank, whether its title may be the query, and its description once fetched. */
export interface FoundPage extends RankedPage {
  result: PagefindResult;
  found: number;
  positions: Map<string, number[]> | null;
  maybeExact?: boolean;
  described?: Promise<DescribedPage>;
}

/** Lets the browser draw and handle input between two pieces of work. */
export const yielding = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The pages of one shard that hold every word of the query in their text, with their rank
 * (ranking.ts): Pagefind is asked for each word in that shard alone (its filter), newest first, and
 * the word positions tell the rank.
 */
export async function shardPages(
  loaded: Engine,
  map: ShardManifest,
  request: SearchRequest,
  parts: readonly (readonly QueryWord[])[],
  words: readonly string[],
  index: number,
): Promise<FoundPage[]> {
  const filters = Object.assign({}, request.filters);
  filters[SHARD_FILTER] = (map.shards[index] as ShardManifest["shards"][number]).name;
  const searches = await Promise.all(
    words.map((word) => loaded.pagefind.search(word, { filters, sort: { date: "desc" } })),
  );
  await yielding();
  const pages = new Map<string, FoundPage>();
  searches.forEach((search, wordIndex) => {
    for (const result of (search && search.results) || []) {
      // Pagefind also matches a word against the start of a page's metadata (栏目 科技要闻 for 科技);
      // such a match has no position in the text, and the page does not hold the word.
      if (!result.words || result.words.length === 0) continue;
      let page = pages.get(result.id);
      if (!page) {
        if (wordIndex > 0) continue;
        page = { id: result.id, result, shard: index, score: result.score, tier: 0, found: 0, positions: new Map() };
        pages.set(result.id, page);
      }
      if (page.found !== wordIndex) continue;
      page.found = wordIndex + 1;
      (page.positions as Map<string, number[]>).set(words[wordIndex] as string, result.words || []);
    }
  });
  const matched: FoundPage[] = [];
  pages.forEach((page) => {
    if (page.found !== words.length) return;
    const positions = page.positions as Map<string, number[]>;
    page.tier = request.byDate ? 0 : pageTier(parts, positions, map.titleSlot);
    page.maybeExact = !request.byDate && startsWithQuery(parts, positions);
    page.positions = null;
    matched.push(page);
  });
  return matched;
}

/** A page's title, body text and their comparison forms, from its Pagefind fragment (fetched once). */
export function describe(page: FoundPage): Promise<DescribedPage> {
  if (!page.described) {
    page.described = page.result.data().then((data) => {
      const meta = data.meta || {};
      const decoded = decodeIndexText(data.content || "");
      const cut = decoded.indexOf(TITLE_MARK);
      const body = (cut >= 0 ? decoded.slice(cut + TITLE_MARK.length) : decoded).trim();
      return { url: data.url, meta, title: meta.title || "", body, titleKey: phraseKey(meta.title || "") };
    });
  }
  return page.described;
}
