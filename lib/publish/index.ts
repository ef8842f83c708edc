/*
 * Stage 6, publish: takes the staging folder the render stage filled; gives it precompressed
 * (`.gz` beside each text asset), with `_headers` (cache, security and Content-Security-Policy
 * headers per path), swapped in whole in place of the published folder. The CSP is also what the
 * render stage writes into each page's meta tag.
 */
export {
  ADMIN_CSP,
  adminCsp,
  CACHE,
  type CspDirectives,
  formatCsp,
  formatHeaders,
  type HeaderRule,
  headerRules,
  headersFor,
  metaCsp,
  parseHeaders,
  SECURITY_HEADERS,
  SITE_CSP,
  writeHeadersFile,
} from "./headers.ts";
export { PRECOMPRESSED_EXTENSIONS, precompressAssets } from "./precompress.ts";
export { searchCorsOrigin, searchPageCsp } from "./search-group.ts";
export { type BuildFolders, buildFolders, recoverInterruptedBuild, swapIntoPlace } from "./staging.ts";
