/**
 * A peer stack of `npm run bench`, in a process of its own so its time and memory (its child
 * processes included) are measured alone: a static site generator over the corpus's Markdown with
 * a one-line layout, then the Pagefind CLI over the pages it wrote (`<html lang="zh-CN">`, so
 * Pagefind segments the Chinese itself).
 * - `eleventy-pagefind`: bare Eleventy (bench/bare-eleventy.ts), then `pagefind --site <out>`;
 * - `hugo-pagefind`: Hugo (Debian's `hugo`, bench/hugo-site/), then the same.
 * Usage: node --import tsx bench/peer-build.ts <root> <out> <peer>; prints one JSON line.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_DIR } from "../lib/shared/paths.ts";
import { buildBareEleventy } from "./bare-eleventy.ts";

const HUGO_SITE = path.join(path.dirname(fileURLToPath(import.meta.url)), "hugo-site");

/** The pages a generator wrote: the `index.html` files under `out`, the Pagefind folder aside. */
function pagesIn(out: string): number {
  return readdirSync(out, { recursive: true, encoding: "utf8" }).filter(
    (entry) => path.basename(entry) === "index.html" && !entry.startsWith("pagefind"),
  ).length;
}

const [root, out, peer] = process.argv.slice(2);
if (!peer || !root || !out) throw new Error("usage: peer-build.ts <root> <out> <eleventy-pagefind|hugo-pagefind>");
const started = performance.now();
if (peer === "eleventy-pagefind") await buildBareEleventy(root, out);
else if (peer === "hugo-pagefind") {
  // Hugo's resource cache goes to a folder of its own, not into bench/hugo-site/.
  const resources = mkdtempSync(path.join(os.tmpdir(), "hugo-resources-"));
  execFileSync(
    "hugo",
    [
      "--quiet",
      "--noBuildLock",
      "--source",
      HUGO_SITE,
      "--contentDir",
      path.resolve(root, "content"),
      "--destination",
      path.resolve(out),
    ],
    { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, HUGO_RESOURCEDIR: resources } },
  );
  rmSync(resources, { recursive: true, force: true });
} else throw new Error(`unknown peer ${peer}`);
const generated = performance.now();
execFileSync(path.join(PROJECT_DIR, "node_modules/.bin/pagefind"), ["--site", path.resolve(out)], {
  stdio: ["ignore", "ignore", "inherit"],
});
const indexed = performance.now();
console.log(
  JSON.stringify({ pages: pagesIn(out), timings: { render: generated - started, search: indexed - generated } }),
);
