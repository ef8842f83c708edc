import { configureSite } from "./lib/eleventy.ts";
import type { EleventyConfig } from "./lib/eleventy-types.ts";

/**
 * Eleventy entry point for `npm start` (`tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts
 * --serve`): the preview, which shows drafts and scheduled content with a banner. `npm run build`
 * uses lib/build.ts instead.
 */
export default function (eleventyConfig: EleventyConfig): void {
  configureSite(eleventyConfig, { root: process.cwd(), preview: true });
}
