import { kb, seconds } from "./format.ts";
import type { FirstSearchSample, LighthouseSample, SecondSearchSample } from "./results.ts";

/** The search targets of issue 24 for one size of site. */
export interface SearchTargets {
  /** The label of the targets' size. */
  size: string;
  /** What the page fetches for a query until the reader acts (KiB): first results, the rest of the first page, the count. */
  maxKB: number;
  /** Requests until the reader acts. */
  maxRequests?: number;
  /** Until the first results show. */
  maxFirstMs: number;
  /** The next page of results (更多结果). */
  nextPageMaxMs: number;
  secondMaxKB: number;
  secondMaxMs: number;
  maxTaskMs: number;
  lighthouseMinScore: number;
  lighthouseMaxTbtMs: number;
  lighthouseMaxCls: number;
}

/**
 * The targets of issue 24 for a site of `articles` articles, the same at 10,000 and 100,000 (the
 * label says which the size is judged as: 10,000 up to 20,000 articles, 100,000 above).
 */
export function searchTargets(articles: number): SearchTargets {
  return {
    size: articles <= 20_000 ? "10,000 articles" : "100,000 articles",
    maxKB: 250,
    maxRequests: 40,
    maxFirstMs: 2000,
    nextPageMaxMs: 1000,
    secondMaxKB: 80,
    secondMaxMs: 1000,
    maxTaskMs: 200,
    lighthouseMinScore: 95,
    lighthouseMaxTbtMs: 150,
    lighthouseMaxCls: 0.05,
  };
}

/** One target checked: what was measured, against what, and whether it was met. */
export interface Verdict {
  target: string;
  value: string;
  met: boolean;
}

/**
 * Issue 24's targets for one first search: bytes and requests of everything the page fetched until
 * the reader acts (an older sample without that part: until its first results), time until the first
 * results, no request unasked after that, the next page, the longest task.
 */
export function firstSearchVerdicts(sample: FirstSearchSample, targets: SearchTargets): Verdict[] {
  const bytes = sample.completeBytes ?? sample.bytes;
  const requests = sample.completeRequests ?? sample.requests;
  const verdicts: Verdict[] = [
    { target: `≤ ${targets.maxKB} KB`, value: `${kb(bytes)} KB`, met: bytes <= targets.maxKB * 1024 },
  ];
  if (targets.maxRequests !== undefined)
    verdicts.push({
      target: `≤ ${targets.maxRequests} requests`,
      value: `${requests} requests`,
      met: requests <= targets.maxRequests,
    });
  verdicts.push({
    target: `≤ ${seconds(targets.maxFirstMs)}`,
    value: seconds(sample.ms),
    met: sample.ms <= targets.maxFirstMs,
  });
  if (sample.unaskedRequests !== undefined)
    verdicts.push({
      target: "no request unasked",
      value: `${sample.unaskedRequests} unasked`,
      met: sample.unaskedRequests === 0,
    });
  if (sample.nextPage)
    verdicts.push({
      target: `next page ≤ ${seconds(targets.nextPageMaxMs)}`,
      value: `next page ${seconds(sample.nextPage.ms)}`,
      met: sample.nextPage.ms <= targets.nextPageMaxMs,
    });
  if (sample.longestTaskMs !== undefined)
    verdicts.push({
      target: `task ≤ ${targets.maxTaskMs} ms`,
      value: `task ${sample.longestTaskMs} ms`,
      met: sample.longestTaskMs <= targets.maxTaskMs,
    });
  return verdicts;
}

/** The second query's targets: the extra bytes until it waits for the reader, the time until its first results show, the longest task. */
export function secondSearchVerdicts(sample: SecondSearchSample, targets: SearchTargets): Verdict[] {
  return [
    {
      target: `≤ ${targets.secondMaxKB} KB more`,
      value: `${kb(sample.completeBytes)} KB`,
      met: sample.completeBytes <= targets.secondMaxKB * 1024,
    },
    { target: `≤ ${seconds(targets.secondMaxMs)}`, value: seconds(sample.ms), met: sample.ms <= targets.secondMaxMs },
    {
      target: `task ≤ ${targets.maxTaskMs} ms`,
      value: `task ${sample.longestTaskMs} ms`,
      met: sample.longestTaskMs <= targets.maxTaskMs,
    },
  ];
}

/** Lighthouse's targets: the performance score, total blocking time and layout shift. */
export function lighthouseVerdicts(sample: LighthouseSample, targets: SearchTargets): Verdict[] {
  return [
    {
      target: `performance ≥ ${targets.lighthouseMinScore}`,
      value: `performance ${sample.performance}`,
      met: sample.performance >= targets.lighthouseMinScore,
    },
    {
      target: `TBT ≤ ${targets.lighthouseMaxTbtMs} ms`,
      value: `TBT ${sample.tbtMs} ms`,
      met: sample.tbtMs <= targets.lighthouseMaxTbtMs,
    },
    {
      target: `CLS ≤ ${targets.lighthouseMaxCls}`,
      value: `CLS ${sample.cls}`,
      met: sample.cls <= targets.lighthouseMaxCls,
    },
  ];
}

/** "met", or "**not met**: " and each target missed as `value > target`. */
export function verdictText(verdicts: readonly Verdict[]): string {
  const missed = verdicts.filter((verdict) => !verdict.met);
  if (missed.length === 0) return "met";
  return `**not met**: ${missed.map((verdict) => `${verdict.value} (${verdict.target})`).join(", ")}`;
}
