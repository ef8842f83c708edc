/** The Markdown report of one size (`articles-N.md`) and the summary of every size (`summary.md`). */
import { DASH, megabytes, seconds } from "./format.ts";
import { PEER_LABELS, PEERS } from "./peers.ts";
import { type SizeResult, searchMeasurementOf } from "./results.ts";
import {
  firstSearchTable,
  lighthouseTable,
  searchSummaryCells,
  searchSummaryTable,
  secondSearchTable,
} from "./search-tables.ts";

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
  for (const peer of PEERS) {
    const measured = result.peers?.[peer];
    if (!measured) continue;
    const { render, search } = measured.timings;
    lines.push(
      `| ${PEER_LABELS[peer]} (generator ${seconds(render ?? 0)}, Pagefind CLI ${seconds(search ?? 0)}) | ${seconds(measured.wallMs)}, ${megabytes(measured.peakRssBytes)} | |`,
      `| **full / ${PEER_LABELS[peer]}** | **${measured.ratio.toFixed(2)}** | |`,
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

/** The text of `summary.md`: the builds of every size, then the first searches of the sizes that measured them. */
export function summaryReport(results: readonly SizeResult[]): string {
  const search = searchSummaryTable(results);
  return search ? `${summaryTable(results)}\n${search}` : summaryTable(results);
}

/**
 * The compact table of every size for docs/scale.md: the builds' times, their ratio and peak memory,
 * and the first search's worst figures, Lighthouse and issue 24's targets (dashes where a size did
 * not measure the search).
 */
export function docsResultsTable(results: readonly SizeResult[]): string {
  const rows = [...results]
    .sort((a, b) => a.articles - b.articles)
    .map((result) => {
      const search = searchMeasurementOf(result);
      const cells = search ? searchSummaryCells(search, result.articles) : undefined;
      return [
        result.articles.toLocaleString("en-US"),
        result.runs,
        seconds(result.full.wallMs),
        seconds(result.bare.wallMs),
        result.ratio.toFixed(2),
        ...PEERS.map((peer) => result.peers?.[peer]?.ratio.toFixed(2) ?? DASH),
        megabytes(result.full.peakRssBytes),
        cells?.network ?? DASH,
        cells?.mostKb ?? DASH,
        cells?.slowestFirst ?? DASH,
        cells?.slowestComplete ?? DASH,
        cells?.lighthouse ?? DASH,
        cells?.targets ?? DASH,
      ].join(" | ");
    });
  return [
    "| articles | runs | full build | bare Eleventy | full / bare | full / (Eleventy + Pagefind) | full / (Hugo + Pagefind) | peak memory | search network | search: most KB until the reader acts | slowest first results | slowest until the reader acts | Lighthouse | issue 24 targets |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---|",
    ...rows.map((row) => `| ${row} |`),
    "",
  ].join("\n");
}
