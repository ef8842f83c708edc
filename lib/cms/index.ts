/*
 * The browser CMS (Sveltia, at /admin/): takes the site file, the content schemas and
 * `_data/cms.yaml`; gives the CMS settings, its config.yml, the /admin/ page (or its setup page) and
 * the files published beside it.
 */
export { type AdminFilesOptions, writeAdminFiles } from "./admin-files.ts";
export { adminPageHtml } from "./admin-page.ts";
export { CMS_DATE_FORMAT, type CmsConfig, cmsBackend, cmsConfig, cmsConfigYaml } from "./config.ts";
export {
  CMS_FILE,
  type CmsBackend,
  type CmsSettings,
  GIT_HOSTS,
  gitEndpoints,
  isCmsConfigured,
  loadCmsSettings,
  PLACEHOLDER_REPO,
} from "./settings.ts";
export { ADMIN_PATHS, localizeSveltiaBundle, SVELTIA_BUNDLE, SVELTIA_LOCALES, sveltiaFonts } from "./sveltia.ts";
