import type { SearchPeer } from "../../search-protocol/index.ts";
import { fillForm, type SearchRequest } from "./address.ts";
import { PAGE_SIZE } from "./count.ts";
import { element, setContent } from "./dom.ts";
import { canRunPagefind, engineSettled, prepareSpare } from "./engine.ts";
import { searchGroup } from "./group.ts";
import { loadManifest, prefetchPagefindFiles } from "./network.ts";
import { analyseQuery, planSearch, type QueryAnalysis, type SearchPlan } from "./plan.ts";
import { markState, showResults } from "./result-list.ts";
import { showEmpty, showTooOld, showUnavailable } from "./results.ts";
import { createShardReader } from "./shard-reader.ts";

/** The search page's parts: the results' container, the search form, and in a 站群 the other sites and their results' container. */
export interface SearchPage {
  container: HTMLElement;
  form: HTMLFormElement;
  group?: { peers: SearchPeer[]; section: HTMLElement };
}

let current = 0;

/**
 * Searches the other sites of the 站群 once this site's own first results (or its 没有找到) are
 * drawn: nothing of theirs is fetched before, so the own first results cost what they cost alone.
 */
function thenTheGroup(page: SearchPage, request: SearchRequest, query: QueryAnalysis, stale: () => boolean) {
  const group = page.group;
  if (!group || stale()) return;
  loadManifest()
    .then((own) => searchGroup(group.section, group.peers, own, request, query, stale))
    .catch(() => undefined);
}

/**
 * Runs one search and shows it: reads the shards best first until the first page of results is final,
 * shows it with the count, then waits for the reader (更多结果, a filter, another query); a newer
 * search takes over. The results box is marked `reading`, then `idle`.
 */
export async function run(page: SearchPage, request: SearchRequest): Promise<void> {
  const searchId = ++current;
  const stale = () => searchId !== current;
  if (page.group) {
    setContent(page.group.section, []);
    delete page.group.section.dataset.state;
  }
  markState(page.container, "reading");
  try {
    await search(page, request, stale, searchId > 1);
  } finally {
    if (!stale()) markState(page.container, "idle");
  }
}

/** The search of `run`; `running`: a query typed into the page, after the address's. */
async function search(page: SearchPage, request: SearchRequest, stale: () => boolean, running: boolean): Promise<void> {
  const { container } = page;
  fillForm(page.form, request);
  if (!request.query) {
    container.removeAttribute("aria-busy");
    setContent(container, []);
    return;
  }
  if (!canRunPagefind()) {
    showTooOld(container, request);
    return;
  }
  prefetchPagefindFiles();
  container.setAttribute("aria-busy", "true");
  container.dataset.query = request.query;
  setContent(container, [element("p", "search-status", "正在搜索……")]);

  const query = analyseQuery(request.query);
  let plan: SearchPlan | null;
  try {
    plan = await planSearch(request, query, running);
  } catch (_error) {
    if (!stale()) showUnavailable(container, request);
    return;
  }
  if (stale()) return;
  if (!plan || plan.steps.length === 0) {
    showEmpty(container, request);
    thenTheGroup(page, request, query, stale);
    // The instance made while the page loaded fetches on after 没有找到: the page waits for it, so
    // that nothing is fetched once it waits for the reader.
    await engineSettled();
    return;
  }

  const reader = createShardReader(plan, query, request);
  try {
    if (!(await reader.readUntilSettled(PAGE_SIZE, stale))) return;
    if (reader.ranked().length === 0 && reader.complete()) {
      showEmpty(container, request);
      thenTheGroup(page, request, query, stale);
      return;
    }
    await showResults(container, reader, query, stale);
  } catch (_error) {
    if (!stale()) showUnavailable(container, request);
    return;
  }
  if (stale()) return;
  thenTheGroup(page, request, query, stale);
  prepareSpare(plan.map);
}
