import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docResultsBlock, replaceBenchResults } from "../../bench/doc-results.ts";
import { readSizeResults } from "../../bench/results-folder.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

const SCALE = path.join(PROJECT_DIR, "docs/scale.md");

describe("docs/scale.md", () => {
  it("holds the results table that npm run bench -- --summary-only writes from bench/results/", () => {
    const doc = readFileSync(SCALE, "utf8");
    const results = readSizeResults(path.join(PROJECT_DIR, "bench/results"));
    expect(results.length).toBeGreaterThan(0);
    expect(replaceBenchResults(doc, docResultsBlock(results), "docs/scale.md")).toBe(doc);
  });
});

describe("the reference docs", () => {
  it("have no dated headings (dated entries go in docs/notes/)", () => {
    const docs = ["README.md", ...readdirSync(path.join(PROJECT_DIR, "docs")).map((name) => `docs/${name}`)].filter(
      (file) => file.endsWith(".md"),
    );
    const dated = docs.flatMap((file) =>
      readFileSync(path.join(PROJECT_DIR, file), "utf8")
        .split("\n")
        .flatMap((line, index) =>
          /^#{1,6} .*(?:\b20\d\d-\d\d-\d\d\b|\b\d{1,2}:\d\d\b)/.test(line) ? [`${file}:${index + 1}: ${line}`] : [],
        ),
    );
    expect(dated).toEqual([]);
  });
});
