import { type ContentProblem, formatProblem, problemCountLine } from "../content/index.ts";
import { escapeHtml } from "../shared/index.ts";

/**
 * The page the preview shows in place of every page while the content has problems: each problem
 * as `file:line: field: message`, in Chinese, and a note that the page reloads once it is fixed.
 */
export function previewErrorPage(problems: readonly ContentProblem[], reloadScript: string): string {
  const items = problems.map((problem) => `<li><code>${escapeHtml(formatProblem(problem))}</code></li>`).join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>内容有问题 · 预览</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}h1{color:#a4262c;font-size:1.4rem}li{margin:.5rem 0}code{white-space:pre-wrap;word-break:break-all}</style>
</head>
<body>
<h1>内容有问题，预览暂停更新 (the content has problems)</h1>
<p>改正下面的问题并保存后，页面会自动刷新。</p>
<ol>
${items}
</ol>
<p>${escapeHtml(problemCountLine(problems.length))}</p>
<script src="${reloadScript}"></script>
</body>
</html>
`;
}
