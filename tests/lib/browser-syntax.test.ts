import path from "node:path";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { assetManifest, BROWSER_SCRIPTS } from "../../lib/render/assets.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

/*
 * The scripts every page may run in WeChat's Android browser, a Chromium-78 class engine: as
 * published (bundled from lib/browser and minified by esbuild), their syntax must be ES2019 at most
 * (no optional chaining, no `??`, no top-level await). The search page's script may also use
 * `import()` (Chromium 63), which loads Pagefind; nothing else of ES2020. acorn comes with Eleventy.
 */
describe("the published, minified scripts", () => {
  const manifest = assetManifest(path.join(PROJECT_DIR, "_includes/assets"));
  const published = (name: string) => manifest[name]?.bytes.toString("utf8") ?? "";

  it("are the three bundles of lib/browser", () => {
    expect(Object.keys(BROWSER_SCRIPTS).sort()).toEqual(["a11y-toolbar.js", "search-page.js", "site.js"]);
    for (const name of Object.keys(BROWSER_SCRIPTS)) expect(published(name).length).toBeGreaterThan(1000);
  });

  it.each(["site.js", "a11y-toolbar.js"])("%s still parses as an ES2019 script", (name) => {
    expect(() => parse(published(name), { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
    expect(() => parse("a?.b", { ecmaVersion: 2019 })).toThrow();
  });

  it("search-page.js uses nothing newer than ES2019 but import()", () => {
    const tree = JSON.stringify(parse(published("search-page.js"), { ecmaVersion: 2020, sourceType: "script" }));
    expect(tree).toContain('"ImportExpression"');
    expect(tree).not.toContain('"ChainExpression"');
    expect(tree).not.toContain('"operator":"??"');
    expect(tree).not.toContain('"bigint"');
    const probe = JSON.stringify(parse("a?.b ?? c", { ecmaVersion: 2020 }));
    expect(probe).toContain('"ChainExpression"');
    expect(probe).toContain('"operator":"??"');
  });

  it("share no global but the site script's window.siteA11y", () => {
    const globals = (name: string) => [...published(name).matchAll(/window\.(\w+)=/g)].map((match) => match[1]);
    expect(globals("site.js")).toEqual(["siteA11y"]);
    expect(globals("a11y-toolbar.js")).toEqual([]);
    expect(globals("search-page.js")).toEqual([]);
    expect(published("search-page.js")).not.toContain("siteA11y");
  });
});
