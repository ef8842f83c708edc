import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

/*
 * The scripts every page may run in WeChat's Android browser, a Chromium-78 class engine: their
 * syntax must be ES2019 at most (no optional chaining, no `??`, no top-level await). acorn comes
 * with Eleventy.
 */
describe.each(["site.js", "a11y-toolbar.js"])("%s", (name) => {
  it("parses as an ES2019 script", () => {
    const source = readFileSync(path.join(PROJECT_DIR, "_includes/assets", name), "utf8");
    expect(() => parse(source, { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
    expect(() => parse("a?.b", { ecmaVersion: 2019 })).toThrow();
  });
});
