import type { Article, ContentProblem, Notice } from "../content/index.ts";
import { dateLocation, type InspectContext } from "./context.ts";
import { type CheckResult, checkResult, type Finding } from "./types.ts";

const describe = (item: Article | Notice) =>
  item.status === "draft"
    ? `草稿「${item.title}」(draft: true)`
    : `定时发布「${item.title}」（${item.date.slice(0, 10)} ${item.date.slice(11, 16)}）`;

/**
 * Drafts and scheduled items: a warning for each column (or 通知公告) that has nothing published
 * but drafts or scheduled items, so it is empty on the site now; a note for every such item; a
 * warning for each problem that only the preview (drafts included) has, which would fail the build
 * that publishes it.
 */
export function checkPending(context: InspectContext, previewProblems: readonly ContentProblem[] = []): CheckResult {
  const { preview } = context;
  const findings: Finding[] = previewProblems.map((problem) => ({
    severity: "warn",
    file: problem.file,
    line: problem.line,
    field: problem.field,
    message: `草稿或定时发布的内容有问题，发布时构建会失败：${problem.message}`,
  }));
  const groups = [
    ...preview.columns.map((listing) => ({ name: `栏目「${listing.column.name}」`, items: listing.articles })),
    { name: "通知公告", items: preview.notices as (Article | Notice)[] },
  ];
  let drafts = 0;
  let scheduled = 0;
  let leftEmpty = 0;
  for (const group of groups) {
    const pending = group.items.filter((item) => item.status);
    if (pending.length === 0) continue;
    const first = pending[pending.length - 1] as Article | Notice;
    if (pending.length === group.items.length) {
      leftEmpty++;
      const soonest = pending
        .filter((item) => item.status === "scheduled")
        .reduce<string | undefined>((min, item) => (!min || item.date < min ? item.date : min), undefined);
      const when = soonest ? `，最早的定时发布在 ${soonest.slice(0, 10)} ${soonest.slice(11, 16)} 上线` : "";
      findings.push({
        severity: "warn",
        ...dateLocation(context, first),
        message: `${group.name}只有草稿或定时发布的内容（${pending.length} 条），现在网站上是空白栏目${when}`,
      });
    }
    for (const item of pending) {
      if (item.status === "draft") drafts++;
      else scheduled++;
      findings.push({
        severity: "info",
        ...dateLocation(context, item),
        message: `${group.name}：${describe(item)}，现在不发布`,
      });
    }
  }
  const summary = `${drafts} 条草稿，${scheduled} 条定时发布；${leftEmpty} 个栏目因此是空白的`;
  return checkResult("pending", summary, findings);
}
