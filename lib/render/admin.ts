import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listNoticeFiles, loadCmsSettings, type Site } from "../content/index.ts";
import { ADMIN_PATHS, adminPageHtml, cmsConfig, cmsConfigYaml, SVELTIA_BUNDLE, SVELTIA_LOCALES } from "./cms-config.ts";
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
 * collections, so of the sitemap), and after each build its config.yml, generated from the schemas and site file, the Sveltia CMS
 * bundle and its Chinese translations copied from node_modules, and the script that makes Sveltia
 * load those translations from the site rather than from unpkg.com.
 */
export function registerAdmin(eleventyConfig: EleventyConfig, options: AdminOptions): void {
  eleventyConfig.addTemplate("admin.njk", "{{ adminPage | safe }}", {
    permalink: ADMIN_PATHS.page,
    eleventyExcludeFromCollections: true,
    excludeFromSitemap: true,
    adminPage: adminPageHtml(options.site),
  });
  eleventyConfig.on("eleventy.after", () => {
    const config = cmsConfig({
      site: options.site,
      settings: loadCmsSettings(options.root),
      noticeFiles: listNoticeFiles(options.root),
    });
    const target = (sitePath: string) => path.join(options.outputDir, ...sitePath.split("/").filter(Boolean));
    mkdirSync(path.dirname(target(ADMIN_PATHS.config)), { recursive: true });
    writeFileSync(target(ADMIN_PATHS.config), cmsConfigYaml(config));
    copyFileSync(path.join(options.projectDir, SVELTIA_BUNDLE), target(ADMIN_PATHS.script));
    copyFileSync(path.join(options.projectDir, "_includes/admin/local-assets.js"), target(ADMIN_PATHS.localAssets));
    mkdirSync(target(ADMIN_PATHS.locales), { recursive: true });
    for (const name of SVELTIA_LOCALES.files) {
      copyFileSync(
        path.join(options.projectDir, SVELTIA_LOCALES.folder, name),
        target(`${ADMIN_PATHS.locales}${name}`),
      );
    }
  });
}
