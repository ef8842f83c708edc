import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "acorn";
import { afterEach, describe, expect, it } from "vitest";
import {
  assetFingerprint,
  assetManifest,
  assetUrl,
  copyAssets,
  hashedName,
  publishedBytes,
} from "../../../lib/render/assets.ts";
import { PROJECT_DIR } from "../../../lib/shared/paths.ts";

const folders: string[] = [];
const tempFolder = (files: Record<string, string> = {}) => {
  const folder = mkdtempSync(path.join(tmpdir(), "bureau-assets-"));
  folders.push(folder);
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(folder, name), body);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("hashedName", () => {
  it("puts the hash before the extension", () => {
    expect(hashedName("site.css", "3f2a9c1b")).toBe("site.3f2a9c1b.css");
    expect(hashedName("police-badge.svg", "00000000")).toBe("police-badge.00000000.svg");
    expect(hashedName("LICENSE", "abcdef12")).toBe("LICENSE.abcdef12");
  });
});

describe("assetFingerprint", () => {
  it("is eight hex digits that change with the content", () => {
    const a = assetFingerprint(Buffer.from("body { color: red }"));
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(assetFingerprint(Buffer.from("body { color: red }"))).toBe(a);
    expect(assetFingerprint(Buffer.from("body { color: blue }"))).not.toBe(a);
  });
});

describe("assetManifest", () => {
  it("maps every file of the folder to a hashed URL under /assets/", () => {
    const folder = tempFolder({ "site.css": "a", "site.js": "b", "emblem.svg": "<svg/>", ".DS_Store": "x" });
    mkdirSync(path.join(folder, "nested"));
    const manifest = assetManifest(folder, {});
    expect(Object.keys(manifest)).toEqual(["emblem.svg", "site.css", "site.js"]);
    expect(manifest["site.css"]?.url).toBe(
      `/assets/site.${assetFingerprint(publishedBytes("site.css", Buffer.from("a")))}.css`,
    );
    expect(manifest["site.css"]?.sources).toEqual([path.join(folder, "site.css")]);
  });

  it("gives a changed file a new URL and leaves the others alone", () => {
    const folder = tempFolder({ "site.css": "a", "site.js": "b" });
    const before = assetManifest(folder, {});
    writeFileSync(path.join(folder, "site.css"), "a changed");
    const after = assetManifest(folder, {});
    expect(after["site.css"]?.url).not.toBe(before["site.css"]?.url);
    expect(after["site.js"]?.url).toBe(before["site.js"]?.url);
  });

  it("hashes the project's own styles, scripts and icons", () => {
    const manifest = assetManifest(path.join(PROJECT_DIR, "_includes/assets"));
    for (const name of ["site.css", "site.js", "search-page.js", "emblem.svg"]) {
      expect(manifest[name]?.url).toMatch(/^\/assets\/[a-z-]+\.[0-9a-f]{8}\.(css|js|svg)$/);
    }
    expect(manifest["search-page.js"]?.sources).toContain(path.join(PROJECT_DIR, "lib/browser/search/main.ts"));
    expect(manifest["search-page.js"]?.sources).toContain(path.join(PROJECT_DIR, "lib/search-protocol/segment.ts"));
  });

  it("publishes a script as its entry module bundled with what it imports, minified into one IIFE, under the hash of what it publishes", () => {
    const project = tempFolder({
      "entry.ts": 'import { twice } from "./part.ts";\nconst n: number = twice(21);\nconsole.log("结果", n);\n',
      "part.ts":
        "/** Doubles. */\nexport function twice(n: number): number {\n  return n * 2;\n}\nexport const unused = 1;\n",
    });
    const folder = tempFolder({ "site.css": "a {}" });
    const manifest = assetManifest(folder, { "app.js": "entry.ts" }, project);
    expect(Object.keys(manifest).sort()).toEqual(["app.js", "site.css"]);
    const bytes = manifest["app.js"]?.bytes.toString() ?? "";
    expect(bytes.startsWith("(()=>{")).toBe(true);
    expect(bytes).toContain("结果");
    expect(bytes).not.toContain("Doubles");
    expect(bytes).not.toContain("use strict");
    expect(() => parse(bytes, { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
    expect(manifest["app.js"]?.sources.sort()).toEqual([path.join(project, "entry.ts"), path.join(project, "part.ts")]);
    expect(manifest["app.js"]?.url).toBe(`/assets/app.${assetFingerprint(Buffer.from(bytes))}.js`);
    const output = tempFolder();
    copyAssets(manifest, output);
    expect(readFileSync(path.join(output, manifest["app.js"]?.url ?? ""), "utf8")).toBe(bytes);
  });
});

describe("publishedBytes", () => {
  it("minifies scripts and styles, drops comments and keeps Chinese as UTF-8", () => {
    const source =
      '/* 说明 */\n(() => {\n  const title = document.title;\n  window.show("找到结果：" + title);\n})();\n';
    const script = publishedBytes("site.js", Buffer.from(source)).toString();
    expect(script.length).toBeLessThan(source.length * 0.8);
    expect(script).not.toContain("说明");
    expect(script).toContain("找到结果");
    expect(() => parse(script, { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
    const style = publishedBytes("site.css", Buffer.from("/* 样式 */\nbody {\n  color: #ffffff;\n}\n")).toString();
    expect(style).toBe("body{color:#fff}\n");
  });

  it("writes nothing newer than WeChat's Chromium-78 class engine reads", () => {
    const script = publishedBytes("a.js", Buffer.from("const n = a?.b ?? 1; export {};")).toString();
    expect(script).not.toContain("?.");
    expect(script).not.toContain("??");
  });

  it("leaves icons and other files as they are", () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">\n  <!-- 徽标 -->\n</svg>\n');
    expect(publishedBytes("emblem.svg", svg)).toBe(svg);
  });
});

describe("assetUrl", () => {
  it("returns the hashed URL and fails on an unknown name", () => {
    const manifest = { "site.css": { sources: ["/x/site.css"], url: "/assets/site.12345678.css" } };
    expect(assetUrl(manifest, "site.css")).toBe("/assets/site.12345678.css");
    expect(() => assetUrl(manifest, "site.csss")).toThrow(/site\.csss/);
  });
});

describe("copyAssets", () => {
  it("writes each asset under its hashed name", () => {
    const folder = tempFolder({ "site.css": "body {\n  color: red;\n}\n" });
    const output = tempFolder();
    const manifest = assetManifest(folder, {});
    copyAssets(manifest, output);
    const url = manifest["site.css"]?.url ?? "";
    expect(readFileSync(path.join(output, url), "utf8")).toBe("body{color:red}\n");
  });
});
