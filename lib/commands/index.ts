/*
 * The commands editors and developers run: takes a command line; gives reports and exit codes
 * (check, new, and the shared reading of options with --help and --site of a 站群).
 */

export type { SiteTarget } from "../group/index.ts";
export { type AllSitesCommand, runAllSites } from "./all-sites.ts";
export { type CheckReport, checkContent } from "./check.ts";
export { type CommandLine, type CommandSpec, commandLineOrExit, readCommandLine } from "./cli.ts";
export { addNotice, createArticle, currentTime, ScaffoldError, type ScaffoldResult } from "./scaffold.ts";
export {
  problemInGroup,
  readSiteSelection,
  SITE_OPTION,
  SITE_USAGE,
  type SiteSelection,
  siteTargetOrExit,
} from "./site-option.ts";
