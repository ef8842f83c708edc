/*
 * `npm start`: takes a site root; gives a local web server with the site built by the same stages as
 * `npm run build` in preview mode, rebuilt and reloaded on every change, problems shown in the page.
 */
export { type Preview, type PreviewOptions, startPreview } from "./preview.ts";
export { resolveSiteFile, sendSiteFile } from "./static-files.ts";
