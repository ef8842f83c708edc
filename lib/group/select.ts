import path from "node:path";
import type { SearchPeer } from "../search-protocol/index.ts";
import { type Group, type GroupSite, loadGroup } from "./group-file.ts";
import { assertDistinctIdentities, readIdentities, searchPeers } from "./identity.ts";

/** A `--site NAME` that the group does not have; the message lists the names it has. */
export class UnknownSiteError extends Error {
  constructor(name: string, group: Group) {
    const known = group.sites.map((site) => site.name);
    super(
      `不认识的站点「${name}」，站群里有：${known.join("、")}（见 _data/group.yaml）(unknown site ${name}; known: ${known.join(", ")})`,
    );
    this.name = "UnknownSiteError";
  }
}

/** The site a command works on, with its group and the other sites its search page names. */
export interface SiteTarget {
  group: Group;
  site: GroupSite;
  peers: SearchPeer[];
}

/** The site of the group whose root is `dir`, if any. */
function siteAt(group: Group, dir: string): GroupSite | undefined {
  return group.sites.find((site) => path.resolve(site.dir) === path.resolve(dir));
}

/**
 * The site a command runs on: `--site NAME` in the group of `groupRoot`, or without a name the site
 * whose root is `groupRoot` itself (the single-site layout). Reads the group file and checks that no
 * two sites share an address or a 网站标识码 (ContentValidationError), or throws UnknownSiteError.
 */
export function resolveSite(groupRoot: string, name?: string): SiteTarget {
  const group = loadGroup(groupRoot);
  const site = name === undefined ? siteAt(group, group.root) : group.sites.find((entry) => entry.name === name);
  if (name !== undefined && !site) throw new UnknownSiteError(name, group);
  if (!site) return { group, site: { name: "", root: ".", dir: group.root, line: 1 }, peers: [] };
  const identities = readIdentities(group);
  assertDistinctIdentities(identities);
  return { group, site, peers: searchPeers(identities, site) };
}

/** Every site of the group, after the same checks as resolveSite. */
export function resolveAllSites(groupRoot: string): Group {
  const group = loadGroup(groupRoot);
  assertDistinctIdentities(readIdentities(group));
  return group;
}
