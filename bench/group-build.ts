import { spawn } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { listArticleFiles } from "../lib/content/index.ts";
import { loadGroup } from "../lib/group/index.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";
import { median } from "./statistics.ts";

/*
 * The 站群 benchmark (issue 25: the two sample sites build with --all in ≤ 1.3 × the larger one
 * alone, on two cores): `npm run build -- --all` and `npm run build -- --site <larger>` as an editor
 * runs them (tsx, its own processes), cold each time, in turn, the ratio taken pair by pair.
 */

/** The bound on `--all` over the larger site alone. */
export const GROUP_TARGET_RATIO = 1.3;

/** One pair: `--all`, then the larger site alone, both cold. */
export interface GroupPair {
  allMs: number;
  aloneMs: number;
}

/** The benchmark's result: the group, the pairs, their medians and the machine's load around them. */
export interface GroupBenchResult {
  /** Each site's name and articles, the larger first. */
  sites: { name: string; articles: number }[];
  pairs: GroupPair[];
  allMedianMs: number;
  aloneMedianMs: number;
  /** The median of the pairs' ratios. */
  ratio: number;
  target: number;
  cores: number;
  /** `os.loadavg()` (1, 5, 15 minutes) before the first run and after the last. */
  loadBefore: number[];
  loadAfter: number[];
}

const GROUP_ENTRIES = ["_data", "content", "sites"];

/** Copies the sample group (the group file, the root site, every further site's `_data` and `content`) into `work`. */
export function prepareGroup(work: string): void {
  for (const entry of GROUP_ENTRIES)
    cpSync(path.join(PROJECT_DIR, entry), path.join(work, entry), {
      recursive: true,
      filter: (source) => !/(^|[\\/])(_site|\.cache)([\\/]|$)/.test(path.relative(PROJECT_DIR, source)),
    });
}

/** Removes every site's output and caches: the next build is cold. */
function coldStart(work: string): void {
  for (const site of loadGroup(work).sites)
    for (const folder of ["_site", ".cache"]) rmSync(path.join(site.dir, folder), { recursive: true, force: true });
}

/** Runs `npm run build` with `args` on the group in `work` as an editor would (tsx); its wall time. */
function timeBuild(work: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      path.join(PROJECT_DIR, "node_modules/.bin/tsx"),
      [path.join(PROJECT_DIR, "scripts/build.ts"), "--root", work, ...args],
      { cwd: PROJECT_DIR, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`npm run build -- ${args.join(" ")} exited with ${code}:\n${stderr}`));
    });
  });
}

/** The median of the pairs' ratios and of each command's times. */
export function summarizePairs(pairs: readonly GroupPair[]): {
  allMedianMs: number;
  aloneMedianMs: number;
  ratio: number;
} {
  return {
    allMedianMs: median(pairs.map((pair) => pair.allMs)),
    aloneMedianMs: median(pairs.map((pair) => pair.aloneMs)),
    ratio: median(pairs.map((pair) => pair.allMs / pair.aloneMs)),
  };
}

/**
 * Prepares the group in `work` and times `runs` pairs (after one warm-up pair not counted, so
 * tsx's compile cache and the disk cache are the same for both): `--all`, then the larger site
 * (most articles) alone, each from cold.
 */
export async function benchGroup(work: string, runs: number): Promise<GroupBenchResult> {
  prepareGroup(work);
  const sites = loadGroup(work)
    .sites.map((site) => ({ name: site.name, articles: listArticleFiles(site.dir).length }))
    .sort((a, b) => b.articles - a.articles);
  const larger = (sites[0] as { name: string }).name;
  const pair = async (): Promise<GroupPair> => {
    coldStart(work);
    const allMs = await timeBuild(work, ["--all"]);
    coldStart(work);
    const aloneMs = await timeBuild(work, ["--site", larger]);
    return { allMs, aloneMs };
  };
  await pair();
  const loadBefore = os.loadavg();
  const pairs: GroupPair[] = [];
  for (let run = 0; run < runs; run++) pairs.push(await pair());
  return {
    sites,
    pairs,
    ...summarizePairs(pairs),
    target: GROUP_TARGET_RATIO,
    cores: os.availableParallelism(),
    loadBefore,
    loadAfter: os.loadavg(),
  };
}

/** The benchmark's table, in Markdown. */
export function groupTable(result: GroupBenchResult): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const load = (values: readonly number[]) => values.map((value) => value.toFixed(2)).join(" / ");
  const names = result.sites.map((site) => `${site.name} (${site.articles})`).join(", ");
  const verdict = result.ratio <= result.target ? "within" : "over";
  return [
    `### 站群 --all · the group built with --all vs the larger site alone`,
    "",
    `Sites (articles): ${names}; ${result.pairs.length} pairs, cold, in turn; ${result.cores} cores;` +
      ` load average (1/5/15 min) ${load(result.loadBefore)} before, ${load(result.loadAfter)} after.`,
    "",
    "| build | median s | runs (s) |",
    "| --- | ---: | --- |",
    `| npm run build -- --all | ${seconds(result.allMedianMs)} | ${result.pairs.map((pair) => seconds(pair.allMs)).join(", ")} |`,
    `| npm run build -- --site ${result.sites[0]?.name} | ${seconds(result.aloneMedianMs)} | ${result.pairs.map((pair) => seconds(pair.aloneMs)).join(", ")} |`,
    "",
    `Ratio (median of the pairs' ratios): **${result.ratio.toFixed(2)}×**, ${verdict} the target ≤ ${result.target}×.`,
    "",
  ].join("\n");
}
