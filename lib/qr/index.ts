/*
 * Stage 4, QR codes: takes the canonical URLs of the pages to render; gives each page's inline SVG
 * code (qrCodeSvg), encoded ahead of the rendering in worker threads and kept in a cache between builds.
 */
export { precomputeQrCodes } from "./precompute.ts";
export { keepQrCodes, loadQrCache, saveQrCache } from "./store.ts";
export { qrCodeSvg, qrPathData, resetQrCodes } from "./svg.ts";
