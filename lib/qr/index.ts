/*
 * Stage 4, QR codes: takes the canonical URLs of the pages to render; gives each page's code as an
 * `<img>` of a PNG data URL (qrCodeImg), drawn ahead of the rendering in worker threads and kept
 * in a cache between builds.
 */

export { qrPng } from "./code.mjs";
export { QR_DISPLAY_SIZE, qrCodeImg } from "./image.ts";
export { precomputeQrCodes } from "./precompute.ts";
export { loadQrCache, qrDataUrl, resetQrCodes, saveQrCache } from "./store.ts";
