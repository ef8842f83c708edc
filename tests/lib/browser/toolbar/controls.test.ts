import { describe, expect, it } from "vitest";
import { CONTRASTS, RATE_ORDER } from "../../../../lib/browser/settings.ts";
import { cycle, zoomStep } from "../../../../lib/browser/toolbar/controls.ts";
import { nextControl } from "../../../../lib/browser/toolbar/ui.ts";

describe("cycle", () => {
  it("goes 默认 → 高对比度 → 黑底黄字 → 蓝底白字 → 默认, and 语速 中 → 快 → 慢", () => {
    expect(["normal", "high", "yellow", "blue"].map((scheme) => cycle(CONTRASTS, scheme))).toEqual([
      "high",
      "yellow",
      "blue",
      "normal",
    ]);
    expect(cycle(RATE_ORDER, 1)).toBe(1.25);
    expect(cycle(RATE_ORDER, 1.25)).toBe(0.75);
  });
});

describe("zoomStep", () => {
  it("steps through 100 to 200 and stops at both ends", () => {
    expect(zoomStep(100, 1)).toBe(125);
    expect(zoomStep(175, 1)).toBe(200);
    expect(zoomStep(200, 1)).toBe(200);
    expect(zoomStep(125, -1)).toBe(100);
    expect(zoomStep(100, -1)).toBe(100);
  });
});

describe("nextControl", () => {
  it("moves with the arrow keys round the ends, jumps with Home and End, and ignores other keys", () => {
    expect(nextControl("ArrowRight", 2, 5)).toBe(3);
    expect(nextControl("ArrowDown", 4, 5)).toBe(0);
    expect(nextControl("ArrowLeft", 0, 5)).toBe(4);
    expect(nextControl("ArrowUp", 3, 5)).toBe(2);
    expect(nextControl("Home", 3, 5)).toBe(0);
    expect(nextControl("End", 0, 5)).toBe(4);
    expect(nextControl("Enter", 0, 5)).toBe(-1);
  });
});
