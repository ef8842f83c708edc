import type { BuildMedian, BuildSample } from "./results.ts";

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The per-field median of several build samples; a timing key missing from a run is skipped for it. */
export function medianSample(samples: readonly BuildSample[]): BuildMedian {
  const keys = [...new Set(samples.flatMap((sample) => Object.keys(sample.timings)))];
  const of = (pick: (sample: BuildSample) => number | undefined) =>
    median(samples.map(pick).filter((value): value is number => value !== undefined));
  const indexed = samples.some((sample) => sample.indexedPages !== undefined);
  return {
    wallMs: of((sample) => sample.wallMs),
    peakRssBytes: of((sample) => sample.peakRssBytes),
    pages: of((sample) => sample.pages),
    ...(indexed ? { indexedPages: of((sample) => sample.indexedPages) } : {}),
    timings: Object.fromEntries(keys.map((key) => [key, of((sample) => sample.timings[key])])),
    outputBytes: of((sample) => sample.outputBytes),
    outputFiles: of((sample) => sample.outputFiles),
  };
}
