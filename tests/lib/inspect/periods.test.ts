import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { columnPeriod, describePeriod, freshness, parsePeriod } from "../../../lib/inspect/periods.ts";

const at = (text: string) => DateTime.fromISO(text, { zone: "Asia/Shanghai" });

describe("update periods", () => {
  it("reads 14d, 2w, 6m, 1y and never", () => {
    expect(parsePeriod("14d")).toEqual({ amount: 14, unit: "d" });
    expect(describePeriod(parsePeriod("2w"))).toBe("2 周");
    expect(describePeriod(parsePeriod("6m"))).toBe("6 个月");
    expect(describePeriod(parsePeriod("1y"))).toBe("1 年");
    expect(parsePeriod("never")).toBe("never");
    expect(() => parsePeriod("14")).toThrow();
  });

  it("defaults by column type, then name: 动态/要闻 two weeks, 通知公告 and 政策文件 six months, others a year", () => {
    const period = (type: string, name = "栏目") => describePeriod(columnPeriod({ name, type }).period);
    expect(period("工作动态")).toBe("14 天");
    expect(period("新闻动态")).toBe("14 天");
    expect(period("要闻")).toBe("14 天");
    expect(period("政策文件")).toBe("6 个月");
    expect(period("公示公告")).toBe("6 个月");
    expect(period("人事信息")).toBe("1 年");
    expect(period("专题", "区县动态")).toBe("14 天");
    expect(period("专题", "历史资料")).toBe("1 年");
    expect(columnPeriod({ name: "历史资料", type: "动态", update_every: "never" })).toEqual({
      period: "never",
      source: "update_every",
    });
  });
});

describe("freshness by calendar days in the site's zone", () => {
  const twoWeeks = { amount: 14, unit: "d" } as const;
  it("is up to date through the deadline day and stale the day after", () => {
    const last = at("2024-05-20T18:30");
    expect(freshness(last, twoWeeks, at("2024-05-30T12:00"), 3)).toMatchObject({ state: "fresh", daysLeft: 4 });
    expect(freshness(last, twoWeeks, at("2024-05-31T00:00"), 3)).toMatchObject({ state: "due", daysLeft: 3 });
    expect(freshness(last, twoWeeks, at("2024-06-03T23:59"), 3)).toMatchObject({
      state: "due",
      daysLeft: 0,
      daysSince: 14,
      deadline: "2024-06-03",
    });
    expect(freshness(last, twoWeeks, at("2024-06-04T00:00"), 3)).toMatchObject({ state: "stale", daysSince: 15 });
  });

  it("adds calendar months, so six months from 08-31 ends on 02-28", () => {
    const sixMonths = { amount: 6, unit: "m" } as const;
    expect(freshness(at("2022-08-31"), sixMonths, at("2023-02-28"), 0)).toMatchObject({
      state: "due",
      deadline: "2023-02-28",
    });
    expect(freshness(at("2022-08-31"), sixMonths, at("2023-03-01"), 0).state).toBe("stale");
  });

  it("reads a last update given in another offset in the zone of now", () => {
    const last = DateTime.fromISO("2024-05-20T17:00:00Z", { setZone: true });
    expect(freshness(last, twoWeeks, at("2024-06-04T00:30"), 0).deadline).toBe("2024-06-04");
  });
});
