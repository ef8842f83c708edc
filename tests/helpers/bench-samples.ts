/** Bench results to test the bench's tables against: builds, first searches as recorded now and before the split, a second query, Lighthouse runs, the conditions. */
import type {
  BuildSample,
  FirstSearchSample,
  LighthouseSample,
  SearchConditions,
  SecondSearchSample,
  SizeResult,
} from "../../bench/results.ts";

/** A build sample whose peak memory grows with its time. */
export const sample = (wallMs: number, timings: Record<string, number>): BuildSample => ({
  wallMs,
  peakRssBytes: wallMs * 1000,
  pages: 10,
  timings,
  outputBytes: 100,
  outputFiles: 12,
});

/** A size's result with one run of each build and no search. */
export const result = (articles: number, fullMs: number, bareMs: number): SizeResult => ({
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

export const KB = 1024;

/** A first search as bench/first-search.ts records it now. */
export const search = (overrides: Partial<FirstSearchSample> = {}): FirstSearchSample => ({
  id: "rare",
  label: "罕见词 rare",
  query: "针状焦",
  url: "/search/?q=%E9%92%88%E7%8A%B6%E7%84%A6",
  shown: "results",
  results: 1,
  bytes: 120 * KB,
  pagefindBytes: 100 * KB,
  requests: 18,
  ms: 1900,
  completeBytes: 150 * KB,
  completePagefindBytes: 130 * KB,
  completeRequests: 22,
  completeMs: 2600,
  unaskedRequests: 0,
  longestTaskMs: 120,
  blockingMs: 70,
  ...overrides,
});

/** A first search in a result file written before the split (unthrottled, no complete part). */
export const oldSearch: FirstSearchSample = {
  query: "石化新材料",
  results: 8944,
  bytes: 993650,
  pagefindBytes: 973688,
  requests: 72,
  ms: 1801,
};

/** The second query, in place. */
export const second: SecondSearchSample = {
  after: "针状焦",
  query: "科技创新",
  navigated: false,
  shown: "results",
  results: 10008,
  bytes: 40 * KB,
  requests: 6,
  ms: 800,
  completeBytes: 70 * KB,
  completeRequests: 12,
  completeMs: 1500,
  longestTaskMs: 90,
  blockingMs: 40,
};

/** A Lighthouse run of the common query. */
export const lighthouse = (performance: number, tbtMs: number, cls: number): LighthouseSample => ({
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

/** Slow 4G over HTTP/2, as the bench measures now. */
export const conditions: SearchConditions = {
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
