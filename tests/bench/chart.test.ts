import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { scaleChart } from "../../bench/chart.ts";
import { result } from "../helpers/bench-samples.ts";

describe("scaleChart", () => {
  const results = [result(10000, 20000, 10000), result(1000, 2000, 1000)];

  it("plots each size at increasing x and the larger time higher", () => {
    const svg = new DOMParser().parseFromString(scaleChart(results), "image/svg+xml");
    const points = (svg.querySelector("polyline")?.getAttribute("points") ?? "")
      .split(" ")
      .map((point: string) => point.split(",").map(Number));
    expect(points).toHaveLength(2);
    const [[x1, y1], [x2, y2]] = points as [[number, number], [number, number]];
    expect(x2).toBeGreaterThan(x1);
    expect(y2).toBeLessThan(y1);
    expect(scaleChart(results)).toBe(scaleChart([...results].reverse()));
  });
});
