import { DateTime } from "luxon";
import type { Article, Notice } from "../content/index.ts";
import { dateLocation, dayOf, type InspectContext } from "./context.ts";
import { columnPeriod, describePeriod, freshness, type Period, parsePeriod } from "./periods.ts";
import { type CheckResult, checkResult, type Finding } from "./types.ts";

/** The home page must show something new every two weeks (首页不更新: 单项否决). */
export const HOME_PERIOD: Exclude<Period, "never"> = { amount: 14, unit: "d" };

/** Stale or empty columns from this many on fail the site (栏目不更新, 空白栏目: 单项否决). */
export const VETO_COLUMN_COUNT = 5;

/** A list of dated items the inspection judges as one column: a column of the site file, or 通知公告. */
export interface Series {
  name: string;
  /** Published items, newest first. */
  items: (Article | Notice)[];
  period: Period;
  /** Where the period comes from: `update_every`, or the column class (`动态、要闻类`). */
  source: string;
  /** Where to point a finding about the series as a whole. */
  location: { file: string; line: number };
}

/** The columns of the site file, then 通知公告, each with its published items and update period. */
export function seriesOf(context: InspectContext): Series[] {
  const { content, siteLine } = context;
  const columns: Series[] = content.columns.map((listing, index) => ({
    name: listing.column.name,
    items: listing.articles,
    ...columnPeriod(listing.column),
    location: {
      file: "_data/site.yaml",
      line: siteLine(listing.column.update_every ? ["columns", index, "update_every"] : ["columns", index]),
    },
  }));
  const noticesPeriod = content.site.inspection?.notices_update_every;
  const newestNotice = content.notices[0];
  const notices: Series = {
    name: "通知公告",
    items: content.notices,
    period: parsePeriod(noticesPeriod ?? "6m"),
    source: noticesPeriod ? "notices_update_every" : "通知公告类",
    location: newestNotice ? dateLocation(context, newestNotice) : { file: "content/notices", line: 1 },
  };
  return [...columns, notices];
}

/** A content date (ISO with offset) as a DateTime in the zone of `now`. */
const fromIso = (iso: string, now: DateTime) => DateTime.fromISO(iso, { setZone: true }).setZone(now.zone);

const itemText = (context: InspectContext, item: Article | Notice) =>
  `${dayOf(item.date)}「${item.title}」（${dateLocation(context, item).file}）`;

/** 首页不更新: the newest dated item the home page shows must be at most two weeks old. */
export function checkHomeUpdated(context: InspectContext): CheckResult {
  const { content, now, warnDays } = context;
  const shown: (Article | Notice)[] = [
    ...content.columns.flatMap((listing) => listing.articles.slice(0, content.site.home_articles_per_column)),
    ...content.notices.slice(0, content.site.notices_block_size),
  ];
  const newest = shown.reduce<Article | Notice | undefined>(
    (best, item) => (!best || item.date > best.date ? item : best),
    undefined,
  );
  if (!newest) {
    const finding: Finding = {
      severity: "fail",
      file: "_data/site.yaml",
      line: 1,
      message: "首页没有任何带发布时间的文章或通知公告，等同于首页不更新（单项否决）",
    };
    return checkResult("home-updated", "首页没有带日期的信息", [finding]);
  }
  const state = freshness(fromIso(newest.date, now), HOME_PERIOD, now, warnDays);
  const where = dateLocation(context, newest);
  const last = `最近一次更新是 ${itemText(context, newest)}，${state.daysSince} 天前`;
  const findings: Finding[] = [];
  if (state.state === "stale")
    findings.push({
      severity: "fail",
      ...where,
      message: `首页已超过两周没有更新：${last}。请发布新的文章或通知公告（单项否决「首页不更新」）`,
    });
  else if (state.state === "due")
    findings.push({
      severity: "warn",
      ...where,
      message: `首页${last}；${state.deadline} 之后仍无新内容就是「首页不更新」（单项否决），还有 ${state.daysLeft} 天`,
    });
  return checkResult("home-updated", `首页${last.replace(/（[^）]*）/, "")}，期限两周`, findings);
}

/** 栏目不更新: each column (and 通知公告) within its period; a warning each, a failure from five on. */
export function checkColumnsUpdated(context: InspectContext): CheckResult {
  const findings: Finding[] = [];
  let stale = 0;
  let due = 0;
  let checked = 0;
  for (const series of seriesOf(context)) {
    const newest = series.items[0];
    if (series.period === "never") {
      findings.push({
        severity: "info",
        ...series.location,
        message: `栏目「${series.name}」设为不检查更新（update_every: never）`,
      });
      continue;
    }
    if (!newest) continue;
    checked++;
    const state = freshness(fromIso(newest.date, context.now), series.period, context.now, context.warnDays);
    const rule = `更新周期 ${describePeriod(series.period)}（${series.source}）`;
    const last = `最近一次更新是 ${itemText(context, newest)}`;
    if (state.state === "stale") {
      stale++;
      findings.push({
        severity: "warn",
        ...series.location,
        message: `栏目「${series.name}」已 ${state.daysSince} 天没有更新，超过${rule}：${last}`,
      });
    } else if (state.state === "due") {
      due++;
      findings.push({
        severity: "warn",
        ...series.location,
        message: `栏目「${series.name}」${last}，${rule}：${state.deadline} 之后仍无新内容就算不更新，还有 ${state.daysLeft} 天`,
      });
    }
  }
  if (stale >= VETO_COLUMN_COUNT)
    findings.push({
      severity: "fail",
      file: "_data/site.yaml",
      line: context.siteLine(["columns"]),
      message: `${stale} 个栏目未按时更新，达到 ${VETO_COLUMN_COUNT} 个：单项否决「栏目不更新」`,
    });
  const summary = `检查了 ${checked} 个栏目（含通知公告）：${stale} 个未按时更新，${due} 个即将到期（${VETO_COLUMN_COUNT} 个及以上未更新为不合格）`;
  return checkResult("columns-updated", summary, findings);
}

/** 空白栏目: a column (or 通知公告) with nothing published; a warning each, a failure from five on. */
export function checkEmptyColumns(context: InspectContext): CheckResult {
  const findings: Finding[] = [];
  const series = seriesOf(context);
  const empty = series.filter((entry) => entry.items.length === 0);
  for (const entry of empty) {
    const what = entry.name === "通知公告" ? "通知公告" : `栏目「${entry.name}」`;
    findings.push({
      severity: "warn",
      ...entry.location,
      message: `${what}没有任何已发布的内容（空白栏目）：请发布内容，或在 _data/site.yaml 里删去不用的栏目`,
    });
  }
  if (empty.length >= VETO_COLUMN_COUNT)
    findings.push({
      severity: "fail",
      file: "_data/site.yaml",
      line: context.siteLine(["columns"]),
      message: `${empty.length} 个空白栏目，达到 ${VETO_COLUMN_COUNT} 个：单项否决「空白栏目」`,
    });
  const summary = `${series.length} 个栏目（含通知公告）中 ${empty.length} 个没有已发布的内容`;
  return checkResult("empty-columns", summary, findings);
}
