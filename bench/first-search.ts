/**
 * The first search on a built site as a reader on a phone meets it (issues 14 and 24): Chromium with a
 * fresh profile per query, Slow 4G through the DevTools protocol (Lighthouse's mobile profile:
 * 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), the CPU four times slower, a phone viewport,
 * the site served as the CDN serves it (HTTP/2, text gzipped, Pagefind's files as written, the
 * headers of `_headers`). Per query: bytes and requests on the wire and the time until the first
 * results show and until the page waits for the reader, the requests nobody asked for after that,
 * the next page of results (更多结果), the longest main-thread task; then a second query typed into
 * the same page.
 *
 * On a built site: `npx tsx bench/first-search.ts <site-dir>` prints the table (see --help).
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type CdnStats, serveSite } from "../harness/static-server.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";
import { measureFirstQuery } from "./first-query.ts";
import { runLighthouseSet } from "./lighthouse.ts";
import { COMPLETE_GRACE_MS, pageProbe } from "./page-probe.ts";
import { launchPhoneChromium, PHONE, phoneContext, SLOW_4G } from "./phone.ts";
import { FIRST_SEARCH_QUERIES, LIGHTHOUSE_QUERIES, SECOND_SEARCH, type SearchQuery, selectQueries } from "./queries.ts";
import { requestLister } from "./request-log.ts";
import type { FirstSearchSample, SearchConditions, SearchMeasurement, SecondSearchSample } from "./results.ts";
import { firstSearchTable, lighthouseTable, secondSearchTable } from "./search-tables.ts";
import { measureSecondQuery } from "./second-query.ts";

/** What {@link measureFirstSearches} measures, and how. */
export interface FirstSearchOptions {
  queries?: readonly SearchQuery[];
  /** The second query, typed in the page of the query whose id is `after`; null for none. */
  second?: { after: string; query: string } | null;
  /** Slow 4G and the CPU slowdown (default); false measures at the machine's own speed. */
  throttle?: boolean;
  /** HTTPS with HTTP/2 as production (default); false serves HTTP/1.1. */
  http2?: boolean;
  completeGraceMs?: number;
  /** Per mark (first results, waiting for the reader) of each query; default 5 minutes (a 100k archive with a heavy client). */
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Log every request of every search (with `log`). */
  listRequests?: boolean;
}

/**
 * Serves the site in `siteDir` like the CDN and measures each query in a fresh phone context,
 * the second query in the page of the query it follows.
 */
export async function measureFirstSearches(
  siteDir: string,
  options: FirstSearchOptions = {},
): Promise<SearchMeasurement> {
  const queries = options.queries ?? FIRST_SEARCH_QUERIES;
  const second = options.second === undefined ? SECOND_SEARCH : options.second;
  const throttle = options.throttle ?? true;
  const http2 = options.http2 ?? true;
  const graceMs = options.completeGraceMs ?? COMPLETE_GRACE_MS;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const lister = options.listRequests && options.log ? requestLister(options.log) : undefined;
  const probe = await pageProbe({ graceMs });
  const server = await serveSite(siteDir, { cdn: true, http2 });
  const browser = await launchPhoneChromium(server.spki);
  try {
    const samples: FirstSearchSample[] = [];
    let secondSample: SecondSearchSample | undefined;
    let throttled = throttle;
    for (const spec of queries) {
      const phone = await phoneContext(browser, throttle, probe);
      throttled &&= phone.throttled;
      try {
        const { sample, complete } = await measureFirstQuery(phone, spec, server.origin, timeoutMs, lister);
        samples.push(sample);
        options.log?.(
          `  first search ${spec.query} (${spec.id}): ${sample.results} results; first ${(sample.bytes / 1024).toFixed(0)} KB, ${sample.requests} requests, ${sample.ms} ms; until the reader acts ${((sample.completeBytes ?? 0) / 1024).toFixed(0)} KB, ${sample.completeRequests} requests, ${sample.completeMs} ms; ${sample.unaskedRequests} unasked after; next page ${sample.nextPage ? `${sample.nextPage.ms} ms, ${(sample.nextPage.bytes / 1024).toFixed(0)} KB` : "none"}; longest task ${sample.longestTaskMs} ms`,
        );
        if (second && second.after === spec.id) {
          secondSample = await measureSecondQuery(phone, spec.query, second.query, complete, timeoutMs, lister);
          options.log?.(
            `  second search ${second.query} after ${spec.query}: ${secondSample.results} results, +${(secondSample.completeBytes / 1024).toFixed(0)} KB, ${secondSample.ms} ms${secondSample.navigated ? " (navigated)" : ""}`,
          );
        }
        if (phone.log.failed > 0) sample.failedRequests = phone.log.failed;
      } finally {
        await phone.context.close();
      }
    }
    const conditions: SearchConditions = {
      throttled,
      ...(throttled
        ? {
            latencyMs: SLOW_4G.latencyMs,
            downloadKbps: SLOW_4G.downloadKbps,
            uploadKbps: SLOW_4G.uploadKbps,
            cpuSlowdown: SLOW_4G.cpuSlowdown,
          }
        : {}),
      viewport: `${PHONE.viewport.width}×${PHONE.viewport.height}@${PHONE.deviceScaleFactor}x`,
      protocol: http2 ? "h2" : "http/1.1",
      completeGraceMs: graceMs,
      chromium: browser.version(),
      server: { ...(server.stats as CdnStats) },
    };
    return { conditions, queries: samples, ...(secondSample ? { second: secondSample } : {}) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The number of article pages of a built site (`/articles/<year>/<slug>/`), for the issue's targets. */
export function countArticlePages(siteDir: string): number {
  const folder = path.join(siteDir, "articles");
  if (!existsSync(folder)) return 0;
  return readdirSync(folder, { withFileTypes: true })
    .filter((year) => year.isDirectory())
    .reduce(
      (sum, year) =>
        sum +
        readdirSync(path.join(folder, year.name), { withFileTypes: true }).filter((entry) => entry.isDirectory())
          .length,
      0,
    );
}

const USAGE = `用法 (usage): npx tsx bench/first-search.ts <已构建的站点目录 built site> [--queries id,id] [--no-second]
       [--lighthouse] [--unthrottled] [--http1] [--requests] [--articles N] [--json 文件]

在 Chromium 里像手机读者那样测已构建站点的首次搜索：每个查询一个新的浏览器配置，Slow 4G（150 ms、1.6 Mbit/s 下行、
750 kbit/s 上行）、CPU 降速 4 倍、390×844，站点像 CDN 那样提供（HTTP/2、文本 gzip、_headers）。打印表格。
Measures the first search of a built site as a phone reader meets it; prints the tables (docs/scale.md).

  --queries id,…    只测这些查询 (only these queries): ${FIRST_SEARCH_QUERIES.map((query) => query.id).join(", ")}
  --no-second       不测同一页里的第二次搜索 (no second query)
  --lighthouse      另跑 Lighthouse（手机，常见词和罕见词）(also run Lighthouse, mobile)
  --unthrottled     不限速、不降 CPU (no network or CPU throttling)
  --http1           用 HTTP/1.1 而不是 HTTPS + HTTP/2 (serve HTTP/1.1)
  --requests        列出每次搜索的每个请求 (list every request of each search)
  --articles N      按 N 篇文章的目标判断，默认数站点的文章页 (targets for N articles; default: counted)
  --json 文件       结果另存为 JSON (also write the result as JSON)
  -h, --help        显示本说明 (show this help)`;

async function main(): Promise<void> {
  const { values, positionals } = commandLineOrExit({
    usage: USAGE,
    allowPositionals: true,
    options: {
      queries: { type: "string" },
      "no-second": { type: "boolean", default: false },
      lighthouse: { type: "boolean", default: false },
      unthrottled: { type: "boolean", default: false },
      http1: { type: "boolean", default: false },
      requests: { type: "boolean", default: false },
      articles: { type: "string" },
      json: { type: "string" },
    },
  });
  const siteDir = positionals[0] ? path.resolve(positionals[0]) : "";
  if (positionals.length !== 1 || !existsSync(path.join(siteDir, "search/index.html"))) {
    console.error(`需要一个已构建站点的目录（含 search/index.html）(a built site folder is needed)\n\n${USAGE}`);
    process.exit(2);
  }
  let queries: SearchQuery[];
  try {
    queries = selectQueries(values.queries as string | undefined);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const articles = values.articles ? Number(values.articles) : countArticlePages(siteDir);
  const second =
    values["no-second"] || !queries.some((query) => query.id === SECOND_SEARCH.after) ? null : SECOND_SEARCH;
  const log = (line: string) => console.error(line);
  const measurement = await measureFirstSearches(siteDir, {
    queries,
    second,
    throttle: values.unthrottled !== true,
    http2: values.http1 !== true,
    log,
    listRequests: values.requests === true,
  });
  if (values.lighthouse) {
    const lighthouse = await runLighthouseSet(siteDir, LIGHTHOUSE_QUERIES, { http2: values.http1 !== true, log });
    if (lighthouse) measurement.lighthouse = lighthouse;
  }
  console.log(firstSearchTable(measurement, articles));
  if (measurement.second) console.log(secondSearchTable(measurement));
  if (measurement.lighthouse) console.log(lighthouseTable(measurement.lighthouse));
  if (values.json)
    writeFileSync(path.resolve(String(values.json)), `${JSON.stringify({ articles, ...measurement }, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
