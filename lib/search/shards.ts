import path from "node:path";
import type * as pagefind from "pagefind";
import { SHARD_FILTER } from "../search-protocol/index.ts";
import { formatIsoDate } from "../shared/index.ts";
import { SEARCH_LANGUAGE, type SearchPageSource, type SearchRecordSource, toCustomRecord } from "./records.ts";

/**
 * Pages per shard. Pagefind holds a whole index in memory while it writes it, so the index is
 * written as shards of at most this many pages, one after the other, and merged in the browser;
 * fewer, larger shards make a search lighter and the build heavier (figures in docs/scale.md).
 */
export const SHARD_SIZE = 1500;

/**
 * The size of the newest shard's tail: its newest pages, fewer than this, where a new article goes,
 * kept in a small shard of their own so that publishing one rewrites a few index files, not the year's.
 */
export const TAIL_SIZE = 100;

/** What planShards needs of a page: its URL and date. */
export type ShardablePage = Pick<SearchRecordSource, "url" | "date">;

/** One shard of the index: a Pagefind language of its own, so result ids tell their shard. */
export interface SearchShard<Page extends ShardablePage = SearchRecordSource> {
  name: string;
  language: string;
  sources: Page[];
  /** The small newest shard new pages go to (its presence is kept apart: lib/search/presence.ts). */
  open?: boolean;
}

export { SHARD_FILTER };

/**
 * The primary index: Pagefind's scripts and WebAssembly, and one stand-in record (Pagefind writes no
 * index without a page), which has no SHARD_FILTER value, so no search finds it (the search page
 * always asks one shard); every shard is merged into it when a search needs it.
 */
export const PRIMARY_SHARD: SearchShard<never> = {
  name: "primary",
  language: `${SEARCH_LANGUAGE}-x-primary`,
  sources: [],
};

/**
 * A shard's Pagefind records, made when the shard is written so only one shard's records are held
 * at a time; `contents`, each source's record content when already made (recordSegments).
 */
export function shardRecords(shard: SearchShard, contents?: readonly string[]): pagefind.CustomRecord[] {
  if (shard.sources.length === 0)
    return [{ url: "/search/", content: "index", language: shard.language, meta: { title: "" } }];
  return shard.sources.map((source, i) => {
    const record = toCustomRecord(source, contents?.[i]);
    return { ...record, language: shard.language, filters: { ...record.filters, [SHARD_FILTER]: [shard.name] } };
  });
}

/**
 * Splits the records into shards of whole years, grouped oldest first up to `shardSize` pages, and
 * returns them newest first; a year with more pages than that is a run of shards of its own, cut
 * oldest first. The newest shard's pages past its last whole `tailSize` (counted from its oldest
 * page) are a shard of their own, its tail (`<shard>t`), and open; a newest shard smaller than
 * `tailSize` is open itself. A new article thus changes only the open shard (and, once every
 * `tailSize` articles, the shard its tail joins); an edited one the shard of its year.
 */
export function planShards<Page extends ShardablePage>(
  sources: readonly Page[],
  shardSize = SHARD_SIZE,
  tailSize = TAIL_SIZE,
): SearchShard<Page>[] {
  const byYear = new Map<string, Page[]>();
  for (const source of sources) {
    const year = formatIsoDate(source.date, "yyyy");
    const inYear = byYear.get(year);
    if (inYear) inYear.push(source);
    else byYear.set(year, [source]);
  }
  const oldestFirst = (a: Page, b: Page) => (a.date === b.date ? a.url.localeCompare(b.url) : a.date < b.date ? -1 : 1);
  const shards: SearchShard<Page>[] = [];
  const add = (name: string, chunk: Page[]) =>
    shards.push({ name, language: `${SEARCH_LANGUAGE}-x-${name}`, sources: chunk });
  let group: { years: string[]; sources: Page[] } = { years: [], sources: [] };
  const closeGroup = () => {
    if (group.years.length === 0) return;
    const first = group.years[0] as string;
    const last = group.years.at(-1) as string;
    add(first === last ? `y${first}` : `y${first}-${last}`, group.sources);
    group = { years: [], sources: [] };
  };
  for (const year of [...byYear.keys()].sort()) {
    const inYear = (byYear.get(year) ?? []).sort(oldestFirst);
    if (inYear.length > shardSize) {
      closeGroup();
      for (let at = 0, cut = 0; at < inYear.length; at += shardSize, cut++)
        add(`y${year}c${cut}`, inYear.slice(at, at + shardSize));
      continue;
    }
    if (group.sources.length + inYear.length > shardSize) closeGroup();
    group.years.push(year);
    group.sources.push(...inYear);
  }
  closeGroup();
  return withTail(shards.reverse(), tailSize);
}

/** `newestFirst` with the newest shard's pages past its last whole `tailSize` split off ahead of it, open. */
function withTail<Page extends ShardablePage>(newestFirst: SearchShard<Page>[], tailSize: number): SearchShard<Page>[] {
  const [newest, ...older] = newestFirst;
  if (!newest) return newestFirst;
  const settled = Math.floor(newest.sources.length / tailSize) * tailSize;
  if (settled === 0) return [{ ...newest, open: true }, ...older];
  if (settled === newest.sources.length) return newestFirst;
  const name = `${newest.name}t`;
  return [
    { name, language: `${SEARCH_LANGUAGE}-x-${name}`, sources: newest.sources.slice(settled), open: true },
    { ...newest, sources: newest.sources.slice(0, settled) },
    ...older,
  ];
}

/** One shard to write: its pages, whether it is the primary index, and the folder it is written to. */
export interface ShardJob {
  shard: SearchShard<SearchPageSource>;
  primary: boolean;
  target: string;
}

/** The primary index and each shard of `shards` as jobs writing into `partsDir/<name>`, the primary first. */
export function shardJobs(shards: readonly SearchShard<SearchPageSource>[], partsDir: string): ShardJob[] {
  return [PRIMARY_SHARD, ...shards].map((shard, i) => ({
    shard,
    primary: i === 0,
    target: path.join(partsDir, shard.name),
  }));
}

/**
 * Deals jobs out to `count` threads so that each writes about as many pages: the largest shard
 * first, each to the thread with the fewest pages so far. Every thread keeps the jobs' order.
 */
export function assignShardJobs<Job extends { shard: { sources: readonly unknown[] } }>(
  jobs: readonly Job[],
  count: number,
): Job[][] {
  const threads = Array.from({ length: Math.max(1, Math.min(count, jobs.length)) }, () => ({
    pages: 0,
    jobs: [] as number[],
  }));
  const bySize = jobs
    .map((job, i) => ({ i, pages: job.shard.sources.length }))
    .sort((a, b) => b.pages - a.pages || a.i - b.i);
  for (const { i, pages } of bySize) {
    const lightest = threads.reduce((best, thread) => (thread.pages < best.pages ? thread : best));
    lightest.jobs.push(i);
    lightest.pages += pages;
  }
  return threads.map((thread) => thread.jobs.sort((a, b) => a - b).map((i) => jobs[i] as Job));
}
