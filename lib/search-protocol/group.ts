import { presenceParts, type ShardManifest } from "./manifest.ts";

/*
 * The 站群's search contract (docs/group.md): the build names the other sites of the group on the
 * search form, the page reads their published `/pagefind/` across origins.
 */

/** The search form's attribute that lists the other sites of the group, as JSON (SearchPeer[]). */
export const SEARCH_GROUP_ATTRIBUTE = "data-search-group";

/**
 * One other site of the 站群 as a site's search page names it: its name in the group file, its
 * title, its origin and the absolute address of its Pagefind folder.
 */
export interface SearchPeer {
  /** The site's name in `_data/group.yaml` (`--site NAME`). */
  id: string;
  /** The site's title, `name` of its `_data/site.yaml`. */
  name: string;
  /** Its canonical origin, `url` of its `_data/site.yaml` (no trailing slash, no path). */
  url: string;
  /** The absolute address of its search index folder, `<url>/pagefind/`. */
  bundle: string;
}

const ORIGIN = /^https?:\/\/[^/\s?#]+$/;

/** The value of the search form's SEARCH_GROUP_ATTRIBUTE: the peers as JSON; none without peers. */
export function searchGroupAttribute(peers: readonly SearchPeer[]): string | undefined {
  return peers.length > 0 ? JSON.stringify(peers) : undefined;
}

/** Whether a value is a peer as searchGroupAttribute writes it: strings, an http(s) origin, its folder under it. */
function isPeer(value: unknown): value is SearchPeer {
  if (!value || typeof value !== "object") return false;
  const peer = value as Record<string, unknown>;
  return (
    typeof peer.id === "string" &&
    typeof peer.name === "string" &&
    typeof peer.url === "string" &&
    ORIGIN.test(peer.url) &&
    typeof peer.bundle === "string" &&
    peer.bundle.startsWith(`${peer.url}/`) &&
    peer.bundle.endsWith("/")
  );
}

/** The peers a search form's SEARCH_GROUP_ATTRIBUTE names (none for a missing or broken value; malformed entries left out). */
export function readSearchGroup(attribute: string | null | undefined): SearchPeer[] {
  if (!attribute) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(attribute);
  } catch (_error) {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter(isPeer) : [];
}

/** A path of a peer's `shards.json` (root-relative on its own site) as an absolute address on the peer. */
function onPeer(peer: SearchPeer, address: string): string {
  return new URL(address, peer.bundle).href;
}

/**
 * A peer's shard manifest with every path absolute on the peer's origin: the index writes them
 * root-relative (`/pagefind/y2024/`), which another site's page would read on its own origin.
 */
export function rebaseManifest(map: ShardManifest, peer: SearchPeer): ShardManifest {
  return {
    ...map,
    primary: { ...map.primary, path: onPeer(peer, map.primary.path) },
    ...(map.presence
      ? { presence: presenceParts(map).map((part) => ({ ...part, path: onPeer(peer, part.path) })) }
      : {}),
    shards: map.shards.map((shard) => ({ ...shard, path: onPeer(peer, shard.path) })),
  };
}

/**
 * The absolute address a result of a peer links to: its page's URL (root-relative, or absolute as
 * Pagefind gives it for an index merged from another origin) on the peer's origin; null for
 * anything else (another origin, another scheme, not a string).
 */
export function peerAddress(url: unknown, peer: SearchPeer): string | null {
  if (typeof url !== "string" || !/^(\/(?!\/)|https?:\/\/)/.test(url)) return null;
  let address: URL;
  try {
    address = new URL(url, `${peer.url}/`);
  } catch (_error) {
    return null;
  }
  return address.origin === new URL(peer.url).origin ? address.href : null;
}
