import { describe, expect, it } from "vitest";
import { runLighthouseSet } from "../../bench/lighthouse.ts";

describe("runLighthouseSet", () => {
  it("is skipped with a message when there is no Chromium", async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    const lines: string[] = [];
    try {
      expect(await runLighthouseSet("/nonexistent-site", ["common"], { log: (line) => lines.push(line) })).toBe(
        undefined,
      );
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    expect(lines.join("\n")).toMatch(/Lighthouse skipped: no Chromium at \/nonexistent\/chromium/);
  });
});
