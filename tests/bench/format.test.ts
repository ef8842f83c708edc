import { describe, expect, it } from "vitest";
import { DASH, kb, megabytes, optionalKb, optionalSeconds, seconds } from "../../bench/format.ts";

describe("the figures' formats", () => {
  it("shows seconds with two decimals and whole megabytes", () => {
    expect(seconds(2104)).toBe("2.10 s");
    expect(seconds(52_760)).toBe("52.76 s");
    expect(megabytes(1230 * 1048576 + 400_000)).toBe("1230 MB");
  });

  it("shows kilobytes with one decimal under 10 and none above", () => {
    expect(kb(9.54 * 1024)).toBe("9.5");
    expect(kb(120 * 1024 + 300)).toBe("120");
  });

  it("shows a dash for a figure that is missing", () => {
    expect(optionalSeconds(undefined)).toBe(DASH);
    expect(optionalKb(undefined)).toBe(DASH);
    expect(optionalSeconds(1500)).toBe("1.50 s");
    expect(optionalKb(2048)).toBe("2.0");
  });
});
