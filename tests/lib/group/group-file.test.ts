import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ContentProblem, ContentValidationError, formatProblem } from "../../../lib/content/index.ts";
import { IMPLICIT_SITE_NAME, loadGroup } from "../../../lib/group/index.ts";

let repository: string | undefined;
afterEach(() => {
  if (repository) rmSync(repository, { recursive: true, force: true });
  repository = undefined;
});

/** A repository with a group file and a site file in each of `siteRoots`. */
function makeRepository(groupFile: string | undefined, siteRoots: readonly string[] = ["."]): string {
  repository = mkdtempSync(path.join(tmpdir(), "bureau-group-file-"));
  for (const root of siteRoots) {
    mkdirSync(path.join(repository, root, "_data"), { recursive: true });
    writeFileSync(path.join(repository, root, "_data/site.yaml"), "name: 测试\n");
  }
  if (groupFile !== undefined) writeFileSync(path.join(repository, "_data/group.yaml"), groupFile);
  return repository;
}

/** The problems loadGroup reports, as the commands print them. */
function problemsOf(root: string): string[] {
  try {
    loadGroup(root);
  } catch (error) {
    if (error instanceof ContentValidationError)
      return error.problems.map((problem: ContentProblem) => formatProblem(problem));
    throw error;
  }
  return [];
}

describe("loadGroup", () => {
  it("is the repository alone, named default, without a group file", () => {
    const root = makeRepository(undefined);
    const group = loadGroup(root);
    expect(group.declared).toBe(false);
    expect(group.sites).toEqual([{ name: IMPLICIT_SITE_NAME, root: ".", dir: root, line: 1 }]);
  });

  it("reads each site's name and root, sites/<name> by default, with the line of its entry", () => {
    const root = makeRepository(
      "sites:\n  - name: kjj\n    root: .\n  - name: kgxj\n  - name: portal\n    root: other/portal/\n",
      [".", "sites/kgxj", "other/portal"],
    );
    const group = loadGroup(root);
    expect(group.declared).toBe(true);
    expect(group.sites.map(({ name, root: siteRoot, line }) => ({ name, root: siteRoot, line }))).toEqual([
      { name: "kjj", root: ".", line: 2 },
      { name: "kgxj", root: "sites/kgxj", line: 4 },
      { name: "portal", root: "other/portal", line: 5 },
    ]);
    expect(group.sites[1]?.dir).toBe(path.join(root, "sites/kgxj"));
  });

  it("names the file, line and field of a repeated name and a repeated root, pointing at the first", () => {
    const root = makeRepository(
      "sites:\n  - name: kjj\n    root: .\n  - name: kjj\n    root: sites/b\n  - name: c\n    root: ./\n",
      [".", "sites/b"],
    );
    expect(problemsOf(root)).toEqual([
      "_data/group.yaml:4: sites[1].name: 站点名「kjj」与第 2 行的站点重复，每个站点的站点名必须不同",
      "_data/group.yaml:6: sites[2].root: 站点目录「.」与第 2 行的站点重复，每个站点的站点目录必须不同",
    ]);
  });

  it("refuses a root without a site file", () => {
    const root = makeRepository("sites:\n  - name: kjj\n    root: .\n  - name: empty\n");
    expect(problemsOf(root)).toEqual([
      "_data/group.yaml:4: sites[1].root: 站点「empty」的目录 sites/empty/ 里没有站点配置文件 _data/site.yaml",
    ]);
  });

  it("refuses a root outside the repository and a name --site cannot take, one line each", () => {
    const root = makeRepository(
      "sites:\n  - name: kjj\n    root: .\n  - name: out\n    root: ../elsewhere\n  - name: Bad_Name\n    root: sites/x\n",
    );
    expect(problemsOf(root)).toEqual([
      "_data/group.yaml:5: sites[1].root: 应为仓库里的相对路径，如 sites/kgxj，或 . 表示仓库根目录",
      "_data/group.yaml:6: sites[2].name: 「名称」站点名只能用小写字母、数字和连字符，如 kgxj（用于 --site）",
    ]);
  });

  it("reports a YAML mistake, an empty list and an unknown field at their line of the group file", () => {
    expect(problemsOf(makeRepository("sites:\n  - name: kjj\n   root: .\n"))).toEqual([
      "_data/group.yaml:3: root: 这一行的缩进对不齐：「root」应与上面的「name」左边对齐（前面 4 个空格）",
    ]);
    expect(problemsOf(makeRepository("sites: []\n"))).toEqual(["_data/group.yaml:1: sites: 「此项」不能为空"]);
    expect(problemsOf(makeRepository("sites:\n  - name: kjj\n    root: .\n    url: x\n"))).toEqual([
      "_data/group.yaml:4: sites[0].url: 不认识的字段「url」，请检查拼写（字段名区分大小写）",
    ]);
  });
});
