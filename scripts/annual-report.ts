import path from "node:path";
import { DateTime } from "luxon";
import { writeAnnualReport } from "../lib/commands/annual-report.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";
import { findContentValidationError, formatProblem, loadCatalog } from "../lib/content/index.ts";

const USAGE = `用法 (usage): npm run annual-report -- --year YYYY [--root 目录]

生成该年度的政府网站工作年度报表（content/pages/xxgk/wzndbb-YYYY.md，草稿）：本站能统计的数字已填好，其余标为「待填写」。
Writes the year's 政府网站工作年度报表 as a draft page with every figure the build knows.`;

const { values } = commandLineOrExit({
  usage: USAGE,
  options: { year: { type: "string" }, root: { type: "string", default: "." } },
});

/** `npm run annual-report -- --year 2025`: writes the year's report page and says where. */
function main(): void {
  const year = Number(values.year);
  if (!/^\d{4}$/.test(String(values.year ?? "")) || year < 2000) {
    console.error(`请用 --year 写四位年份，如 --year ${DateTime.now().year - 1}\n\n${USAGE}`);
    process.exit(2);
  }
  const root = path.resolve(String(values.root ?? "."));
  try {
    const file = writeAnnualReport(root, loadCatalog({ root }), year);
    console.log(`已生成 (written): ${file}\n请补齐「待填写」的项，核对后删去 draft: true 再发布。`);
  } catch (error) {
    const invalid = findContentValidationError(error);
    if (invalid) for (const problem of invalid.problems) console.error(formatProblem(problem));
    else console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

main();
