import { configureSite } from "./lib/eleventy.ts";
import type { EleventyConfig } from "./lib/eleventy-types.ts";

/** Eleventy entry point for `tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts`. */
export default function (eleventyConfig: EleventyConfig): void {
  configureSite(eleventyConfig, { root: process.cwd() });
}
