/** A QR code's module matrix: `size` × `size` modules packed eight a byte, row by row, as base64. */
export interface EncodedQr {
  size: number;
  bits: string;
}

/** The module matrix of `text`'s QR code (error correction M). */
export function encodeQrModules(text: string): EncodedQr;

/** Bytes per URL in the buffer that worker threads share with the rendering thread. */
export const QR_SLOT_BYTES: number;
