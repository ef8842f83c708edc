import { queryTokens, type SearchPeer, type ShardManifest } from "../../search-protocol/index.ts";
import type { SearchRequest } from "./address.ts";
import { countText } from "./count.ts";
import { element, setContent } from "./dom.ts";
import { createPeerEngine, type Engine } from "./engine.ts";
import { loadPeerManifest, loadPresence, prefetchShard, queryPresenceKeys } from "./network.ts";
import { type QueryAnalysis, readingSteps, type SearchPlan } from "./plan.ts";
import { chunksOf } from "./ranking.ts";
import { markState } from "./result-list.ts";
import { renderResult } from "./results.ts";
import { describe } from "./shard-pages.ts";
import { createShardReader, type ShardReader } from "./shard-reader.ts";

/*
 * One search across the 站群: after the site's own first results are drawn (so they cost what they
 * cost without a group), each other site of the group is searched in its published /pagefind/, on
 * its own origin, the same way: its shards.json and presence files, then its shards best first,
 * merged into an instance of their own, only until its first results are final. They are listed
 * under its name, linking to its own addresses, with the count (exact, or 约 N from its presence
 * map) and a link to the full search on that site. The section is marked `reading`, then `idle`.
 */

/** Results of another site shown here; the rest are on that site's own search page. */
export const PEER_RESULTS = 5;

/** The peers' instances of the current search, destroyed when the next one starts. */
let peerEngines: Engine[] = [];

/** The address of the same search on a peer's own search page. */
export function peerSearchAddress(peer: SearchPeer, search: string): string {
  return `${peer.url}/search/${search}`;
}

/** A peer's plan for the query: null when its index holds none of the query's words (nothing to merge). */
async function planPeer(
  peer: SearchPeer,
  own: ShardManifest,
  request: SearchRequest,
  query: QueryAnalysis,
): Promise<SearchPlan | null> {
  const map = await loadPeerManifest(peer);
  if (map.shards.length === 0 || !map.presence) return null;
  const lookup = await loadPresence(map, queryPresenceKeys(request.query));
  const { steps, exactPossible } = readingSteps(map, request, query, lookup);
  const first = steps[0];
  if (!first) return null;
  prefetchShard(
    map,
    map.shards[first.index] as ShardManifest["shards"][number],
    chunksOf(query.words, lookup, first.index),
    Object.keys(request.filters),
  );
  const loaded = await createPeerEngine(own);
  peerEngines.push(loaded);
  return { map, loaded, steps, lookup, exactPossible };
}

/** A peer's block of results: its name, the count (exact once every shard is read, else 约), its first results, the link to the rest. */
function peerBlock(peer: SearchPeer, reader: ShardReader, query: QueryAnalysis, search: string) {
  const block = element("section", "search-group-site");
  block.dataset.site = peer.id;
  block.append(element("h3", "search-group-site-name", peer.name));
  const count = element("p", "search-count");
  const list = element("ol", "search-result-list");
  const more = element("a", "search-group-more", `到「${peer.name}」查看全部结果`);
  more.href = peerSearchAddress(peer, search);
  const moreLine = element("p");
  moreLine.append(more);
  block.append(count, list, moreLine);
  const update = () => {
    const complete = reader.complete();
    count.textContent = countText(reader.count(), complete);
    count.dataset.complete = complete ? "true" : "false";
  };
  const fill = async () => {
    const pages = reader.ranked().slice(0, PEER_RESULTS);
    const described = await Promise.all(pages.map(describe));
    setContent(
      list,
      described.map((page) => renderResult(page, query.phrases, query.query, { site: peer, heading: "h4" })),
    );
  };
  return { block, update, fill };
}

/** Searches one peer and shows its block in `slot` once it has results (then calls `shown`); false when it has none. */
async function searchPeer(
  peer: SearchPeer,
  own: ShardManifest,
  slot: HTMLElement,
  request: SearchRequest,
  query: QueryAnalysis,
  stale: () => boolean,
  shown: () => void,
): Promise<boolean> {
  const plan = await planPeer(peer, own, request, query);
  if (!plan || stale()) return false;
  const reader = createShardReader(plan, query, request);
  if (!(await reader.readUntilSettled(PEER_RESULTS, stale)) || stale()) return false;
  if (reader.ranked().length === 0 && reader.complete()) return false;
  const block = peerBlock(peer, reader, query, window.location.search);
  await block.fill();
  if (stale()) return false;
  slot.append(block.block);
  block.update();
  shown();
  return true;
}

/**
 * Searches every peer of the page's 站群 for the request, side by side, into `section` (the search
 * page's `[data-search-group-results]`): a heading, then one block per site with results, in the
 * group's order; the section stays empty when no peer has any. A peer that cannot be read is left out.
 */
export async function searchGroup(
  section: HTMLElement,
  peers: readonly SearchPeer[],
  own: ShardManifest,
  request: SearchRequest,
  query: QueryAnalysis,
  stale: () => boolean,
): Promise<void> {
  for (const loaded of peerEngines) loaded.pagefind.destroy().catch(() => undefined);
  peerEngines = [];
  setContent(section, []);
  if (peers.length === 0 || !request.query || queryTokens(request.query).length === 0) return;
  markState(section, "reading");
  const heading = element("h2", "search-group-heading", "站群其他网站的结果");
  heading.hidden = true;
  const slots = peers.map(() => element("div", "search-group-slot"));
  setContent(section, [heading, ...slots]);
  await Promise.all(
    peers.map((peer, at) =>
      searchPeer(peer, own, slots[at] as HTMLElement, request, query, stale, () => {
        heading.hidden = false;
      }).catch(() => false),
    ),
  );
  if (stale()) return;
  heading.hidden = !slots.some((slot) => slot.firstChild);
  markState(section, "idle");
}
