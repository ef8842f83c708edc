import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scaleChart } from "../../bench/chart.ts";
import { BENCH_RESULTS_END, BENCH_RESULTS_START, docResultsBlock } from "../../bench/doc-results.ts";
import type { SearchOnlyResult, SizeResult } from "../../bench/results.ts";
import { readSizeResults, writeSearchOnlyResult, writeSizeResult, writeSummary } from "../../bench/results-folder.ts";
import { searchOnlyReport } from "../../bench/search-tables.ts";
import { sizeTable, summaryReport } from "../../bench/tables.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { conditions, result, sample, search } from "../helpers/bench-samples.ts";

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-results-"));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const later: SearchOnlyResult = {
  articles: 1000,
  seedArticles: 1,
  measuredAt: "2026-12-03T10:00:00.000Z",
  machine: { cpus: 2, memoryGiB: 24, node: "v20", platform: "linux x64" },
  build: sample(2100, {}),
  conditions,
  queries: [search({ ms: 1234 })],
};

describe("writeSizeResult and writeSearchOnlyResult", () => {
  it("write the JSON and its report, and return the report", () => {
    const dir = folder();
    const size: SizeResult = { ...result(1000, 2000, 1000), measuredAt: "2026-12-02T08:00:00.000Z" };
    expect(writeSizeResult(dir, size)).toBe(sizeTable(size));
    expect(JSON.parse(readFileSync(path.join(dir, "articles-1000.json"), "utf8"))).toEqual(size);
    expect(readFileSync(path.join(dir, "articles-1000.md"), "utf8")).toBe(sizeTable(size));
    expect(writeSearchOnlyResult(dir, later)).toBe(searchOnlyReport(later));
    expect(JSON.parse(readFileSync(path.join(dir, "search-1000.json"), "utf8"))).toEqual(later);
    expect(readFileSync(path.join(dir, "search-1000.md"), "utf8")).toBe(searchOnlyReport(later));
  });
});

describe("readSizeResults and writeSummary", () => {
  it("read every size, with the search figures of a later search-only run of that size", () => {
    const dir = folder();
    writeSizeResult(dir, { ...result(1000, 2000, 1000), measuredAt: "2026-12-02T08:00:00.000Z" });
    writeSizeResult(dir, result(10_000, 20_000, 10_000));
    writeSearchOnlyResult(dir, later);
    writeFileSync(path.join(dir, "notes.json"), "{}");
    const results = readSizeResults(dir).sort((a, b) => a.articles - b.articles);
    expect(results.map((size) => size.articles)).toEqual([1000, 10_000]);
    expect(results[0]?.firstSearch?.[0]?.ms).toBe(1234);
    expect(results[1]?.firstSearch).toBeUndefined();
  });

  it("writes summary.md and scale.svg, and the document's table when asked", () => {
    const dir = folder();
    writeSizeResult(dir, result(10_000, 20_000, 10_000));
    writeSizeResult(dir, result(1000, 2000, 1000));
    const doc = path.join(folder(), "scale.md");
    writeFileSync(doc, `# Scale\n\n${BENCH_RESULTS_START}\n${BENCH_RESULTS_END}\n`);
    expect(writeSummary(dir, { doc })).toEqual({ sizes: [1000, 10_000], docChanged: true });
    const results = readSizeResults(dir);
    expect(readFileSync(path.join(dir, "summary.md"), "utf8")).toBe(summaryReport(results));
    expect(readFileSync(path.join(dir, "scale.svg"), "utf8")).toBe(scaleChart(results));
    expect(readFileSync(doc, "utf8")).toBe(
      `# Scale\n\n${BENCH_RESULTS_START}\n\n${docResultsBlock(results)}\n\n${BENCH_RESULTS_END}\n`,
    );
    expect(writeSummary(dir, { doc })).toEqual({ sizes: [1000, 10_000], docChanged: false });
  });

  it("writes nothing for a folder without results, or no folder", () => {
    const dir = folder();
    expect(writeSummary(dir)).toEqual({ sizes: [] });
    expect(readdirSync(dir)).toEqual([]);
    expect(readSizeResults(path.join(dir, "missing"))).toEqual([]);
  });

  it("makes of the committed JSON the committed summary.md and scale.svg", () => {
    const dir = folder();
    cpSync(path.join(PROJECT_DIR, "bench/results"), dir, { recursive: true });
    writeSummary(dir);
    for (const name of ["summary.md", "scale.svg"])
      expect(readFileSync(path.join(dir, name), "utf8")).toBe(
        readFileSync(path.join(PROJECT_DIR, "bench/results", name), "utf8"),
      );
  });
});
