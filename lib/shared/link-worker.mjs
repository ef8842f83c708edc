/*
 * A worker thread of linkFiles (lib/shared/files.ts): hard-links each `from<TAB>to` line of
 * workerData.list (a copy where links fail: another file system), making the folders, and posts
 * back `{ placed, finishedAt }` (epoch milliseconds) or `{ error }`. Plain JavaScript, as a worker
 * starts without the parent's TypeScript loader.
 */
import { constants, copyFileSync, linkSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

const made = new Set();
let placed = 0;
try {
  for (const line of workerData.list.split("\n")) {
    if (!line) continue;
    const [from, to] = line.split("\t");
    const folder = path.dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(from, to);
    } catch (error) {
      if (!workerData.copyOn.includes(error.code)) throw error;
      copyFileSync(from, to, constants.COPYFILE_EXCL);
    }
    placed++;
  }
  parentPort?.postMessage({ placed, finishedAt: performance.timeOrigin + performance.now() });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
