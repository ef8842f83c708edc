/**
 * The first search on a built site, measured in Chromium: what a reader's browser downloads for
 * `/search/?q=…` in a fresh profile, as a CDN would serve it (text gzipped; Pagefind's files are
 * gzipped already), and how long until the results show.
 */
import { gzipSync } from "node:zlib";
import { launchChromium } from "../tests/helpers/browser.ts";
import { serveSite } from "../tests/helpers/static-server.ts";
import type { FirstSearchSample } from "./report.ts";

/** The queries of the README's first-search figures: a place name, a term, a district, a quoted plan name. */
export const FIRST_SEARCH_QUERIES = ["石化新材料", "知识产权", "独山子区", "“十四五”规划"];

/** One query's first search (the result type of bench/report.ts). */
export type FirstSearch = FirstSearchSample;

const isGzip = (body: Buffer) => body.length > 2 && body[0] === 0x1f && body[1] === 0x8b;

/** Bytes of a response on the wire: gzip streams as they are, anything else gzipped as a CDN would. */
export function wireBytes(body: Buffer): number {
  return isGzip(body) ? body.length : Math.min(body.length, gzipSync(body).length);
}

/** Runs each query in a fresh browser context against the site in `siteDir` (served on 127.0.0.1). */
export async function measureFirstSearches(
  siteDir: string,
  queries: readonly string[] = FIRST_SEARCH_QUERIES,
): Promise<FirstSearch[]> {
  const server = await serveSite(siteDir);
  const browser = await launchChromium();
  try {
    const measured: FirstSearch[] = [];
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const pending: Promise<{ url: string; bytes: number }>[] = [];
      page.on("response", (response) => {
        pending.push(
          response
            .body()
            .then((body) => ({ url: response.url(), bytes: wireBytes(body) }))
            .catch(() => ({ url: response.url(), bytes: 0 })),
        );
      });
      const start = performance.now();
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector(".search-count, .search-empty, .search-error", { timeout: 120_000 });
      const ms = performance.now() - start;
      const summary =
        (await page
          .locator(".search-count")
          .first()
          .textContent({ timeout: 1000 })
          .catch(() => "")) ?? "";
      const responses = await Promise.all(pending);
      const pagefind = responses.filter((response) => new URL(response.url).pathname.startsWith("/pagefind/"));
      measured.push({
        query,
        results: Number(/找到\s*([\d,]+)\s*条/.exec(summary)?.[1]?.replace(/,/g, "") ?? 0),
        bytes: responses.reduce((sum, response) => sum + response.bytes, 0),
        pagefindBytes: pagefind.reduce((sum, response) => sum + response.bytes, 0),
        requests: responses.length,
        ms,
      });
      await context.close();
    }
    return measured;
  } finally {
    await browser.close();
    await server.close();
  }
}
