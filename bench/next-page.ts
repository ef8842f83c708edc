/**
 * What a first search costs after its first page, in the same phone page: the requests that crossed
 * the wire while nobody asked (a quiet window after the page waits for the reader), and the next
 * page of results (更多结果) from the click to the new results painted.
 */
import type { Page } from "playwright-core";
import type { PhoneContext } from "./phone.ts";
import type { NextPageSample } from "./results.ts";

/** How long the bench watches the page for unasked requests once it waits for the reader. */
export const QUIET_MS = 3000;

/** The page's clock (epoch ms, `performance.timeOrigin` based), as the probe's marks. */
const pageNow = (page: Page) => page.evaluate(() => performance.timeOrigin + performance.now());

/** The requests that crossed the wire in the QUIET_MS after `idle` (the page waiting for the reader): none expected. */
export async function unaskedRequests({ page, log }: PhoneContext, idle: number): Promise<number> {
  await page.waitForTimeout(QUIET_MS);
  return (await log.between(idle, await pageNow(page))).requests;
}

/**
 * Presses 更多结果 when the page offers it, and measures until the results box waits for the reader
 * again with more results, painted: time, bytes and requests; undefined without the button.
 */
export async function measureNextPage(
  { page, log }: PhoneContext,
  timeoutMs: number,
): Promise<NextPageSample | undefined> {
  if (!(await page.isVisible(".search-more"))) return undefined;
  const before = await page.locator(".search-result").count();
  const clickAt = await pageNow(page);
  await page.click(".search-more");
  await page.waitForFunction(
    (shown) => {
      const box = document.querySelector<HTMLElement>(".search-results");
      return box?.dataset.state === "idle" && document.querySelectorAll(".search-result").length > shown;
    },
    before,
    { timeout: timeoutMs, polling: "raf" },
  );
  const painted = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now())),
      ),
  );
  const spent = await log.between(clickAt, painted);
  const count = (await page.textContent(".search-count")) ?? "";
  return {
    ms: Math.round(painted - clickAt),
    bytes: spent.bytes,
    requests: spent.requests,
    shown: await page.locator(".search-result").count(),
    exact: !/^\s*约/.test(count),
  };
}
