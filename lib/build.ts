import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { loadContent } from "./content.ts";
import { configureSite } from "./eleventy.ts";
import type { EleventyConfig } from "./eleventy-types.ts";
import { writeHeadersFile } from "./headers.ts";
import { writeSearchIndex } from "./search-index.ts";

export interface BuildOptions {
  /** The site root holding content/ and _data/. */
  root: string;
  /** The published folder; replaced only when the whole build succeeded. Default `<root>/_site`. */
  outputDir?: string;
  /** Build the Pagefind index (default true). */
  searchIndex?: boolean;
}

export interface BuildResult {
  outputDir: string;
  pages: number;
  indexedPages: number;
  timings: Record<string, number>;
}

/**
 * Tidies what an earlier build that was killed may have left beside the output: an unfinished
 * staging folder is removed, and if the kill fell between the two renames of the swap, the
 * previous site is put back.
 */
export function recoverInterruptedBuild(outputDir: string): void {
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  if (!existsSync(parent)) return;
  const leftovers = readdirSync(parent).filter(
    (entry) => entry.startsWith(`${base}.staging-`) || entry.startsWith(`${base}.retired-`),
  );
  const retired = leftovers.filter((entry) => entry.startsWith(`${base}.retired-`));
  if (!existsSync(outputDir) && retired.length > 0) {
    renameSync(path.join(parent, retired[0] as string), outputDir);
  }
  for (const entry of leftovers) rmSync(path.join(parent, entry), { recursive: true, force: true });
}

const elapsed = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Builds a site into a temporary folder beside the output, indexes it, and only then swaps it in
 * place of the published folder, so a failed build leaves the previous site exactly as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const outputDir = path.resolve(options.outputDir ?? path.join(root, "_site"));
  const stagingDir = `${outputDir}.staging-${process.pid}`;
  const retiredDir = `${outputDir}.retired-${process.pid}`;
  const timings: Record<string, number> = {};
  recoverInterruptedBuild(outputDir);
  try {
    let start = process.hrtime.bigint();
    const content = loadContent({ root });
    timings.validation = elapsed(start);

    start = process.hrtime.bigint();
    const eleventy = new Eleventy(undefined, undefined, {
      configPath: false,
      quietMode: true,
      config: (eleventyConfig: EleventyConfig) =>
        configureSite(eleventyConfig, { root, outputDir: stagingDir, content }),
    });
    const written = (await eleventy.write()) as unknown as [unknown[], { url?: string }[]];
    timings.eleventy = elapsed(start);
    const pages = written[1]?.filter((entry) => entry.url).length ?? 0;

    let indexedPages = 0;
    if (options.searchIndex !== false) {
      start = process.hrtime.bigint();
      indexedPages = (await writeSearchIndex(stagingDir)).pages;
      timings.searchIndex = elapsed(start);
    }
    writeHeadersFile(stagingDir);

    start = process.hrtime.bigint();
    if (existsSync(outputDir)) renameSync(outputDir, retiredDir);
    renameSync(stagingDir, outputDir);
    rmSync(retiredDir, { recursive: true, force: true });
    timings.swap = elapsed(start);
    return { outputDir, pages, indexedPages, timings };
  } catch (error) {
    rmSync(stagingDir, { recursive: true, force: true });
    throw error;
  }
}
