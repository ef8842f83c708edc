import type { SearchPeer } from "../search-protocol/index.ts";
import { type CspDirectives, SITE_CSP } from "./headers.ts";

/** The distinct origins of a site's peers in its 站群. */
function peerOrigins(peers: readonly SearchPeer[]): string[] {
  return [...new Set(peers.map((peer) => new URL(peer.url).origin))];
}

/**
 * The `Access-Control-Allow-Origin` value for a site's /pagefind/, so the peers' search pages may
 * fetch its index: the one peer's origin, or `*` for several (a static header names one origin, and
 * the index is public, read with no credentials); none without peers.
 */
export function searchCorsOrigin(peers: readonly SearchPeer[]): string | undefined {
  const origins = peerOrigins(peers);
  if (origins.length === 0) return undefined;
  return origins.length === 1 ? origins[0] : "*";
}

/**
 * The search page's policy: the site's, with its peers' origins in `connect-src` so that it may read
 * their index (the other pages keep SITE_CSP); SITE_CSP without peers.
 */
export function searchPageCsp(peers: readonly SearchPeer[]): CspDirectives {
  const origins = peerOrigins(peers);
  return origins.length === 0 ? SITE_CSP : { ...SITE_CSP, "connect-src": ["'self'", ...origins] };
}
