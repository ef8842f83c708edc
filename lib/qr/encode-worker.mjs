// Plain JavaScript so that worker threads can load it without a TypeScript loader.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import QRCode from "qrcode";

/**
 * The module matrix of `text`'s QR code (error correction M), packed eight modules a byte, row
 * by row, as base64.
 */
export function encodeQrModules(text) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const packed = new Uint8Array(Math.ceil((size * size) / 8));
  for (let index = 0; index < size * size; index++) if (modules.data[index]) packed[index >> 3] |= 1 << (index & 7);
  return { size, bits: Buffer.from(packed).toString("base64") };
}

/** Bytes per URL in the shared buffer: the side length, then the packed modules of up to version 10 (57 × 57). */
export const QR_SLOT_BYTES = 1 + Math.ceil((57 * 57) / 8);

// Worker mode: encode each URL into its slot of the shared buffer and mark the slot done (1) or
// too large for a slot (2), so the rendering thread can read finished codes without waiting
// for its event loop.
if (!isMainThread && workerData?.qrUrls) {
  const { qrUrls, first, slots, status } = workerData;
  const bytes = new Uint8Array(slots);
  const flags = new Int32Array(status);
  for (let offset = 0; offset < qrUrls.length; offset++) {
    const index = first + offset;
    if (Atomics.load(flags, index) !== 0) continue;
    const { size, bits } = encodeQrModules(qrUrls[offset]);
    const packed = Buffer.from(bits, "base64");
    if (1 + packed.length > QR_SLOT_BYTES) {
      Atomics.store(flags, index, 2);
      continue;
    }
    bytes[index * QR_SLOT_BYTES] = size;
    bytes.set(packed, index * QR_SLOT_BYTES + 1);
    Atomics.store(flags, index, 1);
  }
  parentPort?.postMessage({ finishedAt: performance.timeOrigin + performance.now() });
}
