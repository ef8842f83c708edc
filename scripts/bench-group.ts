import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchGroup, groupTable } from "../bench/group-build.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";

const USAGE = `用法 (usage): npm run bench:group [-- --runs K] [--keep] [--results 目录]

把示例站群（_data/group.yaml 的两个站点）复制到临时目录，轮流计时 npm run build -- --all 和最大的那个站点单独构建
（每次都从头构建，先跑一对不计），取每一对的比值的中位数，目标 ≤ 1.3 倍（两核）。结果写到 bench/results/group.json 和 .md。
Times npm run build -- --all against the larger site alone, cold, in turn; the median of the pairs' ratios (target ≤ 1.3x).

  --runs K        计几对，默认 5 (pairs timed; default 5)
  --keep          保留临时目录 (keep the work folder)
  --results 目录  结果写到这里，默认 bench/results (results folder)
  -h, --help      显示本说明 (show this help)`;

const { values } = commandLineOrExit({
  usage: USAGE,
  options: {
    runs: { type: "string", default: "5" },
    keep: { type: "boolean", default: false },
    results: { type: "string", default: path.join(PROJECT_DIR, "bench/results") },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs: 应当是正整数，现在是「${values.runs}」(a whole number, at least 1)`);
  process.exit(2);
}
const work = mkdtempSync(path.join(os.tmpdir(), "bureau-bench-group-"));
try {
  const result = await benchGroup(work, runs);
  const results = path.resolve(String(values.results));
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, "group.json"), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(results, "group.md"), groupTable(result));
  console.log(groupTable(result));
} finally {
  if (values.keep) console.log(`保留 (kept): ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
