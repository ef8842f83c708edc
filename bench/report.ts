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
  /** Results the page reported when complete (找到 N 条结果). */
  results: number;
  /** The provisional count of the first results (已找到 N 条), when it differed. */
  firstResults?: number;
  /** Bytes on the wire (encoded, headers included) until the first results showed. */
  bytes: number;
  /** Of which the files under /pagefind/. */
  pagefindBytes: number;
  /** Requests that crossed the wire (not from the cache) until the first results showed. */
  requests: number;
  /** From navigation start to the first results (or the empty message) painted. */
  ms: number;
  completeBytes?: number;
  completePagefindBytes?: number;
  completeRequests?: number;
  /** From navigation start to the complete count (data-complete="true") painted. */
  completeMs?: number;
  /** The page never marked its count complete: the first results were taken as complete. */
  completeInferred?: boolean;
  /** The longest main-thread task until complete (under the CPU slowdown). */
  longestTaskMs?: number;
  /** The part over 50 ms of every such task, summed. */
  blockingMs?: number;
  failedRequests?: number;
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

/**
 * A size's result with the search figures of a later `--only-search` run of the same size in their
 * place (first searches, their conditions, the second query, Lighthouse); unchanged when `search` is
 * missing or not newer than what the result holds.
 */
export function withLatestSearch(
  result: SizeResult,
  search: (SearchMeasurement & { articles: number; measuredAt: string }) | undefined,
): SizeResult {
  const held = result.firstSearchMeasuredAt ?? result.measuredAt ?? "";
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

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The per-field median of several build samples; a timing key missing from a run is skipped for it. */
export function medianSample(samples: readonly BuildSample[]): BuildMedian {
  const keys = [...new Set(samples.flatMap((sample) => Object.keys(sample.timings)))];
  const of = (pick: (sample: BuildSample) => number | undefined) =>
    median(samples.map(pick).filter((value): value is number => value !== undefined));
  const indexed = samples.some((sample) => sample.indexedPages !== undefined);
  return {
    wallMs: of((sample) => sample.wallMs),
    peakRssBytes: of((sample) => sample.peakRssBytes),
    pages: of((sample) => sample.pages),
    ...(indexed ? { indexedPages: of((sample) => sample.indexedPages) } : {}),
    timings: Object.fromEntries(keys.map((key) => [key, of((sample) => sample.timings[key])])),
    outputBytes: of((sample) => sample.outputBytes),
    outputFiles: of((sample) => sample.outputFiles),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const STAGES = ["validate", "search", "carryOver", "qr", "render", "publish", "cleanup"];

/** The stage names of a result in a stable order: the known stages first, then any others by name. */
export function stageNames(timings: Record<string, number>): string[] {
  const others = Object.keys(timings)
    .filter((key) => !STAGES.includes(key))
    .sort();
  return [...STAGES.filter((key) => key in timings), ...others];
}

/**
 * The targets of issue 14 for a site of `articles` articles: the 10,000-article targets up to
 * 20,000 (the issue's 10k site is 10,000 generated articles and the seed), the 100,000-article ones above.
 */
export interface SearchTargets {
  /** The label of the targets' size. */
  size: string;
  /** What the search downloads until its first results show (KiB). */
  maxKB: number;
  /** Requests until the first results show; none at 100,000. */
  maxRequests?: number;
  /** Until the first results show. */
  maxFirstMs: number;
  secondMaxKB: number;
  secondMaxMs: number;
  maxTaskMs: number;
  lighthouseMinScore: number;
  lighthouseMaxTbtMs: number;
  lighthouseMaxCls: number;
}

export function searchTargets(articles: number): SearchTargets {
  const common = {
    secondMaxKB: 100,
    secondMaxMs: 1000,
    maxTaskMs: 200,
    lighthouseMinScore: 90,
    lighthouseMaxTbtMs: 200,
    lighthouseMaxCls: 0.1,
  };
  return articles <= 20_000
    ? { size: "10,000 articles", maxKB: 200, maxRequests: 30, maxFirstMs: 2500, ...common }
    : { size: "100,000 articles", maxKB: 400, maxFirstMs: 3500, ...common };
}

/** One target checked: what was measured, against what, and whether it was met. */
export interface Verdict {
  target: string;
  value: string;
  met: boolean;
}

const kb = (bytes: number) => {
  const value = bytes / 1024;
  return value < 10 ? value.toFixed(1) : value.toFixed(0);
};

/**
 * The issue's targets for one first search, as it states them: bytes, requests and time until the
 * first results show ("≤ 200 KB downloaded, ≤ 30 requests, ≤ 2.5 s until the first results show"),
 * and the longest task of the whole search. What completing the count costs is reported beside.
 */
export function firstSearchVerdicts(sample: FirstSearchSample, targets: SearchTargets): Verdict[] {
  const bytes = sample.bytes;
  const requests = sample.requests;
  const verdicts: Verdict[] = [
    { target: `≤ ${targets.maxKB} KB`, value: `${kb(bytes)} KB`, met: bytes <= targets.maxKB * 1024 },
  ];
  if (targets.maxRequests !== undefined)
    verdicts.push({
      target: `≤ ${targets.maxRequests} requests`,
      value: `${requests} requests`,
      met: requests <= targets.maxRequests,
    });
  verdicts.push({
    target: `≤ ${seconds(targets.maxFirstMs)}`,
    value: seconds(sample.ms),
    met: sample.ms <= targets.maxFirstMs,
  });
  if (sample.longestTaskMs !== undefined)
    verdicts.push({
      target: `task ≤ ${targets.maxTaskMs} ms`,
      value: `task ${sample.longestTaskMs} ms`,
      met: sample.longestTaskMs <= targets.maxTaskMs,
    });
  return verdicts;
}

/** The second query's targets: the extra bytes and the time until its first results show, the longest task. */
export function secondSearchVerdicts(sample: SecondSearchSample, targets: SearchTargets): Verdict[] {
  return [
    {
      target: `≤ ${targets.secondMaxKB} KB more`,
      value: `${kb(sample.bytes)} KB`,
      met: sample.bytes <= targets.secondMaxKB * 1024,
    },
    { target: `≤ ${seconds(targets.secondMaxMs)}`, value: seconds(sample.ms), met: sample.ms <= targets.secondMaxMs },
    {
      target: `task ≤ ${targets.maxTaskMs} ms`,
      value: `task ${sample.longestTaskMs} ms`,
      met: sample.longestTaskMs <= targets.maxTaskMs,
    },
  ];
}

export function lighthouseVerdicts(sample: LighthouseSample, targets: SearchTargets): Verdict[] {
  return [
    {
      target: `performance ≥ ${targets.lighthouseMinScore}`,
      value: `performance ${sample.performance}`,
      met: sample.performance >= targets.lighthouseMinScore,
    },
    {
      target: `TBT ≤ ${targets.lighthouseMaxTbtMs} ms`,
      value: `TBT ${sample.tbtMs} ms`,
      met: sample.tbtMs <= targets.lighthouseMaxTbtMs,
    },
    {
      target: `CLS ≤ ${targets.lighthouseMaxCls}`,
      value: `CLS ${sample.cls}`,
      met: sample.cls <= targets.lighthouseMaxCls,
    },
  ];
}

/** "met", or "**not met**: " and each target missed as `value > target`. */
export function verdictText(verdicts: readonly Verdict[]): string {
  const missed = verdicts.filter((verdict) => !verdict.met);
  if (missed.length === 0) return "met";
  return `**not met**: ${missed.map((verdict) => `${verdict.value} (${verdict.target})`).join(", ")}`;
}

/** The sentence that says how the first searches were measured. */
export function conditionsText(conditions: SearchConditions | undefined): string {
  if (!conditions)
    return "Measured before 2026-12-02: unthrottled, desktop viewport, HTTP/1.1, bytes estimated from the bodies; a fresh Chromium profile per query.";
  const network = conditions.throttled
    ? `Slow 4G through CDP (${conditions.latencyMs} ms latency, ${((conditions.downloadKbps ?? 0) / 1024).toFixed(1)} Mbit/s down, ${conditions.uploadKbps} kbit/s up), CPU ${conditions.cpuSlowdown}× slower`
    : "**no throttling** (the machine's own network and CPU)";
  const server = conditions.server;
  return (
    `Chromium ${conditions.chromium}, a fresh profile per query, ${conditions.viewport}; ${network}; ` +
    `served like the CDN: ${conditions.protocol === "h2" ? "HTTPS with HTTP/2" : "HTTP/1.1"}, text gzipped, Pagefind's files as written, the site's \`_headers\` ` +
    `(${server.requests} requests, ${server.http2Requests} over HTTP/2, ${server.gzipped} gzipped, ${server.notModified} answered 304). ` +
    "Bytes are Chromium's encoded sizes (`encodedDataLength`: body as sent plus headers), requests those that crossed the wire."
  );
}

const dash = "–";
const optionalSeconds = (ms: number | undefined) => (ms === undefined ? dash : seconds(ms));
const optionalKb = (bytes: number | undefined) => (bytes === undefined ? dash : kb(bytes));

/** The filters and sort of a search address after its query, readable: ` column=工作动态&year=2021`. */
export function addressExtras(url: string | undefined): string {
  const extras = /^\/search\/\?q=[^&]*&(.+)$/.exec(url ?? "")?.[1];
  return extras ? ` \`${decodeURIComponent(extras)}\`` : "";
}

/** The first-search table of one size: one row per query, first results and complete, the longest task, the targets. */
export function firstSearchTable(measurement: SearchMeasurement, articles: number): string {
  const targets = searchTargets(articles);
  const inferred = measurement.queries.some((sample) => sample.completeInferred);
  const lines = [
    `First search on a phone, ${articles.toLocaleString("en-US")} articles. ${conditionsText(measurement.conditions)}`,
    "",
    `Targets of issue 14 (${targets.size}): until the first results show ≤ ${targets.maxKB} KB${targets.maxRequests !== undefined ? ` and ≤ ${targets.maxRequests} requests` : ""} and ≤ ${seconds(targets.maxFirstMs)}, no main-thread task over ${targets.maxTaskMs} ms (under the CPU slowdown).`,
    "",
    "| query | results | first results: KB | requests | time | complete: KB | requests | time | longest task | blocking > 50 ms | targets |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...measurement.queries
      .map((sample) =>
        [
          `${sample.query}${sample.label ? ` (${sample.label})` : ""}${addressExtras(sample.url)}`,
          `${sample.shown === "error" ? "error " : ""}${sample.results.toLocaleString("en-US")}${sample.firstResults !== undefined ? ` (first ${sample.firstResults.toLocaleString("en-US")})` : ""}`,
          kb(sample.bytes),
          sample.requests,
          seconds(sample.ms),
          optionalKb(sample.completeBytes),
          sample.completeRequests ?? dash,
          `${optionalSeconds(sample.completeMs)}${sample.completeInferred ? "*" : ""}`,
          sample.longestTaskMs === undefined ? dash : `${sample.longestTaskMs} ms`,
          sample.blockingMs === undefined ? dash : `${sample.blockingMs} ms`,
          verdictText(firstSearchVerdicts(sample, targets)),
        ].join(" | "),
      )
      .map((row) => `| ${row} |`),
  ];
  if (inferred)
    lines.push(
      "",
      `\\* The page never marked its count complete (\`data-complete\`, today's client): its first results were taken as complete after ${measurement.conditions?.completeGraceMs ?? "a"} ms without the mark.`,
    );
  return `${lines.join("\n")}\n`;
}

/** The second query's row: extra bytes, requests and time from pressing Enter, in place or by a new page. */
export function secondSearchTable(measurement: SearchMeasurement, articles = 10_000): string {
  const second = measurement.second;
  if (!second) return "";
  const targets = searchTargets(articles);
  return `${[
    `Second query in the same page, typed into the search box once the first search was complete (targets: ≤ ${targets.secondMaxKB} KB more, results ≤ ${seconds(targets.secondMaxMs)}):`,
    "",
    "| first → second | results | first results: +KB | +requests | time | complete: +KB | +requests | time | longest task | page | targets |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    `| ${second.after} → ${second.query} | ${second.results.toLocaleString("en-US")} | ${kb(second.bytes)} | ${second.requests} | ${seconds(second.ms)} | ${kb(second.completeBytes)} | ${second.completeRequests} | ${seconds(second.completeMs)}${second.completeInferred ? "*" : ""} | ${second.longestTaskMs} ms | ${second.navigated ? "new page (navigated)" : "in place"} | ${verdictText(secondSearchVerdicts(second, targets))} |`,
  ].join("\n")}\n`;
}

/** Lighthouse's mobile runs of the search page. */
export function lighthouseTable(samples: readonly LighthouseSample[]): string {
  if (samples.length === 0) return "";
  const targets = searchTargets(10_000);
  const first = samples[0] as LighthouseSample;
  return `${[
    `Lighthouse ${first.lighthouse}, ${first.formFactor}, ${first.throttling} throttling (Slow 4G, 4× CPU), the search page (targets: performance ≥ ${targets.lighthouseMinScore}, TBT ≤ ${targets.lighthouseMaxTbtMs} ms, CLS ≤ ${targets.lighthouseMaxCls}):`,
    "",
    "| search page | performance | TBT | CLS | LCP | FCP | Speed Index | targets |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    ...samples.map(
      (sample) =>
        `| ${sample.label} | ${sample.performance} | ${sample.tbtMs} ms | ${sample.cls} | ${seconds(sample.lcpMs)} | ${seconds(sample.fcpMs)} | ${seconds(sample.speedIndexMs)} | ${verdictText(lighthouseVerdicts(sample, targets))}${sample.offOrigin ? `; requests off the local origin: ${sample.offOrigin.join(" ")}` : ""} |`,
    ),
  ].join("\n")}\n`;
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

/** A Markdown report of one size: stages, memory, throughput, output, ratio and page weight. */
export function sizeTable(result: SizeResult): string {
  const { full, bare } = result;
  const lines = [
    `### ${result.articles.toLocaleString("en-US")} articles${result.seedArticles ? ` + ${result.seedArticles} seed article` : ""}, ${result.notices.toLocaleString("en-US")} notices (median of ${result.runs} run${result.runs > 1 ? "s" : ""})`,
    "",
    "| | full pipeline | bare Eleventy |",
    "|---|---:|---:|",
    `| wall time | ${seconds(full.wallMs)} | ${seconds(bare.wallMs)} |`,
    ...stageNames(full.timings).map(
      (stage) =>
        `| – ${stage} | ${seconds(full.timings[stage] as number)} | ${stage in bare.timings ? seconds(bare.timings[stage] as number) : ""} |`,
    ),
    `| peak memory (RSS, process tree) | ${megabytes(full.peakRssBytes)} | ${megabytes(bare.peakRssBytes)} |`,
    `| pages written | ${full.pages} | ${bare.pages} |`,
    `| pages per second | ${Math.round(result.pagesPerSecond)} | ${Math.round(bare.pages / (bare.wallMs / 1000))} |`,
    `| output files | ${full.outputFiles} | ${bare.outputFiles} |`,
    `| output size | ${megabytes(full.outputBytes)} | ${megabytes(bare.outputBytes)} |`,
    `| **full / bare** | **${result.ratio.toFixed(2)}** | |`,
  ];
  if (result.rebuild) {
    lines.push(
      `| rebuild after one article changed (caches kept) | ${seconds(result.rebuild.wallMs)}, ${megabytes(result.rebuild.peakRssBytes)} | |`,
      `| **rebuild / bare** | **${result.rebuild.ratio.toFixed(2)}** | |`,
    );
  }
  if (result.searchIndexAlone) {
    const alone = result.searchIndexAlone;
    lines.push(
      `| search index stage on its own, no cache (${alone.pages} pages) | ${seconds(alone.timings.search ?? alone.wallMs)} (process ${seconds(alone.wallMs)}), ${megabytes(alone.peakRssBytes)} | |`,
    );
  }
  if (result.articlePage) {
    const page = result.articlePage;
    lines.push(
      "",
      `Article page ${page.url}: HTML ${(page.htmlGzip / 1024).toFixed(1)} KB + CSS ${(page.cssGzip / 1024).toFixed(1)} KB gzipped = **${(page.totalGzip / 1024).toFixed(1)} KB** (QR inline in the HTML); ${page.scripts} script element(s), body text in the HTML: ${page.bodyTextInHtml ? "yes" : "no"}.`,
    );
  }
  const search = searchMeasurementOf(result);
  if (search) {
    lines.push("", firstSearchTable(search, result.articles).trimEnd());
    if (search.second) lines.push("", secondSearchTable(search, result.articles).trimEnd());
  }
  if (result.lighthouse && result.lighthouse.length > 0) lines.push("", lighthouseTable(result.lighthouse).trimEnd());
  lines.push(
    "",
    `Machine: ${result.machine.cpus} CPUs, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}, ${result.machine.platform}. Corpus generated in ${seconds(result.corpusMs)}.`,
  );
  return `${lines.join("\n")}\n`;
}

/** A Markdown table with one row per corpus size, smallest first. */
export function summaryTable(results: readonly SizeResult[]): string {
  const sorted = [...results].sort((a, b) => a.articles - b.articles);
  const rows = sorted.map((result) =>
    [
      result.articles.toLocaleString("en-US"),
      result.runs,
      seconds(result.full.wallMs),
      megabytes(result.full.peakRssBytes),
      seconds(result.bare.wallMs),
      megabytes(result.bare.peakRssBytes),
      result.ratio.toFixed(2),
      result.rebuild ? `${seconds(result.rebuild.wallMs)} (${result.rebuild.ratio.toFixed(2)})` : "–",
      Math.round(result.pagesPerSecond),
      result.full.outputFiles,
      megabytes(result.full.outputBytes),
    ].join(" | "),
  );
  return [
    "| articles | runs | full | full peak | bare Eleventy | bare peak | full / bare | rebuild (/ bare) | pages/s | files | output |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((row) => `| ${row} |`),
    "",
  ].join("\n");
}

/**
 * One row per size that measured the first search: the worst query for each figure, the second
 * query, Lighthouse, and whether every target of issue 14 was met. Empty when no size has one.
 */
export function searchSummaryTable(results: readonly SizeResult[]): string {
  const rows = [...results]
    .sort((a, b) => a.articles - b.articles)
    .flatMap((result) => {
      const search = searchMeasurementOf(result);
      if (!search) return [];
      const targets = searchTargets(result.articles);
      const queries = search.queries;
      const most = (pick: (sample: FirstSearchSample) => number | undefined) => {
        const values = queries.map(pick).filter((value): value is number => value !== undefined);
        return values.length > 0 ? Math.max(...values) : undefined;
      };
      const verdicts = [
        ...queries.flatMap((sample) => firstSearchVerdicts(sample, targets)),
        ...(search.second ? secondSearchVerdicts(search.second, targets) : []),
        ...(search.lighthouse ?? []).flatMap((sample) => lighthouseVerdicts(sample, targets)),
      ];
      const wholeKb = most((sample) => sample.bytes);
      const task = most((sample) => sample.longestTaskMs);
      return [
        [
          result.articles.toLocaleString("en-US"),
          queries.length,
          search.conditions?.throttled ? "Slow 4G, 4× CPU" : "unthrottled",
          wholeKb === undefined ? dash : `${kb(wholeKb)} KB`,
          most((sample) => sample.requests) ?? dash,
          seconds(most((sample) => sample.ms) ?? Number.NaN),
          optionalSeconds(most((sample) => sample.completeMs)),
          task === undefined ? dash : `${task} ms`,
          search.second ? `+${kb(search.second.bytes)} KB, ${seconds(search.second.ms)}` : dash,
          search.lighthouse && search.lighthouse.length > 0
            ? search.lighthouse
                .map((sample) => `${sample.performance} (TBT ${sample.tbtMs} ms, CLS ${sample.cls})`)
                .join("; ")
            : dash,
          verdicts.every((verdict) => verdict.met)
            ? "all met"
            : `${verdicts.filter((verdict) => !verdict.met).length} not met`,
        ].join(" | "),
      ];
    });
  if (rows.length === 0) return "";
  return [
    "| articles | queries | network | most KB (first results) | most requests | slowest first results | slowest complete | longest task | second query | Lighthouse | issue 14 targets |",
    "|---:|---:|---|---:|---:|---:|---:|---:|---|---|---|",
    ...rows.map((row) => `| ${row} |`),
    "",
  ].join("\n");
}

const WIDTH = 320;
const HEIGHT = 220;
const MARGIN = { left: 52, right: 12, top: 28, bottom: 36 };

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * step >= value) return factor * step;
  return 10 * step;
}

function panel(
  title: string,
  unit: string,
  sizes: number[],
  series: { label: string; color: string; values: number[] }[],
  offsetX: number,
): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const yMax = niceMax(Math.max(...series.flatMap((entry) => entry.values)));
  const logMin = Math.log10(Math.min(...sizes));
  const logMax = Math.log10(Math.max(...sizes));
  const x = (size: number) =>
    MARGIN.left + (logMax === logMin ? plotWidth / 2 : ((Math.log10(size) - logMin) / (logMax - logMin)) * plotWidth);
  const y = (value: number) => MARGIN.top + plotHeight - (value / yMax) * plotHeight;
  const round = (value: number) => Math.round(value * 10) / 10;
  const parts = [
    `<g transform="translate(${offsetX} 0)">`,
    `<text x="${MARGIN.left}" y="16" font-weight="bold">${title}</text>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${MARGIN.left + plotWidth}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
  ];
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const value = yMax * fraction;
    parts.push(
      `<line x1="${MARGIN.left}" y1="${round(y(value))}" x2="${MARGIN.left + plotWidth}" y2="${round(y(value))}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 4}" y="${round(y(value) + 4)}" text-anchor="end">${Number(value.toPrecision(3))}</text>`,
    );
  }
  for (const size of sizes)
    parts.push(
      `<text x="${round(x(size))}" y="${MARGIN.top + plotHeight + 14}" text-anchor="middle">${size >= 1000 ? `${size / 1000}k` : size}</text>`,
    );
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 4}" text-anchor="middle">articles (log scale); ${unit}</text>`,
  );
  series.forEach((entry, index) => {
    const points = sizes.map((size, at) => `${round(x(size))},${round(y(entry.values[at] as number))}`);
    parts.push(`<polyline fill="none" stroke="${entry.color}" stroke-width="2" points="${points.join(" ")}"/>`);
    for (const point of points) {
      const [cx, cy] = point.split(",");
      parts.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${entry.color}"/>`);
    }
    parts.push(
      `<rect x="${MARGIN.left + 8}" y="${MARGIN.top + 4 + index * 14}" width="10" height="3" fill="${entry.color}"/>`,
      `<text x="${MARGIN.left + 22}" y="${MARGIN.top + 9 + index * 14}">${entry.label}</text>`,
    );
  });
  parts.push("</g>");
  return parts.join("\n");
}

/** An SVG chart of wall time and peak memory against corpus size, full pipeline and bare Eleventy. */
export function scaleChart(results: readonly SizeResult[]): string {
  const sorted = [...results].sort((a, b) => a.articles - b.articles);
  const sizes = sorted.map((result) => result.articles);
  const fullAndBare = (value: (sample: BuildSample) => number) => [
    { label: "full pipeline", color: "#b3261e", values: sorted.map((result) => value(result.full)) },
    { label: "bare Eleventy", color: "#1f5fa8", values: sorted.map((result) => value(result.bare)) },
  ];
  const time = panel(
    "Build time",
    "seconds",
    sizes,
    fullAndBare((sample) => sample.wallMs / 1000),
    0,
  );
  const memory = panel(
    "Peak memory",
    "MB (RSS)",
    sizes,
    fullAndBare((sample) => sample.peakRssBytes / 1048576),
    WIDTH,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * WIDTH}" height="${HEIGHT}" viewBox="0 0 ${2 * WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    "<title>npm run bench: build time and peak memory against the number of articles</title>",
    `<rect width="${2 * WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    time,
    memory,
    "</svg>",
    "",
  ].join("\n");
}
