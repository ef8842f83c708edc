import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { checkReferences, formatProblems, type Problem } from "../helpers/doc-references.ts";

/** Writes `files` (relative path → text) under a fresh temporary folder; the folder. */
function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "doc-references-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const names = (problems: readonly Problem[]) =>
  problems.map((problem) => `${problem.file}:${problem.line} ${problem.name}`);

describe("the reference checker", () => {
  let root: string;
  beforeAll(() => {
    root = writeTree({
      "lib/present.ts": [
        "/** Reads lib/present.ts and lib/missing.ts; see `present()` in lib/present.ts. */",
        "export function present(): string {",
        '  return "lib/only-in-a-string.ts".replace(/lib\\/regex.ts/, "");',
        "}",
        "const hidden = 1; // and tests/gone/ too",
        "export { hidden };",
      ].join("\n"),
      "scripts/run.sh": "#!/usr/bin/env bash\n# runs scripts/absent.sh\necho lib/not-a-comment.ts\n",
      "content/articles/2021/seed.md": "---\ntitle: x\n---\n",
      "docs/guide.md": [
        "# Guide",
        "",
        "The stage is `present` in `lib/present.ts`, and `hidden` of lib/present.ts; `absent()` in `lib/present.ts`.",
        "Also lib/present.ts#present and lib/present.ts#nowhere, every `lib/*.ts`, `lib/<name>.ts`, `docs/**/*.md`.",
        "Not checked: `lib/build`, `lib/…/x.ts`, `bench/results/articles-<N>.json`, ../lib/x.ts, `pagefind_web_js/lib/x.ts`.",
        "Editors write `content/articles/2099/a.md:2: title: …`, not `content/drafts/a.md`.",
        "Links: [ok](../lib/present.ts), [anchor](#guide), [site](https://example.org/lib/x.ts), [gone](notes/gone.md), [bad](#no-such-heading), [there](../README.md#see).",
        "Missing: `docs/other.md`, `lib/present.js`, `harness/`, lib/present.ts.",
      ].join("\n"),
      "docs/notes/log.md": "A log names lib/old.ts, which is gone.\n",
      "README.md": "# See\n\nSee `_data/site.yaml` and `_includes/` and scripts/run.sh.\n",
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("reports every missing path, symbol and link of the docs and the code comments, and nothing else", () => {
    expect(names(checkReferences(root))).toEqual([
      "README.md:3 _data/site.yaml",
      "README.md:3 _includes/",
      "docs/guide.md:3 lib/present.ts#absent",
      "docs/guide.md:4 lib/present.ts#nowhere",
      "docs/guide.md:6 content/drafts/",
      "docs/guide.md:7 notes/gone.md",
      "docs/guide.md:7 #no-such-heading",
      "docs/guide.md:8 docs/other.md",
      "docs/guide.md:8 lib/present.js",
      "docs/guide.md:8 harness/",
      "lib/present.ts:1 lib/missing.ts",
      "lib/present.ts:5 tests/gone/",
      "scripts/run.sh:2 scripts/absent.sh",
    ]);
  });

  it("names the file, the line and what is wrong, in Chinese and English", () => {
    const text = formatProblems(checkReferences(root));
    expect(text).toContain("lib/present.ts:1: lib/missing.ts: 路径不存在 (no such file or folder in the repository)");
    expect(text).toContain(
      "docs/guide.md:3: lib/present.ts#absent: lib/present.ts 里没有声明 absent (the file declares no such name)",
    );
  });
});

describe("the repository's docs and code comments", () => {
  it("name only paths and symbols that exist", () => {
    expect(formatProblems(checkReferences(PROJECT_DIR))).toBe("");
  });
});
