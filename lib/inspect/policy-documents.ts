import { DateTime } from "luxon";
import type { AnnualReportKind } from "../content/index.ts";
import { dayOf, type InspectContext } from "./context.ts";
import { freshness, parsePeriod } from "./periods.ts";
import { type CheckResult, checkResult, type Finding } from "./types.ts";

/** How long after a 规范性文件 its 解读 may follow, unless the site file says otherwise. */
export const DEFAULT_INTERPRETATION_WITHIN = "14d";

/**
 * 政策解读: each 规范性文件 in force (`normative: true`, 现行有效) has a 解读 that names it
 * (`interprets`); without one, a warning once the site's period (`inspection.interpretation_within`)
 * since its publication has passed, a note before.
 */
export function checkInterpretations(context: InspectContext): CheckResult {
  const { content, now } = context;
  const within = content.site.inspection?.interpretation_within ?? DEFAULT_INTERPRETATION_WITHIN;
  const period = parsePeriod(within);
  const findings: Finding[] = [];
  const normative = content.articles.filter(
    (article) => article.document?.normative && article.document.validity === "现行有效",
  );
  for (const article of normative) {
    if (article.interpretations?.length) continue;
    const line = context.sources.findLine(article.sourcePath, (text) => /^normative\s*:/.test(text));
    const published = DateTime.fromISO(article.date, { setZone: true });
    const late = period !== "never" && freshness(published, period, now, 0).state === "stale";
    findings.push({
      severity: late ? "warn" : "info",
      file: article.sourcePath,
      line,
      field: "normative",
      message: `规范性文件「${article.title}」（${dayOf(article.date)} 发布）还没有政策解读：解读文章写 interprets: ${article.url}${late ? `，已超过 ${within}` : ""}`,
    });
  }
  const missing = findings.length;
  return checkResult(
    "interpretations",
    `${normative.length} 件现行有效的规范性文件，${missing} 件没有政策解读（期限 ${within}）`,
    findings,
  );
}

const REPORTS: { kind: AnnualReportKind; title: string; how: string }[] = [
  {
    kind: "网站年度报表",
    title: "政府网站工作年度报表",
    how: "npm run annual-report -- --year {year} 生成草稿，核对后去掉 draft 发布",
  },
  {
    kind: "信息公开年报",
    title: "政府信息公开工作年度报告",
    how: "写 content/pages/xxgk/nb-{year}.md，front matter 写 report: 信息公开年报 和 year: {year}",
  },
];

/**
 * 年度报告: the 政府网站工作年度报表 (国办函〔2018〕12号) and the 政府信息公开工作年度报告 (《政府信息公开条例》
 * 第四十九条) of the year before are published by 31 January: from 1 January a warning for each
 * missing, from 1 February a failure. A 年报 kept on the city platform (public_information.annual_reports
 * is an address elsewhere) is a note to check by hand.
 */
export function checkAnnualReports(context: InspectContext): CheckResult {
  const { content, now } = context;
  const year = now.year - 1;
  const late = now.month > 1;
  const findings: Finding[] = [];
  const external = /^https?:/.test(content.site.public_information.annual_reports ?? "");
  for (const report of REPORTS) {
    const published = content.staticPages.some(
      (page) => page.report?.kind === report.kind && page.report.year === year,
    );
    if (published) continue;
    if (report.kind === "信息公开年报" && external) {
      findings.push({
        severity: "info",
        file: "_data/site.yaml",
        line: context.siteLine(["public_information", "annual_reports"]),
        message: `${year} 年${report.title}在平台上发布：请人工确认已于 ${year + 1}-01-31 前发布`,
      });
      continue;
    }
    findings.push({
      severity: late ? "fail" : "warn",
      message: `${year} 年${report.title}还没有发布，${late ? "已超过" : "应在"} ${year + 1}-01-31${late ? "" : " 前发布"}：${report.how.replaceAll("{year}", String(year))}`,
    });
  }
  const missing = findings.filter((finding) => finding.severity !== "info").length;
  return checkResult("annual-reports", `${year} 年的两份年度报告：${2 - missing} 份已发布`, findings);
}
