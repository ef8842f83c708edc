import type { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  formatIsoDate,
  isKnownZone,
  parseContentDate,
  resetDateCaches,
  toIsoWithOffset,
} from "../../../lib/shared/dates.ts";

describe("parseContentDate", () => {
  it("reads a bare date as midnight in the site's zone", () => {
    const date = parseContentDate("2021-12-06", "Asia/Shanghai");
    expect(date && toIsoWithOffset(date)).toBe("2021-12-06T00:00:00+08:00");
  });

  it("reads a date with hours and minutes", () => {
    const date = parseContentDate("2024-01-14 09:30", "Asia/Shanghai");
    expect(date && toIsoWithOffset(date)).toBe("2024-01-14T09:30:00+08:00");
  });

  it("rejects dates that are not on the calendar", () => {
    expect(parseContentDate("2021-02-30", "Asia/Shanghai")).toBeNull();
    expect(parseContentDate("2021-13-01", "Asia/Shanghai")).toBeNull();
    expect(parseContentDate("2023-02-29", "Asia/Shanghai")).toBeNull();
    expect(parseContentDate("2024-02-29", "Asia/Shanghai")).not.toBeNull();
  });

  it("rejects other spellings", () => {
    for (const text of ["2021/12/06", "2021-12-6", "2021-12-06T10:00", "12-06-2021", "2021-12-06 25:00", ""]) {
      expect(parseContentDate(text, "Asia/Shanghai"), text).toBeNull();
    }
  });
});

describe("formatIsoDate", () => {
  it("formats in the offset the timestamp carries, whatever the machine's zone", () => {
    expect(formatIsoDate("2021-12-06T00:00:00+08:00", "yyyy-MM-dd")).toBe("2021-12-06");
    expect(formatIsoDate("2024-01-14T00:30:00+08:00", "yyyy/MM/dd HH:mm")).toBe("2024/01/14 00:30");
  });

  it("throws on a timestamp that is not ISO 8601", () => {
    expect(() => formatIsoDate("yesterday", "yyyy")).toThrow(/无效的时间/);
  });
});

describe("isKnownZone", () => {
  it("knows IANA zones and rejects made-up ones", () => {
    expect(isKnownZone("Asia/Shanghai")).toBe(true);
    expect(isKnownZone("Asia/Beijing")).toBe(false);
  });
});

describe("the dates a test leaves behind", () => {
  let parsed: DateTime | null = null;

  it("are parsed once and kept for the rest of the test", () => {
    parsed = parseContentDate("2022-03-04", "Asia/Shanghai");
    expect(parseContentDate("2022-03-04", "Asia/Shanghai")).toBe(parsed);
  });

  it("are parsed afresh in the next test, as in a new process (tests/fresh-module-state.ts)", () => {
    const again = parseContentDate("2022-03-04", "Asia/Shanghai");
    expect(again).not.toBe(parsed);
    expect(again?.toMillis()).toBe(parsed?.toMillis());
  });

  it("are forgotten by resetDateCaches", () => {
    const first = parseContentDate("2022-03-04 08:00", "Asia/Shanghai");
    resetDateCaches();
    const again = parseContentDate("2022-03-04 08:00", "Asia/Shanghai");
    expect(again).not.toBe(first);
    expect(again && toIsoWithOffset(again)).toBe("2022-03-04T08:00:00+08:00");
  });
});
