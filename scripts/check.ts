import path from "node:path";
import { checkContent } from "../lib/commands/check.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";

const USAGE = `用法 (usage): npm run check [-- --root 目录]

校验 content/ 和 _data/ 下的全部文件，不生成网站；每个问题一行：文件:行: 字段: 说明。有问题时退出码为 1。
Validates every content file without building; one problem a line (file:line: field: message); exit 1 on any.

  --root 目录     站点根目录（含 content/ 和 _data/），默认当前目录 (site root, default .)
  -h, --help      显示本说明 (show this help)`;

const { values } = commandLineOrExit({ usage: USAGE, options: { root: { type: "string", default: "." } } });
const report = checkContent(path.resolve(values.root as string));
(report.exitCode === 0 ? console.log : console.error)(report.output);
process.exitCode = report.exitCode;
