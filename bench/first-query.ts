/**
 * One query's first search in a fresh phone page: bytes, requests and time until its first results
 * and until the page waits for the reader, the requests after that nobody asked for, the next page.
 */
import { measureNextPage, unaskedRequests } from "./next-page.ts";
import { longTasks, type Mark, waitForMark } from "./page-probe.ts";
import type { PhoneContext } from "./phone.ts";
import { type SearchQuery, searchUrl } from "./queries.ts";
import type { RequestLister } from "./request-log.ts";
import type { FirstSearchSample } from "./results.ts";

/** The sample of the first search of `spec` in its page, measured from navigation start; `complete`: when the page waited for the reader. */
export async function measureFirstQuery(
  phone: PhoneContext,
  spec: SearchQuery,
  origin: string,
  timeoutMs: number,
  listRequests?: RequestLister,
): Promise<{ sample: FirstSearchSample; complete: number }> {
  const { page, log } = phone;
  const url = searchUrl(spec);
  await page.goto(`${origin}${url}`, { waitUntil: "commit", timeout: timeoutMs });
  await waitForMark(page, spec.query, "first", timeoutMs);
  const state = await waitForMark(page, spec.query, "idle", timeoutMs);
  const mark = state.marks[spec.query] as Mark;
  const first = mark.first as number;
  const complete = Math.max(first, mark.idle as number);
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
    results: mark.idleCount ?? mark.count ?? 0,
    ...(mark.idleApprox ? { resultsApprox: true } : {}),
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
  sample.unaskedRequests = await unaskedRequests(phone, complete);
  const nextPage = await measureNextPage(phone, timeoutMs);
  if (nextPage) sample.nextPage = nextPage;
  return { sample, complete };
}
