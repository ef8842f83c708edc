import {
  type CheckResult,
  type CheckStatus,
  type Finding,
  formatFinding,
  type InspectionReport,
  type Severity,
} from "./types.ts";

/** Chinese words for a check's result and a finding's weight. */
export const STATUS_LABELS: Record<CheckStatus, string> = { pass: "通过", warn: "警告", fail: "不合格" };
export const SEVERITY_LABELS: Record<Severity, string> = { fail: "不合格", warn: "警告", info: "提示" };

/** Notes (info findings) printed per check in the text report; the JSON and HTML reports have them all. */
export const NOTES_SHOWN = 10;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The summary line, in both languages: `共 N 项：通过 X，警告 Y，不合格 Z (N checks: X passed, Y warnings, Z failures)`. */
export function summaryLine(report: InspectionReport): string {
  const { passed, warnings, failures } = report.counts;
  const total = report.checks.length;
  return `共 ${total} 项：通过 ${passed}，警告 ${warnings}，不合格 ${failures} (${plural(total, "check")}: ${passed} passed, ${plural(warnings, "warning")}, ${plural(failures, "failure")})`;
}

/** The verdict line: whether a 单项否决 check failed, which makes the exit status 1. */
export function verdictLine(report: InspectionReport): string {
  const failed = report.checks.filter((check) => check.veto && check.status === "fail").map((check) => check.name);
  return failed.length > 0
    ? `结论：单项否决项不合格（${failed.join("、")}），网站会被判为不合格 (a veto check failed: exit status 1)`
    : "结论：单项否决项都没有不合格 (no veto check failed)";
}

/** When and what the report judged: the site, the moment, the built site. */
export function headerLine(report: InspectionReport): string {
  const moment = `${report.now.slice(0, 10)} ${report.now.slice(11, 16)}`;
  const built = report.siteDir ? `，页面取自 ${report.siteDir}` : "，没有检查构建好的页面";
  return `网站检查 (site inspection)：${report.siteName}，按 ${moment}（${report.timeZone}）检查${built}`;
}

const category = (check: CheckResult) => check.category;
const title = (check: CheckResult) => `${check.name} (${check.id})`;

/** The display width of a string in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

function findingLines(check: CheckResult, notesShown: number): string[] {
  const lines: string[] = [];
  const notes = check.findings.filter((finding) => finding.severity === "info");
  const shown = [...check.findings.filter((finding) => finding.severity !== "info"), ...notes.slice(0, notesShown)];
  for (const finding of shown)
    lines.push(
      formatFinding({ ...finding, message: `[${SEVERITY_LABELS[finding.severity]}] ${finding.message}` }, check.name),
    );
  if (notes.length > notesShown)
    lines.push(`  … 另有 ${notes.length - notesShown} 条提示（--json 或 HTML 报告里有全部）`);
  return lines;
}

/** The report as `npm run inspect` prints it: each check with its findings, then a table and the summary. */
export function formatTextReport(report: InspectionReport, notesShown = NOTES_SHOWN): string {
  const lines = [
    headerLine(report),
    "依据《政府网站与政务新媒体检查指标》：单项否决项有一项不合格，网站即为不合格。",
    "",
  ];
  for (const check of report.checks) {
    lines.push(`■ ${title(check)} · ${category(check)} · ${STATUS_LABELS[check.status]}`);
    lines.push(`  ${check.summary}`);
    lines.push(...findingLines(check, notesShown));
    lines.push("");
  }
  const rows = report.checks.map((check) => [title(check), category(check), STATUS_LABELS[check.status]]);
  const header = ["检查项 (check)", "类别", "结果"];
  const widths = header.map((cell, column) =>
    Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ""))),
  );
  for (const row of [header, ...rows])
    lines.push(
      row
        .map((cell, column) => pad(cell, widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    );
  lines.push("", summaryLine(report), verdictLine(report));
  return lines.join("\n");
}

const MARKS: Record<CheckStatus, string> = { pass: "✅", warn: "⚠️", fail: "❌" };
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** Findings listed per check in the Markdown summary; a job summary is limited in size. */
export const MARKDOWN_FINDINGS = 50;

const markdownFinding = (finding: Finding) =>
  `- ${finding.file ? `\`${finding.file}:${finding.line ?? 1}\` ` : ""}${SEVERITY_LABELS[finding.severity]}：${finding.message}`;

/** The report in Markdown, for a CI job summary (`$GITHUB_STEP_SUMMARY`): the table, then warnings and failures. */
export function formatMarkdownReport(report: InspectionReport): string {
  const lines = [
    `## ${cell(headerLine(report))}`,
    "",
    "| 检查项 (check) | 类别 | 结果 | 说明 |",
    "| --- | --- | --- | --- |",
  ];
  for (const check of report.checks)
    lines.push(
      `| ${cell(title(check))} | ${category(check)} | ${MARKS[check.status]} ${STATUS_LABELS[check.status]} | ${cell(check.summary)} |`,
    );
  lines.push("", `**${summaryLine(report)}**`, "", verdictLine(report), "");
  for (const check of report.checks) {
    const serious = check.findings.filter((finding) => finding.severity !== "info");
    if (serious.length === 0) continue;
    lines.push(`### ${MARKS[check.status]} ${cell(title(check))}`, "");
    lines.push(...serious.slice(0, MARKDOWN_FINDINGS).map(markdownFinding));
    if (serious.length > MARKDOWN_FINDINGS)
      lines.push(`- … 另有 ${serious.length - MARKDOWN_FINDINGS} 条，见 HTML 报告`);
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}
