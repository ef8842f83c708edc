import path from "node:path";
import { findContentValidationError, formatProblem } from "../content/index.ts";
import {
  formatGroupSummary,
  type GroupSite,
  type LineWriter,
  resolveAllSites,
  resolveSite,
  runForEachSite,
  type SiteTarget,
} from "../group/index.ts";

export interface AllSitesCommand {
  /** The repository holding `_data/group.yaml`. */
  groupRoot: string;
  /** The script to run for each site, as `<script> --root <groupRoot> --site <name> …args`. */
  script: string;
  /** Arguments after `--site NAME`. */
  args?: readonly string[];
  /** What the summary calls the run: 构建, 检查. */
  verb: string;
  /** Children at once (default the number of cores). */
  concurrency?: number;
  /**
   * Node flags a site's child starts with (the build's heap), so that it need not start Node
   * again to get them; they also go into the child's BUREAU_BUILD_HEAP.
   */
  nodeFlags?(site: GroupSite): string[];
  /**
   * Sites this process runs itself instead of starting a child for each: `has` says which, `run`
   * runs one, its output lines to `write`, and resolves with its exit code.
   */
  inProcess?: {
    has(site: GroupSite): boolean;
    run(target: SiteTarget, write: LineWriter): Promise<number>;
  };
}

/**
 * `--all`: checks the group (names, roots, no shared address or 网站标识码; exit 1 with one line a
 * problem before anything runs), then runs the script for every site in child processes side by
 * side (but for the sites `inProcess` has, run in this process beside them), their output
 * prefixed `[name]`, and prints a summary naming each site. Returns the exit
 * code: 1 when any site failed, while every other site still ran to its end.
 */
export async function runAllSites(command: AllSitesCommand): Promise<number> {
  const groupRoot = path.resolve(command.groupRoot);
  let sites: ReturnType<typeof resolveAllSites>["sites"];
  try {
    sites = resolveAllSites(groupRoot).sites;
  } catch (error) {
    const invalid = findContentValidationError(error);
    if (!invalid) throw error;
    console.error("站群配置有问题，未构建任何站点 (the group is invalid, nothing built):");
    for (const problem of invalid.problems) console.error(formatProblem(problem));
    return 1;
  }
  const { inProcess } = command;
  const runs = await runForEachSite(sites, {
    concurrency: command.concurrency,
    ...(inProcess
      ? {
          inProcess: {
            has: (site) => inProcess.has(site),
            run: (site, write) => inProcess.run(resolveSite(groupRoot, site.name), write),
          },
        }
      : {}),
    command: (site) => {
      const flags = command.nodeFlags?.(site) ?? [];
      return {
        program: process.execPath,
        args: [
          ...process.execArgv,
          ...flags,
          command.script,
          "--root",
          groupRoot,
          "--site",
          site.name,
          ...(command.args ?? []),
        ],
        ...(flags.length > 0 ? { env: { ...process.env, BUREAU_BUILD_HEAP: flags.join(" ") } } : {}),
      };
    },
    write: (line, stream) => (stream === "stdout" ? console.log(line) : console.error(line)),
  });
  const summary = formatGroupSummary(command.verb, runs);
  const failed = runs.some((run) => run.exitCode !== 0);
  (failed ? console.error : console.log)(summary);
  return failed ? 1 : 0;
}
