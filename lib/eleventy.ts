import path from "node:path";
import { fileURLToPath } from "node:url";
import { registerAdmin } from "./admin.ts";
import { assetManifest, copyAssets } from "./assets.ts";
import { loadContent, type SiteContent } from "./content.ts";
import type { EleventyConfig } from "./eleventy-types.ts";
import { registerFilters } from "./filters.ts";
import { metaCsp } from "./headers.ts";
import { registerPages } from "./pages.ts";
import { writeSearchIndex } from "./search-index.ts";

/** Where a site keeps what later builds may reuse (QR codes, search shards, page manifests); gitignored, safe to delete. */
export const CACHE_DIR = ".cache";

/** The project folder: where _includes/ (layouts, styles, scripts) lives. */
export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface SiteBuildOptions {
  /** The site root holding content/ and _data/; the project itself for the real site. */
  root: string;
  /** Where Eleventy writes; defaults to `<root>/_site`. */
  outputDir?: string;
  /** Content already loaded and validated (one-shot builds); otherwise loaded at each build. */
  content?: SiteContent;
  /** The `npm start` preview: drafts and scheduled content shown with a banner, search indexed after each build. */
  preview?: boolean;
  /**
   * The article and notice pages (URLs) this run renders; all when absent. A build takes the others
   * from the last output (lib/reuse.ts) or renders them in further runs.
   */
  renderPages?: ReadonlySet<string>;
  /** Only those pages: no other page, no assets, admin or files (the later runs of a large build). */
  pagesOnly?: boolean;
}

/**
 * Wires the site into an Eleventy configuration: directories, the validated content as global
 * data (loaded once per build), filters, page templates and passthrough files.
 */
export function configureSite(eleventyConfig: EleventyConfig, options: SiteBuildOptions): void {
  const root = path.resolve(options.root);
  const inputDir = path.join(root, "content");
  const cwd = process.cwd();
  eleventyConfig.setInputDirectory(path.relative(cwd, inputDir) || ".");
  eleventyConfig.setIncludesDirectory(path.relative(inputDir, path.join(PROJECT_DIR, "_includes")));
  eleventyConfig.setDataDirectory(path.relative(inputDir, path.join(root, "_data")));
  eleventyConfig.setOutputDirectory(path.relative(cwd, options.outputDir ?? path.join(root, "_site")));
  eleventyConfig.setTemplateFormats(["njk"]);

  let current = options.content;
  const content = () => {
    current ??= loadContent({ root, preview: options.preview });
    return current;
  };
  if (!options.content) {
    eleventyConfig.on("eleventy.before", () => {
      current = undefined;
    });
  }
  eleventyConfig.addGlobalData("catalog", () => content());
  eleventyConfig.addGlobalData("site", () => content().site);
  eleventyConfig.addGlobalData("contentSecurityPolicy", metaCsp());

  if (options.preview) {
    const outputDir = options.outputDir ?? path.join(root, "_site");
    eleventyConfig.on("eleventy.after", async () => {
      await writeSearchIndex(content(), path.join(outputDir, "pagefind"), {
        cacheDir: path.join(root, CACHE_DIR, "search"),
      });
    });
  }

  // Styles, scripts and icons are published under content-hashed names (lib/assets.ts), hashed
  // once here and again before each rebuild of `npm start`, and copied after each build.
  const assetsDir = path.join(PROJECT_DIR, "_includes/assets");
  const outputDir = path.resolve(options.outputDir ?? path.join(root, "_site"));
  let assets = assetManifest(assetsDir);
  if (!options.content) {
    eleventyConfig.on("eleventy.before", () => {
      assets = assetManifest(assetsDir);
    });
  }
  registerFilters(
    eleventyConfig,
    () => content().site,
    () => assets,
  );
  registerPages(eleventyConfig, { renderPages: () => options.renderPages, pagesOnly: options.pagesOnly });
  if (options.pagesOnly) return;

  eleventyConfig.on("eleventy.after", () => copyAssets(assets, outputDir));
  registerAdmin(eleventyConfig, { root, outputDir, projectDir: PROJECT_DIR, site: () => content().site });
  eleventyConfig.addPassthroughCopy({ [path.relative(cwd, path.join(root, "content/files"))]: "files" });
  eleventyConfig.addWatchTarget(path.relative(cwd, path.join(root, "content")));
  eleventyConfig.addWatchTarget(path.relative(cwd, path.join(root, "_data")));
}
