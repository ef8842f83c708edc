import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchGroup, GROUP_TARGET_RATIO, groupTable, prepareGroup, summarizePairs } from "../../bench/group-build.ts";
import { loadGroup } from "../../lib/group/index.ts";

describe("summarizePairs", () => {
  it("takes the median of the pairs' ratios, not the ratio of the medians", () => {
    const pairs = [
      { allMs: 10, aloneMs: 10 },
      { allMs: 30, aloneMs: 10 },
      { allMs: 12, aloneMs: 6 },
    ];
    expect(summarizePairs(pairs)).toEqual({ allMedianMs: 12, aloneMedianMs: 10, ratio: 2 });
  });
});

describe("benchGroup", { timeout: 240_000 }, () => {
  it("copies the sample group without its outputs", () => {
    const work = mkdtempSync(path.join(tmpdir(), "bureau-bench-group-"));
    try {
      prepareGroup(work);
      expect(loadGroup(work).sites.map((site) => site.name)).toEqual(["kjj", "kgxj"]);
      expect(existsSync(path.join(work, "sites/kgxj/content"))).toBe(true);
      expect(existsSync(path.join(work, "sites/kgxj/_site"))).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("times one pair of --all and the larger site alone, each building its sites", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "bureau-bench-group-"));
    try {
      const result = await benchGroup(work, 1);
      expect(result.sites[0]?.name).toBe("kjj");
      expect(result.sites[0]?.articles).toBeGreaterThan(result.sites[1]?.articles ?? 0);
      expect(result.pairs).toHaveLength(1);
      expect(result.ratio).toBeCloseTo((result.pairs[0]?.allMs ?? 0) / (result.pairs[0]?.aloneMs ?? 1), 6);
      expect(result.target).toBe(GROUP_TARGET_RATIO);
      // The last run was the larger site alone, from cold: its output is there, the other site's is not.
      expect(existsSync(path.join(work, "_site/index.html"))).toBe(true);
      expect(existsSync(path.join(work, "sites/kgxj/_site"))).toBe(false);
      expect(groupTable(result)).toContain("| npm run build -- --site kjj |");
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
