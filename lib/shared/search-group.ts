/**
 * One other site of the 站群 as a site's search page names it (docs/group.md, "the cross-site search
 * contract"): its name in the group file, its title, its address and the address of its Pagefind bundle.
 */
export interface SearchPeer {
  /** The site's name in `_data/group.yaml` (`--site NAME`). */
  id: string;
  /** The site's title, `name` of its `_data/site.yaml`. */
  name: string;
  /** Its canonical origin, `url` of its `_data/site.yaml` (no trailing slash). */
  url: string;
  /** The absolute address of its search index folder, `<url>/pagefind/`. */
  bundle: string;
}

/** The value of the search form's `data-search-group` attribute: the peers as JSON; none without peers. */
export function searchGroupAttribute(peers: readonly SearchPeer[]): string | undefined {
  return peers.length > 0 ? JSON.stringify(peers) : undefined;
}

/**
 * The `Access-Control-Allow-Origin` value for a site's /pagefind/, so the peers' search pages may
 * fetch its index: the one peer's origin, or `*` for several (a static header names one origin, and
 * the index is public, read with no credentials); none without peers.
 */
export function searchCorsOrigin(peers: readonly SearchPeer[]): string | undefined {
  const origins = [...new Set(peers.map((peer) => new URL(peer.url).origin))];
  if (origins.length === 0) return undefined;
  return origins.length === 1 ? origins[0] : "*";
}
