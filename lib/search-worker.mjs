/*
 * The worker thread of writeSearchIndexInWorker (lib/search-index.ts): builds the search index from
 * the pages it is given (searchPageSources) and posts back `{ stats, finishedAt }` (epoch
 * milliseconds, for the stage's timing) or `{ error }`. Plain JavaScript, as a worker starts
 * without the parent's TypeScript loader; tsx's API loads the TypeScript module.
 */
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { toRecordSource, writeSearchIndexFromSources } = await import("./search-index.ts");
try {
  const sources = workerData.pages.map(toRecordSource);
  const stats = await writeSearchIndexFromSources(sources, workerData.outputPath, workerData.options);
  parentPort?.postMessage({ stats, finishedAt: performance.timeOrigin + performance.now() });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
