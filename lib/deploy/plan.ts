import { ASSETS_URL, SEARCH_INDEX_URL } from "../shared/index.ts";
import type { LocalFile } from "./local-files.ts";
import type { Manifest, RetiredObject } from "./manifest.ts";

/** What one deploy does, worked out before it touches the bucket. */
export interface DeployPlan {
  /** Files to upload, in groups sent one after the other; the files of a group go side by side. */
  groups: LocalFile[][];
  /** Paths new to the bucket, and paths whose bytes or headers changed. */
  added: string[];
  changed: string[];
  /** Paths to delete: gone from the build, or retired longer than the grace period. */
  deletes: string[];
  /** Paths gone from the build that stay in the bucket for now (fingerprinted files older pages use). */
  retired: Record<string, RetiredObject>;
  unchanged: number;
}

/** Folders whose files old pages still load after a deploy: kept for a while once the build drops them. */
const KEPT_FOLDERS = [ASSETS_URL, SEARCH_INDEX_URL].map((folder) => folder.slice(1));
const FEEDS = /^(feed\.xml|sitemap-[^/]+\.xml)$/;
const POINTERS = new Set(["sitemap.xml", "robots.txt"]);

/**
 * The upload order of a file as a sort key, so that nothing points at a file not yet in the bucket:
 * fingerprinted files and attachments first; then the rest of the search index (its entry points
 * name the fingerprinted parts); other files; HTML pages, the deepest first (an article before the
 * list and the home page that link to it); the feed and the sitemap's children; last the sitemap
 * index and robots.txt, which name the children.
 */
export function uploadStage(file: Pick<LocalFile, "path" | "headers">): number[] {
  const { path } = file;
  if (file.headers.cacheControl?.includes("immutable") || path.startsWith("files/")) return [0];
  if (path.startsWith(SEARCH_INDEX_URL.slice(1))) return [1];
  if (POINTERS.has(path)) return [5];
  if (FEEDS.test(path)) return [4];
  if (path.endsWith(".html")) return [3, -path.split("/").length];
  return [2];
}

const compareStages = (a: number[], b: number[]) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
};

/** Files in upload groups: one group per stage, stages in order, paths sorted inside a group. */
export function uploadGroups(files: readonly LocalFile[]): LocalFile[][] {
  const staged = files.map((file) => ({ file, stage: uploadStage(file) }));
  staged.sort((a, b) => compareStages(a.stage, b.stage) || (a.file.path < b.file.path ? -1 : 1));
  const groups: LocalFile[][] = [];
  let last: number[] | undefined;
  for (const { file, stage } of staged) {
    if (!last || compareStages(last, stage) !== 0) groups.push([]);
    groups.at(-1)?.push(file);
    last = stage;
  }
  return groups;
}

/** Whether a path gone from the build stays in the bucket for the grace period rather than going at once. */
export function isKeptAfterRemoval(path: string): boolean {
  return KEPT_FOLDERS.some((folder) => path.startsWith(folder));
}

/**
 * Compares the built folder with the manifest of the bucket: uploads for what is new, changed or
 * unconfirmed; fingerprinted files the build dropped are retired for `keepHours` (then deleted),
 * everything else the build dropped is deleted.
 */
export function planDeploy(
  files: readonly LocalFile[],
  manifest: Manifest,
  options: { now: Date; keepHours: number },
): DeployPlan {
  const built = new Set(files.map((file) => file.path));
  const added: string[] = [];
  const changed: string[] = [];
  const uploads: LocalFile[] = [];
  for (const file of files) {
    const known = file.path in manifest.objects ? manifest.objects[file.path] : manifest.retired[file.path]?.digest;
    if (known === file.digest) continue;
    uploads.push(file);
    (known === undefined ? added : changed).push(file.path);
  }
  const deletes: string[] = [];
  const retired: Record<string, RetiredObject> = {};
  const since = options.now.toISOString();
  for (const [path, digest] of Object.entries(manifest.objects)) {
    if (built.has(path)) continue;
    if (isKeptAfterRemoval(path) && options.keepHours > 0) retired[path] = { digest, since };
    else deletes.push(path);
  }
  const graceMs = options.keepHours * 3_600_000;
  for (const [path, entry] of Object.entries(manifest.retired)) {
    if (built.has(path) || path in manifest.objects) continue;
    if (options.now.getTime() - Date.parse(entry.since) < graceMs) retired[path] = entry;
    else deletes.push(path);
  }
  return {
    groups: uploadGroups(uploads),
    added,
    changed,
    deletes: deletes.sort(),
    retired,
    unchanged: files.length - uploads.length,
  };
}
