import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { readPage } from "../helpers/html.ts";
import { sampleSite } from "../helpers/sample-site.ts";

/*
 * Byte budgets of issue #17, from the built files, gzipped at level 9 (about what a CDN sends):
 * the 无障碍 toolbar's script and styles, loaded only when opened, at most 15 KB; the article page
 * as first loaded (HTML, site.css, site.js: what a reader waits for; the small SVG icons aside) at
 * most 20 KB. A KB here is 1,000 bytes.
 */

const ARTICLE = "/articles/2021/kjcx-tdjjgzlfz/";

/** The sample site as the build writes it, shared by the run (read only). */
let siteDir: string;

beforeAll(() => {
  siteDir = sampleSite();
});

const gzipped = (urlPath: string) =>
  gzipSync(readFileSync(path.join(siteDir, ...urlPath.split("/").filter(Boolean))), { level: 9 }).length;

describe("page weight", () => {
  it("keeps the toolbar's script and styles within 15 KB gzipped", () => {
    const script = readPage(siteDir, ARTICLE).querySelector("head script[data-toolbar]");
    const files = [script?.getAttribute("data-toolbar") ?? "", script?.getAttribute("data-toolbar-css") ?? ""];
    const sizes = files.map(gzipped);
    console.log(`无障碍 toolbar, gzipped: ${files.map((file, index) => `${file} ${sizes[index]} B`).join(", ")}`);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(15_000);
  });

  it("keeps the article page as first loaded (HTML, stylesheet, head script) within 20 KB gzipped", () => {
    const page = readPage(siteDir, ARTICLE);
    const styles = [...page.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute("href") ?? "");
    const scripts = [...page.querySelectorAll("script[src]")].map((script) => script.getAttribute("src") ?? "");
    expect(styles).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    const html = gzipped(`${ARTICLE}index.html`);
    const total = html + gzipped(styles[0] ?? "") + gzipped(scripts[0] ?? "");
    console.log(
      `article first load, gzipped: HTML ${html} B, ${styles[0]} ${gzipped(styles[0] ?? "")} B, ${scripts[0]} ${gzipped(scripts[0] ?? "")} B, total ${total} B`,
    );
    expect(total).toBeLessThanOrEqual(20_000);
  });
});
