/*
 * A worker thread of writeSearchIndexInWorkers (lib/search/workers.ts), started before the catalog
 * is known (startSearchWorkers): loads the search modules and starts its Pagefind process, then
 * waits for one message `{ jobs, cache }`, writes those shards (writeShards) and posts back
 * `{ written, finishedAt }` (epoch milliseconds, for the stage's timing) or `{ error }`. Plain
 * JavaScript, as a worker starts without the parent's TypeScript loader; tsx's API loads the
 * TypeScript module.
 */
import { platform, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { close, createIndex } from "pagefind";
import { register } from "tsx/esm/api";

// On Linux a nice value is a thread's own and is inherited by the processes it starts: this
// thread and its Pagefind process yield to the rendering thread (SEARCH_NICE).
if (platform() === "linux" && workerData.nice) setPriority(workerData.nice);
register();
const { writeShards } = await import("./pagefind-writer.ts");
// Pagefind's process starts now (it reads the chunk size pagefind-writer.ts set), while the build validates.
const warm = await createIndex({ keepIndexUrl: true }).catch(() => ({ index: undefined }));
await warm.index?.deleteIndex();
parentPort?.once("message", async ({ jobs, cache }) => {
  try {
    const written = await writeShards(jobs, cache).finally(() => close());
    parentPort?.postMessage({ written, finishedAt: performance.timeOrigin + performance.now() });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
