/*
 * 站群 (a group of sites in one repository): takes the repository (`_data/group.yaml`, each site's
 * `_data/site.yaml`); gives its sites with their roots, the site a `--site NAME` names (or an
 * UnknownSiteError listing the names), the checks that no two sites share an address or a
 * 网站标识码, the other sites each search page names (SearchPeer), and the runner that builds the
 * sites in child processes side by side. The build of one site is lib/pipeline's, unchanged.
 */
export { GROUP_FILE, type Group, type GroupSite, IMPLICIT_SITE_NAME, loadGroup, SITES_FOLDER } from "./group-file.ts";
export {
  assertDistinctIdentities,
  duplicateIdentities,
  readIdentities,
  type SiteIdentity,
  searchPeers,
} from "./identity.ts";
export {
  formatGroupSummary,
  type InProcessRuns,
  type LineWriter,
  type RunAllOptions,
  runForEachSite,
  type SiteRun,
} from "./run-all.ts";
export { resolveAllSites, resolveSite, type SiteTarget, UnknownSiteError } from "./select.ts";
