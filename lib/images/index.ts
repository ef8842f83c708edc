/*
 * The image stage (lib/images): takes the catalog and the site root; gives, before rendering, the
 * plan of every picture the content shows or links (planImages: each source's header read and
 * hashed, never decoded; its renditions, sizes and published names), which is all the HTML needs;
 * then, beside the rendering, the renditions encoded into the image cache (encodeImages: WebP and
 * JPEG or PNG, upright, sRGB, without metadata, each written whole), and where each rendition is
 * linked into the staging folder (renditionLinks; lib/pipeline links them). A picture that cannot be published is
 * a problem with file, line and a Chinese message (messages.ts). docs/photos.md says why.
 */
export { type EncodeResult, encodeConcurrency, encodeImages, encodePicture } from "./encode.ts";
export { isPictureFile, MAX_SOURCE_BYTES, MAX_SOURCE_PIXELS, RENDITIONS } from "./formats.ts";
export {
  BODY_SIZES,
  LEAD_SIZES,
  leadPictureHtml,
  pictureHtml,
  replacePictures,
  shareImage,
  shareRendition,
} from "./html.ts";
export { PICTURE_MESSAGES } from "./messages.ts";
export {
  type ImagePlan,
  isCached,
  missingPictures,
  type PlannedPicture,
  planImages,
  type Rendition,
  renditionsOf,
} from "./plan.ts";
export { renditionLinks } from "./publish.ts";
export { findPictureReferences, type LeadPhoto, leadPhotoOf, pictureSource } from "./references.ts";
export { imageCacheDir, type SourceCache } from "./source-cache.ts";
