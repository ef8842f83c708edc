import { describe, expect, it } from "vitest";
import { planRenderRuns } from "../../lib/build.ts";

const urls = (count: number) => Array.from({ length: count }, (_, i) => `/articles/a${i}/`);

describe("planRenderRuns", () => {
  it("renders a site within the limit in one run", () => {
    expect(planRenderRuns(urls(5), 10)).toEqual([urls(5)]);
  });

  it("gives the first run everything else even when no page is to render", () => {
    expect(planRenderRuns([], 10)).toEqual([[]]);
  });

  it("splits a large site into even runs that keep every page once, in order", () => {
    const runs = planRenderRuns(urls(25), 10);
    expect(runs.map((run) => run.length)).toEqual([9, 9, 7]);
    expect(runs.flat()).toEqual(urls(25));
  });

  it("never makes a run larger than the limit", () => {
    for (const count of [1, 19, 20, 21, 39, 40, 41, 100, 101]) {
      const runs = planRenderRuns(urls(count), 20);
      expect(Math.max(...runs.map((run) => run.length))).toBeLessThanOrEqual(20);
      expect(runs.length).toBe(Math.ceil(count / 20));
      expect(runs.flat()).toEqual(urls(count));
    }
  });
});
