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

/** One query's first search in a fresh browser (bench/first-search.ts). */
export interface FirstSearchSample {
  query: string;
  /** Results the page reported (找到 N 条结果). */
  results: number;
  /** Everything downloaded for the search page and the search, bytes on the wire. */
  bytes: number;
  /** Of which the files under /pagefind/. */
  pagefindBytes: number;
  requests: number;
  /** From navigation to the results list (or the empty message) on screen. */
  ms: number;
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

/** A Markdown report of one size: stages, memory, throughput, output, ratio and page weight. */
export function sizeTable(result: SizeResult): string {
  const { full, bare } = result;
  const lines = [
    `### ${result.articles.toLocaleString("en-US")} articles, ${result.notices.toLocaleString("en-US")} notices (median of ${result.runs} run${result.runs > 1 ? "s" : ""})`,
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
  if (result.firstSearch && result.firstSearch.length > 0) {
    lines.push(
      "",
      "First search in a fresh Chromium profile (text gzipped as a CDN serves it, Pagefind's files as written):",
      "",
      "| query | results | downloaded | of which /pagefind/ | requests | until shown |",
      "|---|---:|---:|---:|---:|---:|",
      ...result.firstSearch.map(
        (search) =>
          `| ${search.query} | ${search.results} | ${(search.bytes / 1024).toFixed(0)} KB | ${(search.pagefindBytes / 1024).toFixed(0)} KB | ${search.requests} | ${seconds(search.ms)} |`,
      ),
    );
  }
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
