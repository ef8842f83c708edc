import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  BENCH_RESULTS_END,
  BENCH_RESULTS_START,
  docResultsBlock,
  MarkerError,
  replaceBenchResults,
  writeDocResults,
} from "../../bench/doc-results.ts";
import { result } from "../helpers/bench-samples.ts";

const doc = (between: string) =>
  ["# Scale", "", "Prose before.", "", BENCH_RESULTS_START, between, BENCH_RESULTS_END, "", "Prose after.", ""].join(
    "\n",
  );

describe("replaceBenchResults", () => {
  it("replaces what lies between the two marker lines and keeps the rest as it is", () => {
    const text = replaceBenchResults(doc("old table\nmore old lines"), "| new | table |\n", "docs/scale.md");
    expect(text).toBe(
      [
        "# Scale",
        "",
        "Prose before.",
        "",
        BENCH_RESULTS_START,
        "",
        "| new | table |",
        "",
        BENCH_RESULTS_END,
        "",
        "Prose after.",
        "",
      ].join("\n"),
    );
  });

  it("gives the same text when run again, and fills markers with nothing between them", () => {
    const once = replaceBenchResults(doc(""), "| t |", "docs/scale.md");
    expect(replaceBenchResults(once, "| t |", "docs/scale.md")).toBe(once);
    expect(once).toContain(`${BENCH_RESULTS_START}\n\n| t |\n\n${BENCH_RESULTS_END}`);
  });

  it("fails naming the file and the marker when a marker line is missing", () => {
    const noEnd = doc("x").replace(BENCH_RESULTS_END, "");
    expect(() => replaceBenchResults(noEnd, "t", "docs/scale.md")).toThrow(MarkerError);
    expect(() => replaceBenchResults(noEnd, "t", "docs/scale.md")).toThrow(
      `docs/scale.md: ${BENCH_RESULTS_END}: 缺少这一行`,
    );
    expect(() => replaceBenchResults("# Scale\n", "t", "docs/scale.md")).toThrow(
      `docs/scale.md: ${BENCH_RESULTS_START}: 缺少这一行`,
    );
  });

  it("fails at the line of a repeated marker, or of an end before the start", () => {
    const twice = `${doc("x")}${BENCH_RESULTS_START}\n`;
    expect(() => replaceBenchResults(twice, "t", "docs/scale.md")).toThrow(
      `docs/scale.md:10: ${BENCH_RESULTS_START}: 这一行出现了 2 次`,
    );
    const reversed = `${BENCH_RESULTS_END}\ntext\n${BENCH_RESULTS_START}\n`;
    expect(() => replaceBenchResults(reversed, "t", "docs/scale.md")).toThrow(
      `docs/scale.md:1: ${BENCH_RESULTS_END}: 应在第 3 行的 ${BENCH_RESULTS_START} 之后`,
    );
  });

  it("finds a marker line with spaces around it, but not a marker inside a sentence", () => {
    const indented = doc("x").replace(BENCH_RESULTS_START, `  ${BENCH_RESULTS_START} `);
    expect(replaceBenchResults(indented, "t", "d.md")).toContain("\n\nt\n\n");
    const quoted = `The table sits after \`${BENCH_RESULTS_START}\`.\n${BENCH_RESULTS_END}\n`;
    expect(() => replaceBenchResults(quoted, "t", "d.md")).toThrow(`d.md: ${BENCH_RESULTS_START}: 缺少这一行`);
  });
});

describe("writeDocResults", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "doc-results-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the compact table of every size into the document, and leaves it alone when nothing changed", () => {
    const file = path.join(dir, "scale.md");
    writeFileSync(file, doc("stale"));
    const results = [result(10_000, 20_000, 10_000), result(1000, 2000, 1000)];
    expect(writeDocResults(file, results)).toBe(true);
    const text = readFileSync(file, "utf8");
    expect(text).toContain(docResultsBlock(results));
    expect(text).not.toContain("stale");
    expect(text.startsWith("# Scale\n\nProse before.\n")).toBe(true);
    expect(text.endsWith("Prose after.\n")).toBe(true);
    expect(writeDocResults(file, results)).toBe(false);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("leaves a document without markers as it was", () => {
    const file = path.join(dir, "no-markers.md");
    writeFileSync(file, "# Scale\n");
    expect(() => writeDocResults(file, [result(1000, 2000, 1000)], "docs/scale.md")).toThrow(
      `docs/scale.md: ${BENCH_RESULTS_START}: 缺少这一行`,
    );
    expect(readFileSync(file, "utf8")).toBe("# Scale\n");
  });
});
