/** Bytes per URL in the buffer that worker threads share with the rendering thread. */
export const QR_SLOT_BYTES: number;
