import { describe, expect, it } from "vitest";
import { longTasks, type ProbeState, pageProbe } from "../../bench/page-probe.ts";

describe("pageProbe", () => {
  it("is a script that parses, with the grace period in it", async () => {
    const source = await pageProbe({ graceMs: 1234 });
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain("graceMs: 1234");
    expect(source).toContain('type: "longtask"');
  });

  it("is bundled for ES2019: no import left, no syntax newer than the browser config allows", async () => {
    const source = await pageProbe({ graceMs: 1500 });
    expect(source).not.toMatch(/\bimport\b|\bexport\b/);
    expect(source).not.toContain("?.");
    expect(source).not.toContain("??");
    expect(source).toContain("graceMs: 1500");
  });
});

describe("longTasks", () => {
  const state: ProbeState = {
    origin: 1000,
    marks: {},
    longTasks: [
      { start: 999.5, duration: 80 },
      { start: 1500, duration: 210 },
      { start: 2600, duration: 400 },
    ],
  };

  it("takes the longest task and the time over 50 ms of the tasks that started in the window", () => {
    expect(longTasks(state, 1000, 2500)).toEqual({ longestTaskMs: 210, blockingMs: 30 + 160 });
  });

  it("is zero when no task started in the window", () => {
    expect(longTasks(state, 3000, 4000)).toEqual({ longestTaskMs: 0, blockingMs: 0 });
  });
});
