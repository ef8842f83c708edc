/*
 * Stage 5, render: takes the catalog (and which pages to render); gives the site's HTML, feed,
 * sitemap, assets, attachments and CMS, written by Eleventy from the layouts in _includes/.
 */
export { configureSite, type RenderOptions } from "./eleventy.ts";
export type { EleventyConfig } from "./eleventy-types.ts";
export {
  ADMIN_CSP,
  adminCsp,
  formatCsp,
  headerRules,
  headersFor,
  metaCsp,
  parseHeaders,
  SITE_CSP,
  writeHeadersFile,
} from "./headers.ts";
export type { PageSelection } from "./templates.ts";
