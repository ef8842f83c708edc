import { describe, expect, it } from "vitest";
import { benchMinutes } from "../../bench/bench-size.ts";

describe("benchMinutes", () => {
  it("grows with the sizes, the runs and a rebuild, and is never under a minute", () => {
    expect(benchMinutes([40], 1, false)).toBe(1);
    const tenThousand = benchMinutes([10000], 3, false);
    expect(tenThousand).toBeGreaterThanOrEqual(2);
    expect(benchMinutes([10000], 3, true)).toBeGreaterThan(tenThousand);
    expect(benchMinutes([10000], 1, false)).toBeLessThan(tenThousand);
    expect(benchMinutes([100000], 1, false)).toBeGreaterThan(10 * benchMinutes([10000], 1, false));
  });

  it("adds the throttled queries and Lighthouse's runs", () => {
    const builds = benchMinutes([10000], 1, false);
    expect(benchMinutes([10000], 1, false, { queries: 8, lighthouseRuns: 0 })).toBeGreaterThan(builds);
    expect(benchMinutes([10000], 1, false, { queries: 8, lighthouseRuns: 2 })).toBeGreaterThan(
      benchMinutes([10000], 1, false, { queries: 8, lighthouseRuns: 0 }),
    );
  });

  it("adds the peers' builds, each about a third of a run", () => {
    const alone = benchMinutes([10000], 3, false);
    expect(benchMinutes([10000], 3, false, undefined, 2)).toBeGreaterThan(alone);
    expect(benchMinutes([10000], 3, false, undefined, 2)).toBeLessThan(2 * alone);
  });
});
