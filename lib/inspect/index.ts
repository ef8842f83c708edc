/*
 * After the build, inspect: takes the catalog (with drafts and scheduled items), the site file, the
 * word list and the built site; gives the report against the inspection indicators (text, Markdown, HTML).
 */
export { type InspectOptions, type InspectOutcome, inspectSite, resolveBuiltSite } from "./inspect.ts";
export { parseInspectArgs, USAGE } from "./options.ts";
export { formatHtmlReport, REPORT_FILE } from "./report-html.ts";
export { formatMarkdownReport, formatTextReport } from "./report-text.ts";
