/** A second query typed into the page of a first one once it waited for the reader: the extra bytes, requests and time from pressing Enter until its results and until it waits again. */
import { longTasks, type Mark, waitForMark } from "./page-probe.ts";
import type { PhoneContext } from "./phone.ts";
import type { RequestLister } from "./request-log.ts";
import type { SecondSearchSample } from "./results.ts";

/** Types `query` into the page's search box and presses Enter; the extra bytes, requests and time until its results. */
export async function measureSecondQuery(
  { page, log }: PhoneContext,
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
  const state = await waitForMark(page, query, "idle", timeoutMs);
  const mark = state.marks[query] as Mark;
  const enterAt = state.enterAt ?? after;
  const first = mark.first as number;
  const complete = Math.max(first, mark.idle as number);
  const untilFirst = await log.between(enterAt, first);
  const untilComplete = await log.between(enterAt, complete);
  listRequests?.(`${firstQuery} → ${query}`, untilComplete.list, enterAt, first);
  const navigated = state.origin !== originBefore;
  return {
    after: firstQuery,
    query,
    navigated,
    shown: mark.shown ?? "results",
    results: mark.idleCount ?? mark.count ?? 0,
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
