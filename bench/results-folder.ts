/**
 * The results folder (`bench/results/`): one size's `articles-N.json` and `.md`, a search-only run's
 * `search-N.json` and `.md`, and what is summed up from them (`summary.md`, `scale.svg`, the table
 * of docs/scale.md).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { scaleChart } from "./chart.ts";
import { writeDocResults } from "./doc-results.ts";
import { type SearchOnlyResult, type SizeResult, withLatestSearch } from "./results.ts";
import { searchOnlyReport } from "./search-tables.ts";
import { sizeTable, summaryReport } from "./tables.ts";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes one size's `articles-N.json` and its report `articles-N.md`; the report. */
export function writeSizeResult(resultsDir: string, result: SizeResult): string {
  const base = path.join(resultsDir, `articles-${result.articles}`);
  const report = sizeTable(result);
  writeFileSync(`${base}.json`, json(result));
  writeFileSync(`${base}.md`, report);
  return report;
}

/** Writes a search-only run's `search-N.json` and its report `search-N.md`; the report. */
export function writeSearchOnlyResult(resultsDir: string, result: SearchOnlyResult): string {
  const base = path.join(resultsDir, `search-${result.articles}`);
  const report = searchOnlyReport(result);
  writeFileSync(`${base}.json`, json(result));
  writeFileSync(`${base}.md`, report);
  return report;
}

/**
 * Every size's result in the folder (`articles-N.json`), each with the search figures of a later
 * `--only-search` run of its size (`search-N.json`) when there is one; none when there is no folder.
 */
export function readSizeResults(resultsDir: string): SizeResult[] {
  if (!existsSync(resultsDir)) return [];
  const read = <T>(name: string): T | undefined =>
    existsSync(path.join(resultsDir, name))
      ? (JSON.parse(readFileSync(path.join(resultsDir, name), "utf8")) as T)
      : undefined;
  return readdirSync(resultsDir)
    .filter((name) => /^articles-\d+\.json$/.test(name))
    .map((name) => read<SizeResult>(name) as SizeResult)
    .map((result) => withLatestSearch(result, read<SearchOnlyResult>(`search-${result.articles}.json`)));
}

/** Where {@link writeSummary} put the summary. */
export interface SummaryWritten {
  /** The sizes summed up (none: nothing was written). */
  sizes: number[];
  /** Whether the document's table changed. */
  docChanged?: boolean;
}

/**
 * Rewrites `summary.md` and `scale.svg` from every result in the folder and, with `doc`, the
 * results table between the markers of that document (throws if they are missing).
 */
export function writeSummary(resultsDir: string, options: { doc?: string; docShownAs?: string } = {}): SummaryWritten {
  const results = readSizeResults(resultsDir);
  if (results.length === 0) return { sizes: [] };
  writeFileSync(path.join(resultsDir, "summary.md"), summaryReport(results));
  writeFileSync(path.join(resultsDir, "scale.svg"), scaleChart(results));
  const sizes = results.map((result) => result.articles).sort((a, b) => a - b);
  if (!options.doc) return { sizes };
  return { sizes, docChanged: writeDocResults(options.doc, results, options.docShownAs) };
}
