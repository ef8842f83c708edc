import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listNoticeFiles, type Site } from "../content/index.ts";
import { cmsConfig, cmsConfigYaml } from "./config.ts";
import type { CmsSettings } from "./settings.ts";
import { ADMIN_PATHS, localizeSveltiaBundle, SVELTIA_BUNDLE, SVELTIA_LOCALES, sveltiaFonts } from "./sveltia.ts";

export interface AdminFilesOptions {
  /** The site root holding content/ and _data/. */
  root: string;
  /** The folder the site is written to. */
  outputDir: string;
  /** The project folder, whose node_modules holds Sveltia CMS. */
  projectDir: string;
  /** The validated site file of the current build. */
  site: Site;
  /** `_data/cms.yaml`, read once for the build. */
  settings: CmsSettings;
}

/**
 * Writes the files of the browser CMS under /admin/ beside its page: config.yml, generated from the
 * schemas and site file, the Sveltia CMS bundle copied from node_modules with its font addresses
 * pointed at the fonts copied beside it, its Chinese translations, the script that makes Sveltia load
 * those from the site rather than from unpkg.com, and the setup page's script.
 */
export function writeAdminFiles(options: AdminFilesOptions): void {
  const config = cmsConfig({
    site: options.site,
    settings: options.settings,
    noticeFiles: listNoticeFiles(options.root),
  });
  const target = (sitePath: string) => path.join(options.outputDir, ...sitePath.split("/").filter(Boolean));
  const fromProject = (file: string) => path.join(options.projectDir, file);
  mkdirSync(target(ADMIN_PATHS.fonts), { recursive: true });
  writeFileSync(target(ADMIN_PATHS.config), cmsConfigYaml(config));
  const bundle = readFileSync(fromProject(SVELTIA_BUNDLE), "utf8");
  for (const [name, file] of sveltiaFonts(bundle)) {
    if (!existsSync(fromProject(file)))
      throw new Error(
        `Sveltia CMS 要用的字体 ${file} 没有安装：npm install 对应的 @fontsource 包 (font not installed)`,
      );
    copyFileSync(fromProject(file), target(`${ADMIN_PATHS.fonts}${name}`));
  }
  writeFileSync(target(ADMIN_PATHS.script), localizeSveltiaBundle(bundle));
  copyFileSync(fromProject("_includes/admin/local-assets.js"), target(ADMIN_PATHS.localAssets));
  copyFileSync(fromProject("_includes/admin/setup.js"), target(ADMIN_PATHS.setup));
  mkdirSync(target(ADMIN_PATHS.locales), { recursive: true });
  for (const name of SVELTIA_LOCALES.files)
    copyFileSync(fromProject(`${SVELTIA_LOCALES.folder}/${name}`), target(`${ADMIN_PATHS.locales}${name}`));
}
