import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import v8 from "node:v8";
import {
  commandLineOrExit,
  problemInGroup,
  readSiteSelection,
  runAllSites,
  SITE_OPTION,
  SITE_USAGE,
  type SiteTarget,
  siteTargetOrExit,
} from "../lib/commands/index.ts";
import { findContentValidationError, formatProblem, problemCountLine } from "../lib/content/index.ts";
import type { BuildResult } from "../lib/pipeline/index.ts";
// The node flags alone (not Eleventy and the stages): what --all and the re-exec need before a build starts.
import { buildNodeFlags, recommendedHeapMegabytes } from "../lib/pipeline/node-flags.ts";

const USAGE = `用法 (usage): npm run build [-- --site 站点名 | --all] [--root 目录] [--out 目录] [--cache 目录] [--no-search]

校验 content/ 和 _data/ 下的全部文件，生成网站和搜索索引，全部成功后才替换已发布的文件夹。
Validates the content, renders the site and its search index into a staging folder, then swaps it in.

  --root 目录     站点根目录（含 content/ 和 _data/），站群时是仓库目录，默认当前目录 (site or group root, default .)
${SITE_USAGE}
  --all           构建站群里的全部站点，几个站点同时进行，各自输出到自己的 _site/ (build every site)
  --out 目录      输出到这个文件夹，默认 <站点目录>/_site (output folder)
  --cache 目录    两次构建之间的缓存放在这里，默认 <root>/.cache (cache folder)
  --no-search     不生成搜索索引 (skip the search index)
  -h, --help      显示本说明 (show this help)`;

const commandLine = commandLineOrExit({
  usage: USAGE,
  options: {
    root: { type: "string", default: "." },
    out: { type: "string" },
    cache: { type: "string" },
    "no-search": { type: "boolean", default: false },
    ...SITE_OPTION,
    all: { type: "boolean", default: false },
  },
});
const options = commandLine.values as {
  root: string;
  out?: string;
  cache?: string;
  "no-search": boolean;
  site?: string;
  all: boolean;
};
const selection = readSiteSelection(options);
if ("mistake" in selection) {
  console.error(selection.mistake);
  process.exit(2);
}

/** The one line `npm run build` prints when it is done. */
export function buildSummary(result: BuildResult, seconds: number): string {
  const stages = Object.entries(result.timings)
    .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)}s`)
    .join(", ");
  const { articles, notices } = result.carriedOver;
  const carried =
    articles + notices > 0 ? `，其中 ${articles} 篇文章、${notices} 个通知页面未改动，沿用上次构建 (carried over)` : "";
  const indexed = result.search ? `，${result.search.pages} 个页面进入搜索索引` : "，未生成搜索索引";
  return `构建完成 (build done): ${result.pages} 个页面${carried}${indexed}，用时 ${seconds.toFixed(2)}s（${stages}）→ ${result.outputDir}`;
}

/** Writes a line to this process's stdout or stderr. */
const toConsole = (line: string, stream: "stdout" | "stderr") =>
  stream === "stdout" ? console.log(line) : console.error(line);

/** Builds one site, its output lines to `write`; resolves with the exit code (1 when the build failed). */
async function buildTarget(target: SiteTarget, write = toConsole): Promise<number> {
  const started = Date.now();
  try {
    const { buildSite } = await import("../lib/pipeline/index.ts");
    const result = await buildSite({
      root: target.site.dir,
      searchPeers: target.peers,
      outputDir: options.out && path.resolve(options.out),
      cacheDir: options.cache && path.resolve(options.cache),
      searchIndex: !options["no-search"],
    });
    write(buildSummary(result, (Date.now() - started) / 1000), "stdout");
    return 0;
  } catch (error) {
    const invalid = findContentValidationError(error);
    if (invalid) {
      write("内容校验失败，未生成任何页面，_site 保持原样 (content validation failed, nothing written):", "stderr");
      for (const problem of invalid.problems) write(formatProblem(problemInGroup(problem, target)), "stderr");
      write(problemCountLine(invalid.problems.length), "stderr");
    } else {
      write("构建失败 (build failed)，_site 保持原样：", "stderr");
      write(inspect(error), "stderr");
    }
    return 1;
  }
}

/**
 * Runs this script again in a Node with the flags a site of this size needs (buildNodeFlags: a heap
 * that fits it, and for a large site a heap that is collected before it grows far past its live
 * size), unless it already has them: editors never need to set NODE_OPTIONS. Returns whether it did.
 */
function reexecWithBuildFlags(siteRoot: string): boolean {
  if (process.env.BUREAU_BUILD_HEAP) return false;
  const flags = buildNodeFlags(siteRoot);
  if (flags.length === 0) return false;
  const heapFits = v8.getHeapStatistics().heap_size_limit / 1048576 >= recommendedHeapMegabytes() * 0.9;
  const otherFlags = flags.filter((flag) => !flag.startsWith("--max-old-space-size="));
  if (heapFits && otherFlags.every((flag) => process.execArgv.includes(flag))) return false;
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...flags, process.argv[1] as string, ...process.argv.slice(2)],
    { stdio: "inherit", env: { ...process.env, BUREAU_BUILD_HEAP: flags.join(" ") } },
  );
  process.exitCode = child.status ?? 1;
  return true;
}

if (selection.all)
  process.exitCode = await runAllSites({
    groupRoot: options.root,
    script: fileURLToPath(import.meta.url),
    args: options["no-search"] ? ["--no-search"] : [],
    verb: "构建",
    // Each site's child starts with its build's heap, rather than starting Node once more for it (reexecWithBuildFlags).
    nodeFlags: (site) => buildNodeFlags(site.dir),
    // The sites that need no flag are built in this process, beside the children (and each other): a Node start fewer each.
    inProcess: { has: (site) => buildNodeFlags(site.dir).length === 0, run: buildTarget },
  });
else {
  const target = siteTargetOrExit(options.root, selection.site);
  if (!reexecWithBuildFlags(target.site.dir)) process.exitCode = await buildTarget(target);
}
