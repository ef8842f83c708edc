import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Article } from "../../lib/content.ts";
import {
  pageKey,
  pageManifest,
  pageManifestFile,
  readPageManifest,
  renderFingerprint,
  reusablePages,
  writePageManifest,
} from "../../lib/reuse.ts";

const dir = mkdtempSync(path.join(tmpdir(), "bureau-reuse-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = { url: "/articles/2023/a/", title: "标题", body: "正文", next: { url: "/b/", title: "下一篇" } };

describe("pageKey", () => {
  it("changes with the article, its neighbours and the shared inputs, and only with them", () => {
    const key = pageKey(article as unknown as Article, "shared");
    expect(pageKey({ ...article } as unknown as Article, "shared")).toBe(key);
    expect(pageKey({ ...article, body: "正文。" } as unknown as Article, "shared")).not.toBe(key);
    expect(pageKey({ ...article, next: { url: "/b/", title: "改名" } } as unknown as Article, "shared")).not.toBe(key);
    expect(pageKey(article as unknown as Article, "shared2")).not.toBe(key);
  });
});

describe("renderFingerprint", () => {
  it("changes when a template or module of the project changes", () => {
    const project = path.join(dir, "project");
    mkdirSync(path.join(project, "_includes"), { recursive: true });
    mkdirSync(path.join(project, "lib"), { recursive: true });
    writeFileSync(path.join(project, "_includes/a.njk"), "<p>{{ x }}</p>");
    writeFileSync(path.join(project, "lib/b.ts"), "export const b = 1;");
    const before = renderFingerprint(project);
    expect(renderFingerprint(project)).toBe(before);
    writeFileSync(path.join(project, "lib/b.ts"), "export const b = 2;");
    expect(renderFingerprint(project)).not.toBe(before);
  });
});

describe("reusablePages", () => {
  it("keeps a page whose key and file are unchanged, and drops one with a new key, a touched file or no file", () => {
    const outputDir = path.join(dir, "_site");
    for (const name of ["a", "b", "c", "d"]) {
      mkdirSync(path.join(outputDir, name), { recursive: true });
      writeFileSync(path.join(outputDir, name, "index.html"), `<p>${name}</p>`);
    }
    const keys = new Map(["a", "b", "c", "d"].map((name) => [`/${name}/`, `key-${name}`]));
    const files = new Map(["a", "b", "c", "d"].map((name) => [`/${name}/`, `${name}/index.html`]));
    const manifestFile = pageManifestFile(path.join(dir, ".cache"), outputDir);
    writePageManifest(manifestFile, pageManifest(keys, files, outputDir, outputDir));
    const manifest = readPageManifest(manifestFile, outputDir);
    expect(Object.keys(manifest?.pages ?? {})).toHaveLength(4);
    expect(readPageManifest(manifestFile, path.join(dir, "elsewhere"))).toBeUndefined();

    // The same bytes in a new file (another inode): not the file the last build wrote.
    rmSync(path.join(outputDir, "c/index.html"));
    writeFileSync(path.join(outputDir, "c/index.html"), "<p>c</p>");
    rmSync(path.join(outputDir, "d"), { recursive: true });
    const next = new Map(keys).set("/b/", "key-b2");
    expect([...reusablePages(manifest, next, outputDir).keys()]).toEqual(["/a/"]);
  });
});
