import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { assetManifest } from "../../lib/render/assets.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

/*
 * The scripts every page may run in WeChat's Android browser, a Chromium-78 class engine: their
 * syntax must be ES2019 at most (no optional chaining, no `??`, no top-level await). The search
 * page's scripts may also use `import()` (Chromium 63), which loads Pagefind; nothing else of
 * ES2020. acorn comes with Eleventy.
 */
const read = (name: string) => readFileSync(path.join(PROJECT_DIR, "_includes/assets", name), "utf8");

describe.each(["site.js", "a11y-toolbar.js"])("%s", (name) => {
  it("parses as an ES2019 script", () => {
    expect(() => parse(read(name), { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
    expect(() => parse("a?.b", { ecmaVersion: 2019 })).toThrow();
  });
});

describe.each(["search-tokens.js", "search-core.js", "search.js"])("%s", (name) => {
  it("uses nothing newer than ES2019 but import()", () => {
    const tree = JSON.stringify(parse(read(name), { ecmaVersion: 2020, sourceType: "script" }));
    expect(tree).not.toContain('"ChainExpression"');
    expect(tree).not.toContain('"operator":"??"');
    expect(tree).not.toContain('"bigint"');
    const probe = JSON.stringify(parse("a?.b ?? c", { ecmaVersion: 2020 }));
    expect(probe).toContain('"ChainExpression"');
    expect(probe).toContain('"operator":"??"');
  });
});

describe("the published, minified scripts", () => {
  const manifest = assetManifest(path.join(PROJECT_DIR, "_includes/assets"));
  const published = (name: string) => manifest[name]?.bytes.toString("utf8") ?? "";

  it.each(["site.js", "a11y-toolbar.js"])("%s still parses as an ES2019 script", (name) => {
    expect(published(name).length).toBeGreaterThan(1000);
    expect(() => parse(published(name), { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
  });

  it("search-page.js uses nothing newer than ES2019 but import()", () => {
    const tree = JSON.stringify(parse(published("search-page.js"), { ecmaVersion: 2020, sourceType: "script" }));
    expect(tree).toContain('"ImportExpression"');
    expect(tree).not.toContain('"ChainExpression"');
    expect(tree).not.toContain('"operator":"??"');
  });
});
