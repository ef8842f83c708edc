/** The shapes of the result files in bench/results/ (`articles-N.json`, `search-N.json`), and the two ways one becomes another. */
import type { PeerName } from "./peers.ts";

/** One measured build: wall time of its process, peak RSS of its process tree, what it wrote. */
export interface BuildSample {
  wallMs: number;
  peakRssBytes: number;
  pages: number;
  indexedPages?: number;
  timings: Record<string, number>;
  outputBytes: number;
  outputFiles: number;
}

/** The median of each field over several runs of the same build. */
export type BuildMedian = BuildSample;

/** The weight of one article page as a reader's browser fetches it (bytes, gzipped). */
export interface PageWeight {
  url: string;
  htmlGzip: number;
  cssGzip: number;
  totalGzip: number;
  scripts: number;
  bodyTextInHtml: boolean;
}

/**
 * One query's first search in a fresh browser (bench/first-search.ts). `bytes`, `requests` and
 * `ms` are until the first results show (what they meant in result files before the split); the
 * `complete…` fields until the search is complete. Files written before 2026-12-02 have only
 * `query`, `results`, `bytes`, `pagefindBytes`, `requests` and `ms`, measured unthrottled.
 */
export interface FirstSearchSample {
  /** The query's id in bench/queries.ts and its label in the tables. */
  id?: string;
  label?: string;
  query: string;
  /** The search page's address, `/search/?q=…`. */
  url?: string;
  /** What the page showed: results, the empty message or the error message. */
  shown?: "results" | "empty" | "error";
  /** Results the page reported when it waited for the reader (约 N 条, 找到 N 条结果), or when complete. */
  results: number;
  /** The count of the first results (已找到 N 条, 约 N 条), when it differed. */
  firstResults?: number;
  /** Bytes on the wire (encoded, headers included) until the first results showed. */
  bytes: number;
  /** Of which the files under /pagefind/. */
  pagefindBytes: number;
  /** Requests that crossed the wire (not from the cache) until the first results showed. */
  requests: number;
  /** From navigation start to the first results (or the empty message) painted. */
  ms: number;
  /**
   * The `complete…` fields: everything the page fetched unasked, until it waited for the reader
   * (`data-state="idle"`, issue 24); for a client before it, until its count was exact
   * (`data-complete="true"`), which it read on for unasked.
   */
  completeBytes?: number;
  completePagefindBytes?: number;
  completeRequests?: number;
  /** From navigation start to the page waiting for the reader (or, before issue 24, the exact count) painted. */
  completeMs?: number;
  /** The count said 约 when the page waited for the reader: the presence map's number, not yet exact. */
  resultsApprox?: boolean;
  /** Requests that crossed the wire in the quiet window after the page waited for the reader (bench/next-page.ts). */
  unaskedRequests?: number;
  /** The next page of results (更多结果), when the page offered one. */
  nextPage?: NextPageSample;
  /** The page never marked its count complete: the first results were taken as complete. */
  completeInferred?: boolean;
  /** The longest main-thread task until complete (under the CPU slowdown). */
  longestTaskMs?: number;
  /** The part over 50 ms of every such task, summed. */
  blockingMs?: number;
  failedRequests?: number;
}

/** 更多结果 pressed once: from the click to the new results painted. */
export interface NextPageSample {
  ms: number;
  bytes: number;
  requests: number;
  /** Results listed then. */
  shown: number;
  /** Whether the count was exact then. */
  exact: boolean;
}

/** A second query typed into the page of a first one once that search was complete; bytes and times from pressing Enter. */
export interface SecondSearchSample {
  after: string;
  query: string;
  /** Whether the page loaded a new document (today's client) instead of searching in place. */
  navigated: boolean;
  shown: "results" | "empty" | "error";
  results: number;
  bytes: number;
  requests: number;
  ms: number;
  completeBytes: number;
  completeRequests: number;
  completeMs: number;
  completeInferred?: boolean;
  longestTaskMs: number;
  blockingMs: number;
}

/** How the first searches were measured. */
export interface SearchConditions {
  /** Slow 4G and the CPU slowdown applied through CDP (both calls succeeded). */
  throttled: boolean;
  latencyMs?: number;
  downloadKbps?: number;
  uploadKbps?: number;
  cpuSlowdown?: number;
  viewport: string;
  /** "h2" (HTTPS, HTTP/2) or "http/1.1". */
  protocol: string;
  completeGraceMs: number;
  chromium: string;
  /** What the CDN-like server answered over all the queries. */
  server: { requests: number; http2Requests: number; gzipped: number; notModified: number; bodyBytes: number };
}

/** One Lighthouse run of the search page (bench/lighthouse.ts). */
export interface LighthouseSample {
  id: string;
  label: string;
  url: string;
  lighthouse: string;
  formFactor: string;
  throttling: string;
  /** The performance score, 0–100. */
  performance: number;
  tbtMs: number;
  cls: number;
  lcpMs: number;
  fcpMs: number;
  speedIndexMs: number;
  requests: number;
  /** Requests Lighthouse saw leave the local origin (should be none). */
  offOrigin?: string[];
}

/** What bench/first-search.ts measures for one built site. */
export interface SearchMeasurement {
  conditions?: SearchConditions;
  queries: FirstSearchSample[];
  second?: SecondSearchSample;
  lighthouse?: LighthouseSample[];
}

/** Everything `npm run bench` measured for one corpus size. */
export interface SizeResult {
  articles: number;
  notices: number;
  runs: number;
  /** When the run finished (ISO 8601, UTC). */
  measuredAt?: string;
  machine: { cpus: number; memoryGiB: number; node: string; platform: string };
  corpusMs: number;
  full: BuildMedian;
  bare: BuildMedian;
  /** Full-pipeline wall time divided by bare Eleventy's (medians). */
  ratio: number;
  /** The peer stacks (bench/peers.ts), each with the full pipeline's wall time divided by its own (medians). */
  peers?: Partial<Record<PeerName, BuildMedian & { ratio: number }>>;
  pagesPerSecond: number;
  rebuild?: BuildMedian & { ratio: number };
  /** The search index stage in a process of its own (bench/index-build.ts): content validated, then the index written with no cache. */
  searchIndexAlone?: BuildMedian;
  articlePage?: PageWeight;
  /** The first search of each query of FIRST_SEARCH_QUERIES on the full build, in Chromium. */
  firstSearch?: FirstSearchSample[];
  firstSearchConditions?: SearchConditions;
  secondSearch?: SecondSearchSample;
  lighthouse?: LighthouseSample[];
  /** Real articles copied into the corpus beside the synthetic ones (harness/corpus.ts SEED_FILES). */
  seedArticles?: number;
  /** When the search figures were measured, if later than the builds (`npm run bench -- --only-search`). */
  firstSearchMeasuredAt?: string;
}

/** What `npm run bench -- --only-search` measured: one full build of the corpus and its search. */
export interface SearchOnlyResult extends SearchMeasurement {
  articles: number;
  seedArticles: number;
  measuredAt: string;
  machine: SizeResult["machine"];
  build: BuildSample;
}

/**
 * A size's result with the search figures of a later `--only-search` run of the same size in their
 * place (first searches, their conditions, the second query, Lighthouse), or of any such run when the
 * result measured no search (`--skip-first-search`); unchanged when `search` is missing or not newer
 * than the search the result holds.
 */
export function withLatestSearch(
  result: SizeResult,
  search: (SearchMeasurement & { articles: number; measuredAt: string }) | undefined,
): SizeResult {
  const held = result.firstSearch?.length ? (result.firstSearchMeasuredAt ?? result.measuredAt ?? "") : "";
  if (!search || search.articles !== result.articles || search.measuredAt <= held) return result;
  const { firstSearchConditions: _conditions, secondSearch: _second, lighthouse: _lighthouse, ...rest } = result;
  return {
    ...rest,
    firstSearch: search.queries,
    ...(search.conditions ? { firstSearchConditions: search.conditions } : {}),
    ...(search.second ? { secondSearch: search.second } : {}),
    ...(search.lighthouse ? { lighthouse: search.lighthouse } : {}),
    firstSearchMeasuredAt: search.measuredAt,
  };
}

/** The first search of a size's result, as {@link SearchMeasurement}; undefined when it was not measured. */
export function searchMeasurementOf(result: SizeResult): SearchMeasurement | undefined {
  if (!result.firstSearch || result.firstSearch.length === 0) return undefined;
  return {
    ...(result.firstSearchConditions ? { conditions: result.firstSearchConditions } : {}),
    queries: result.firstSearch,
    ...(result.secondSearch ? { second: result.secondSearch } : {}),
    ...(result.lighthouse ? { lighthouse: result.lighthouse } : {}),
  };
}
