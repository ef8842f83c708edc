import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../lib/commands/check.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

/*
 * Every example file in the editors' guide, the README and the CMS guide is checked as `npm run
 * check` would check it, so that an example copied into a file can never fail. Each fenced
 * ```yaml or ```markdown block of those documents is preceded by one of:
 *   <!-- example: content/notices/2024.yaml -->              the file it is; the check must pass
 *   <!-- example-error: <file>:<line>: <field>: <message> --> a mistake; the check reports exactly this
 *   <!-- not-a-file -->                                       a fragment, not checked
 * A block without one fails this test, so a new example cannot be forgotten.
 */

const DOCUMENTS = ["docs/editors-guide.md", "README.md", "docs/cms.md"];
const MARKER = /<!--\s*(example|example-error|not-a-file)(?::\s*([\s\S]*?))?\s*-->\s*$/;

interface Example {
  document: string;
  /** The line of the document where the block's fence opens. */
  line: number;
  kind: "example" | "example-error" | "not-a-file" | "unmarked";
  /** For `example`, the file; for `example-error`, the whole expected problem line. */
  argument: string;
  text: string;
}

/** The ```yaml and ```markdown blocks of a document, each with the marker just above it. */
function examplesOf(document: string): Example[] {
  const lines = readFileSync(path.join(PROJECT_DIR, document), "utf8").split("\n");
  const examples: Example[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = /^(\s*)```(yaml|markdown|md)\s*$/.exec(lines[index] ?? "");
    if (!fence) continue;
    const indent = fence[1] ?? "";
    const end = lines.findIndex((line, after) => after > index && line.trimEnd() === `${indent}\`\`\``);
    const text = lines
      .slice(index + 1, end)
      .map((line) => line.slice(indent.length))
      .join("\n");
    let above = index - 1;
    while (above >= 0 && (lines[above] ?? "").trim() === "") above--;
    const marker = MARKER.exec(lines[above] ?? "");
    examples.push({
      document,
      line: index + 1,
      kind: (marker?.[1] as Example["kind"] | undefined) ?? "unmarked",
      argument: (marker?.[2] ?? "").trim(),
      text: `${text}\n`,
    });
    index = end;
  }
  return examples;
}

const EXAMPLES = DOCUMENTS.flatMap(examplesOf);

/** A copy of the sample site (content, site file) with the example written at its path; returns the check's report. */
function checkExample(file: string, text: string) {
  const root = mkdtempSync(path.join(tmpdir(), "bureau-guide-"));
  try {
    cpSync(path.join(PROJECT_DIR, "content"), path.join(root, "content"), { recursive: true });
    mkdirSync(path.join(root, "_data"));
    cpSync(path.join(PROJECT_DIR, "_data/site.yaml"), path.join(root, "_data/site.yaml"));
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    return checkContent(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const label = (example: Example) => `${example.document}:${example.line}`;

describe("the examples of the guides", () => {
  it("marks every YAML and Markdown block as an example file, a mistake or a fragment", () => {
    expect(EXAMPLES.filter((example) => example.kind === "unmarked").map(label)).toEqual([]);
    expect(EXAMPLES.filter((example) => example.kind === "example").length).toBeGreaterThanOrEqual(4);
    expect(EXAMPLES.filter((example) => example.kind === "example-error").length).toBeGreaterThanOrEqual(2);
  });

  it.each(EXAMPLES.filter((example) => example.kind === "example").map((example) => [label(example), example]))(
    "%s passes the check when copied into its file",
    (_name, example) => {
      const report = checkExample(example.argument, example.text);
      expect(report.output).toMatch(/^内容检查通过/);
      expect(report.exitCode).toBe(0);
    },
  );

  it.each(EXAMPLES.filter((example) => example.kind === "example-error").map((example) => [label(example), example]))(
    "%s gives exactly the message the guide shows",
    (_name, example) => {
      const file = example.argument.split(":")[0] ?? "";
      const report = checkExample(file, example.text);
      expect(report.output.split("\n")).toEqual([example.argument, "共 1 个问题 (1 problem)。"]);
    },
  );
});
