import { describe, expect, it } from "vitest";
import {
  archivePageCount,
  type ListPage,
  linkNeighbours,
  listPageUrls,
  PAGER_WINDOW,
  paginate,
} from "../../../lib/content/listing.ts";

/** Items 1 … count, newest first, as the catalog lists them. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);
const numbers = (page: ListPage<number> | undefined) => page?.nearby.map((link) => link.number ?? "最新");

describe("paginate", () => {
  it("puts the newest items on the front page and full pages of the oldest on /base/1/, /base/2/", () => {
    const pages = paginate(newestFirst(65), 20, "/gzdt/");
    expect(pages.map((page) => page.url)).toEqual(["/gzdt/", "/gzdt/2/", "/gzdt/1/"]);
    expect(pages.map((page) => page.items.length)).toEqual([25, 20, 20]);
    expect(pages[0]?.items).toEqual(newestFirst(65).slice(0, 25));
    expect(pages[1]?.items).toEqual(newestFirst(40).slice(0, 20));
    expect(pages[2]?.items).toEqual(newestFirst(20));
    expect(pages.map((page) => page.pageNumber)).toEqual([undefined, 2, 1]);
  });

  it("links each page to the newer (上一页) and the older (下一页) one, and every page to the oldest (尾页)", () => {
    const [front, second, first] = paginate(newestFirst(65), 20, "/gzdt/");
    expect(front).toMatchObject({ nextUrl: "/gzdt/2/", lastUrl: "/gzdt/1/", total: 65 });
    expect(front?.previousUrl).toBeUndefined();
    expect(second).toMatchObject({ previousUrl: "/gzdt/", nextUrl: "/gzdt/1/", lastUrl: "/gzdt/1/" });
    expect(first).toMatchObject({ previousUrl: "/gzdt/2/", lastUrl: "/gzdt/1/" });
    expect(first?.nextUrl).toBeUndefined();
  });

  it("gives only the front page the list's total", () => {
    const pages = paginate(newestFirst(65), 20, "/gzdt/");
    expect(pages.map((page) => page.total)).toEqual([65, undefined, undefined]);
  });

  it("keeps the front page between one and two pages long, and every item on exactly one page", () => {
    for (const count of [0, 1, 19, 20, 39, 40, 41, 59, 60, 61, 200]) {
      const pages = paginate(newestFirst(count), 20, "/c/");
      expect(pages).toHaveLength(1 + archivePageCount(count, 20));
      const frontLength = pages[0]?.items.length ?? 0;
      if (count >= 20) expect(frontLength).toBeGreaterThanOrEqual(20);
      expect(frontLength).toBeLessThan(40);
      for (const page of pages.slice(1)) expect(page.items).toHaveLength(20);
      expect(pages.flatMap((page) => page.items)).toEqual(newestFirst(count));
      expect(pages.map((page) => page.url)).toEqual(listPageUrls("/c/", count, 20));
    }
  });

  it("keeps one empty front page for an empty list, with nothing for a pager", () => {
    expect(paginate([], 20, "/notices/")).toMatchObject([{ items: [], url: "/notices/", total: 0 }]);
    expect(paginate([], 20, "/notices/")[0]?.nearby).toHaveLength(1);
  });

  it("leaves every archive page as it was when a new item joins the front page", () => {
    const before = paginate(newestFirst(65), 20, "/gzdt/");
    const after = paginate(newestFirst(66), 20, "/gzdt/");
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]?.items).toEqual(newestFirst(66).slice(0, 26));
  });

  it("adds one archive page when a new item fills a group, changing only the pagers nearest to it", () => {
    const before = paginate(newestFirst(199), 20, "/gzdt/");
    const after = paginate(newestFirst(200), 20, "/gzdt/");
    expect(after.map((page) => page.url).slice(0, 2)).toEqual(["/gzdt/", "/gzdt/9/"]);
    expect(after[1]?.items).toEqual(before[0]?.items.slice(-20));
    const changed = before
      .slice(1)
      .filter((page) => JSON.stringify(page) !== JSON.stringify(after.find((other) => other.url === page.url)));
    expect(changed.map((page) => page.pageNumber)).toEqual(
      Array.from({ length: PAGER_WINDOW }, (_, index) => 8 - index),
    );
    for (const page of changed) expect(after.find((other) => other.url === page.url)?.items).toEqual(page.items);
  });

  it("shows the front page and a window of page numbers around the current page, newest first", () => {
    const pages = paginate(newestFirst(2000), 20, "/kjyw/");
    expect(numbers(pages[0])).toEqual(["最新", 99, 98, 97]);
    const middle = pages.find((page) => page.pageNumber === 50);
    expect(numbers(middle)).toEqual([
      "最新",
      ...Array.from({ length: 2 * PAGER_WINDOW + 1 }, (_, index) => 50 + PAGER_WINDOW - index),
    ]);
    expect(numbers(pages.at(-1))).toEqual(["最新", 4, 3, 2, 1]);
    expect(middle?.lastUrl).toBe("/kjyw/1/");
  });
});

describe("linkNeighbours", () => {
  it("links each item to the older (previous) and newer (next) one", () => {
    const items = [
      { title: "新", url: "/c/" },
      { title: "中", url: "/b/" },
      { title: "旧", url: "/a/" },
    ];
    const links = linkNeighbours(items);
    expect(links.get(items[1] as (typeof items)[number])).toEqual({
      previous: { title: "旧", url: "/a/" },
      next: { title: "新", url: "/c/" },
    });
    expect(links.get(items[0] as (typeof items)[number])?.next).toBeUndefined();
    expect(links.get(items[2] as (typeof items)[number])?.previous).toBeUndefined();
  });
});
