/** Image pixels per module of the code's PNG. */
export const QR_PIXELS_PER_MODULE: number;

/** The QR code of `text` (error correction M, the mask of lowest penalty) as a 1-bit greyscale PNG with its quiet zone. */
export function qrPng(text: string): Buffer;

/** How a code's data URL begins, before the PNG's base64. */
export const QR_DATA_URL_PREFIX: string;

/** The PNG of `text`'s QR code as a `data:` URL. */
export function qrPngDataUrl(text: string): string;
