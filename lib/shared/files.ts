import {
  constants,
  copyFileSync,
  type Dirent,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { linkListed } from "./link-worker.mjs";

/**
 * Writes a file beside its place and renames it there, so a killed process leaves either the old
 * file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Thrown for a symbolic link (or a device, pipe or socket) where only regular files may be: it is never followed. */
function refuseIrregular(file: string): never {
  throw new Error(`不是普通文件，拒绝复制 (not a regular file, refused): ${file}`);
}

/** Whether a directory entry is a regular file or folder; a symbolic link is neither. */
const isRegular = (entry: Dirent) => entry.isFile() || entry.isDirectory();

/**
 * Hard-links `from` to `to` (replacing `to`), or copies it where links fail (another file system).
 * A symbolic link is refused: a hard link to it would publish the link, a copy its target.
 */
export function linkOrCopy(from: string, to: string): void {
  if (!lstatSync(from).isFile()) refuseIrregular(from);
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Fewer files than this are linked in this thread: a worker's start would cost more. */
const WORKER_LINKS = 2000;

/**
 * Hard-links each `[from, to]` pair, `to` a path not yet there (in a fresh staging folder), making
 * its folder, and copies where links fail (another file system); many in a worker thread, beside
 * what this thread does (the rendering). The sources are files this project wrote and the caller
 * checked: no symbolic link is looked for. Resolves with the files placed and when it was done.
 */
export function linkFiles(
  pairs: readonly (readonly [string, string])[],
): Promise<{ placed: number; finishedAt: number }> {
  const failed = (message: string) => new Error(`链接文件失败 (linking files failed): ${message}`);
  const list = pairs.map(([from, to]) => `${from}\t${to}\n`).join("");
  if (pairs.length < WORKER_LINKS) {
    try {
      return Promise.resolve({ placed: linkListed(list), finishedAt: performance.timeOrigin + performance.now() });
    } catch (error) {
      return Promise.reject(failed(error instanceof Error ? error.message : String(error)));
    }
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./link-worker.mjs", import.meta.url), { workerData: { list }, execArgv: [] });
    worker.once("message", (message: { placed?: number; finishedAt?: number; error?: string }) => {
      if (message.error !== undefined) reject(failed(message.error));
      else resolve({ placed: message.placed ?? 0, finishedAt: message.finishedAt ?? Date.now() });
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`链接文件的线程退出 (link worker exited): ${code}`)));
  });
}

/**
 * Puts a copy of a folder tree at `to` made of hard links (copies across file systems): no file is
 * rewritten in place. Throws, naming it, at a symbolic link or anything else but files and folders.
 */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (!isRegular(entry)) refuseIrregular(source);
    if (entry.isDirectory()) linkTree(source, target);
    else linkOrCopy(source, target);
  }
}

/**
 * Copies a folder tree to `to` (a copy-on-write clone where the file system can), hidden files
 * included, but for files `keep` turns down; throws, naming it, at a symbolic link or anything else
 * but files and folders, so what is published is always the repository's own bytes.
 */
export function copyTree(from: string, to: string, keep: (file: string) => boolean = () => true): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (!isRegular(entry)) refuseIrregular(source);
    if (entry.isDirectory()) copyTree(source, target, keep);
    else if (keep(source)) copyFileSync(source, target, constants.COPYFILE_FICLONE);
  }
}

/** The bytes of every file under a folder. */
export function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}
