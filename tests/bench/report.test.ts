import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import {
  type BuildSample,
  median,
  medianSample,
  type SizeResult,
  scaleChart,
  stageNames,
  summaryTable,
} from "../../bench/report.ts";

const sample = (wallMs: number, timings: Record<string, number>): BuildSample => ({
  wallMs,
  peakRssBytes: wallMs * 1000,
  pages: 10,
  timings,
  outputBytes: 100,
  outputFiles: 12,
});

const result = (articles: number, fullMs: number, bareMs: number): SizeResult => ({
  articles,
  notices: articles / 10,
  runs: 1,
  machine: { cpus: 2, memoryGiB: 24, node: "v20", platform: "linux x64" },
  corpusMs: 1,
  full: sample(fullMs, { render: fullMs }),
  bare: sample(bareMs, { render: bareMs }),
  ratio: fullMs / bareMs,
  pagesPerSecond: 10 / (fullMs / 1000),
});

describe("median and medianSample", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("takes each field's median separately, including stages only some runs report", () => {
    const merged = medianSample([sample(30, { render: 5 }), sample(10, { render: 7, qr: 1 }), sample(20, {})]);
    expect(merged.wallMs).toBe(20);
    expect(merged.timings).toEqual({ render: 6, qr: 1 });
  });
});

describe("stageNames", () => {
  it("lists the known stages in build order, then the others by name", () => {
    expect(stageNames({ publish: 1, zeta: 1, render: 1, alpha: 1, validate: 1 })).toEqual([
      "validate",
      "render",
      "publish",
      "alpha",
      "zeta",
    ]);
  });
});

describe("summaryTable and scaleChart", () => {
  const results = [result(10000, 20000, 10000), result(1000, 2000, 1000)];

  it("puts one row per size, smallest first", () => {
    const rows = summaryTable(results).trim().split("\n").slice(2);
    expect(rows.map((row) => row.split(" | ")[0])).toEqual(["| 1,000", "| 10,000"]);
    expect(rows[1]).toContain("| 2.00 |");
  });

  it("plots each size at increasing x and the larger time higher", () => {
    const svg = new DOMParser().parseFromString(scaleChart(results), "image/svg+xml");
    const points = (svg.querySelector("polyline")?.getAttribute("points") ?? "")
      .split(" ")
      .map((point: string) => point.split(",").map(Number));
    expect(points).toHaveLength(2);
    const [[x1, y1], [x2, y2]] = points as [[number, number], [number, number]];
    expect(x2).toBeGreaterThan(x1);
    expect(y2).toBeLessThan(y1);
    expect(scaleChart(results)).toBe(scaleChart([...results].reverse()));
  });
});
