/*
 * One preview build in a worker thread of its own (lib/preview/preview.ts): every build starts with
 * fresh modules, so changed templates and code are read again (Eleventy keeps layouts and
 * templates in module-level caches for the life of a thread). Posts `{ pages }`, `{ problems }` for
 * content problems, or `{ error }`. Plain JavaScript, as a worker starts without the parent's
 * TypeScript loader; tsx's API loads the TypeScript modules.
 */
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { buildSite } = await import("../pipeline/index.ts");
const { findContentValidationError } = await import("../content/index.ts");
try {
  const result = await buildSite(workerData);
  parentPort?.postMessage({ pages: result.pages });
} catch (error) {
  const invalid = findContentValidationError(error);
  if (invalid) parentPort?.postMessage({ problems: invalid.problems });
  else parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
