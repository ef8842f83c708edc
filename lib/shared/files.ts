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
 * included; throws, naming it, at a symbolic link or anything else but files and folders, so what
 * is published is always the repository's own bytes.
 */
export function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (!isRegular(entry)) refuseIrregular(source);
    if (entry.isDirectory()) copyTree(source, target);
    else copyFileSync(source, target, constants.COPYFILE_FICLONE);
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
