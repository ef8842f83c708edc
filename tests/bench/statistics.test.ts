import { describe, expect, it } from "vitest";
import { median, medianSample } from "../../bench/statistics.ts";
import { sample } from "../helpers/bench-samples.ts";

describe("median and medianSample", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("takes each field's median separately, including stages only some runs report", () => {
    const merged = medianSample([sample(30, { render: 5 }), sample(10, { render: 7, qr: 1 }), sample(20, {})]);
    expect(merged.wallMs).toBe(20);
    expect(merged.timings).toEqual({ render: 6, qr: 1 });
  });
});
