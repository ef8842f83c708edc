/*
 * The hard links of linkFiles (lib/shared/files.ts): linkListed, called in the calling thread for a
 * few files, and, in a worker thread, on workerData.list, posting back `{ placed, finishedAt }`
 * (epoch milliseconds) or `{ error }`. Plain JavaScript, as a worker starts without the parent's
 * TypeScript loader.
 */
import { constants, copyFileSync, linkSync, mkdirSync } from "node:fs";
import path from "node:path";
import { isMainThread, parentPort, workerData } from "node:worker_threads";

/** The errors of a hard link after which a file is copied instead: another file system, or none allowed. */
const COPY_ON = ["EXDEV", "EPERM", "ENOTSUP"];

/**
 * Hard-links each `from<TAB>to` line of `list` (`to` not there yet), making the folders, copying
 * where links fail; returns how many files it placed.
 */
export function linkListed(list) {
  const made = new Set();
  let placed = 0;
  for (const line of list.split("\n")) {
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
      if (!COPY_ON.includes(error.code)) throw error;
      copyFileSync(from, to, constants.COPYFILE_EXCL);
    }
    placed++;
  }
  return placed;
}

if (!isMainThread && typeof workerData?.list === "string") {
  try {
    const placed = linkListed(workerData.list);
    parentPort?.postMessage({ placed, finishedAt: performance.timeOrigin + performance.now() });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}
