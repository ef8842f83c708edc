import { ADMIN_PATHS, adminPageHtml, loadCmsSettings, writeAdminFiles } from "../cms/index.ts";
import type { Site } from "../content/index.ts";
import type { EleventyConfig } from "./eleventy-types.ts";

export interface AdminOptions {
  /** The site root holding content/ and _data/. */
  root: string;
  /** The folder Eleventy writes to. */
  outputDir: string;
  /** The project folder, whose node_modules holds Sveltia CMS. */
  projectDir: string;
  /** The validated site file of the current build. */
  site: Site;
}

/**
 * Publishes the browser CMS under /admin/: the page as a virtual template (left out of
 * collections, so of the sitemap), and after each build the CMS's own files (lib/cms). Until
 * `_data/cms.yaml` names a repository the page says how to set it up (adminPageHtml).
 */
export function registerAdmin(eleventyConfig: EleventyConfig, options: AdminOptions): void {
  const settings = loadCmsSettings(options.root);
  eleventyConfig.addTemplate("admin.njk", "{{ adminPage | safe }}", {
    permalink: ADMIN_PATHS.page,
    eleventyExcludeFromCollections: true,
    excludeFromSitemap: true,
    adminPage: adminPageHtml(options.site, settings),
  });
  eleventyConfig.on("eleventy.after", () => writeAdminFiles({ ...options, settings }));
}
