/**
 * The requests of a first search as they crossed the wire: every request of a browser context with
 * its encoded size and when it was sent and ended, counted between two moments, and listed.
 */
import { gzipSync } from "node:zlib";
import type { BrowserContext, Request } from "playwright-core";

const isGzip = (body: Buffer) => body.length > 2 && body[0] === 0x1f && body[1] === 0x8b;

/** Bytes of a response body as a CDN sends it: gzip streams as they are, anything else gzipped (a fallback estimate). */
export function wireBytes(body: Buffer): number {
  return isGzip(body) ? body.length : Math.min(body.length, gzipSync(body).length);
}

/** One request that finished. */
export interface Fetched {
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
export class RequestLog {
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
export type RequestLister = (what: string, list: readonly Fetched[], from: number, first: number) => void;

/** A {@link RequestLister} that writes to `log`. */
export function requestLister(log: (line: string) => void): RequestLister {
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
