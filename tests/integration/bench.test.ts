import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DOMParser } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIRST_SEARCH_QUERIES } from "../../bench/first-search.ts";
import type { SizeResult } from "../../bench/report.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

const run = promisify(execFile);
let dir: string;
let results: string;
let stdout: string;
let stderr: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bench-smoke-"));
  results = path.join(dir, "results");
  const args = ["tsx", "scripts/bench.ts", "--articles", "40", "--runs", "1", "--rebuild"];
  const output = await run("npx", [...args, "--work", path.join(dir, "work"), "--results", results], {
    cwd: PROJECT_DIR,
    maxBuffer: 16 * 1024 * 1024,
  });
  stdout = output.stdout;
  stderr = output.stderr;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run bench (smoke run, 40 articles)", () => {
  it("writes a JSON result whose counts match the synthetic corpus and whose ratios match its own times", () => {
    const result = JSON.parse(readFileSync(path.join(results, "articles-40.json"), "utf8")) as SizeResult;
    expect(result.articles).toBe(40);
    expect(result.notices).toBe(4);
    expect(result.bare.pages).toBe(40);
    expect(result.full.pages).toBeGreaterThan(40);
    expect(result.full.indexedPages).toBe(44);
    expect(Object.keys(result.full.timings)).toEqual(
      expect.arrayContaining(["validate", "search", "carryOver", "qr", "render", "publish", "cleanup"]),
    );
    expect(result.ratio).toBeCloseTo(result.full.wallMs / result.bare.wallMs, 6);
    expect(result.rebuild?.ratio).toBeCloseTo((result.rebuild?.wallMs ?? 0) / result.bare.wallMs, 6);
    expect(result.full.peakRssBytes).toBeGreaterThan(result.full.outputBytes / 100);
    expect(result.full.outputFiles).toBeGreaterThan(result.full.pages);
    expect(result.searchIndexAlone?.indexedPages).toBe(44);
    expect(result.searchIndexAlone?.timings.search).toBeGreaterThan(0);
    expect(result.searchIndexAlone?.timings.search).toBeLessThan(result.searchIndexAlone?.wallMs ?? 0);
    expect(result.articlePage?.bodyTextInHtml).toBe(true);
    expect(result.articlePage?.totalGzip).toBe(
      (result.articlePage?.htmlGzip ?? 0) + (result.articlePage?.cssGzip ?? 0),
    );
  });

  it("measures the first search of each query in Chromium: results found, bytes downloaded, Pagefind's part of them", () => {
    const result = JSON.parse(readFileSync(path.join(results, "articles-40.json"), "utf8")) as SizeResult;
    expect(result.firstSearch?.map((search) => search.query)).toEqual(FIRST_SEARCH_QUERIES);
    for (const search of result.firstSearch ?? []) {
      expect(search.results, search.query).toBeGreaterThan(0);
      expect(search.pagefindBytes).toBeGreaterThan(0);
      expect(search.bytes).toBeGreaterThan(search.pagefindBytes);
      expect(search.requests).toBeGreaterThan(5);
    }
    const table = readFileSync(path.join(results, "articles-40.md"), "utf8");
    expect(table).toContain(`| ${FIRST_SEARCH_QUERIES[0]} | ${result.firstSearch?.[0]?.results} |`);
  });

  it("writes a Markdown table with every stage and the full / bare ratio, and prints it", () => {
    const table = readFileSync(path.join(results, "articles-40.md"), "utf8");
    for (const row of [
      "| – validate |",
      "| – qr |",
      "| – render |",
      "| **full / bare** |",
      "| **rebuild / bare** |",
      "| search index stage on its own, no cache (44 pages) |",
    ])
      expect(table).toContain(row);
    expect(stdout).toContain("### 40 articles, 4 notices");
    expect(stderr.split("\n")[0]).toMatch(
      /^将测 40 篇文章的合成站点，每种构建 1 次，另测重建，以及浏览器里的首次搜索；本机（2 核）约需 1 分钟/,
    );
    const summary = readFileSync(path.join(results, "summary.md"), "utf8").trim().split("\n");
    expect(summary).toHaveLength(3);
    expect(summary[2]?.startsWith("| 40 | 1 |")).toBe(true);
  });

  it("draws an SVG chart with a time and a memory line for each build", () => {
    const svg = new DOMParser().parseFromString(readFileSync(path.join(results, "scale.svg"), "utf8"), "image/svg+xml");
    expect(svg.documentElement.nodeName).toBe("svg");
    const lines = [...svg.querySelectorAll("polyline")];
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.getAttribute("points")?.split(" ")).toHaveLength(1);
    expect([...svg.querySelectorAll("text")].map((text) => text.textContent)).toEqual(
      expect.arrayContaining(["Build time", "Peak memory", "full pipeline", "bare Eleventy"]),
    );
  });
});
