import { headerLine, SEVERITY_LABELS, STATUS_LABELS, summaryLine, verdictLine } from "./report-text.ts";
import type { CheckResult, Finding, InspectionReport } from "./types.ts";

/**
 * Where the report goes by default, relative to the site root: outside the built site, since it
 * names every draft and scheduled item by title and file (CI keeps it as an artifact).
 */
export const REPORT_FILE = ".cache/inspect/report.html";

/** The page's own policy: no script, no outside resource; only its inline style. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const STYLE = `
body{font:16px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1a1a1a;background:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}
.pass{color:#0b6b2c}.warn{color:#8a4b00}.fail{color:#b00020}.info{color:#444}
.badge{font-weight:bold}ul{padding-left:1.2rem}li{margin:.2rem 0}code{font-family:ui-monospace,monospace;word-break:break-all}
.verdict{font-weight:bold;font-size:1.1rem}
`;

function findingItem(finding: Finding): string {
  const location = finding.file ? `<code>${escapeHtml(`${finding.file}:${finding.line ?? 1}`)}</code> ` : "";
  return `<li class="${finding.severity}"><span class="badge">${SEVERITY_LABELS[finding.severity]}</span> ${location}${escapeHtml(finding.message)}</li>`;
}

function checkSection(check: CheckResult): string {
  const order = { fail: 0, warn: 1, info: 2 } as const;
  const findings = [...check.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  const list = findings.length ? `<ul>\n${findings.map(findingItem).join("\n")}\n</ul>` : "<p>没有发现问题。</p>";
  return `<section id="${check.id}" aria-labelledby="${check.id}-title">
<h2 id="${check.id}-title">${escapeHtml(check.name)} (${check.id}) · <span class="${check.status}">${STATUS_LABELS[check.status]}</span></h2>
<p>${check.category}：${escapeHtml(check.summary)}</p>
${list}
</section>`;
}

/** The report as a standalone page for editors: not indexed, no script, valid HTML. */
export function formatHtmlReport(report: InspectionReport): string {
  const rows = report.checks
    .map(
      (check) =>
        `<tr><td><a href="#${check.id}">${escapeHtml(check.name)}</a> (${check.id})</td><td>${check.category}</td><td class="${check.status}">${STATUS_LABELS[check.status]}</td><td>${escapeHtml(check.summary)}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>网站检查报告 - ${escapeHtml(report.siteName)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>网站检查报告</h1>
<p>${escapeHtml(headerLine(report))}。依据《政府网站与政务新媒体检查指标》：单项否决项有一项不合格，网站即为不合格。本报告只给编辑看，列有未发布的草稿，不要放到网站上。</p>
<p class="verdict ${report.exitCode ? "fail" : "pass"}">${escapeHtml(verdictLine(report))}</p>
<p>${escapeHtml(summaryLine(report))}</p>
<table>
<caption>检查项一览</caption>
<thead><tr><th scope="col">检查项</th><th scope="col">类别</th><th scope="col">结果</th><th scope="col">说明</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${report.checks.map(checkSection).join("\n")}
</main>
</body>
</html>
`;
}
