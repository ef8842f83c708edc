import { type Dirent, lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "./problems.ts";

/** The folders of a site root whose files the build reads (the project's `_includes/` is checked beside them). */
export const READ_FOLDERS = ["content", "_data"] as const;

const LINK_MESSAGE =
  "这是符号链接（symbolic link）：网站只读取仓库里的普通文件，不会跟随链接去读取或发布它指向的文件。请删掉这个链接，把文件本身放到这里";
const SPECIAL_MESSAGE = "这不是普通文件（是设备、管道或套接字）：网站只读取和发布普通文件，请删掉它";

const slashed = (relative: string) => relative.split(path.sep).join("/");

/** The problem of one directory entry that is not a regular file or folder, or undefined. */
function entryProblem(entry: Dirent, file: string): ContentProblem | undefined {
  if (entry.isSymbolicLink()) return { file, line: 1, message: LINK_MESSAGE };
  if (!entry.isFile() && !entry.isDirectory()) return { file, line: 1, message: SPECIAL_MESSAGE };
  return undefined;
}

/**
 * Every path under `folder` (relative to `base`, shown as `label/…`) that is a symbolic link or not
 * a regular file or folder, the folder itself included, found with one recursive listing and
 * without following any link.
 */
function folderProblems(base: string, folder: string, label: string): ContentProblem[] {
  const absolute = path.join(base, folder);
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(absolute);
  } catch {
    return [];
  }
  if (stats.isSymbolicLink()) return [{ file: label, line: 1, message: LINK_MESSAGE }];
  if (!stats.isDirectory()) return [];
  const problems: ContentProblem[] = [];
  for (const entry of readdirSync(absolute, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(absolute, path.join(entry.parentPath, entry.name));
    const problem = entryProblem(entry, `${label}/${slashed(relative)}`);
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * Every path the build would read that is not a regular file inside its folder: a symbolic link
 * (to a file or a folder, inside or outside the repository, `content/` itself included) or a
 * device, pipe or socket, each as a problem naming it. Nothing is opened or
 * followed, so a link to a build machine's credentials is refused before anything reads it.
 * `includesDir` is the project's `_includes/` (the templates Eleventy reads).
 */
export function irregularFileProblems(root: string, includesDir?: string): ContentProblem[] {
  const problems = READ_FOLDERS.flatMap((folder) => folderProblems(root, folder, folder));
  if (includesDir) problems.push(...folderProblems(path.dirname(includesDir), path.basename(includesDir), "_includes"));
  return problems;
}

/** Whether a file of the site root is a symbolic link (checked before a settings file is read). */
export function isSymbolicLink(root: string, file: string): boolean {
  try {
    return lstatSync(path.join(root, file)).isSymbolicLink();
  } catch {
    return false;
  }
}
