import { type InspectOptions, inspectSite } from "../../../lib/inspect/inspect.ts";
import type { CheckId, CheckResult, InspectionReport } from "../../../lib/inspect/types.ts";
import { PROJECT_DIR } from "../../../lib/shared/paths.ts";
import { createFixtureSite, type FixtureFiles, type FixtureSite } from "../../helpers/fixture.ts";

const sites: FixtureSite[] = [];

/** Inspects a fixture site made of the sample site file and `files`, without a built site. */
export async function inspectFixture(
  files: FixtureFiles,
  now: string,
  options: Partial<InspectOptions> = {},
): Promise<InspectionReport> {
  const site = createFixtureSite(files);
  sites.push(site);
  const outcome = await inspectSite({
    root: site.root,
    now,
    siteDir: false,
    wordListFallback: PROJECT_DIR,
    ...options,
  });
  if (outcome.problems) throw new Error(outcome.problems.map((problem) => problem.message).join("\n"));
  return outcome.report;
}

/** Removes every fixture site made so far. */
export function removeFixtures(): void {
  for (const site of sites.splice(0)) site.remove();
}

/** One check of a report. */
export function checkOf(report: InspectionReport, id: CheckId): CheckResult {
  const check = report.checks.find((entry) => entry.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
}

/** An article file of the given column and date. */
export function article(column: string, date: string, extra = "", body = "正文第一段。\n"): string {
  return `---\ntitle: ${column}的文章\ndate: ${date}\ncolumn: ${column}\n${extra}---\n${body}`;
}

/** A notices file with one notice on each date. */
export function notices(...dates: string[]): string {
  return dates
    .map((date, index) => `- title: 通知${index + 1}\n  date: ${date}\n  url: https://www.gov.cn/\n`)
    .join("");
}
