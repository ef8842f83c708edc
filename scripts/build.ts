import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { buildNodeFlags, buildSite, recommendedHeapMegabytes } from "../lib/build.ts";
import { findContentValidationError, formatProblem } from "../lib/problems.ts";

/**
 * `npm run build [-- --root DIR --out DIR --no-search]`: validate, render and index the site
 * (by default the one in the current folder) into its _site/.
 */
function cliOptions() {
  return parseArgs({
    options: {
      root: { type: "string", default: "." },
      out: { type: "string" },
      "no-search": { type: "boolean", default: false },
    },
  }).values;
}

async function main(): Promise<void> {
  const values = cliOptions();
  const started = Date.now();
  try {
    const result = await buildSite({
      root: path.resolve(values.root),
      outputDir: values.out && path.resolve(values.out),
      searchIndex: !values["no-search"],
    });
    const stages = Object.entries(result.timings)
      .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)}s`)
      .join(", ");
    console.log(
      `构建完成 (build done): ${result.pages} 个页面（${result.reusedPages} 篇未改动的文章沿用上次构建 reused），${result.indexedPages} 个页面进入搜索索引，用时 ${((Date.now() - started) / 1000).toFixed(2)}s（${stages}）→ ${result.outputDir}`,
    );
  } catch (error) {
    const invalid = findContentValidationError(error);
    if (invalid) {
      console.error(`内容校验失败，未生成任何页面，_site 保持原样 (content validation failed, nothing written):`);
      for (const problem of invalid.problems) console.error(formatProblem(problem));
      console.error(`共 ${invalid.problems.length} 个问题。`);
    } else {
      console.error("构建失败 (build failed)，_site 保持原样：");
      console.error(error);
    }
    process.exitCode = 1;
  }
}

/**
 * Runs this script again in a Node with the flags a site of this size needs (buildNodeFlags: a heap
 * that fits it, and for a large site a heap that is collected before it grows far past its live
 * size), unless it already has them: editors never need to set NODE_OPTIONS. Returns whether it did.
 */
function reexecWithBuildFlags(): boolean {
  if (process.env.BUREAU_BUILD_HEAP) return false;
  const flags = buildNodeFlags(path.resolve(cliOptions().root));
  const heapFits = v8.getHeapStatistics().heap_size_limit / 1048576 >= recommendedHeapMegabytes() * 0.9;
  const otherFlags = flags.filter((flag) => !flag.startsWith("--max-old-space-size="));
  if (heapFits && otherFlags.every((flag) => process.execArgv.includes(flag))) return false;
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...flags, process.argv[1] as string, ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, BUREAU_BUILD_HEAP: flags.join(" ") },
    },
  );
  process.exitCode = child.status ?? 1;
  return true;
}

if (!reexecWithBuildFlags()) await main();
