import { describe, expect, it } from "vitest";
import { searchMeasurementOf, withLatestSearch } from "../../bench/results.ts";
import { conditions, lighthouse, result, search, second } from "../helpers/bench-samples.ts";

describe("withLatestSearch", () => {
  const built = { ...result(10_000, 30_000, 10_000), measuredAt: "2026-12-02T08:50:00.000Z" };
  const measured = (measuredAt: string, articles = 10_000) => ({
    articles,
    measuredAt,
    queries: [search()],
    second,
    lighthouse: [lighthouse(99, 40, 0)],
  });

  it("takes the search figures of a later search-only run of the same size", () => {
    const merged = withLatestSearch(built, measured("2026-12-02T14:41:00.000Z"));
    expect(merged.firstSearch).toEqual([search()]);
    expect(merged.secondSearch).toEqual(second);
    expect(merged.lighthouse?.[0]?.performance).toBe(99);
    expect(merged.firstSearchMeasuredAt).toBe("2026-12-02T14:41:00.000Z");
    expect(merged.full).toEqual(built.full);
  });

  it("keeps the result as it is when the search run is older than its own search, of another size, or missing", () => {
    const searched = { ...built, firstSearch: [search()] };
    expect(withLatestSearch(searched, measured("2026-12-02T08:00:00.000Z"))).toBe(searched);
    expect(withLatestSearch(built, measured("2026-12-02T14:41:00.000Z", 100_000))).toBe(built);
    expect(withLatestSearch(built, undefined)).toBe(built);
  });
});

describe("withLatestSearch without a search of its own", () => {
  it("takes an older search-only run's figures for a result that measured no search", () => {
    const built = { ...result(10_000, 30_000, 10_000), measuredAt: "2026-12-07T16:20:00.000Z" };
    const merged = withLatestSearch(built, {
      articles: 10_000,
      measuredAt: "2026-12-07T15:57:00.000Z",
      queries: [search()],
    });
    expect(merged.firstSearch).toEqual([search()]);
    expect(merged.firstSearchMeasuredAt).toBe("2026-12-07T15:57:00.000Z");
  });
});

describe("searchMeasurementOf", () => {
  it("gathers a size's search figures, and is undefined for a size that measured none", () => {
    const measured = {
      ...result(10_000, 30_000, 10_000),
      firstSearch: [search()],
      firstSearchConditions: conditions,
      secondSearch: second,
    };
    expect(searchMeasurementOf(measured)).toEqual({ conditions, queries: [search()], second });
    expect(searchMeasurementOf(result(1000, 2000, 1000))).toBeUndefined();
    expect(searchMeasurementOf({ ...result(1000, 2000, 1000), firstSearch: [] })).toBeUndefined();
  });
});
