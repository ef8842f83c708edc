import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Article } from "../../../lib/content/index.ts";
import {
  pageKey,
  pageManifest,
  pageManifestFile,
  pagesToCarryOver,
  pruneStaleManifests,
  readPageManifest,
  renderFingerprint,
  writePageManifest,
} from "../../../lib/pipeline/carry-over.ts";
import { sha256 } from "../../../lib/shared/hash.ts";

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

describe("pagesToCarryOver", () => {
  it("keeps a page whose key and bytes are unchanged, and drops one with a new key, other bytes or no file", () => {
    const outputDir = path.join(dir, "_site");
    const names = ["a", "b", "c", "d", "e"];
    for (const name of names) {
      mkdirSync(path.join(outputDir, name), { recursive: true });
      writeFileSync(path.join(outputDir, name, "index.html"), `<p>${name}</p>`);
    }
    const keys = new Map(names.map((name) => [`/${name}/`, `key-${name}`]));
    const written = new Map(
      names.map((name) => [`/${name}/`, { file: `${name}/index.html`, sha256: sha256(`<p>${name}</p>`) }]),
    );
    const manifestFile = pageManifestFile(path.join(dir, ".cache"), outputDir);
    writePageManifest(manifestFile, pageManifest(keys, written, outputDir, outputDir));
    const manifest = readPageManifest(manifestFile, outputDir);
    expect(Object.keys(manifest?.pages ?? {})).toHaveLength(5);
    expect(readPageManifest(manifestFile, path.join(dir, "elsewhere"))).toBeUndefined();

    // c: the same bytes in a new file, as after restoring the output from a CI cache: still reusable.
    rmSync(path.join(outputDir, "c/index.html"));
    writeFileSync(path.join(outputDir, "c/index.html"), "<p>c</p>");
    // e: edited by hand to other bytes of the same length.
    writeFileSync(path.join(outputDir, "e/index.html"), "<p>E</p>");
    rmSync(path.join(outputDir, "d"), { recursive: true });
    const next = new Map(keys).set("/b/", "key-b2");
    expect([...pagesToCarryOver(manifest, next, outputDir).keys()]).toEqual(["/a/", "/c/"]);
  });
});

describe("pruneStaleManifests", () => {
  it("removes the manifests of output folders that are gone and keeps the others", () => {
    const cacheDir = path.join(dir, "prune-cache");
    const kept = path.join(dir, "kept-site");
    const gone = path.join(dir, "gone-site");
    mkdirSync(kept, { recursive: true });
    const empty = new Map<string, string>();
    writePageManifest(pageManifestFile(cacheDir, kept), pageManifest(empty, new Map(), kept, kept));
    writePageManifest(pageManifestFile(cacheDir, gone), pageManifest(empty, new Map(), kept, gone));
    writeFileSync(path.join(cacheDir, "qr-codes.tsv"), "");
    expect(pruneStaleManifests(cacheDir)).toBe(1);
    expect(readdirSync(cacheDir).sort()).toEqual([path.basename(pageManifestFile(cacheDir, kept)), "qr-codes.tsv"]);
  });
});
