import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { EleventyConfig } from "../lib/render/eleventy-types.ts";

const includesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "bare-includes");

/**
 * Bare Eleventy, the bench's baseline: Eleventy 3 with its defaults (Markdown through markdown-it,
 * front matter, Liquid over Markdown) and a one-line layout, building the Markdown under
 * `<root>/content` into `out` — no validation, QR codes, lists or search index. Returns the pages written.
 */
export async function buildBareEleventy(root: string, out: string): Promise<number> {
  const inputDir = path.resolve(root, "content");
  const cwd = process.cwd();
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
  return written[1]?.filter((entry) => entry.url).length ?? 0;
}
