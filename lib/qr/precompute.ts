import { Worker } from "node:worker_threads";
import { QR_SLOT_BYTES } from "./encode-worker.mjs";
import { hasCode, type SharedSlots, shareSlots, storeCode, takeShared, unshareSlots } from "./store.ts";

/**
 * The nice value of the QR worker threads (Linux): they run ahead of the rendering thread, which
 * draws any code not ready itself, so they yield to it and to the search index.
 */
export const QR_NICE = 10;

/**
 * Encodes the QR codes of `urls` not yet at hand in `threads` worker threads, while the caller's
 * thread goes on: each finished code lands in shared memory, where `qrCodeImg` reads it without
 * waiting for an event-loop turn (and encodes any code not ready itself). Resolves with how many
 * codes the workers computed and when (epoch ms) the last of them finished; with no thread
 * (`threads` 0) at once, leaving every code to `qrCodeImg`.
 */
export async function precomputeQrCodes(
  urls: readonly string[],
  threads: number,
): Promise<{ computed: number; finishedAt: number }> {
  const missing = [...new Set(urls)].filter((url) => !hasCode(url));
  let finishedAt = performance.timeOrigin + performance.now();
  if (missing.length === 0 || threads < 1) return { computed: 0, finishedAt };
  const workers = Math.max(1, Math.min(threads, Math.ceil(missing.length / 500)));
  const chunk = Math.ceil(missing.length / workers);
  const slots = new SharedArrayBuffer(missing.length * QR_SLOT_BYTES);
  const status = new SharedArrayBuffer(missing.length * Int32Array.BYTES_PER_ELEMENT);
  const state: SharedSlots = {
    index: new Map(missing.map((url, index) => [url, index])),
    slots: new Uint8Array(slots),
    status: new Int32Array(status),
  };
  shareSlots(state);
  const script = new URL("./encode-worker.mjs", import.meta.url);
  try {
    await Promise.all(
      Array.from(
        { length: workers },
        (_, index) =>
          new Promise<void>((resolve, reject) => {
            const first = index * chunk;
            const worker = new Worker(script, {
              workerData: { qrUrls: missing.slice(first, first + chunk), first, slots, status, nice: QR_NICE },
              execArgv: [],
            });
            worker.on("message", (message: { finishedAt: number }) => {
              finishedAt = Math.max(finishedAt, message.finishedAt);
            });
            worker.once("error", reject);
            worker.once("exit", (code) =>
              code === 0 ? resolve() : reject(new Error(`二维码计算线程异常退出 (QR worker exited with ${code})`)),
            );
          }),
      ),
    );
    let count = 0;
    for (const url of missing) {
      if (Atomics.load(state.status, state.index.get(url) as number) === 1) count++;
      if (!hasCode(url)) {
        const dataUrl = takeShared(url, state);
        if (dataUrl) storeCode(url, dataUrl);
      }
    }
    return { computed: count, finishedAt };
  } finally {
    unshareSlots(state);
  }
}
