/*
 * What every stage uses: the site's addresses (urls.ts), dates in the site's zone, one SHA-256, safe
 * file writes and links, newline clean-up, content types by extension, the one markdown-it set-up and
 * sanitizer, the project's paths.
 */
export { contentType } from "./content-types.ts";
export {
  CONTENT_DATE_FORMATS,
  formatIsoDate,
  isKnownZone,
  parseContentDate,
  resetDateCaches,
  toIsoWithOffset,
} from "./dates.ts";
export { copyTree, folderBytes, linkFiles, linkOrCopy, linkTree, writeFileAtomic } from "./files.ts";
export { sha256, shortHash } from "./hash.ts";
export { createMarkdown, createMarkdownIt, SANITIZE_OPTIONS } from "./markdown.ts";
export { CACHE_DIR, PROJECT_DIR } from "./paths.ts";
export { escapeHtml, normalizeNewlines } from "./text.ts";
export {
  ADMIN_URL,
  ARTICLES_URL,
  ASSETS_URL,
  canonicalUrl,
  FILES,
  FIXED_PAGES,
  JIUCUO_PAGE,
  jiucuoSiteCode,
  jiucuoUrl,
  RESERVED_FOLDERS,
  SAFE_LINK_SCHEMES,
  SEARCH_INDEX_URL,
  siteDomain,
} from "./urls.ts";
