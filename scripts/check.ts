import { fileURLToPath } from "node:url";
import { checkContent } from "../lib/commands/check.ts";
import {
  commandLineOrExit,
  problemInGroup,
  readSiteSelection,
  runAllSites,
  SITE_OPTION,
  SITE_USAGE,
  siteTargetOrExit,
} from "../lib/commands/index.ts";
import { formatProblem, problemCountLine } from "../lib/content/index.ts";

const USAGE = `用法 (usage): npm run check [-- --site 站点名 | --all] [--root 目录]

校验 content/ 和 _data/ 下的全部文件，不生成网站；每个问题一行：文件:行: 字段: 说明。有问题时退出码为 1。
Validates every content file without building; one problem a line (file:line: field: message); exit 1 on any.

  --root 目录     站点根目录（含 content/ 和 _data/），站群时是仓库目录，默认当前目录 (site or group root, default .)
${SITE_USAGE}
  --all           检查站群里的全部站点 (check every site of the group)
  -h, --help      显示本说明 (show this help)`;

const { values } = commandLineOrExit({
  usage: USAGE,
  options: { root: { type: "string", default: "." }, ...SITE_OPTION, all: { type: "boolean", default: false } },
});
const root = values.root as string;
const selection = readSiteSelection(values);
if ("mistake" in selection) {
  console.error(selection.mistake);
  process.exit(2);
}
if (selection.all) {
  process.exitCode = await runAllSites({ groupRoot: root, script: fileURLToPath(import.meta.url), verb: "检查" });
} else {
  const target = siteTargetOrExit(root, selection.site);
  const report = checkContent(target.site.dir);
  const output =
    report.exitCode === 0 || target.site.root === "."
      ? report.output
      : [
          ...report.problems.map((problem) => formatProblem(problemInGroup(problem, target))),
          problemCountLine(report.problems.length),
        ].join("\n");
  (report.exitCode === 0 ? console.log : console.error)(output);
  process.exitCode = report.exitCode;
}
