/*
 * Stage 4, QR codes: takes the canonical URLs of the pages to render; gives each page's code as an
 * `<img>` of a PNG data URL (qrCodeImg), encoded ahead of the rendering in worker threads and kept
 * in a cache between builds.
 */

export { QR_DISPLAY_SIZE, qrCodeImg, qrDataUrl, qrPng, resetQrCodes } from "./png.ts";
export { precomputeQrCodes } from "./precompute.ts";
export { loadQrCache, saveQrCache } from "./store.ts";
