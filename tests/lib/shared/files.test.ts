import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyTree, linkFiles, linkOrCopy, linkTree } from "../../../lib/shared/files.ts";

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

describe("linkFiles", () => {
  const sources = (name: string, count: number) => {
    const from = path.join(scratch, name);
    mkdirSync(from, { recursive: true });
    return Array.from({ length: count }, (_, i) => {
      const file = path.join(from, `f${i}.txt`);
      writeFileSync(file, `file ${i}`);
      return file;
    });
  };

  it.each([
    ["in this thread", 3],
    ["in a worker thread", 2500],
  ])("hard-links each file at its new place %s, making the folders", async (_, count) => {
    const files = sources(`link-${count}`, count);
    const to = path.join(scratch, `linked-${count}`);
    const pairs = files.map((file, i) => [file, path.join(to, `d${i % 7}`, `g${i}.txt`)] as const);
    const { placed, finishedAt } = await linkFiles(pairs);
    expect(placed).toBe(count);
    expect(finishedAt).toBeGreaterThan(Date.now() - 60_000);
    for (const [from, target] of [pairs[0], pairs.at(-1)] as (typeof pairs)[number][]) {
      expect(lstatSync(target).ino).toBe(lstatSync(from).ino);
      expect(readFileSync(target, "utf8")).toBe(readFileSync(from, "utf8"));
    }
  });

  it.each([3, 2500])("rejects, naming the file, when a place is taken (%i files)", async (count) => {
    const files = sources(`taken-${count}`, count);
    const to = path.join(scratch, `taken-to-${count}`);
    mkdirSync(to, { recursive: true });
    writeFileSync(path.join(to, "g1.txt"), "already here");
    await expect(linkFiles(files.map((file, i) => [file, path.join(to, `g${i}.txt`)] as const))).rejects.toThrow(
      /EEXIST.*g1\.txt/,
    );
    expect(readFileSync(path.join(to, "g1.txt"), "utf8")).toBe("already here");
  });
});
