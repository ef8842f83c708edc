// Plain JavaScript, so that worker threads can load it without a TypeScript loader.
import { platform, setPriority } from "node:os";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { qrPng } from "./code.mjs";

/**
 * Bytes per URL in the shared buffer: the PNG's length (two bytes, little-endian), then the PNG;
 * room for the code of an address of about 100 characters (a longer one is drawn by the rendering thread).
 */
export const QR_SLOT_BYTES = 640;

// Worker mode: draw each URL's code into its slot of the shared buffer and mark the slot done (1)
// or too large for a slot (2), so the rendering thread can read finished codes without waiting for
// its event loop.
if (!isMainThread && workerData?.qrUrls) {
  // On Linux a nice value is a thread's own: this thread yields to the rendering and the search index (QR_NICE).
  if (platform() === "linux" && workerData.nice) setPriority(workerData.nice);
  const { qrUrls, first, slots, status } = workerData;
  const bytes = new Uint8Array(slots);
  const flags = new Int32Array(status);
  for (let offset = 0; offset < qrUrls.length; offset++) {
    const index = first + offset;
    if (Atomics.load(flags, index) !== 0) continue;
    const png = qrPng(qrUrls[offset]);
    if (2 + png.length > QR_SLOT_BYTES) {
      Atomics.store(flags, index, 2);
      continue;
    }
    const start = index * QR_SLOT_BYTES;
    bytes[start] = png.length & 0xff;
    bytes[start + 1] = png.length >> 8;
    bytes.set(png, start + 2);
    Atomics.store(flags, index, 1);
  }
  parentPort?.postMessage({ finishedAt: performance.timeOrigin + performance.now() });
}
