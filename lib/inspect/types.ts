/** How much a finding weighs: a failure, a warning, or a note for review that changes no result. */
export type Severity = "fail" | "warn" | "info";

/** The result of one check: passed, passed with warnings, or failed. */
export type CheckStatus = "pass" | "warn" | "fail";

/** One thing a check found, located in a source file wherever it applies. */
export interface Finding {
  severity: Severity;
  /** Path relative to the site root (or the built site's page), with forward slashes. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** The English key the finding is about, e.g. `body` or `footer.icp`. */
  field?: string;
  /** What was found and what to do, in Chinese. */
  message: string;
}

/** The identifiers of the checks, in report order. */
export const CHECK_IDS = [
  "home-updated",
  "columns-updated",
  "empty-columns",
  "wrong-words",
  "personal-data",
  "service-entries",
  "links",
  "external-links",
  "site-identity",
  "page-meta",
  "jiucuo",
  "public-information",
  "annual-reports",
  "interpretations",
  "dates",
  "pending",
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/**
 * What each check is called in the report, and its category in the indicators: 单项否决 (one failure
 * fails the whole site), 扣分项 (scored: each problem costs points), or 提示 (this project's own notes).
 */
export const CHECKS: Record<CheckId, { name: string; veto: boolean; category: "单项否决" | "扣分项" | "提示" }> = {
  "home-updated": { name: "首页更新", veto: true, category: "单项否决" },
  "columns-updated": { name: "栏目更新", veto: true, category: "单项否决" },
  "empty-columns": { name: "空白栏目", veto: true, category: "单项否决" },
  "wrong-words": { name: "严重错误", veto: true, category: "单项否决" },
  "personal-data": { name: "个人信息", veto: true, category: "单项否决" },
  "service-entries": { name: "互动交流和办事服务", veto: true, category: "单项否决" },
  links: { name: "链接和附件", veto: false, category: "扣分项" },
  "external-links": { name: "外部链接", veto: false, category: "扣分项" },
  "site-identity": { name: "网站标识和备案号", veto: false, category: "扣分项" },
  "page-meta": { name: "页面元数据和页脚", veto: false, category: "扣分项" },
  jiucuo: { name: "我为政府网站找错", veto: false, category: "扣分项" },
  "public-information": { name: "政府信息公开专栏", veto: false, category: "扣分项" },
  "annual-reports": { name: "年度报告", veto: false, category: "扣分项" },
  interpretations: { name: "政策解读", veto: false, category: "扣分项" },
  dates: { name: "发布时间", veto: false, category: "提示" },
  pending: { name: "草稿和定时发布", veto: false, category: "提示" },
};

/** One check as the report shows it: a one-line summary and every finding. */
export interface CheckResult {
  id: CheckId;
  name: string;
  veto: boolean;
  category: (typeof CHECKS)[CheckId]["category"];
  status: CheckStatus;
  /** One line in Chinese: what was checked and the outcome. */
  summary: string;
  findings: Finding[];
}

/** What `npm run inspect` found about a site at one moment. */
export interface InspectionReport {
  siteName: string;
  /** The moment the site was judged at, ISO 8601 with the site's offset. */
  now: string;
  timeZone: string;
  /** The built site whose pages were checked, relative to the root, if any. */
  siteDir?: string;
  checks: CheckResult[];
  counts: { passed: number; warnings: number; failures: number };
  /** 1 when a 单项否决 check failed, else 0. */
  exitCode: 0 | 1;
}

/** The status of a check from its findings: the worst of them; notes (info) change nothing. */
export function statusOf(findings: readonly Finding[]): CheckStatus {
  if (findings.some((finding) => finding.severity === "fail")) return "fail";
  if (findings.some((finding) => finding.severity === "warn")) return "warn";
  return "pass";
}

/** Makes a check result from its findings; the status follows from them. */
export function checkResult(id: CheckId, summary: string, findings: Finding[]): CheckResult {
  const { name, veto, category } = CHECKS[id];
  return { id, name, veto, category, status: statusOf(findings), summary, findings };
}

/** Puts check results in report order and counts them; the exit code is 1 when a veto check failed. */
export function assembleReport(
  base: Pick<InspectionReport, "siteName" | "now" | "timeZone" | "siteDir">,
  results: readonly CheckResult[],
): InspectionReport {
  const checks = [...results].sort((a, b) => CHECK_IDS.indexOf(a.id) - CHECK_IDS.indexOf(b.id));
  const count = (status: CheckStatus) => checks.filter((check) => check.status === status).length;
  const counts = { passed: count("pass"), warnings: count("warn"), failures: count("fail") };
  const vetoFailed = checks.some((check) => check.veto && check.status === "fail");
  return { ...base, checks, counts, exitCode: vetoFailed ? 1 : 0 };
}

/** Formats a finding as `path:line: rule: message`, the form of the content check. */
export function formatFinding(finding: Finding, rule: string): string {
  const location = finding.file ? `${finding.file}:${finding.line ?? 1}: ` : "";
  return `${location}${rule}: ${finding.message}`;
}
