import path from "node:path";
import { type ContentProblem, findContentValidationError, formatProblem } from "../content/index.ts";
import { resolveSite, type SiteTarget, UnknownSiteError } from "../group/index.ts";

/** The `--site NAME` option every command takes, and its line in `--help`. */
export const SITE_OPTION = { site: { type: "string" } } as const;
export const SITE_USAGE =
  "  --site 站点名    站群里的一个站点（_data/group.yaml，见 docs/group.md），默认仓库根目录的站点 (site of the group)";

/** What `--site NAME` / `--all` ask a command to run on: every site, or one (none named: the repository's own). */
export type SiteSelection = { all: true } | { all: false; site?: string };

/**
 * Reads `--site` and `--all` of a command line, with the options that name one output (`--out`,
 * `--cache`) that `--all` cannot take: the selection, or the line to print before exit 2.
 */
export function readSiteSelection(values: {
  site?: unknown;
  all?: unknown;
  out?: unknown;
  cache?: unknown;
}): SiteSelection | { mistake: string } {
  const site = typeof values.site === "string" ? values.site : undefined;
  if (values.site !== undefined && !site?.trim())
    return { mistake: "--site 后面要写站点名，如 --site kgxj (--site needs a name)" };
  if (values.all !== true) return { all: false, ...(site ? { site } : {}) };
  const clashing = (["site", "out", "cache"] as const).filter((name) => values[name] !== undefined);
  if (clashing.length === 0) return { all: true };
  const names = clashing.map((name) => `--${name}`).join("、");
  return {
    mistake: `--all 不能和 ${names} 一起用：每个站点输出到自己的目录 (--all takes no ${clashing.map((name) => `--${name}`).join(", ")})`,
  };
}

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
