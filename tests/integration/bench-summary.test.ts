import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_RESULTS_END, BENCH_RESULTS_START, docResultsBlock } from "../../bench/doc-results.ts";
import { readSizeResults } from "../../bench/results-folder.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

const run = promisify(execFile);
const COMMITTED = path.join(PROJECT_DIR, "bench/results");

/** `npm run bench -- …args`, its output and exit code (a failure is returned, not thrown). */
async function bench(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const output = await run("npx", ["tsx", "scripts/bench.ts", ...args], { cwd: PROJECT_DIR });
    return { code: 0, ...output };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run bench -- --summary-only (the committed results, a scratch copy of the document)", () => {
  let dir: string;
  let results: string;
  let doc: string;
  const docBefore = readFileSync(path.join(PROJECT_DIR, "docs/scale.md"), "utf8");

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bench-summary-"));
    results = path.join(dir, "results");
    cpSync(COMMITTED, results, { recursive: true });
    rmSync(path.join(results, "summary.md"));
    rmSync(path.join(results, "scale.svg"));
    doc = path.join(dir, "scale.md");
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("rewrites summary.md and scale.svg as committed, and the table between the document's markers", async () => {
    writeFileSync(doc, `# Scale\n\nBefore.\n\n${BENCH_RESULTS_START}\nold\n${BENCH_RESULTS_END}\n\nAfter.\n`);
    const { code, stderr } = await bench("--summary-only", "--results", results, "--doc", doc);
    expect(code).toBe(0);
    for (const name of ["summary.md", "scale.svg"])
      expect(readFileSync(path.join(results, name), "utf8")).toBe(readFileSync(path.join(COMMITTED, name), "utf8"));
    expect(readFileSync(doc, "utf8")).toBe(
      `# Scale\n\nBefore.\n\n${BENCH_RESULTS_START}\n\n${docResultsBlock(readSizeResults(results))}\n\n${BENCH_RESULTS_END}\n\nAfter.\n`,
    );
    expect(stderr).toContain("已汇总 1,000、10,000、50,000、100,000 篇的结果");
    expect(stderr).toContain("的结果表已更新 (table updated)");
  });

  it("fails with the file and the missing marker, after writing the summary, when the document has no markers", async () => {
    writeFileSync(doc, "# Scale\n\nNo table here.\n");
    rmSync(path.join(results, "summary.md"));
    const { code, stderr } = await bench("--summary-only", "--results", results, "--doc", doc);
    expect(code).toBe(1);
    expect(stderr).toContain(`${doc}: ${BENCH_RESULTS_START}: 缺少这一行`);
    expect(readFileSync(doc, "utf8")).toBe("# Scale\n\nNo table here.\n");
    expect(readFileSync(path.join(results, "summary.md"), "utf8")).toBe(
      readFileSync(path.join(COMMITTED, "summary.md"), "utf8"),
    );
  });

  it("leaves docs/scale.md alone for results outside bench/results unless --doc names it, and explains itself", async () => {
    const { code } = await bench("--summary-only", "--results", results);
    expect(code).toBe(0);
    expect(readFileSync(path.join(PROJECT_DIR, "docs/scale.md"), "utf8")).toBe(docBefore);
    const help = await bench("--help");
    expect(help.stdout).toMatch(/--summary-only +不测，只用结果目录里已有的结果重写/);
    expect(help.stdout).toContain("(measure nothing: rewrite summary.md, scale.svg and the document's table");
    expect(help.stdout).toMatch(/--doc 文件 +把结果表写进这个文档/);
  });
});
