import { appendFileSync } from "node:fs";
import path from "node:path";
import { siteTargetOrExit } from "../lib/commands/index.ts";
import { loadGroup } from "../lib/group/index.ts";
import { parseInspectArgs, USAGE } from "../lib/inspect/options.ts";
import { PROJECT_DIR, writeFileAtomic } from "../lib/shared/index.ts";

/**
 * `npm run inspect [-- --now "YYYY-MM-DD HH:mm" --json --site DIR --html FILE --summary FILE --online]`:
 * checks the site against the government website inspection indicators and reports item by item;
 * exit status 1 when a 单项否决 check fails (or the content is invalid), 2 for a wrong option.
 */
async function main(): Promise<number> {
  const command = parseInspectArgs(process.argv.slice(2));
  if (command.kind === "help") {
    console.log(USAGE);
    return 0;
  }
  if (command.kind === "error") {
    console.error(command.message);
    return 2;
  }
  // The checks load the content model, zod and an HTML parser: only once the options are known to be right.
  const [
    { formatHtmlReport, formatMarkdownReport, formatTextReport, inspectSite, REPORT_FILE, resolveBuiltSite },
    content,
  ] = await Promise.all([import("../lib/inspect/index.ts"), import("../lib/content/index.ts")]);
  const { formatProblem, problemCountLine } = content;
  const { options } = command;
  // --site NAME names a site of the 站群 (its root, its _site); any other --site is the built folder, as before.
  const groupRoot = path.resolve(options.root);
  const named = typeof options.siteDir === "string" ? options.siteDir : undefined;
  const isGroupName = named !== undefined && loadGroup(groupRoot).sites.some((site) => site.name === named);
  const root = siteTargetOrExit(groupRoot, isGroupName ? named : undefined).site.dir;
  if (isGroupName) options.siteDir = undefined;
  const outcome = await inspectSite({
    root,
    now: options.now,
    siteDir: options.siteDir,
    online: options.online,
    wordListFallback: root === groupRoot ? PROJECT_DIR : groupRoot,
  });
  if (outcome.problems) {
    if (options.json) console.log(JSON.stringify({ problems: outcome.problems }, null, 2));
    console.error("内容校验失败，无法检查 (content validation failed, nothing inspected):");
    for (const problem of outcome.problems) console.error(formatProblem(problem));
    console.error(`${problemCountLine(outcome.problems.length)} 请先用 npm run check 改正。`);
    return 1;
  }
  const { report } = outcome;
  // The report names drafts and scheduled items: it goes beside the site, never into it.
  const htmlFile =
    options.html === false ? undefined : options.html ? path.resolve(options.html) : path.join(root, REPORT_FILE);
  const built = resolveBuiltSite(root, options.siteDir);
  if (htmlFile && built && !path.relative(built.dir, htmlFile).startsWith("..")) {
    console.error(
      `--html ${options.html} 在构建好的网站里：报告列有未发布的草稿，会随网站发布，请写到网站目录之外 (the report must not go into the built site)`,
    );
    return 2;
  }
  if (htmlFile) writeFileAtomic(htmlFile, formatHtmlReport(report));
  if (options.summary) appendFileSync(options.summary, formatMarkdownReport(report));
  if (options.json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(formatTextReport(report));
    const shown = path.relative(process.cwd(), htmlFile ?? "");
    if (htmlFile) console.log(`HTML 报告 (HTML report): ${shown.startsWith("..") ? htmlFile : shown}`);
  }
  return report.exitCode;
}

process.exitCode = await main();
