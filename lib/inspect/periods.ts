import type { DateTime, DurationLikeObject } from "luxon";

/** An update period as written in `_data/site.yaml` (`14d`, `2w`, `6m`, `1y`), or `never` for a column not checked. */
export type Period = { amount: number; unit: "d" | "w" | "m" | "y" } | "never";

const UNITS: Record<string, { key: keyof DurationLikeObject; label: string }> = {
  d: { key: "days", label: "天" },
  w: { key: "weeks", label: "周" },
  m: { key: "months", label: "个月" },
  y: { key: "years", label: "年" },
};

/** Reads a period the site schema has already validated; throws on anything else. */
export function parsePeriod(text: string): Period {
  if (text === "never") return "never";
  const match = /^([1-9]\d{0,3})([dwmy])$/.exec(text);
  if (!match) throw new Error(`无效的更新周期 (update period): ${text}`);
  return { amount: Number(match[1]), unit: match[2] as "d" | "w" | "m" | "y" };
}

/** A period in Chinese: `14 天`, `6 个月`, `不检查`. */
export function describePeriod(period: Period): string {
  if (period === "never") return "不检查";
  return `${period.amount} ${UNITS[period.unit]?.label}`;
}

/** The kinds of column the inspection indicators name, with the period each must be updated in. */
export const COLUMN_CLASSES = [
  { label: "动态、要闻类", pattern: /动态|要闻|新闻|资讯|快讯/, period: "14d" },
  { label: "通知公告类", pattern: /通知|公告|公示/, period: "6m" },
  { label: "政策文件类", pattern: /政策|文件|法规|规章|解读/, period: "6m" },
  { label: "人事、规划计划类", pattern: /人事|任免|规划|计划/, period: "1y" },
] as const;

/** The class of columns that no pattern matches: 应更新但长期未更新 counts a year. */
export const OTHER_CLASS = { label: "其他栏目", period: "1y" } as const;

/**
 * The update period of a column: its own `update_every` when set, else by its `type`, then its
 * name: 动态/要闻 two weeks, 通知公告 and 政策文件 six months, anything else a year.
 */
export function columnPeriod(column: { name: string; type: string; update_every?: string }): {
  period: Period;
  source: string;
} {
  if (column.update_every) return { period: parsePeriod(column.update_every), source: "update_every" };
  for (const text of [column.type, column.name]) {
    const match = COLUMN_CLASSES.find((entry) => entry.pattern.test(text));
    if (match) return { period: parsePeriod(match.period), source: match.label };
  }
  return { period: parsePeriod(OTHER_CLASS.period), source: OTHER_CLASS.label };
}

/** Where a dated series stands at a moment: up to date, due within the warning days, or stale. */
export interface Freshness {
  state: "fresh" | "due" | "stale";
  /** Calendar days since the last update (in the site's zone). */
  daysSince: number;
  /** Calendar days left until the deadline; negative once stale. */
  daysLeft: number;
  /** The last day still up to date, `yyyy-MM-dd`. */
  deadline: string;
}

/**
 * Judges a last update against a period at `now`, by calendar days in `now`'s zone: a news column
 * updated on 05-20 with a 14-day period is up to date through 06-03 (its deadline) and stale from
 * 06-04. It is "due" from `warnDays` days before the deadline through the deadline itself.
 */
export function freshness(
  last: DateTime,
  period: Exclude<Period, "never">,
  now: DateTime,
  warnDays: number,
): Freshness {
  const today = now.startOf("day");
  const lastDay = last.setZone(now.zone).startOf("day");
  const deadline = lastDay.plus({ [UNITS[period.unit]?.key ?? "days"]: period.amount });
  const daysLeft = Math.round(deadline.diff(today, "days").days);
  const daysSince = Math.round(today.diff(lastDay, "days").days);
  const state = daysLeft < 0 ? "stale" : daysLeft <= warnDays ? "due" : "fresh";
  return { state, daysSince, daysLeft, deadline: deadline.toFormat("yyyy-MM-dd") };
}
