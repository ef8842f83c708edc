/*
 * search-page.js — the /search/ page (ES2019: it must at least parse in old WeChat engines, which then
 * get a message). Reads ?q= and the filters, turns the query into the bigrams of lib/search-protocol,
 * looks its words up in the presence map to open only the shards that can hold a match, best first,
 * and reads them with Pagefind until the first page of results can no longer change (ranking.ts);
 * it is shown with the count (exact, or 约 N from the presence map's counts of the shards not read),
 * and the other shards are read only when the reader asks for more (count.ts). Another search
 * from the form runs in the same page. Excerpts and highlights come from each page's own text. On a
 * site of a 站群, the other sites' indexes are searched after the first results (group.ts). The
 * script is async: the network part of the address's search starts when it runs, before the page is
 * parsed (warmUp); the results are drawn once it is.
 */
import { queryTokens, readSearchGroup, SEARCH_GROUP_ATTRIBUTE } from "../../search-protocol/index.ts";
import { formAddress, readAddress, type SearchRequest } from "./address.ts";
import { canRunPagefind, hasEngine, loadEngine, prepareSpare } from "./engine.ts";
import { loadManifest, loadPresence, prefetchPagefindFiles, queryPresenceKeys } from "./network.ts";
import { run, type SearchPage } from "./run.ts";

/**
 * The network part of the address's search, started as soon as this script runs, while the page
 * is still being parsed: the shard list, the presence files of the query's words, Pagefind's
 * module, worker and WebAssembly, and its primary index. run() then finds them loaded or loading.
 */
function warmUp(request: SearchRequest) {
  if (!request.query || queryTokens(request.query).length === 0 || !canRunPagefind()) return;
  prefetchPagefindFiles();
  loadManifest()
    .then((map) => {
      if (map.shards.length === 0) return;
      loadEngine(map).catch(() => undefined);
      return loadPresence(map, queryPresenceKeys(request.query));
    })
    .catch(() => undefined);
}

/** Runs the address's search once the page is parsed, and every later one from the form or the history. */
function start() {
  const container = document.querySelector<HTMLElement>("[data-search-results]");
  const form = document.querySelector<HTMLFormElement>("[data-search-form]");
  if (!container || !form) return;
  const peers = readSearchGroup(form.getAttribute(SEARCH_GROUP_ATTRIBUTE));
  const section = document.querySelector<HTMLElement>("[data-search-group-results]");
  const page: SearchPage = { container, form, ...(section && peers.length > 0 ? { group: { peers, section } } : {}) };
  form.addEventListener("focusin", () => {
    if (hasEngine()) loadManifest().then(prepareSpare, () => undefined);
  });
  form.addEventListener("submit", (event) => {
    const address = formAddress(window.location.pathname, new FormData(form).entries());
    event.preventDefault();
    window.history.pushState(null, "", address);
    run(page, readAddress(window.location.search));
  });
  window.addEventListener("popstate", () => run(page, readAddress(window.location.search)));
  run(page, readAddress(window.location.search));
}

warmUp(readAddress(window.location.search));
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
