/*
 * Lists are paginated from their oldest item, so that a page, once written, keeps its address and
 * its items: with S items a page and T items, the oldest q = floor(T / S) groups of S are counted
 * from the oldest; archive page N (`/gzdt/N/`, N = 1 the oldest) holds group N for N = 1 … q − 1,
 * and the front page (`/gzdt/`) holds the rest, the newest S to 2S − 1 items (all of them while
 * there are fewer than 2S). A new item changes the front page only, until it fills a group: then
 * archive page q − 1 appears and the pagers of the archive pages nearest to it gain its number.
 */

/** One page of a paginated list: its front page (`/gzdt/`, the newest items) or an archive page (`/gzdt/3/`). */
export interface ListPage<T> {
  /** Newest first. */
  items: T[];
  /** An archive page's number, counted from the oldest (page 1 holds the list's oldest items); none on the front page. */
  pageNumber?: number;
  url: string;
  /** The newer page (上一页) and the older one (下一页). */
  previousUrl?: string;
  nextUrl?: string;
  /** The page of the oldest items (尾页). */
  lastUrl: string;
  /** How many items the list holds: on the front page only, so that no archive page changes with it. */
  total?: number;
  /**
   * The pager's links, newest first: the front page (最新, no number), then the archive pages
   * within `PAGER_WINDOW` of this one.
   */
  nearby: { number?: number; url: string }[];
}

/** How many page numbers the pager shows on each side of the current page. */
export const PAGER_WINDOW = 3;

/** The URL of a list's front page (`pageNumber` absent) or of its archive page `pageNumber`: `/gzdt/`, `/gzdt/2/`. */
export function listPageUrl(baseUrl: string, pageNumber?: number): string {
  return pageNumber === undefined ? baseUrl : `${baseUrl}${pageNumber}/`;
}

/** How many archive pages a list of `itemCount` items has: one per full group of `pageSize` but the newest. */
export function archivePageCount(itemCount: number, pageSize: number): number {
  return Math.max(0, Math.floor(itemCount / pageSize) - 1);
}

/** The URLs of a list's pages, newest first: the front page, then its archive pages. */
export function listPageUrls(baseUrl: string, itemCount: number, pageSize: number): string[] {
  const archived = archivePageCount(itemCount, pageSize);
  return [baseUrl, ...Array.from({ length: archived }, (_, index) => listPageUrl(baseUrl, archived - index))];
}

/**
 * Splits a newest-first list into its front page and archive pages (see above), newest first; an
 * empty list still has its (empty) front page.
 */
export function paginate<T>(items: readonly T[], pageSize: number, baseUrl: string): ListPage<T>[] {
  const total = items.length;
  const archived = archivePageCount(total, pageSize);
  const urlOf = (pageNumber: number | undefined) => listPageUrl(baseUrl, pageNumber);
  const lastUrl = urlOf(archived > 0 ? 1 : undefined);
  const nearby = (position: number) => {
    const numbers: { number?: number; url: string }[] = [{ url: baseUrl }];
    const newest = Math.min(archived, position + PAGER_WINDOW);
    for (let number = newest; number >= Math.max(1, position - PAGER_WINDOW); number--)
      numbers.push({ number, url: urlOf(number) });
    return numbers;
  };
  const front: ListPage<T> = {
    items: items.slice(0, total - archived * pageSize),
    url: baseUrl,
    nextUrl: archived > 0 ? urlOf(archived) : undefined,
    lastUrl,
    total,
    nearby: nearby(archived + 1),
  };
  const archive = Array.from({ length: archived }, (_, index): ListPage<T> => {
    const pageNumber = archived - index;
    return {
      items: items.slice(total - pageNumber * pageSize, total - (pageNumber - 1) * pageSize),
      pageNumber,
      url: urlOf(pageNumber),
      previousUrl: urlOf(pageNumber < archived ? pageNumber + 1 : undefined),
      nextUrl: pageNumber > 1 ? urlOf(pageNumber - 1) : undefined,
      lastUrl,
      nearby: nearby(pageNumber),
    };
  });
  return [front, ...archive];
}

/** A link to a neighbouring item. */
export interface NeighbourLink {
  title: string;
  url: string;
}

/**
 * Gives each item of a newest-first list links to its neighbours: `previous` is the older item,
 * `next` the newer one, as Chinese news sites label 上一篇 / 下一篇.
 */
export function linkNeighbours<T extends { title: string; url: string }>(
  newestFirst: readonly T[],
): Map<T, { previous?: NeighbourLink; next?: NeighbourLink }> {
  const links = new Map<T, { previous?: NeighbourLink; next?: NeighbourLink }>();
  newestFirst.forEach((item, index) => {
    const older = newestFirst[index + 1];
    const newer = newestFirst[index - 1];
    links.set(item, {
      previous: older && { title: older.title, url: older.url },
      next: newer && { title: newer.title, url: newer.url },
    });
  });
  return links;
}
