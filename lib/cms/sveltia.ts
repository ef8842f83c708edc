/*
 * The browser CMS's files under /admin/ and the Sveltia CMS bundle they come from: where each is
 * published, and the bundle's fonts and translations served from the site instead of a CDN.
 */
import { ADMIN_URL } from "../shared/index.ts";

/** Where the build publishes the CMS: the page, its configuration and the Sveltia CMS bundle. */
export const ADMIN_PATHS = {
  page: `${ADMIN_URL}index.html`,
  config: `${ADMIN_URL}config.yml`,
  script: `${ADMIN_URL}sveltia-cms.js`,
  /** Sends Sveltia's requests for its translations to /admin/locales/ instead of unpkg.com, and refuses its other calls to third parties. */
  localAssets: `${ADMIN_URL}local-assets.js`,
  locales: `${ADMIN_URL}locales/`,
  /** The interface fonts Sveltia would load from jsDelivr, served from the site. */
  fonts: `${ADMIN_URL}fonts/`,
  /** The setup page's script: on the preview (127.0.0.1) it offers the CMS's local repository mode. */
  setup: `${ADMIN_URL}setup.js`,
} as const;

/**
 * Sveltia's `@font-face` rules name fonts on jsDelivr's Fontsource mirror; the build rewrites those
 * addresses to /admin/fonts/ and copies the files from the `@fontsource` packages (`:vf` marks a
 * variable font, in `@fontsource-variable`). A font the bundle names that is not installed fails the
 * build, so an upgrade of Sveltia cannot quietly bring a third-party request back.
 */
export const SVELTIA_FONT_URL =
  /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(:vf)?@[0-9.]+\/([a-z0-9-]+\.woff2)/g;

/** The fonts a Sveltia bundle names: published file name (under ADMIN_PATHS.fonts) → file in node_modules. */
export function sveltiaFonts(bundle: string): Map<string, string> {
  const fonts = new Map<string, string>();
  for (const [, family, variable, file] of bundle.matchAll(SVELTIA_FONT_URL))
    fonts.set(
      `${family}-${file}`,
      `node_modules/@fontsource${variable ? "-variable" : ""}/${family}/files/${family}-${file}`,
    );
  return fonts;
}

/** The Sveltia bundle with its font addresses pointing at the site's copies. */
export function localizeSveltiaBundle(bundle: string): string {
  return bundle.replace(
    SVELTIA_FONT_URL,
    (_, family: string, _variable, file: string) => `${ADMIN_PATHS.fonts}${family}-${file}`,
  );
}

/** The Sveltia CMS bundle in node_modules, copied to /admin/ at build time (no CDN). */
export const SVELTIA_BUNDLE = "node_modules/@sveltia/cms/dist/sveltia-cms.js";

/** Sveltia's interface translations in node_modules, and the ones the build publishes. */
export const SVELTIA_LOCALES = {
  folder: "node_modules/@sveltia/cms/locales",
  files: ["zh-CN.json", "zh-TW.json"],
} as const;
