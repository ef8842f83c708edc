/** Image pixels per module of the code's PNG. */
export const QR_PIXELS_PER_MODULE: number;

/** The QR code of `text` (error correction M, the mask of lowest penalty) as a 1-bit greyscale PNG with its quiet zone. */
export function qrPng(text: string): Buffer;

/** The PNG of `text`'s QR code as a `data:` URL. */
export function qrPngDataUrl(text: string): string;
