/** The Markdown tables of the search measurements: first searches, the second query, Lighthouse, and their summary. */
import { DASH, kb, optionalKb, optionalSeconds, seconds } from "./format.ts";
import { QUIET_MS } from "./next-page.ts";
import {
  type FirstSearchSample,
  type LighthouseSample,
  type SearchConditions,
  type SearchMeasurement,
  type SearchOnlyResult,
  type SizeResult,
  searchMeasurementOf,
} from "./results.ts";
import {
  firstSearchVerdicts,
  lighthouseVerdicts,
  searchTargets,
  secondSearchVerdicts,
  verdictText,
} from "./targets.ts";

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

/** The filters and sort of a search address after its query, readable: ` column=工作动态&year=2021`. */
export function addressExtras(url: string | undefined): string {
  const extras = /^\/search\/\?q=[^&]*&(.+)$/.exec(url ?? "")?.[1];
  return extras ? ` \`${decodeURIComponent(extras)}\`` : "";
}

/** The results cell: the count the page showed (约 when not yet exact), and the first results' count when it differed. */
function resultsCell(sample: FirstSearchSample): string {
  const count = `${sample.resultsApprox ? "约 " : ""}${sample.results.toLocaleString("en-US")}`;
  const first = sample.firstResults !== undefined ? ` (first ${sample.firstResults.toLocaleString("en-US")})` : "";
  return `${sample.shown === "error" ? "error " : ""}${count}${first}`;
}

/**
 * The first-search table of one size: one row per query, first results and everything until the
 * reader acts, the requests nobody asked for after that, the next page, the longest task, the targets.
 */
export function firstSearchTable(measurement: SearchMeasurement, articles: number): string {
  const targets = searchTargets(articles);
  const inferred = measurement.queries.some((sample) => sample.completeInferred);
  const lines = [
    `First search on a phone, ${articles.toLocaleString("en-US")} articles. ${conditionsText(measurement.conditions)}`,
    "",
    `Targets of issue 24 (${targets.size}): everything the page fetches until the reader acts (first results, the rest of the first page, the count) ≤ ${targets.maxKB} KB and ≤ ${targets.maxRequests} requests, first results ≤ ${seconds(targets.maxFirstMs)}, no request after that unasked (watched ${seconds(QUIET_MS)}), the next page (更多结果) ≤ ${seconds(targets.nextPageMaxMs)}, no main-thread task over ${targets.maxTaskMs} ms (under the CPU slowdown). "Until the reader acts" ends when the page waits for the reader (\`data-state="idle"\`; for a client before issue 24, when its count was exact).`,
    "",
    "| query | results | first results: KB | requests | time | until the reader acts: KB | requests | time | unasked after | next page: time | KB | requests | longest task | blocking > 50 ms | targets |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...measurement.queries
      .map((sample) =>
        [
          `${sample.query}${sample.label ? ` (${sample.label})` : ""}${addressExtras(sample.url)}`,
          resultsCell(sample),
          kb(sample.bytes),
          sample.requests,
          seconds(sample.ms),
          optionalKb(sample.completeBytes),
          sample.completeRequests ?? DASH,
          `${optionalSeconds(sample.completeMs)}${sample.completeInferred ? "*" : ""}`,
          sample.unaskedRequests ?? DASH,
          sample.nextPage ? seconds(sample.nextPage.ms) : DASH,
          sample.nextPage ? kb(sample.nextPage.bytes) : DASH,
          sample.nextPage ? sample.nextPage.requests : DASH,
          sample.longestTaskMs === undefined ? DASH : `${sample.longestTaskMs} ms`,
          sample.blockingMs === undefined ? DASH : `${sample.blockingMs} ms`,
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
    `Second query in the same page, typed into the search box once the first search waited for the reader (targets: ≤ ${targets.secondMaxKB} KB more until it waits again, results ≤ ${seconds(targets.secondMaxMs)}):`,
    "",
    "| first → second | results | first results: +KB | +requests | time | until the reader acts: +KB | +requests | time | longest task | page | targets |",
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

/** The report of a `--only-search` run (`search-N.md`): its heading, then the first-search, second-query and Lighthouse tables. */
export function searchOnlyReport(result: SearchOnlyResult): string {
  return [
    `### First search, ${result.articles.toLocaleString("en-US")} articles + ${result.seedArticles} seed article (one full build: ${(result.build.wallMs / 1000).toFixed(2)} s)`,
    "",
    firstSearchTable(result, result.articles),
    ...(result.second ? [secondSearchTable(result, result.articles)] : []),
    ...(result.lighthouse ? [lighthouseTable(result.lighthouse)] : []),
  ].join("\n");
}

/** One size's search figures as the summaries show them: the worst query for each, the second query, Lighthouse, the targets. */
export interface SearchSummaryCells {
  queries: string;
  network: string;
  mostKb: string;
  mostRequests: string;
  slowestFirst: string;
  slowestComplete: string;
  longestTask: string;
  second: string;
  lighthouse: string;
  /** "all met", or how many of issue 24's targets were missed. */
  targets: string;
}

/** The summary cells of the search of a site of `articles` articles. */
export function searchSummaryCells(search: SearchMeasurement, articles: number): SearchSummaryCells {
  const targets = searchTargets(articles);
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
  const wholeKb = most((sample) => sample.completeBytes ?? sample.bytes);
  const task = most((sample) => sample.longestTaskMs);
  const missed = verdicts.filter((verdict) => !verdict.met).length;
  return {
    queries: String(queries.length),
    network: search.conditions?.throttled ? "Slow 4G, 4× CPU" : "unthrottled",
    mostKb: wholeKb === undefined ? DASH : `${kb(wholeKb)} KB`,
    mostRequests: String(most((sample) => sample.completeRequests ?? sample.requests) ?? DASH),
    slowestFirst: seconds(most((sample) => sample.ms) ?? Number.NaN),
    slowestComplete: optionalSeconds(most((sample) => sample.completeMs)),
    longestTask: task === undefined ? DASH : `${task} ms`,
    second: search.second ? `+${kb(search.second.completeBytes)} KB, ${seconds(search.second.ms)}` : DASH,
    lighthouse:
      search.lighthouse && search.lighthouse.length > 0
        ? search.lighthouse
            .map((sample) => `${sample.performance} (TBT ${sample.tbtMs} ms, CLS ${sample.cls})`)
            .join("; ")
        : DASH,
    targets: missed === 0 ? "all met" : `${missed} not met`,
  };
}

/**
 * One row per size that measured the first search: the worst query for each figure, the second
 * query, Lighthouse, and whether every target of issue 24 was met. Empty when no size has one.
 */
export function searchSummaryTable(results: readonly SizeResult[]): string {
  const rows = [...results]
    .sort((a, b) => a.articles - b.articles)
    .flatMap((result) => {
      const search = searchMeasurementOf(result);
      if (!search) return [];
      const cells = searchSummaryCells(search, result.articles);
      return [
        [
          result.articles.toLocaleString("en-US"),
          cells.queries,
          cells.network,
          cells.mostKb,
          cells.mostRequests,
          cells.slowestFirst,
          cells.slowestComplete,
          cells.longestTask,
          cells.second,
          cells.lighthouse,
          cells.targets,
        ].join(" | "),
      ];
    });
  if (rows.length === 0) return "";
  return [
    "| articles | queries | network | most KB (until the reader acts) | most requests | slowest first results | slowest until the reader acts | longest task | second query | Lighthouse | issue 24 targets |",
    "|---:|---:|---|---:|---:|---:|---:|---:|---|---|---|",
    ...rows.map((row) => `| ${row} |`),
    "",
  ].join("\n");
}
