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

  it("keeps the result as it is when the search run is older, of another size, or missing", () => {
    expect(withLatestSearch(built, measured("2026-12-02T08:00:00.000Z"))).toBe(built);
    expect(withLatestSearch(built, measured("2026-12-02T14:41:00.000Z", 100_000))).toBe(built);
    expect(withLatestSearch(built, undefined)).toBe(built);
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
