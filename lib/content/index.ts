/*
 * Stage 1, validate (lib/content): takes a site root (content/ and _data/); gives the catalog (lib/content/model.ts),
 * every file read and validated, or one ContentValidationError listing every problem with file and line.
 */
export { type AttachmentInfo, describeAttachment, formatFileSize } from "./attachments.ts";
export { ARTICLE_BODY_PLACEHOLDER, NOTICE_BODY_PLACEHOLDER } from "./body-checks.ts";
export { CONTENT_FOLDERS, listArticleFiles, listNoticeFiles, readSettingsText } from "./files.ts";
export { findBodyLinks, isSafeLink, linkScheme, sitePath } from "./links.ts";
export type { ListPage } from "./listing.ts";
export { type LoadOptions, loadCatalog } from "./load.ts";
export {
  type Article,
  type Catalog,
  type ColumnListing,
  type DetailPage,
  detailPages,
  type Notice,
  type PolicyDocument,
  type PublicationStatus,
  type StaticPage,
} from "./model.ts";
export { noticePageUrl } from "./notices.ts";
export {
  compileIndexPattern,
  type IndexPattern,
  isPolicyColumn,
} from "./policy.ts";
export {
  type ContentProblem,
  ContentValidationError,
  collectProblems,
  findContentValidationError,
  formatProblem,
  problemCountLine,
  sortProblems,
} from "./problems.ts";
export {
  PUBLIC_INFORMATION_ENTRIES,
  type PublicInformationEntry,
  type PublicInformationKey,
} from "./public-information.ts";
export {
  ANNUAL_REPORTS,
  type AnnualReportKind,
  articleSchema,
  attachment,
  leadImageObject,
  noticeSchema,
  noticesFileSchema,
  SLUG,
  signatureSchema,
  staticPageSchema,
  text,
  VALIDITY,
  type Validity,
} from "./schema.ts";
export { FIELD_LABELS, validateWithSchema } from "./schema-messages.ts";
export { type Column, loadSite, SITE_FILE, SITE_ID_CODE, type Site } from "./site.ts";
export { parseYamlSource, type YamlPath, type YamlSource } from "./yaml-source.ts";
