/** The peer stacks `npm run bench` measures beside the full pipeline (bench/peer-build.ts). */
import { spawnSync } from "node:child_process";
import type { BuildKind } from "./measure.ts";

/** The peers, in the order they run: a generator followed by the Pagefind CLI over its pages. */
export const PEERS = ["eleventy-pagefind", "hugo-pagefind"] as const satisfies readonly BuildKind[];

/** A peer stack's name. */
export type PeerName = (typeof PEERS)[number];

/** How the reports name each peer. */
export const PEER_LABELS: Record<PeerName, string> = {
  "eleventy-pagefind": "bare Eleventy + Pagefind CLI",
  "hugo-pagefind": "Hugo + Pagefind CLI",
};

/** The peers this machine can run: Hugo only when Debian's `hugo` is installed (a line says so otherwise). */
export function availablePeers(log: (line: string) => void): PeerName[] {
  const hugo = spawnSync("hugo", ["version"], { encoding: "utf8" });
  if (hugo.status === 0) return [...PEERS];
  log("  Hugo + Pagefind not measured: no hugo on PATH (apt-get install -y hugo)");
  return PEERS.filter((peer) => peer !== "hugo-pagefind");
}
