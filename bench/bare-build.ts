/**
 * The bare-Eleventy baseline of `npm run bench`: Eleventy 3 with its defaults (Markdown through
 * markdown-it, front matter, Liquid over Markdown) and a one-line layout, building the same
 * Markdown under content/ as the full pipeline — no validation, QR codes, lists or search index.
 * Usage: node --import tsx bench/bare-build.ts <root> <out>; prints one JSON line.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { EleventyConfig } from "../lib/render/eleventy-types.ts";

const [root, out] = process.argv.slice(2);
if (!root || !out) throw new Error("usage: bare-build.ts <root> <out>");
const inputDir = path.resolve(root, "content");
const includesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "bare-includes");
const cwd = process.cwd();

const start = process.hrtime.bigint();
const eleventy = new Eleventy(path.relative(cwd, inputDir), path.relative(cwd, path.resolve(out)), {
  configPath: false,
  quietMode: true,
  config: (eleventyConfig: EleventyConfig & { addDateParsing(fn: (value: unknown) => unknown): void }) => {
    eleventyConfig.setIncludesDirectory(path.relative(inputDir, includesDir));
    eleventyConfig.setTemplateFormats(["md"]);
    eleventyConfig.addGlobalData("layout", "bare.njk");
    // The corpus writes `date: 2021-12-06 09:30`, which Eleventy's default date parser rejects.
    eleventyConfig.addDateParsing((value) =>
      typeof value === "string" ? new Date(`${value.replace(" ", "T")}:00+08:00`) : undefined,
    );
  },
});
const written = (await eleventy.write()) as unknown as [unknown[], { url?: string }[]];
const pages = written[1]?.filter((entry) => entry.url).length ?? 0;
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ pages, timings: { render: ms } }));
