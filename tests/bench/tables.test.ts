import { describe, expect, it } from "vitest";
import type { SizeResult } from "../../bench/results.ts";
import { searchSummaryTable } from "../../bench/search-tables.ts";
import { docsResultsTable, sizeTable, stageNames, summaryReport, summaryTable } from "../../bench/tables.ts";
import { conditions, KB, lighthouse, oldSearch, result, sample, search, second } from "../helpers/bench-samples.ts";

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

describe("summaryTable", () => {
  const results = [result(10000, 20000, 10000), result(1000, 2000, 1000)];

  it("puts one row per size, smallest first", () => {
    const rows = summaryTable(results).trim().split("\n").slice(2);
    expect(rows.map((row) => row.split(" | ")[0])).toEqual(["| 1,000", "| 10,000"]);
    expect(rows[1]).toContain("| 2.00 |");
  });
});

describe("sizeTable", () => {
  it("adds the search tables and the seed article to a size's report", () => {
    const withSearch: SizeResult = {
      ...result(10000, 20000, 10000),
      seedArticles: 1,
      firstSearch: [search()],
      firstSearchConditions: conditions,
      secondSearch: second,
      lighthouse: [lighthouse(95, 120, 0.02)],
    };
    const report = sizeTable(withSearch);
    expect(report).toContain("### 10,000 articles + 1 seed article, 1,000 notices");
    expect(report).toContain("| 针状焦 (罕见词 rare) | 1 |");
    expect(report).toContain("| 针状焦 → 科技创新 |");
    expect(report).toContain("| 科技创新 (常见词 common) | 95 |");
    expect(sizeTable(result(1000, 2000, 1000))).not.toContain("First search");
  });

  it("gives each peer measured its time, its stages and the full build's ratio to it", () => {
    const withPeers: SizeResult = {
      ...result(10000, 20000, 10000),
      peers: { "hugo-pagefind": { ...sample(16_000, { render: 4_000, search: 12_000 }), ratio: 1.25 } },
    };
    const report = sizeTable(withPeers);
    expect(report).toContain("| Hugo + Pagefind CLI (generator 4.00 s, Pagefind CLI 12.00 s) | 16.00 s,");
    expect(report).toContain("| **full / Hugo + Pagefind CLI** | **1.25** | |");
    expect(report).not.toContain("Eleventy + Pagefind CLI");
  });
});

describe("summaryReport", () => {
  it("is the builds' table, then the search summary when a size measured the search", () => {
    const builds = [result(1000, 2000, 1000)];
    expect(summaryReport(builds)).toBe(summaryTable(builds));
    const searched: SizeResult[] = [...builds, { ...result(10_000, 20_000, 10_000), firstSearch: [search()] }];
    expect(summaryReport(searched)).toBe(`${summaryTable(searched)}\n${searchSummaryTable(searched)}`);
  });
});

describe("docsResultsTable", () => {
  it("puts one row per size, smallest first: the builds, the search's worst figures, Lighthouse and the targets", () => {
    const current: SizeResult = {
      ...result(10_000, 52_760, 15_950),
      runs: 3,
      peers: { "eleventy-pagefind": { ...sample(26_380, { render: 15_000, search: 11_380 }), ratio: 2 } },
      firstSearch: [
        search(),
        search({ id: "common", query: "科技创新", completeBytes: 250 * KB, ms: 2400, completeMs: 9000 }),
      ],
      firstSearchConditions: conditions,
      secondSearch: second,
      lighthouse: [lighthouse(95, 120, 0.02)],
    };
    const older: SizeResult = { ...result(1000, 2000, 1000), firstSearch: [oldSearch] };
    const lines = docsResultsTable([current, older, result(100, 200, 100)])
      .trim()
      .split("\n");
    expect(lines[0]?.split(" | ")).toHaveLength(14);
    expect(lines.slice(2)).toEqual([
      "| 100 | 1 | 0.20 s | 0.10 s | 2.00 | – | – | 0 MB | – | – | – | – | – | – |",
      "| 1,000 | 1 | 2.00 s | 1.00 s | 2.00 | – | – | 2 MB | unthrottled | 970 KB | 1.80 s | – | – | 2 not met |",
      "| 10,000 | 3 | 52.76 s | 15.95 s | 3.31 | 2.00 | – | 50 MB | Slow 4G, 4× CPU | 250 KB | 2.40 s | 9.00 s | 95 (TBT 120 ms, CLS 0.02) | 1 not met |",
    ]);
  });
});
