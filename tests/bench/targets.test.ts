import { describe, expect, it } from "vitest";
import {
  firstSearchVerdicts,
  lighthouseVerdicts,
  searchTargets,
  secondSearchVerdicts,
  verdictText,
} from "../../bench/targets.ts";
import { KB, lighthouse, oldSearch, search, second } from "../helpers/bench-samples.ts";

describe("searchTargets", () => {
  it("takes the 10,000-article targets up to 10,000 and the 100,000-article ones above", () => {
    expect(searchTargets(40)).toMatchObject({ maxKB: 200, maxRequests: 30, maxFirstMs: 2500 });
    expect(searchTargets(10_000)).toMatchObject({ maxKB: 200, maxRequests: 30, maxFirstMs: 2500 });
    const large = searchTargets(100_000);
    expect(large).toMatchObject({ maxKB: 400, maxFirstMs: 3500, secondMaxKB: 100, secondMaxMs: 1000 });
    expect(large.maxRequests).toBeUndefined();
  });
});

describe("verdicts", () => {
  const at10k = searchTargets(10_000);

  it("checks bytes, requests and time until the first results show, and the longest task", () => {
    expect(firstSearchVerdicts(search(), at10k).every((verdict) => verdict.met)).toBe(true);
    // Completing the count in the background is reported, not judged.
    expect(
      firstSearchVerdicts(search({ completeBytes: 900 * KB, completeRequests: 90, completeMs: 9000 }), at10k).every(
        (verdict) => verdict.met,
      ),
    ).toBe(true);
    const slow = firstSearchVerdicts(search({ bytes: 201 * KB, requests: 31, ms: 2501 }), at10k);
    expect(slow.filter((verdict) => !verdict.met).map((verdict) => verdict.target)).toEqual([
      "≤ 200 KB",
      "≤ 30 requests",
      "≤ 2.50 s",
    ]);
    // The complete time is shown, not judged; exactly on a target is met.
    expect(
      firstSearchVerdicts(search({ bytes: 200 * KB, ms: 2500, longestTaskMs: 200 }), at10k).every(
        (verdict) => verdict.met,
      ),
    ).toBe(true);
    expect(firstSearchVerdicts(search({ longestTaskMs: 201 }), at10k).find((verdict) => !verdict.met)?.target).toBe(
      "task ≤ 200 ms",
    );
  });

  it("judges an older sample by what it has: bytes and requests until shown, no task", () => {
    const verdicts = firstSearchVerdicts(oldSearch, at10k);
    expect(verdicts.map((verdict) => [verdict.target, verdict.met])).toEqual([
      ["≤ 200 KB", false],
      ["≤ 30 requests", false],
      ["≤ 2.50 s", true],
    ]);
  });

  it("has no request target at 100,000 articles and allows 400 KB and 3.5 s", () => {
    const verdicts = firstSearchVerdicts(
      search({ completeBytes: 390 * KB, completeRequests: 80, ms: 3400 }),
      searchTargets(100_000),
    );
    expect(verdicts.every((verdict) => verdict.met)).toBe(true);
    expect(verdicts.some((verdict) => verdict.target.includes("requests"))).toBe(false);
  });

  it("checks the second query's extra bytes and time until its first results", () => {
    expect(secondSearchVerdicts(second, at10k).every((verdict) => verdict.met)).toBe(true);
    const missed = secondSearchVerdicts({ ...second, bytes: 101 * KB, ms: 1001 }, at10k).filter(
      (verdict) => !verdict.met,
    );
    expect(missed.map((verdict) => verdict.target)).toEqual(["≤ 100 KB more", "≤ 1.00 s"]);
  });

  it("checks Lighthouse's score, TBT and CLS", () => {
    expect(lighthouseVerdicts(lighthouse(90, 200, 0.1), at10k).every((verdict) => verdict.met)).toBe(true);
    expect(lighthouseVerdicts(lighthouse(89, 201, 0.11), at10k).filter((verdict) => !verdict.met)).toHaveLength(3);
  });

  it("says met, or lists what was missed", () => {
    expect(verdictText(firstSearchVerdicts(search(), at10k))).toBe("met");
    expect(verdictText(firstSearchVerdicts(search({ ms: 3100 }), at10k))).toBe("**not met**: 3.10 s (≤ 2.50 s)");
  });
});
