/** One page of a paginated list such as /gzdt/2/. */
export interface ListPage<T> {
  items: T[];
  pageNumber: number;
  totalPages: number;
  url: string;
  previousUrl?: string;
  nextUrl?: string;
  firstUrl: string;
  lastUrl: string;
  /** Page-number links around this page (at most `PAGER_WINDOW` either side). */
  nearby: { number: number; url: string }[];
}

/** How many page numbers the pager shows on each side of the current page. */
export const PAGER_WINDOW = 3;

/** The URL of page `pageNumber` of a list based at `baseUrl`: `/gzdt/`, `/gzdt/2/`, … */
export function listPageUrl(baseUrl: string, pageNumber: number): string {
  return pageNumber === 1 ? baseUrl : `${baseUrl}${pageNumber}/`;
}

/** Splits items into pages of `pageSize`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], pageSize: number, baseUrl: string): ListPage<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  const urlOf = (pageNumber: number) => listPageUrl(baseUrl, pageNumber);
  return Array.from({ length: totalPages }, (_, index) => {
    const pageNumber = index + 1;
    const first = Math.max(1, pageNumber - PAGER_WINDOW);
    const last = Math.min(totalPages, pageNumber + PAGER_WINDOW);
    return {
      items: items.slice(index * pageSize, pageNumber * pageSize),
      pageNumber,
      totalPages,
      url: urlOf(pageNumber),
      previousUrl: pageNumber > 1 ? urlOf(pageNumber - 1) : undefined,
      nextUrl: pageNumber < totalPages ? urlOf(pageNumber + 1) : undefined,
      firstUrl: urlOf(1),
      lastUrl: urlOf(totalPages),
      nearby: Array.from({ length: last - first + 1 }, (_, offset) => ({
        number: first + offset,
        url: urlOf(first + offset),
      })),
    };
  });
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
