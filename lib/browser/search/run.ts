import type { SearchPeer, ShardEntry } from "../../search-protocol/index.ts";
import { fillForm, type SearchRequest } from "./address.ts";
import { element, setContent } from "./dom.ts";
import { canRunPagefind, prepareSpare } from "./engine.ts";
import { searchGroup } from "./group.ts";
import { loadManifest, prefetchPagefindFiles, prefetchShard } from "./network.ts";
import { analyseQuery, planSearch, type QueryAnalysis, type SearchPlan } from "./plan.ts";
import { PAGE_SIZE, showResults } from "./result-list.ts";
import { showEmpty, showTooOld, showUnavailable } from "./results.ts";
import { yielding } from "./shard-pages.ts";
import { createShardReader, type ShardReader } from "./shard-reader.ts";

/** The search page's parts: the results' container, the search form, and in a 站群 the other sites and their results' container. */
export interface SearchPage {
  container: HTMLElement;
  form: HTMLFormElement;
  group?: { peers: SearchPeer[]; section: HTMLElement };
}

let current = 0;

/** Reads the shards left after the first results, one at a time, so the count becomes exact; their page lists are fetched ahead. */
async function readTheRest(plan: SearchPlan, reader: ShardReader, stale: () => boolean, updateCount: () => void) {
  try {
    while (!reader.complete()) {
      for (const step of reader.upcoming()) prefetchShard(plan.map, plan.map.shards[step.index] as ShardEntry);
      if (!(await reader.readNext())) break;
      if (stale()) return;
      updateCount();
      await yielding();
    }
  } catch (_error) {
    // The results shown stay; the count stays provisional.
  }
  if (stale()) return;
  updateCount();
  prepareSpare(plan.map);
}

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

/** Runs one search and shows it; a newer search (another query from the form) takes over. */
export async function run(page: SearchPage, request: SearchRequest): Promise<void> {
  const { container } = page;
  const searchId = ++current;
  const stale = () => searchId !== current;
  if (page.group) setContent(page.group.section, []);
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
    plan = await planSearch(request, query, searchId > 1);
  } catch (_error) {
    if (!stale()) showUnavailable(container, request);
    return;
  }
  if (stale()) return;
  if (!plan || plan.steps.length === 0) {
    showEmpty(container, request);
    thenTheGroup(page, request, query, stale);
    return;
  }

  const reader = createShardReader(plan, query, request);
  try {
    while (!reader.settledUpTo(PAGE_SIZE) && (await reader.readNext())) if (stale()) return;
  } catch (_error) {
    if (!stale()) showUnavailable(container, request);
    return;
  }
  if (stale()) return;
  if (reader.ranked().length === 0 && reader.complete()) {
    showEmpty(container, request);
    thenTheGroup(page, request, query, stale);
    return;
  }
  let updateCount: () => void;
  try {
    updateCount = (await showResults(container, reader, query, stale)).updateCount;
  } catch (_error) {
    if (!stale()) showUnavailable(container, request);
    return;
  }
  if (stale()) return;
  thenTheGroup(page, request, query, stale);
  await readTheRest(plan, reader, stale, updateCount);
}
