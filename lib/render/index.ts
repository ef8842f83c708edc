/*
 * Stage 5, render: takes the catalog (and which pages to render); gives the site's HTML, feed,
 * sitemap, assets, attachments and the CMS page, written by Eleventy from the layouts in _includes/.
 */
export { configureSite, type RenderOptions } from "./eleventy.ts";
export type { EleventyConfig } from "./eleventy-types.ts";
export type { PageSelection } from "./templates.ts";
