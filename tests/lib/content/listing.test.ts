import { describe, expect, it } from "vitest";
import { linkNeighbours, listPageUrl, PAGER_WINDOW, paginate } from "../../../lib/content/listing.ts";

describe("paginate", () => {
  it("splits 45 items into pages of 20 with /base/, /base/2/, /base/3/", () => {
    const pages = paginate(
      Array.from({ length: 45 }, (_, index) => index),
      20,
      "/gzdt/",
    );
    expect(pages.map((page) => page.url)).toEqual(["/gzdt/", "/gzdt/2/", "/gzdt/3/"]);
    expect(pages.map((page) => page.items.length)).toEqual([20, 20, 5]);
    expect(pages[1]).toMatchObject({ previousUrl: "/gzdt/", nextUrl: "/gzdt/3/", pageNumber: 2, totalPages: 3 });
    expect(pages[0]?.previousUrl).toBeUndefined();
    expect(pages[2]?.nextUrl).toBeUndefined();
  });

  it("keeps one empty page for an empty list", () => {
    expect(paginate([], 20, "/notices/")).toMatchObject([{ items: [], url: "/notices/", totalPages: 1 }]);
  });

  it("shows a window of page numbers around the current page, not all of them", () => {
    const pages = paginate(
      Array.from({ length: 2000 }, (_, index) => index),
      20,
      "/kjyw/",
    );
    const middle = pages[49];
    expect(middle?.nearby.map((link) => link.number)).toEqual(
      Array.from({ length: 2 * PAGER_WINDOW + 1 }, (_, index) => 50 - PAGER_WINDOW + index),
    );
    expect(middle?.lastUrl).toBe(listPageUrl("/kjyw/", 100));
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
