import { loadCatalog } from "./lib/content/index.ts";
import { configureSite, type EleventyConfig } from "./lib/render/index.ts";

/**
 * Eleventy's own command line (`tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts`):
 * renders every page of the site in the current folder into _site/ with the wiring of lib/render,
 * and nothing else (no QR precompute, search index, carry-over or atomic swap). For debugging
 * templates; `npm run build` and `npm start` run the whole pipeline (lib/pipeline, lib/preview).
 */
export default function (eleventyConfig: EleventyConfig): void {
  const root = process.cwd();
  configureSite(eleventyConfig, { root, outputDir: `${root}/_site`, catalog: loadCatalog({ root }) });
}
