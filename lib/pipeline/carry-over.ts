import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from "node:fs";
import path from "node:path";
import { type Catalog, type DetailPage, detailPages } from "../content/index.ts";
import { linkFiles, sha256, writeFileAtomic } from "../shared/index.ts";

/*
 * Detail pages carried over from the last build. Such a page shows its article (with its
 * previous/next links and column) or notice, the site file and the newest notices, rendered by the
 * code and templates of the project; when none of these changed since the last build and the
 * published file is still the one that build wrote, the new build hard-links that file instead of
 * rendering it again. A one-article change then renders a handful of pages instead of all of them.
 */

/** Bumped when what a key covers changes. */
const MANIFEST_VERSION = 2;

/** One published detail page as the last build left it. */
export interface PublishedPage {
  /** The page's file, relative to the output folder. */
  file: string;
  /** pageKey of the inputs it was rendered from. */
  key: string;
  /** SHA-256 of the file's bytes, to recognise it after the output was restored from a CI cache. */
  sha256: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

/** `<root>/.cache/pages-<hash of the output folder>.json`: the detail pages of the last build published there. */
export interface PageManifest {
  version: number;
  outputDir: string;
  pages: Record<string, PublishedPage>;
}

function hashFolder(parts: (string | Buffer)[], folder: string, base: string): void {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) hashFolder(parts, full, base);
    else if (entry.isFile()) parts.push(`${path.relative(base, full)}\n`, readFileSync(full));
  }
}

/** Where the manifest of builds into `outputDir` is kept: one per output folder, so a build elsewhere does not discard it. */
export function pageManifestFile(cacheDir: string, outputDir: string): string {
  return path.join(cacheDir, `pages-${sha256(outputDir).slice(0, 12)}.json`);
}

/** A hash of everything in the project that renders pages: templates and assets, the modules, the locked dependencies. */
export function renderFingerprint(projectDir: string): string {
  const parts: (string | Buffer)[] = [`v${MANIFEST_VERSION}\n`];
  hashFolder(parts, path.join(projectDir, "_includes"), projectDir);
  hashFolder(parts, path.join(projectDir, "lib"), projectDir);
  const lock = path.join(projectDir, "package-lock.json");
  if (existsSync(lock)) parts.push(readFileSync(lock));
  return sha256(...parts);
}

/** What every detail page shares: the render fingerprint, the site file, the notices block and the page policy. */
export function sharedPageInputs(catalog: Catalog, fingerprint: string, contentSecurityPolicy: string): string {
  return JSON.stringify({
    fingerprint,
    site: catalog.site,
    // What the 通知公告 block shows of each notice, not its body.
    notices: catalog.notices
      .slice(0, catalog.site.notices_block_size)
      .map(({ title, href, date }) => ({ title, href, date })),
    contentSecurityPolicy,
  });
}

/** The key of a detail page: a hash of the shared inputs and the item (an article with its neighbours and column). */
export function pageKey(item: unknown, shared: string): string {
  return sha256(shared, "\n", JSON.stringify(item));
}

/** The key of every detail page, by URL; `more` adds what else a page shows (the keys of its pictures). */
export function pageKeys(catalog: Catalog, shared: string, more?: (page: DetailPage) => unknown): Map<string, string> {
  return new Map(
    detailPages(catalog).map((page) => [page.url, pageKey(more ? [page.item, more(page)] : page.item, shared)]),
  );
}

/** The manifest of the last build into `outputDir`, or none when it is missing, damaged, older or for another folder. */
export function readPageManifest(file: string, outputDir: string): PageManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as PageManifest;
    if (manifest.version !== MANIFEST_VERSION || manifest.outputDir !== outputDir) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

/**
 * The pages the new build can carry over from `outputDir`: same key, and the file there is still
 * the one the last build wrote: the same inode, size and modification time, or else (a folder
 * restored from a CI cache) the same bytes. A hand-edited or replaced file is rendered again.
 * Returns URL → the manifest entry.
 */
export function pagesToCarryOver(
  manifest: PageManifest | undefined,
  keys: ReadonlyMap<string, string>,
  outputDir: string,
): Map<string, PublishedPage> {
  const carried = new Map<string, PublishedPage>();
  if (!manifest) return carried;
  for (const [url, key] of keys) {
    const entry = manifest.pages[url];
    if (!entry || entry.key !== key) continue;
    try {
      const file = path.join(outputDir, entry.file);
      const stats = lstatSync(file);
      if (!stats.isFile() || stats.size !== entry.size) continue;
      const untouched = stats.ino === entry.ino && stats.mtimeMs === entry.mtimeMs;
      if (untouched || sha256(readFileSync(file)) === entry.sha256) carried.set(url, entry);
    } catch {
      // Gone since the last build: rendered again.
    }
  }
  return carried;
}

/**
 * Hard-links each carried-over page from the published folder into the staging folder (a copy where
 * links fail), in a worker thread beside the rendering (pagesToCarryOver checked each is a file).
 */
export function linkCarriedOverPages(
  carried: ReadonlyMap<string, PublishedPage>,
  fromDir: string,
  toDir: string,
): Promise<{ placed: number; finishedAt: number }> {
  return linkFiles(
    [...carried.values()].map(({ file }) => [path.join(fromDir, file), path.join(toDir, file)] as const),
  );
}

/**
 * The manifest of a finished build: for each detail page its key, its file and that file's hash
 * and identity in `stagingDir` (renaming the folder into `outputDir` keeps inodes and times).
 */
export function pageManifest(
  keys: ReadonlyMap<string, string>,
  written: ReadonlyMap<string, { file: string; sha256: string }>,
  stagingDir: string,
  outputDir: string,
): PageManifest {
  const pages: Record<string, PublishedPage> = {};
  for (const [url, key] of keys) {
    const page = written.get(url);
    if (!page) continue;
    const stats = statSync(path.join(stagingDir, page.file));
    pages[url] = { ...page, key, size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
  }
  return { version: MANIFEST_VERSION, outputDir, pages };
}

/** Writes the manifest atomically, so a killed build leaves the old one whole. */
export function writePageManifest(file: string, manifest: PageManifest): void {
  writeFileAtomic(file, JSON.stringify(manifest));
}

const MANIFEST_NAME = /^pages-[0-9a-f]{12}\.json$/;
const OUTPUT_DIR_FIELD = /"outputDir":("(?:[^"\\]|\\.)*")/;

/**
 * Removes the manifests of output folders that no longer exist (temporary builds, renamed
 * folders), reading only the start of each file, where `outputDir` is written.
 */
export function pruneStaleManifests(cacheDir: string): number {
  if (!existsSync(cacheDir)) return 0;
  let removed = 0;
  for (const name of readdirSync(cacheDir)) {
    if (!MANIFEST_NAME.test(name)) continue;
    const file = path.join(cacheDir, name);
    try {
      const head = Buffer.alloc(4096);
      const descriptor = openSync(file, "r");
      const length = readSync(descriptor, head, 0, head.length, 0);
      closeSync(descriptor);
      const match = OUTPUT_DIR_FIELD.exec(head.subarray(0, length).toString("utf8"));
      const outputDir = match ? (JSON.parse(match[1] as string) as string) : undefined;
      if (outputDir && existsSync(outputDir)) continue;
      rmSync(file, { force: true });
      removed++;
    } catch {
      // Removed meanwhile by another build of the same site.
    }
  }
  return removed;
}
