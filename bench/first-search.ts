/**
 * The first search on a built site as a reader on a phone meets it (issue 14): Chromium with a
 * fresh profile per query, Slow 4G through the DevTools protocol (Lighthouse's mobile profile:
 * 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), the CPU four times slower, a phone viewport,
 * the site served as the CDN serves it (HTTP/2, text gzipped, Pagefind's files as written, the
 * headers of `_headers`). Per query: bytes and requests on the wire and the time until the first
 * results show and until the search is complete, the longest main-thread task; then a second
 * query typed into the same page.
 *
 * On a built site: `npx tsx bench/first-search.ts <site-dir>` prints the table (see --help).
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { type Browser, type BrowserContext, chromium, type Page, type Request } from "playwright-core";
import { CHROMIUM_FLAGS } from "../harness/chromium.ts";
import { type CdnStats, serveSite } from "../harness/static-server.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";
import { chromiumPath, runLighthouseSet } from "./lighthouse.ts";
import {
  FIRST_SEARCH_QUERIES,
  LIGHTHOUSE_QUERIES,
  SECOND_SEARCH,
  type SearchQuery,
  searchUrl,
  selectQueries,
} from "./queries.ts";
import type { FirstSearchSample, SearchConditions, SearchMeasurement, SecondSearchSample } from "./results.ts";
import { firstSearchTable, lighthouseTable, secondSearchTable } from "./search-tables.ts";

export { FIRST_SEARCH_QUERIES, LIGHTHOUSE_QUERIES, SECOND_SEARCH, type SearchQuery, searchUrl, selectQueries };

/** Slow 4G as Lighthouse's mobile preset defines it, and its CPU slowdown. */
export const SLOW_4G = { latencyMs: 150, downloadKbps: 1.6 * 1024, uploadKbps: 750, cpuSlowdown: 4 } as const;

/** A phone: the viewport of the issue (390 × 844) at the pixel ratio phones of that size have. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** How long a page whose count never carries `data-complete` is watched before its first results count as complete. */
export const COMPLETE_GRACE_MS = 1500;

const isGzip = (body: Buffer) => body.length > 2 && body[0] === 0x1f && body[1] === 0x8b;

/** Bytes of a response body as a CDN sends it: gzip streams as they are, anything else gzipped (a fallback estimate). */
export function wireBytes(body: Buffer): number {
  return isGzip(body) ? body.length : Math.min(body.length, gzipSync(body).length);
}

/**
 * Installed in every page before its own scripts: records long tasks (PerformanceObserver
 * `longtask`), the moment Enter is pressed (kept in sessionStorage across a navigation) and, for
 * each query the results box shows (its `data-query`, else the address's `q`), when the first
 * results and the complete results were painted (the animation frame after the DOM change):
 * first = `.search-count` with at least one `.search-result`, or `.search-empty` / `.search-error`;
 * complete = `.search-count[data-complete="true"]`, or the empty or error message. A count that never
 * carries `data-complete` and reads 找到 N 条结果 (today's client) counts as complete at its first
 * results once `graceMs` pass without the attribute (`inferred`).
 */
export function pageProbe(graceMs: number): string {
  return `(() => {
  if (window.top !== window || window.__bench) return;
  const now = () => performance.timeOrigin + performance.now();
  const state = { origin: performance.timeOrigin, longTasks: [], marks: {}, enterAt: undefined };
  Object.defineProperty(window, "__bench", { value: state });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.longTasks.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    state.noLongTasks = String(error);
  }
  try {
    const saved = sessionStorage.getItem("__benchEnterAt");
    if (saved) state.enterAt = Number(saved);
  } catch (error) {}
  addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    state.enterAt = now();
    try { sessionStorage.setItem("__benchEnterAt", String(state.enterAt)); } catch (error) {}
  }, true);
  const countOf = (node) => {
    const match = /([\\d,]+)\\s*条/.exec((node && node.textContent) || "");
    return match ? Number(match[1].replace(/,/g, "")) : undefined;
  };
  const painted = (mark, field) => requestAnimationFrame(() => { mark[field] = now(); });
  function check() {
    const box = document.querySelector(".search-results");
    if (!box) return;
    const query = (box.getAttribute("data-query") ?? new URLSearchParams(location.search).get("q") ?? "").trim();
    const mark = state.marks[query] || (state.marks[query] = {});
    const count = box.querySelector(".search-count");
    const ended = box.querySelector(".search-empty, .search-error");
    const shown = ended ? (ended.classList.contains("search-error") ? "error" : "empty") : "results";
    if (count && count.hasAttribute("data-complete")) mark.completeAttr = true;
    if (mark.firstSeen === undefined && (ended || (count && box.querySelector(".search-result")))) {
      mark.firstSeen = now();
      mark.shown = shown;
      mark.firstCount = ended ? 0 : countOf(count);
      mark.firstText = ((count || ended).textContent || "").trim().slice(0, 60);
      painted(mark, "first");
    }
    if (mark.completeSeen === undefined && (ended || (count && count.getAttribute("data-complete") === "true"))) {
      mark.completeSeen = now();
      mark.shown = shown;
      mark.count = ended ? 0 : countOf(count);
      mark.text = ((count || ended).textContent || "").trim().slice(0, 60);
      painted(mark, "complete");
    }
    if (mark.firstSeen !== undefined && mark.completeSeen === undefined && !mark.completeAttr && !mark.waiting &&
        count && /^\\s*找到/.test(count.textContent || "")) {
      mark.waiting = true;
      setTimeout(() => {
        if (mark.completeSeen !== undefined || mark.completeAttr) return;
        const latest = box.querySelector(".search-count");
        mark.inferred = true;
        mark.completeSeen = mark.firstSeen;
        mark.count = countOf(latest);
        mark.text = ((latest && latest.textContent) || "").trim().slice(0, 60);
        const settle = () => { if (mark.first === undefined) return setTimeout(settle, 20); mark.complete = mark.first; };
        settle();
      }, ${Math.round(graceMs)});
    }
  }
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;
}

/** What the probe records for one query shown (see {@link pageProbe}); epoch milliseconds. */
interface Mark {
  firstSeen?: number;
  first?: number;
  completeSeen?: number;
  complete?: number;
  shown?: "results" | "empty" | "error";
  firstCount?: number;
  count?: number;
  firstText?: string;
  text?: string;
  completeAttr?: boolean;
  inferred?: boolean;
}

interface ProbeState {
  origin: number;
  longTasks: { start: number; duration: number }[];
  marks: Record<string, Mark>;
  enterAt?: number;
  noLongTasks?: string;
}

interface Fetched {
  url: string;
  /** When the request was sent, epoch ms. */
  start: number;
  /** The HTTP status Chromium reports (304 for a revalidation). */
  status: number;
  /** When the response ended, epoch ms (the browser's clock). */
  end: number;
  /** Encoded bytes (CDP `Network.loadingFinished.encodedDataLength`: body as sent plus headers). */
  bytes: number;
}

/**
 * Request ends come from the browser process's clock (CDP's wallTime plus the request's own
 * monotonic time) and the marks from the page's (`performance.timeOrigin`); the two differ by a
 * few milliseconds. A request that ended up to this long after a mark counts before it.
 */
const CLOCK_SLACK_MS = 20;

/** How long a count waits for requests still in flight when it is taken (background loads may never end). */
const SETTLE_MS = 3000;

/**
 * Every request of a browser context, page and Pagefind's worker alike, with its encoded size:
 * Playwright's `request.sizes()` splits CDP's `encodedDataLength` into headers and body, and it
 * follows the worker's requests, which a CDP session of the page does not see.
 */
class RequestLog {
  private readonly pending: Promise<Fetched>[] = [];
  /** Requests announced but not yet finished or failed, with when (Node's clock) they were announced. */
  private readonly inFlight = new Map<Request, number>();
  failed = 0;

  constructor(context: BrowserContext) {
    context.on("request", (request) => this.inFlight.set(request, Date.now()));
    context.on("requestfinished", (request) => {
      this.inFlight.delete(request);
      this.pending.push(this.record(request));
    });
    context.on("requestfailed", (request) => {
      this.inFlight.delete(request);
      this.failed++;
    });
  }

  /**
   * Waits (at most `SETTLE_MS`) until every request announced before now has finished or failed:
   * Playwright holds a request's `requestfinished` until the browser process's extra-info event
   * arrives, which on a busy machine can come after the page has already used the response.
   */
  private async settle(): Promise<void> {
    const now = Date.now();
    const deadline = now + SETTLE_MS;
    const waiting = () => [...this.inFlight.values()].some((announced) => announced <= now);
    while (waiting() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private async record(request: Request): Promise<Fetched> {
    const timing = request.timing();
    const base = { url: request.url(), start: timing.startTime, end: timing.startTime + timing.responseEnd };
    const response = await request.response().catch(() => null);
    const status = response?.status() ?? 0;
    try {
      const sizes = await request.sizes();
      let body = sizes.responseBodySize;
      // Chromium sometimes reports a dedicated worker's own script with its headers only (44 bytes
      // for the 12.5 KB pagefind-worker.js, unthrottled); a 200 that crossed the wire brought its
      // whole Content-Length (the CDN-like server always sends one).
      const length = Number(response?.headers()["content-length"] ?? Number.NaN);
      if (status === 200 && body + sizes.responseHeadersSize > 0 && length > body) body = length;
      return { ...base, status, bytes: body + sizes.responseHeadersSize };
    } catch {
      const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
      return { ...base, status, bytes: wireBytes(body) };
    }
  }

  /** The requests that crossed the wire (not served from the cache) and ended in (from, to]. */
  async between(
    from: number,
    to: number,
  ): Promise<{ bytes: number; pagefindBytes: number; requests: number; list: Fetched[] }> {
    await this.settle();
    const done = await Promise.all(this.pending);
    const within = done.filter((entry) => entry.bytes > 0 && entry.end > from && entry.end <= to + CLOCK_SLACK_MS);
    const pagefind = within.filter((entry) => new URL(entry.url).pathname.startsWith("/pagefind/"));
    return {
      bytes: within.reduce((sum, entry) => sum + entry.bytes, 0),
      pagefindBytes: pagefind.reduce((sum, entry) => sum + entry.bytes, 0),
      requests: within.length,
      list: within.sort((a, b) => a.end - b.end),
    };
  }
}

/** Prints the requests of one search: when each ended (ms from `from`), its bytes, its address. */
type RequestLister = (what: string, list: readonly Fetched[], from: number, first: number) => void;

function requestLister(log: (line: string) => void): RequestLister {
  return (what, list, from, first) => {
    log(`  requests of ${what} (sent and ended, ms from the start; status; encoded bytes):`);
    let marked = false;
    for (const entry of list) {
      if (!marked && entry.end > first + CLOCK_SLACK_MS) {
        log("    | first results");
        marked = true;
      }
      const url = new URL(entry.url);
      const ms = (at: number) => String(Math.round(at - from)).padStart(6);
      log(
        `    ${ms(entry.start)} → ${ms(entry.end)} ${String(entry.status).padStart(3)} ${String(entry.bytes).padStart(7)}  ${url.pathname}${url.search}`,
      );
    }
  };
}

/** Waits for the probe's mark `field` of `query`, through navigations; its state then. */
async function waitForMark(page: Page, query: string, field: "first" | "complete", timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await page.waitForFunction(
        ([wanted, name]) => {
          const state = (window as unknown as { __bench?: ProbeState }).__bench;
          return state?.marks[wanted]?.[name as "first"] !== undefined;
        },
        [query, field] as const,
        { timeout: Math.max(1, deadline - Date.now()), polling: 100 },
      );
      return (await page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench)) as ProbeState;
    } catch (error) {
      const message = String(error);
      if (Date.now() >= deadline || !/destroyed|navigat|closed/i.test(message) || /Target.*closed/.test(message))
        throw new Error(`「${query}」: no ${field} results within ${timeoutMs} ms (${message.split("\n")[0]})`);
    }
  }
}

/** The longest task and the time over 50 ms summed (blocking time) of the tasks that started in [from, to]. */
function longTasks(state: ProbeState, from: number, to: number): { longestTaskMs: number; blockingMs: number } {
  const tasks = state.longTasks.filter((task) => task.start >= from - 1 && task.start <= to);
  return {
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((task) => task.duration))),
    blockingMs: Math.round(tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0)),
  };
}

export interface FirstSearchOptions {
  queries?: readonly SearchQuery[];
  /** The second query, typed in the page of the query whose id is `after`; null for none. */
  second?: { after: string; query: string } | null;
  /** Slow 4G and the CPU slowdown (default); false measures at the machine's own speed. */
  throttle?: boolean;
  /** HTTPS with HTTP/2 as production (default); false serves HTTP/1.1. */
  http2?: boolean;
  completeGraceMs?: number;
  /** Per mark (first results, complete) of each query; default 5 minutes (a 100k archive with a heavy client). */
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Log every request of every search (with `log`). */
  listRequests?: boolean;
}

/**
 * Debian's Chromium headless (CHROMIUM_PATH overrides), trusting the CDN-like server's
 * certificate by its key (`spki`) so that responses are cached as from a valid site.
 */
export function launchPhoneChromium(spki?: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS, ...(spki ? [`--ignore-certificate-errors-spki-list=${spki}`] : [])],
    headless: true,
  });
}

/** Opens a fresh phone context with the probe, Slow 4G and the CPU slowdown; whether the CDP calls succeeded. */
async function phoneContext(browser: Browser, throttle: boolean, graceMs: number) {
  const context = await browser.newContext({ ...PHONE, locale: "zh-CN" });
  await context.addInitScript({ content: pageProbe(graceMs) });
  const page = await context.newPage();
  const log = new RequestLog(context);
  let throttled = false;
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    // Applies to the page and to its dedicated workers (Pagefind's), whose requests Chromium
    // throttles with their parent frame's conditions.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: SLOW_4G.latencyMs,
      downloadThroughput: (SLOW_4G.downloadKbps * 1024) / 8,
      uploadThroughput: (SLOW_4G.uploadKbps * 1024) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOW_4G.cpuSlowdown });
    throttled = true;
  }
  return { context, page, log, throttled };
}

/** The sample of the first search of `spec` in its page, measured from navigation start. */
async function firstSearch(
  page: Page,
  log: RequestLog,
  spec: SearchQuery,
  origin: string,
  timeoutMs: number,
  listRequests?: RequestLister,
) {
  const url = searchUrl(spec);
  await page.goto(`${origin}${url}`, { waitUntil: "commit", timeout: timeoutMs });
  await waitForMark(page, spec.query, "first", timeoutMs);
  const state = await waitForMark(page, spec.query, "complete", timeoutMs);
  const mark = state.marks[spec.query] as Mark;
  const first = mark.first as number;
  const complete = Math.max(first, mark.complete as number);
  const untilFirst = await log.between(0, first);
  const untilComplete = await log.between(0, complete);
  listRequests?.(spec.query, untilComplete.list, state.origin, first);
  const tasks = longTasks(state, state.origin, complete);
  const sample: FirstSearchSample = {
    id: spec.id,
    label: spec.label,
    query: spec.query,
    url,
    shown: mark.shown ?? "results",
    results: mark.count ?? 0,
    ...(mark.firstCount !== undefined && mark.firstCount !== mark.count ? { firstResults: mark.firstCount } : {}),
    bytes: untilFirst.bytes,
    pagefindBytes: untilFirst.pagefindBytes,
    requests: untilFirst.requests,
    ms: Math.round(first - state.origin),
    completeBytes: untilComplete.bytes,
    completePagefindBytes: untilComplete.pagefindBytes,
    completeRequests: untilComplete.requests,
    completeMs: Math.round(complete - state.origin),
    ...(mark.inferred ? { completeInferred: true } : {}),
    ...tasks,
  };
  return { sample, complete };
}

/** Types `query` into the page's search box and presses Enter; the extra bytes, requests and time until its results. */
async function secondSearch(
  page: Page,
  log: RequestLog,
  firstQuery: string,
  query: string,
  after: number,
  timeoutMs: number,
  listRequests?: RequestLister,
): Promise<SecondSearchSample> {
  const originBefore = await page.evaluate(() => performance.timeOrigin);
  await page.fill("#search-input", query);
  await page.press("#search-input", "Enter");
  await waitForMark(page, query, "first", timeoutMs);
  const state = await waitForMark(page, query, "complete", timeoutMs);
  const mark = state.marks[query] as Mark;
  const enterAt = state.enterAt ?? after;
  const first = mark.first as number;
  const complete = Math.max(first, mark.complete as number);
  const untilFirst = await log.between(enterAt, first);
  const untilComplete = await log.between(enterAt, complete);
  listRequests?.(`${firstQuery} → ${query}`, untilComplete.list, enterAt, first);
  const navigated = state.origin !== originBefore;
  return {
    after: firstQuery,
    query,
    navigated,
    shown: mark.shown ?? "results",
    results: mark.count ?? 0,
    bytes: untilFirst.bytes,
    requests: untilFirst.requests,
    ms: Math.round(first - enterAt),
    completeBytes: untilComplete.bytes,
    completeRequests: untilComplete.requests,
    completeMs: Math.round(complete - enterAt),
    ...(mark.inferred ? { completeInferred: true } : {}),
    ...longTasks(state, navigated ? state.origin : enterAt, complete),
  };
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
  const server = await serveSite(siteDir, { cdn: true, http2 });
  const browser = await launchPhoneChromium(server.spki);
  try {
    const samples: FirstSearchSample[] = [];
    let secondSample: SecondSearchSample | undefined;
    let throttled = throttle;
    for (const spec of queries) {
      const phone = await phoneContext(browser, throttle, graceMs);
      throttled &&= phone.throttled;
      try {
        const { sample, complete } = await firstSearch(phone.page, phone.log, spec, server.origin, timeoutMs, lister);
        samples.push(sample);
        options.log?.(
          `  first search ${spec.query} (${spec.id}): ${sample.results} results; first ${(sample.bytes / 1024).toFixed(0)} KB, ${sample.requests} requests, ${sample.ms} ms; complete ${((sample.completeBytes ?? 0) / 1024).toFixed(0)} KB, ${sample.completeMs} ms; longest task ${sample.longestTaskMs} ms`,
        );
        if (second && second.after === spec.id) {
          secondSample = await secondSearch(
            phone.page,
            phone.log,
            spec.query,
            second.query,
            complete,
            timeoutMs,
            lister,
          );
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

/** The number of article pages of a built site (`/articles/<year>/<slug>/`), for the targets. */
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
