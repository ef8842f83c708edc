import path from "node:path";
import { type ContentProblem, findContentValidationError, formatProblem } from "../content/index.ts";
import { resolveSite, type SiteTarget, UnknownSiteError } from "../group/index.ts";

/** The `--site NAME` option every command takes, and its line in `--help`. */
export const SITE_OPTION = { site: { type: "string" } } as const;
export const SITE_USAGE =
  "  --site 站点名    站群里的一个站点（_data/group.yaml，见 docs/group.md），默认仓库根目录的站点 (site of the group)";

/** A problem of a site's file, its path from the repository: `sites/kgxj/content/…` rather than `content/…`. */
export function problemInGroup(problem: ContentProblem, target: SiteTarget): ContentProblem {
  const prefix = target.site.root === "." ? "" : `${target.site.root}/`;
  return { ...problem, file: `${prefix}${problem.file}` };
}

/**
 * The site a command runs on (`--site NAME` in the group of `groupRoot`, default the repository's
 * own), or, for a name the group lacks, a duplicate address or 网站标识码, or a broken group file:
 * one line each on stderr and exit 1, before anything is built or written.
 */
export function siteTargetOrExit(groupRoot: string, name: string | undefined): SiteTarget {
  try {
    return resolveSite(path.resolve(groupRoot), name);
  } catch (error) {
    const invalid = findContentValidationError(error);
    if (error instanceof UnknownSiteError) console.error(error.message);
    else if (invalid) {
      console.error("站群配置有问题，未构建任何站点 (the group is invalid, nothing built):");
      for (const problem of invalid.problems) console.error(formatProblem(problem));
    } else throw error;
    process.exit(1);
  }
}
