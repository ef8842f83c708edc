import { describe, expect, it } from "vitest";
import type { SearchOnlyResult, SizeResult } from "../../bench/results.ts";
import {
  addressExtras,
  firstSearchTable,
  lighthouseTable,
  searchOnlyReport,
  searchSummaryCells,
  searchSummaryTable,
  secondSearchTable,
} from "../../bench/search-tables.ts";
import { conditions, KB, lighthouse, oldSearch, result, sample, search, second } from "../helpers/bench-samples.ts";

describe("search tables", () => {
  it("puts one row per query: first results, until the reader acts, unasked requests, the next page and the verdict", () => {
    const filtered = search({
      id: "filtered",
      label: "栏目+年份 filters",
      query: "科技创新",
      url: `/search/?q=${encodeURIComponent("科技创新")}&column=${encodeURIComponent("工作动态")}&year=2021`,
      results: 57,
      firstResults: 20,
      completeInferred: true,
      ms: 3000,
    });
    const common = search({
      id: "common",
      label: "常见词 common",
      query: "科技创新",
      results: 10076,
      resultsApprox: true,
      nextPage: { ms: 600, bytes: 12 * KB, requests: 10, shown: 20, exact: false },
    });
    const table = firstSearchTable({ conditions, queries: [search(), filtered, common] }, 10_000);
    expect(table).toContain("Slow 4G through CDP (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up), CPU 4× slower");
    expect(table).toContain("HTTPS with HTTP/2");
    const rows = table.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| query"));
    expect(rows[0]).toBe(
      "| 针状焦 (罕见词 rare) | 1 | 120 | 18 | 1.90 s | 150 | 22 | 2.60 s | 0 | – | – | – | 120 ms | 70 ms | met |",
    );
    expect(rows[1]).toContain("| 科技创新 (栏目+年份 filters) `column=工作动态&year=2021` | 57 (first 20) |");
    expect(rows[1]).toContain("| 2.60 s* |");
    expect(rows[1]).toContain("**not met**: 3.00 s (≤ 2.00 s)");
    expect(rows[2]).toContain("| 科技创新 (常见词 common) | 约 10,076 |");
    expect(rows[2]).toContain("| 0 | 0.60 s | 12 | 10 |");
    expect(table).toContain("\\* The page never marked its count complete");
  });

  it("shows dashes for what an older result file lacks, and says how it was measured", () => {
    const table = firstSearchTable({ queries: [oldSearch] }, 10_000);
    expect(table).toContain("Measured before 2026-12-02: unthrottled");
    expect(table).toContain("| 石化新材料 | 8,944 | 970 | 72 | 1.80 s | – | – | – | – | – | – | – | – | – |");
  });

  it("shows the second query in place or by a new page, and Lighthouse's rows", () => {
    expect(secondSearchTable({ queries: [], second }, 10_000)).toContain(
      "| 针状焦 → 科技创新 | 10,008 | 40 | 6 | 0.80 s | 70 | 12 | 1.50 s | 90 ms | in place | met |",
    );
    expect(secondSearchTable({ queries: [], second: { ...second, navigated: true } })).toContain(
      "new page (navigated)",
    );
    expect(secondSearchTable({ queries: [] })).toBe("");
    const table = lighthouseTable([lighthouse(95, 120, 0.02), lighthouse(70, 600, 0.2)]);
    expect(table).toContain("Lighthouse 12.8.2, mobile, simulate throttling");
    expect(table).toContain("| 科技创新 (常见词 common) | 95 | 120 ms | 0.02 | 1.80 s | 0.90 s | 1.50 s | met |");
    expect(table).toContain(
      "**not met**: performance 70 (performance ≥ 95), TBT 600 ms (TBT ≤ 150 ms), CLS 0.2 (CLS ≤ 0.05)",
    );
  });

  it("reads the filters of an address back for the table", () => {
    expect(addressExtras("/search/?q=x")).toBe("");
    expect(addressExtras(undefined)).toBe("");
    expect(addressExtras("/search/?q=x&sort=date")).toBe(" `sort=date`");
  });

  it("sums the sizes up: the worst query, the second query, Lighthouse and the targets, older files too", () => {
    const current: SizeResult = {
      ...result(10000, 20000, 10000),
      firstSearch: [
        search(),
        search({ id: "common", query: "科技创新", completeBytes: 250 * KB, completeRequests: 30, ms: 2400 }),
      ],
      firstSearchConditions: conditions,
      secondSearch: second,
      lighthouse: [lighthouse(95, 120, 0.02)],
    };
    const older: SizeResult = { ...result(1000, 2000, 1000), firstSearch: [oldSearch] };
    const rows = searchSummaryTable([current, older, result(100, 200, 100)])
      .trim()
      .split("\n")
      .slice(2);
    expect(rows).toEqual([
      "| 1,000 | 1 | unthrottled | 970 KB | 72 | 1.80 s | – | – | – | – | 2 not met |",
      "| 10,000 | 2 | Slow 4G, 4× CPU | 250 KB | 30 | 2.40 s | 2.60 s | 120 ms | +70 KB, 0.80 s | 95 (TBT 120 ms, CLS 0.02) | 1 not met |",
    ]);
    expect(searchSummaryTable([result(100, 200, 100)])).toBe("");
  });
});

describe("searchSummaryCells", () => {
  it("takes the worst query for each figure, wherever it is", () => {
    const cells = searchSummaryCells(
      {
        conditions,
        queries: [
          search({ completeBytes: 300 * KB, ms: 1000 }),
          search({ completeRequests: 40, ms: 2900, longestTaskMs: 250 }),
        ],
      },
      10_000,
    );
    expect(cells).toMatchObject({
      queries: "2",
      network: "Slow 4G, 4× CPU",
      mostKb: "300 KB",
      mostRequests: "40",
      slowestFirst: "2.90 s",
      longestTask: "250 ms",
      second: "–",
      lighthouse: "–",
    });
    expect(cells.targets).toBe("3 not met");
  });
});

describe("searchOnlyReport", () => {
  it("heads the search tables of a search-only run with its size and its one build", () => {
    const run: SearchOnlyResult = {
      articles: 10_000,
      seedArticles: 1,
      measuredAt: "2026-12-02T14:41:00.000Z",
      machine: { cpus: 2, memoryGiB: 24, node: "v20", platform: "linux x64" },
      build: sample(48_310, {}),
      conditions,
      queries: [search()],
      second,
      lighthouse: [lighthouse(95, 120, 0.02)],
    };
    const report = searchOnlyReport(run);
    expect(report.split("\n")[0]).toBe("### First search, 10,000 articles + 1 seed article (one full build: 48.31 s)");
    expect(report).toBe(
      [
        report.split("\n")[0],
        "",
        firstSearchTable(run, 10_000),
        secondSearchTable(run, 10_000),
        lighthouseTable(run.lighthouse ?? []),
      ].join("\n"),
    );
    const bare = searchOnlyReport({ ...run, second: undefined, lighthouse: undefined });
    expect(bare).not.toContain("Second query");
    expect(bare).not.toContain("Lighthouse");
  });
});
