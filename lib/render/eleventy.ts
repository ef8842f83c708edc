import { existsSync } from "node:fs";
import path from "node:path";
import type { Catalog } from "../content/index.ts";
import { type ImagePlan, isPictureFile } from "../images/index.ts";
import { metaCsp, searchPageCsp } from "../publish/index.ts";
import { type SearchPeer, searchGroupAttribute } from "../search-protocol/index.ts";
import { copyTree, FILES, PROJECT_DIR } from "../shared/index.ts";
import { registerAdmin } from "./admin.ts";
import { assetManifest, copyAssets } from "./assets.ts";
import type { EleventyConfig } from "./eleventy-types.ts";
import { registerFilters } from "./filters/index.ts";
import { copyIcons } from "./icons.ts";
import { type PageSelection, registerTemplates } from "./templates.ts";

export interface RenderOptions {
  /** The site root holding content/ and _data/. */
  root: string;
  /** Where Eleventy writes. */
  outputDir: string;
  /** The validated content of the site (lib/content). */
  catalog: Catalog;
  /** The pictures' plan (lib/images): their renditions, the articles' lead photos. */
  images?: ImagePlan;
  /** Which pages this Eleventy run renders; every page when absent. */
  selection?: PageSelection;
  /** The other sites of the 站群, for the search page's `data-search-group` (docs/group.md). */
  searchPeers?: readonly SearchPeer[];
}

/**
 * Wires the site into an Eleventy configuration: directories, the catalog as global data, filters,
 * page templates, and (but for runs that render detail pages only) assets, attachments and the CMS.
 */
export function configureSite(eleventyConfig: EleventyConfig, options: RenderOptions): void {
  const root = path.resolve(options.root);
  const outputDir = path.resolve(options.outputDir);
  const inputDir = path.join(root, "content");
  const cwd = process.cwd();
  // Eleventy warns when a filter takes a large share of the time (the Markdown filter always does).
  eleventyConfig.benchmarks?.config?.setIsVerbose(false);
  eleventyConfig.setInputDirectory(path.relative(cwd, inputDir) || ".");
  eleventyConfig.setIncludesDirectory(path.relative(inputDir, path.join(PROJECT_DIR, "_includes")));
  eleventyConfig.setDataDirectory(path.relative(inputDir, path.join(root, "_data")));
  eleventyConfig.setOutputDirectory(path.relative(cwd, outputDir));
  eleventyConfig.setTemplateFormats(["njk"]);
  // Attachments are files to publish as they are, never templates, whatever their names.
  eleventyConfig.ignores.add(`${path.relative(cwd, path.join(root, FILES.folder)) || "."}/**`);

  const { catalog } = options;
  eleventyConfig.addGlobalData("catalog", catalog);
  eleventyConfig.addGlobalData("site", catalog.site);
  eleventyConfig.addGlobalData("contentSecurityPolicy", metaCsp());
  // The search page's own: it alone reads the other sites of a 站群 (lib/render/templates.ts).
  eleventyConfig.addGlobalData("searchContentSecurityPolicy", metaCsp(searchPageCsp(options.searchPeers ?? [])));
  eleventyConfig.addGlobalData("searchGroup", searchGroupAttribute(options.searchPeers ?? []));

  // Styles, scripts and icons are published under content-hashed names (lib/render/assets.ts).
  const assets = assetManifest(path.join(PROJECT_DIR, "_includes/assets"));
  registerFilters(eleventyConfig, { site: () => catalog.site, assets: () => assets, images: () => options.images });
  registerTemplates(eleventyConfig, options.selection);
  if (options.selection?.detailPagesOnly) return;

  // content/files is copied by copyTree rather than Eleventy's passthrough copy, which copies a
  // symbolic link as a link: the validation refuses links first, copyTree refuses them again.
  // Pictures are published as their renditions (lib/images), never as the editor's file.
  const files = path.join(root, FILES.folder);
  eleventyConfig.on("eleventy.after", () => {
    copyAssets(assets, outputDir);
    copyIcons(PROJECT_DIR, outputDir);
    if (existsSync(files)) copyTree(files, path.join(outputDir, FILES.url), (file) => !isPictureFile(file));
  });
  registerAdmin(eleventyConfig, { root, outputDir, projectDir: PROJECT_DIR, site: catalog.site });
}
