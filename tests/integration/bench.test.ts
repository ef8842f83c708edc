import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DOMParser } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureFirstSearches } from "../../bench/first-search.ts";
import { FIRST_SEARCH_QUERIES, SECOND_SEARCH } from "../../bench/queries.ts";
import type { SearchMeasurement, SizeResult } from "../../bench/results.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

const run = promisify(execFile);
let dir: string;
let results: string;
let stdout: string;
let stderr: string;

const readResult = () => JSON.parse(readFileSync(path.join(results, "articles-40.json"), "utf8")) as SizeResult;

describe("npm run bench (smoke run, 40 articles + the seed article)", () => {
  // The smoke run measures one throttled query and the second query typed after it (about 10 s of
  // the run); the full list of queries and Lighthouse are for `npm run bench` itself.
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bench-smoke-"));
    results = path.join(dir, "results");
    const args = ["tsx", "scripts/bench.ts", "--articles", "40", "--runs", "1", "--rebuild"];
    const search = ["--search-queries", SECOND_SEARCH.after, "--skip-lighthouse"];
    const output = await run("npx", [...args, ...search, "--work", path.join(dir, "work"), "--results", results], {
      cwd: PROJECT_DIR,
      maxBuffer: 16 * 1024 * 1024,
    });
    stdout = output.stdout;
    stderr = output.stderr;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a JSON result whose counts match the corpus and whose ratios match its own times", () => {
    const result = readResult();
    expect(result.articles).toBe(40);
    expect(result.seedArticles).toBe(1);
    expect(result.notices).toBe(4);
    expect(result.bare.pages).toBe(41);
    expect(result.full.pages).toBeGreaterThan(41);
    expect(result.full.indexedPages).toBe(45);
    expect(Object.keys(result.full.timings)).toEqual(
      expect.arrayContaining(["validate", "search", "carryOver", "qr", "render", "publish", "cleanup"]),
    );
    expect(result.ratio).toBeCloseTo(result.full.wallMs / result.bare.wallMs, 6);
    expect(result.rebuild?.ratio).toBeCloseTo((result.rebuild?.wallMs ?? 0) / result.bare.wallMs, 6);
    expect(result.full.peakRssBytes).toBeGreaterThan(result.full.outputBytes / 100);
    expect(result.full.outputFiles).toBeGreaterThan(result.full.pages);
    expect(result.searchIndexAlone?.indexedPages).toBe(45);
    expect(result.searchIndexAlone?.timings.search).toBeGreaterThan(0);
    expect(result.searchIndexAlone?.timings.search).toBeLessThan(result.searchIndexAlone?.wallMs ?? 0);
    expect(result.articlePage?.bodyTextInHtml).toBe(true);
    expect(result.articlePage?.totalGzip).toBe(
      (result.articlePage?.htmlGzip ?? 0) + (result.articlePage?.cssGzip ?? 0),
    );
  });

  it("measures the first search on Slow 4G with the CPU slowed, served like the CDN over HTTP/2", () => {
    const result = readResult();
    const conditions = result.firstSearchConditions;
    expect(conditions).toMatchObject({
      throttled: true,
      latencyMs: 150,
      uploadKbps: 750,
      cpuSlowdown: 4,
      protocol: "h2",
    });
    expect(conditions?.server.http2Requests).toBe(conditions?.server.requests);
    expect(conditions?.server.gzipped).toBeGreaterThan(0);
    const [search] = result.firstSearch ?? [];
    expect(result.firstSearch).toHaveLength(1);
    expect(search).toMatchObject({ id: SECOND_SEARCH.after, query: FIRST_SEARCH_QUERIES[0]?.query, shown: "results" });
    // 针状焦 is only in the seed article.
    expect(search?.results).toBe(1);
    // The page, its script, shards.json, pagefind.js, its worker, the entry, the page list, an index
    // chunk and a fragment load one after another: at least eight round trips of 150 ms.
    expect(search?.ms).toBeGreaterThanOrEqual(8 * 150);
    expect(search?.requests).toBeGreaterThan(5);
    expect(search?.pagefindBytes).toBeGreaterThan(0);
    expect(search?.bytes).toBeGreaterThan(search?.pagefindBytes ?? 0);
    expect(search?.completeMs).toBeGreaterThanOrEqual(search?.ms ?? 0);
    expect(search?.completeBytes).toBeGreaterThanOrEqual(search?.bytes ?? 0);
    expect(search?.completeRequests).toBeGreaterThanOrEqual(search?.requests ?? 0);
    expect(search?.longestTaskMs).toBeGreaterThanOrEqual(0);
    expect(result.lighthouse).toBeUndefined();
  });

  it("measures a second query typed into the same page", () => {
    const second = readResult().secondSearch;
    expect(second).toMatchObject({ after: "针状焦", query: SECOND_SEARCH.query, shown: "results" });
    expect(second?.results).toBeGreaterThan(1);
    expect(second?.bytes).toBeGreaterThan(0);
    expect(second?.ms).toBeGreaterThan(0);
    expect(second?.completeMs).toBeGreaterThanOrEqual(second?.ms ?? 0);
    expect(typeof second?.navigated).toBe("boolean");
  });

  it("writes a Markdown table with every stage, the ratios and the search, and prints it", () => {
    const table = readFileSync(path.join(results, "articles-40.md"), "utf8");
    for (const row of [
      "| – validate |",
      "| – qr |",
      "| – render |",
      "| **full / bare** |",
      "| **rebuild / bare** |",
      "| search index stage on its own, no cache (45 pages) |",
      "| 针状焦 (罕见词 rare) | 1 |",
      "| 针状焦 → 科技创新 |",
    ])
      expect(table).toContain(row);
    expect(table).toContain("Slow 4G through CDP (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up), CPU 4× slower");
    expect(stdout).toContain("### 40 articles + 1 seed article, 4 notices");
    expect(stderr.split("\n")[0]).toMatch(
      /^将测 40 篇文章的合成站点，每种构建 1 次，另测重建，以及浏览器里的首次搜索（1 个查询，部分，Slow 4G）；本机（2 核）约需 \d+ 分钟/,
    );
    const summary = readFileSync(path.join(results, "summary.md"), "utf8").trim().split("\n");
    expect(summary[2]?.startsWith("| 40 | 1 |")).toBe(true);
    expect(summary[6]?.startsWith("| 40 | 1 | Slow 4G, 4× CPU |")).toBe(true);
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

// The contract page's pause between its first results and the rest; a mark is taken at the frame after
// the change, which a busy machine can delay by a few hundred milliseconds, so the tests below allow half.
const COMPLETE_AFTER_MS = 1000;

/**
 * A stand-in for the rewritten search client, following the page contract the bench measures
 * against: a provisional count (已找到 N 条，继续查找…) with data-complete="false", then 找到 N 条结果
 * with data-complete="true"; a query typed into the box is searched in place and named by
 * data-query on the results box.
 */
const CONTRACT_CLIENT = `
const box = document.querySelector(".search-results");
const input = document.querySelector("#search-input");
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function search(query) {
  box.setAttribute("data-query", query);
  box.replaceChildren();
  await fetch("/data/" + encodeURIComponent(query) + ".json").then((response) => response.text());
  const count = document.createElement("p");
  count.className = "search-count";
  count.dataset.complete = "false";
  count.textContent = "已找到 2 条，继续查找…";
  const list = document.createElement("ol");
  const item = document.createElement("li");
  item.className = "search-result";
  item.textContent = query;
  list.append(item);
  box.append(count, list);
  await wait(${COMPLETE_AFTER_MS});
  await fetch("/data/rest-" + encodeURIComponent(query) + ".json").then((response) => response.text());
  count.textContent = "找到 5 条结果";
  count.dataset.complete = "true";
}
document.querySelector("form").addEventListener("submit", (event) => {
  event.preventDefault();
  search(input.value.trim());
});
const query = new URLSearchParams(location.search).get("q");
if (query) {
  input.value = query;
  search(query);
}
`;

describe("the first search against the new client's page contract (in-place second query)", () => {
  let site: string;
  let measurement: SearchMeasurement;

  beforeAll(async () => {
    site = mkdtempSync(path.join(os.tmpdir(), "bench-contract-"));
    mkdirSync(path.join(site, "search"), { recursive: true });
    mkdirSync(path.join(site, "data"), { recursive: true });
    writeFileSync(
      path.join(site, "search/index.html"),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>站内搜索</title></head><body>
<form action="/search/" method="get"><input id="search-input" name="q" type="search"><button type="submit">搜索</button></form>
<div class="search-results" aria-live="polite"></div><script src="/client.js"></script></body></html>`,
    );
    writeFileSync(path.join(site, "client.js"), CONTRACT_CLIENT);
    writeFileSync(path.join(site, "404.html"), "<!doctype html><title>404</title>");
    for (const query of ["针状焦", "科技创新"]) {
      writeFileSync(path.join(site, "data", `${query}.json`), JSON.stringify({ query, pad: "x".repeat(3000) }));
      writeFileSync(path.join(site, "data", `rest-${query}.json`), JSON.stringify({ query, pad: "y".repeat(3000) }));
    }
    measurement = await measureFirstSearches(site, {
      queries: FIRST_SEARCH_QUERIES.filter((query) => query.id === SECOND_SEARCH.after),
      second: SECOND_SEARCH,
      throttle: false,
      timeoutMs: 30_000,
    });
  });

  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it("takes the provisional count as the first results and data-complete as complete", () => {
    const [search] = measurement.queries;
    expect(search).toMatchObject({ results: 5, firstResults: 2, shown: "results" });
    expect(search?.completeInferred).toBeUndefined();
    expect(search?.completeMs).toBeGreaterThanOrEqual((search?.ms ?? 0) + COMPLETE_AFTER_MS / 2);
    // The page, its script and both data files by complete; the second data file arrives after the
    // first results (which side of them a request ending right at the mark falls on depends on two
    // processes' clocks, so only the order is asserted).
    expect(search?.completeRequests).toBe(4);
    expect(search?.completeRequests).toBeGreaterThan(search?.requests ?? 0);
    expect(search?.completeBytes).toBeGreaterThan(search?.bytes ?? 0);
    expect(measurement.conditions?.throttled).toBe(false);
  });

  it("measures the second query in place, by data-query, from pressing Enter", () => {
    const second = measurement.second;
    expect(second).toMatchObject({ navigated: false, query: "科技创新", results: 5, shown: "results" });
    expect(second?.completeRequests).toBe(2);
    expect(second?.requests).toBeLessThan(second?.completeRequests ?? 0);
    expect(second?.completeMs).toBeGreaterThanOrEqual((second?.ms ?? 0) + COMPLETE_AFTER_MS / 2);
  });
});
