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
  it("holds issue 24's targets at 10,000 and at 100,000 articles alike, naming the size judged", () => {
    const small = searchTargets(10_000);
    expect(small).toMatchObject({ size: "10,000 articles", maxKB: 250, maxRequests: 40, maxFirstMs: 2000 });
    expect(small).toMatchObject({ nextPageMaxMs: 1000, secondMaxKB: 80, secondMaxMs: 1000 });
    expect(small).toMatchObject({ lighthouseMinScore: 95, lighthouseMaxTbtMs: 150, lighthouseMaxCls: 0.05 });
    const { size, ...large } = searchTargets(100_000);
    expect(size).toBe("100,000 articles");
    expect({ ...large, size: small.size }).toEqual(small);
  });
});

describe("verdicts", () => {
  const at10k = searchTargets(10_000);

  it("judges bytes and requests until the reader acts, time until the first results, the next page, unasked requests and the longest task", () => {
    expect(firstSearchVerdicts(search(), at10k).every((verdict) => verdict.met)).toBe(true);
    const heavy = firstSearchVerdicts(
      search({
        bytes: 100 * KB,
        completeBytes: 251 * KB,
        completeRequests: 41,
        ms: 2001,
        unaskedRequests: 3,
        nextPage: { ms: 1001, bytes: 20 * KB, requests: 10, shown: 20, exact: false },
      }),
      at10k,
    );
    expect(heavy.filter((verdict) => !verdict.met).map((verdict) => verdict.target)).toEqual([
      "≤ 250 KB",
      "≤ 40 requests",
      "≤ 2.00 s",
      "no request unasked",
      "next page ≤ 1.00 s",
    ]);
    // Exactly on a target is met.
    expect(
      firstSearchVerdicts(search({ completeBytes: 250 * KB, ms: 2000, longestTaskMs: 200 }), at10k).every(
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
      ["≤ 250 KB", false],
      ["≤ 40 requests", false],
      ["≤ 2.00 s", true],
    ]);
  });

  it("checks the second query's extra bytes until it waits again, and the time until its first results", () => {
    expect(secondSearchVerdicts({ ...second, completeBytes: 80 * KB }, at10k).every((verdict) => verdict.met)).toBe(
      true,
    );
    const missed = secondSearchVerdicts({ ...second, completeBytes: 81 * KB, ms: 1001 }, at10k).filter(
      (verdict) => !verdict.met,
    );
    expect(missed.map((verdict) => verdict.target)).toEqual(["≤ 80 KB more", "≤ 1.00 s"]);
  });

  it("checks Lighthouse's score, TBT and CLS", () => {
    expect(lighthouseVerdicts(lighthouse(95, 150, 0.05), at10k).every((verdict) => verdict.met)).toBe(true);
    expect(lighthouseVerdicts(lighthouse(94, 151, 0.06), at10k).filter((verdict) => !verdict.met)).toHaveLength(3);
  });

  it("says met, or lists what was missed", () => {
    expect(verdictText(firstSearchVerdicts(search(), at10k))).toBe("met");
    expect(verdictText(firstSearchVerdicts(search({ ms: 3100 }), at10k))).toBe("**not met**: 3.10 s (≤ 2.00 s)");
  });
});
