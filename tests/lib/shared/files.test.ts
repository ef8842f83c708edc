import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyTree, linkOrCopy, linkTree } from "../../../lib/shared/files.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "shared-files-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tree(name: string): string {
  const from = path.join(scratch, name);
  mkdirSync(path.join(from, "2024"), { recursive: true });
  writeFileSync(path.join(from, "2024/a.pdf"), "a");
  writeFileSync(path.join(from, ".keep"), "");
  return from;
}

describe("copyTree and linkTree", () => {
  it("copy or link regular files and folders, hidden files included", () => {
    const from = tree("plain");
    copyTree(from, path.join(scratch, "plain-copy"));
    linkTree(from, path.join(scratch, "plain-link"));
    for (const to of ["plain-copy", "plain-link"]) {
      expect(readFileSync(path.join(scratch, to, "2024/a.pdf"), "utf8")).toBe("a");
      expect(lstatSync(path.join(scratch, to, ".keep")).isFile()).toBe(true);
    }
  });

  it("refuse a symbolic link to a file or a folder, naming it, instead of copying the target or the link", () => {
    const secret = path.join(scratch, "secret");
    writeFileSync(secret, "secret");
    for (const [name, target] of [
      ["file-link", secret],
      ["folder-link", scratch],
    ] as const) {
      const from = tree(name);
      symlinkSync(target, path.join(from, "2024/leak"));
      const leak = path.join(from, "2024/leak");
      expect(() => copyTree(from, path.join(scratch, `${name}-copy`))).toThrow(`not a regular file, refused): ${leak}`);
      expect(() => linkTree(from, path.join(scratch, `${name}-link`))).toThrow(leak);
      expect(() => linkOrCopy(leak, path.join(scratch, `${name}-one`))).toThrow(leak);
    }
  });
});
