import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchMinutes, benchSize, SetAside } from "../bench/bench-size.ts";
import { type SizeResult, scaleChart, sizeTable, summaryTable } from "../bench/report.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";

const USAGE = `用法 (usage): npm run bench [-- --articles N | --sizes 1000,10000,100000] [--runs K] [--rebuild]
                       [--skip-first-search] [--keep] [--work 目录] [--results 目录]

生成 N 篇文章的合成站点（四个栏目、十年、每十篇一条通知），分别用完整构建、纯 Eleventy 和单独的搜索索引构建，
各跑 K 次（各自的进程），记录每一步的用时、整个进程树的内存峰值、输出大小、比值、改一篇文章后的重建，
以及在 Chromium 里的首次搜索；结果写到 bench/results/。详见 docs/scale.md。
Builds a synthetic archive with the full pipeline, bare Eleventy and the search index alone; results in bench/results/.

  --articles N          文章数，默认 10000 (articles; default 10000)
  --sizes A,B,…         依次测几种规模 (several sizes in turn)
  --runs K              每种构建跑几次，取中位数，默认 3 (runs per build; median quoted)
  --rebuild             再测改一篇文章后的重建 (also time a rebuild after one article changed)
  --skip-first-search   不测浏览器里的首次搜索 (skip the first search in Chromium)
  --keep                保留语料和输出 (keep the corpus and outputs)
  --work 目录           语料和输出放在这里，默认系统临时目录 (work folder)
  --results 目录        结果写到这里，默认 bench/results (results folder)
  -h, --help            显示本说明 (show this help)`;

/** Rewrites the summary table and chart from every per-size result in the results folder. */
function writeSummary(resultsDir: string): void {
  const results = readdirSync(resultsDir)
    .filter((name) => /^articles-\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(path.join(resultsDir, name), "utf8")) as SizeResult);
  if (results.length === 0) return;
  writeFileSync(path.join(resultsDir, "summary.md"), summaryTable(results));
  writeFileSync(path.join(resultsDir, "scale.svg"), scaleChart(results));
}

async function main(): Promise<void> {
  const { values } = commandLineOrExit({
    usage: USAGE,
    options: {
      articles: { type: "string", default: "10000" },
      sizes: { type: "string" },
      runs: { type: "string", default: "3" },
      rebuild: { type: "boolean", default: false },
      // Outside the project: Eleventy skips input under gitignored folders such as .cache/.
      work: { type: "string", default: path.join(os.tmpdir(), "bureau-bench") },
      results: { type: "string", default: path.join(PROJECT_DIR, "bench/results") },
      keep: { type: "boolean", default: false },
      "skip-first-search": { type: "boolean", default: false },
    },
  });
  const sizes = String(values.sizes ?? values.articles)
    .split(",")
    .map((size) => Number(size.trim()));
  const runs = Number(values.runs);
  if (sizes.some((size) => !Number.isInteger(size) || size < 10) || !Number.isInteger(runs) || runs < 1) {
    console.error("--articles / --sizes 应为不小于 10 的整数，--runs 应为正整数 (whole numbers, at least 10 and 1)");
    process.exit(2);
  }
  const rebuild = values.rebuild === true;
  console.error(
    `将测 ${sizes.map((size) => size.toLocaleString("en-US")).join("、")} 篇文章的合成站点，每种构建 ${runs} 次${rebuild ? "，另测重建" : ""}${values["skip-first-search"] ? "" : "，以及浏览器里的首次搜索"}；` +
      `本机（2 核）约需 ${benchMinutes(sizes, runs, rebuild)} 分钟。--help 查看选项。` +
      `\n(bench: ${sizes.join(", ")} articles, ${runs} run(s) each; about ${benchMinutes(sizes, runs, rebuild)} min on the 2-core machine)`,
  );
  const workDir = path.resolve(String(values.work));
  const resultsDir = path.resolve(String(values.results));
  mkdirSync(workDir, { recursive: true });
  mkdirSync(resultsDir, { recursive: true });
  const setAside = new SetAside(path.join(workDir, `set-aside-${process.pid}`));
  for (const articles of sizes) {
    const result = await benchSize(
      articles,
      runs,
      rebuild,
      workDir,
      setAside,
      (line) => console.error(line),
      values["skip-first-search"] !== true,
    );
    const base = path.join(resultsDir, `articles-${articles}`);
    writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${base}.md`, sizeTable(result));
    console.log(sizeTable(result));
    if (values.keep !== true)
      for (const entry of readdirSync(workDir))
        if (entry === `corpus-${articles}` || entry.startsWith(`out-${articles}-`))
          setAside.put(path.join(workDir, entry));
  }
  setAside.empty();
  writeSummary(resultsDir);
  console.log(`结果已写入 (results written to) ${resultsDir}`);
}

await main();
