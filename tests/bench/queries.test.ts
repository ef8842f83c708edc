import { describe, expect, it } from "vitest";
import {
  FIRST_SEARCH_QUERIES,
  LIGHTHOUSE_QUERIES,
  SECOND_SEARCH,
  searchUrl,
  selectQueries,
} from "../../bench/queries.ts";

describe("searchUrl", () => {
  it("puts the query in q, percent-encoded", () => {
    expect(searchUrl({ query: "针状焦" })).toBe("/search/?q=%E9%92%88%E7%8A%B6%E7%84%A6");
    expect(searchUrl({ query: "5G 网络" })).toBe("/search/?q=5G%20%E7%BD%91%E7%BB%9C");
  });

  it("adds the filters in the page's order and sort=date", () => {
    const url = searchUrl({ query: "科技创新", filters: { year: "2021", column: "工作动态" }, sort: "date" });
    expect(url).toBe(
      `/search/?q=${encodeURIComponent("科技创新")}&column=${encodeURIComponent("工作动态")}&year=2021&sort=date`,
    );
    const params = new URL(url, "http://localhost").searchParams;
    expect([params.get("q"), params.get("column"), params.get("year"), params.get("sort")]).toEqual([
      "科技创新",
      "工作动态",
      "2021",
      "date",
    ]);
  });

  it("leaves out empty filters", () => {
    expect(searchUrl({ query: "奎屯", filters: { column: "", type: "文章" } })).toBe(
      `/search/?q=${encodeURIComponent("奎屯")}&type=${encodeURIComponent("文章")}`,
    );
  });
});

describe("FIRST_SEARCH_QUERIES", () => {
  const byId = new Map(FIRST_SEARCH_QUERIES.map((query) => [query.id, query]));

  it("covers the issue's kinds of query, each id once", () => {
    expect(byId.size).toBe(FIRST_SEARCH_QUERIES.length);
    expect(byId.get("rare")?.query).toBe("针状焦");
    expect(byId.get("rare2")?.query).toBe("奎屯");
    expect(byId.get("common")?.query).toBe("科技创新");
    expect(Array.from(byId.get("phrase")?.query ?? "").length).toBeGreaterThanOrEqual(5);
    expect(FIRST_SEARCH_QUERIES.some((query) => query.filters?.column && query.filters.year)).toBe(true);
    expect(FIRST_SEARCH_QUERIES.some((query) => query.sort === "date")).toBe(true);
  });

  it("names existing queries for the second search and Lighthouse", () => {
    expect(byId.has(SECOND_SEARCH.after)).toBe(true);
    expect(SECOND_SEARCH.query).not.toBe(byId.get(SECOND_SEARCH.after)?.query);
    for (const id of LIGHTHOUSE_QUERIES) expect(byId.has(id)).toBe(true);
  });
});

describe("selectQueries", () => {
  it("keeps the bench's order and takes every query without a list", () => {
    expect(selectQueries("common, rare").map((query) => query.id)).toEqual(["rare", "common"]);
    expect(selectQueries(undefined)).toEqual(FIRST_SEARCH_QUERIES);
    expect(selectQueries("")).toEqual(FIRST_SEARCH_QUERIES);
  });

  it("rejects an id it does not know, naming the ids it has", () => {
    expect(() => selectQueries("rare,nope")).toThrow(/nope.*rare, rare2/);
  });
});
