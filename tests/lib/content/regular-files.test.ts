import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { irregularFileProblems } from "../../../lib/content/regular-files.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "regular-files-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A site root with `content/` and `_data/` and a folder outside it holding a "secret". */
function siteRoot(name: string): { root: string; outside: string } {
  const root = path.join(scratch, name);
  const outside = path.join(scratch, `${name}-outside`);
  mkdirSync(path.join(root, "content/files/2024"), { recursive: true });
  mkdirSync(path.join(root, "_data"), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(outside, "secret.txt"), "secret");
  writeFileSync(path.join(root, "content/files/2024/ok.pdf"), "%PDF-");
  writeFileSync(path.join(root, "_data/site.yaml"), "name: x\n");
  return { root, outside };
}

describe("irregularFileProblems", () => {
  it("finds nothing in a tree of regular files and folders", () => {
    const { root } = siteRoot("clean");
    expect(irregularFileProblems(root)).toEqual([]);
  });

  it("names every symbolic link, to a file or a folder, inside or outside, without following one", () => {
    const { root, outside } = siteRoot("linked");
    symlinkSync(path.join(outside, "secret.txt"), path.join(root, "content/files/2024/report.pdf"));
    symlinkSync(outside, path.join(root, "content/files/linked"));
    symlinkSync("ok.pdf", path.join(root, "content/files/2024/alias.pdf"));
    symlinkSync(path.join(outside, "secret.txt"), path.join(root, "_data/wrong-words.yaml"));
    const problems = irregularFileProblems(root);
    expect(problems.map((problem) => problem.file).sort()).toEqual([
      "_data/wrong-words.yaml",
      "content/files/2024/alias.pdf",
      "content/files/2024/report.pdf",
      "content/files/linked",
    ]);
    for (const problem of problems) {
      expect(problem.line).toBe(1);
      expect(problem.message).toBe(
        "这是符号链接（symbolic link）：网站只读取仓库里的普通文件，不会跟随链接去读取或发布它指向的文件。请删掉这个链接，把文件本身放到这里",
      );
    }
  });

  it("refuses a content folder that is itself a link", () => {
    const { root, outside } = siteRoot("folder-link");
    rmSync(path.join(root, "content"), { recursive: true });
    symlinkSync(outside, path.join(root, "content"));
    expect(irregularFileProblems(root)).toMatchObject([
      { file: "content", message: expect.stringContaining("符号链接") },
    ]);
  });

  it("checks the project's _includes as well", () => {
    const { root, outside } = siteRoot("includes");
    const includes = path.join(scratch, "project/_includes");
    mkdirSync(path.join(includes, "layouts"), { recursive: true });
    symlinkSync(path.join(outside, "secret.txt"), path.join(includes, "layouts/base.njk"));
    expect(irregularFileProblems(root, includes)).toMatchObject([{ file: "_includes/layouts/base.njk" }]);
  });
});
