import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import {
  addressExtras,
  type BuildSample,
  type FirstSearchSample,
  firstSearchTable,
  firstSearchVerdicts,
  type LighthouseSample,
  lighthouseTable,
  lighthouseVerdicts,
  median,
  medianSample,
  type SearchConditions,
  type SecondSearchSample,
  type SizeResult,
  scaleChart,
  searchSummaryTable,
  searchTargets,
  secondSearchTable,
  secondSearchVerdicts,
  sizeTable,
  stageNames,
  summaryTable,
  verdictText,
  withLatestSearch,
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

const KB = 1024;

/** A first search as bench/first-search.ts records it now. */
const search = (overrides: Partial<FirstSearchSample> = {}): FirstSearchSample => ({
  id: "rare",
  label: "罕见词 rare",
  query: "针状焦",
  url: "/search/?q=%E9%92%88%E7%8A%B6%E7%84%A6",
  shown: "results",
  results: 1,
  bytes: 120 * KB,
  pagefindBytes: 100 * KB,
  requests: 18,
  ms: 2100,
  completeBytes: 150 * KB,
  completePagefindBytes: 130 * KB,
  completeRequests: 22,
  completeMs: 2600,
  longestTaskMs: 120,
  blockingMs: 70,
  ...overrides,
});

/** A first search in a result file written before the split (unthrottled, no complete part). */
const oldSearch: FirstSearchSample = {
  query: "石化新材料",
  results: 8944,
  bytes: 993650,
  pagefindBytes: 973688,
  requests: 72,
  ms: 1801,
};

const second: SecondSearchSample = {
  after: "针状焦",
  query: "科技创新",
  navigated: false,
  shown: "results",
  results: 10008,
  bytes: 40 * KB,
  requests: 6,
  ms: 800,
  completeBytes: 90 * KB,
  completeRequests: 12,
  completeMs: 1500,
  longestTaskMs: 90,
  blockingMs: 40,
};

const lighthouse = (performance: number, tbtMs: number, cls: number): LighthouseSample => ({
  id: "common",
  label: "科技创新 (常见词 common)",
  url: "/search/?q=%E7%A7%91%E6%8A%80%E5%88%9B%E6%96%B0",
  lighthouse: "12.8.2",
  formFactor: "mobile",
  throttling: "simulate",
  performance,
  tbtMs,
  cls,
  lcpMs: 1800,
  fcpMs: 900,
  speedIndexMs: 1500,
  requests: 20,
});

const conditions: SearchConditions = {
  throttled: true,
  latencyMs: 150,
  downloadKbps: 1638.4,
  uploadKbps: 750,
  cpuSlowdown: 4,
  viewport: "390×844@3x",
  protocol: "h2",
  completeGraceMs: 1500,
  chromium: "156.0",
  server: { requests: 30, http2Requests: 30, gzipped: 10, notModified: 1, bodyBytes: 200000 },
};

describe("searchTargets", () => {
  it("takes the 10,000-article targets up to 10,000 and the 100,000-article ones above", () => {
    expect(searchTargets(40)).toMatchObject({ maxKB: 200, maxRequests: 30, maxFirstMs: 2500 });
    expect(searchTargets(10_000)).toMatchObject({ maxKB: 200, maxRequests: 30, maxFirstMs: 2500 });
    const large = searchTargets(100_000);
    expect(large).toMatchObject({ maxKB: 400, maxFirstMs: 3500, secondMaxKB: 100, secondMaxMs: 1000 });
    expect(large.maxRequests).toBeUndefined();
  });
});

describe("verdicts", () => {
  const at10k = searchTargets(10_000);

  it("checks bytes, requests and time until the first results show, and the longest task", () => {
    expect(firstSearchVerdicts(search(), at10k).every((verdict) => verdict.met)).toBe(true);
    // Completing the count in the background is reported, not judged.
    expect(
      firstSearchVerdicts(search({ completeBytes: 900 * KB, completeRequests: 90, completeMs: 9000 }), at10k).every(
        (verdict) => verdict.met,
      ),
    ).toBe(true);
    const slow = firstSearchVerdicts(search({ bytes: 201 * KB, requests: 31, ms: 2501 }), at10k);
    expect(slow.filter((verdict) => !verdict.met).map((verdict) => verdict.target)).toEqual([
      "≤ 200 KB",
      "≤ 30 requests",
      "≤ 2.50 s",
    ]);
    // The complete time is shown, not judged; exactly on a target is met.
    expect(
      firstSearchVerdicts(search({ bytes: 200 * KB, ms: 2500, longestTaskMs: 200 }), at10k).every(
        (verdict) => verdict.met,
      ),
    ).toBe(true);
    expect(firstSearchVerdicts(search({ longestTaskMs: 201 }), at10k).find((verdict) => !verdict.met)?.target).toBe(
      "task ≤ 200 ms",
    );
  });

  it("judges an older sample by what it has: bytes and requests until shown, no task", () => {
    const verdicts = firstSearchVerdicts(oldSearch, at10k);
    expect(verdicts.map((verdict) => [verdict.target, verdict.met])).toEqual([
      ["≤ 200 KB", false],
      ["≤ 30 requests", false],
      ["≤ 2.50 s", true],
    ]);
  });

  it("has no request target at 100,000 articles and allows 400 KB and 3.5 s", () => {
    const verdicts = firstSearchVerdicts(
      search({ completeBytes: 390 * KB, completeRequests: 80, ms: 3400 }),
      searchTargets(100_000),
    );
    expect(verdicts.every((verdict) => verdict.met)).toBe(true);
    expect(verdicts.some((verdict) => verdict.target.includes("requests"))).toBe(false);
  });

  it("checks the second query's extra bytes and time until its first results", () => {
    expect(secondSearchVerdicts(second, at10k).every((verdict) => verdict.met)).toBe(true);
    const missed = secondSearchVerdicts({ ...second, bytes: 101 * KB, ms: 1001 }, at10k).filter(
      (verdict) => !verdict.met,
    );
    expect(missed.map((verdict) => verdict.target)).toEqual(["≤ 100 KB more", "≤ 1.00 s"]);
  });

  it("checks Lighthouse's score, TBT and CLS", () => {
    expect(lighthouseVerdicts(lighthouse(90, 200, 0.1), at10k).every((verdict) => verdict.met)).toBe(true);
    expect(lighthouseVerdicts(lighthouse(89, 201, 0.11), at10k).filter((verdict) => !verdict.met)).toHaveLength(3);
  });

  it("says met, or lists what was missed", () => {
    expect(verdictText(firstSearchVerdicts(search(), at10k))).toBe("met");
    expect(verdictText(firstSearchVerdicts(search({ ms: 3100 }), at10k))).toBe("**not met**: 3.10 s (≤ 2.50 s)");
  });
});

describe("search tables", () => {
  it("puts one row per query with the first-results and complete parts and the verdict", () => {
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
    const table = firstSearchTable({ conditions, queries: [search(), filtered] }, 10_000);
    expect(table).toContain("Slow 4G through CDP (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up), CPU 4× slower");
    expect(table).toContain("HTTPS with HTTP/2");
    const rows = table.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| query"));
    expect(rows[0]).toBe("| 针状焦 (罕见词 rare) | 1 | 120 | 18 | 2.10 s | 150 | 22 | 2.60 s | 120 ms | 70 ms | met |");
    expect(rows[1]).toContain("| 科技创新 (栏目+年份 filters) `column=工作动态&year=2021` | 57 (first 20) |");
    expect(rows[1]).toContain("| 2.60 s* |");
    expect(rows[1]).toContain("**not met**: 3.00 s (≤ 2.50 s)");
    expect(table).toContain("\\* The page never marked its count complete");
  });

  it("shows dashes for what an older result file lacks, and says how it was measured", () => {
    const table = firstSearchTable({ queries: [oldSearch] }, 10_000);
    expect(table).toContain("Measured before 2026-12-02: unthrottled");
    expect(table).toContain("| 石化新材料 | 8,944 | 970 | 72 | 1.80 s | – | – | – | – | – |");
  });

  it("shows the second query in place or by a new page, and Lighthouse's rows", () => {
    expect(secondSearchTable({ queries: [], second }, 10_000)).toContain(
      "| 针状焦 → 科技创新 | 10,008 | 40 | 6 | 0.80 s | 90 | 12 | 1.50 s | 90 ms | in place | met |",
    );
    expect(secondSearchTable({ queries: [], second: { ...second, navigated: true } })).toContain(
      "new page (navigated)",
    );
    expect(secondSearchTable({ queries: [] })).toBe("");
    const table = lighthouseTable([lighthouse(95, 120, 0.02), lighthouse(70, 600, 0.2)]);
    expect(table).toContain("Lighthouse 12.8.2, mobile, simulate throttling");
    expect(table).toContain("| 科技创新 (常见词 common) | 95 | 120 ms | 0.02 | 1.80 s | 0.90 s | 1.50 s | met |");
    expect(table).toContain(
      "**not met**: performance 70 (performance ≥ 90), TBT 600 ms (TBT ≤ 200 ms), CLS 0.2 (CLS ≤ 0.1)",
    );
  });

  it("reads the filters of an address back for the table", () => {
    expect(addressExtras("/search/?q=x")).toBe("");
    expect(addressExtras(undefined)).toBe("");
    expect(addressExtras("/search/?q=x&sort=date")).toBe(" `sort=date`");
  });

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

  it("sums the sizes up: the worst query, the second query, Lighthouse and the targets, older files too", () => {
    const current: SizeResult = {
      ...result(10000, 20000, 10000),
      firstSearch: [search(), search({ id: "common", query: "科技创新", bytes: 250 * KB, requests: 22, ms: 2400 })],
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
      "| 10,000 | 2 | Slow 4G, 4× CPU | 250 KB | 22 | 2.40 s | 2.60 s | 120 ms | +40 KB, 0.80 s | 95 (TBT 120 ms, CLS 0.02) | 1 not met |",
    ]);
    expect(searchSummaryTable([result(100, 200, 100)])).toBe("");
  });
});

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
