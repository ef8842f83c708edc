import { readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../shared/index.ts";
import { RENDITION_SETTINGS } from "./formats.ts";
import type { FileIdentity, SourceHeader } from "./inspect.ts";

/**
 * The headers of the source pictures of the last build (`.cache/images/sources.json`), by file:
 * a file with the same size, modification time and inode is not read or hashed again, so a
 * rebuild without a new photo reads none. A file restored by a checkout (new times) is hashed
 * again and finds its renditions in the cache by that hash.
 */
export interface SourceCache {
  get(file: string, identity: FileIdentity): SourceHeader | undefined;
  set(file: string, identity: FileIdentity, header: SourceHeader): void;
  /** Writes the entries this build used, atomically. */
  save(): void;
}

interface Entry extends FileIdentity {
  header: SourceHeader;
}

const CACHE_FILE = "sources.json";

/** The image cache folder of a build's cache folder. */
export function imageCacheDir(cacheDir: string): string {
  return path.join(cacheDir, "images");
}

/** Reads the source cache of `cacheDir` (empty when missing, damaged or of other settings). */
export function readSourceCache(cacheDir: string): SourceCache {
  const file = path.join(imageCacheDir(cacheDir), CACHE_FILE);
  let entries: Record<string, Entry> = {};
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { settings: string; entries: Record<string, Entry> };
    if (saved.settings === RENDITION_SETTINGS) entries = saved.entries;
  } catch {
    // No cache yet: every source is read.
  }
  const used: Record<string, Entry> = {};
  return {
    get(source, identity) {
      const entry = entries[source];
      if (!entry || entry.size !== identity.size || entry.mtimeMs !== identity.mtimeMs || entry.ino !== identity.ino)
        return undefined;
      used[source] = entry;
      return entry.header;
    },
    set(source, identity, header) {
      used[source] = { ...identity, header };
    },
    save() {
      const sorted = Object.fromEntries(Object.entries(used).sort(([a], [b]) => (a < b ? -1 : 1)));
      writeFileAtomic(file, JSON.stringify({ settings: RENDITION_SETTINGS, entries: sorted }));
    },
  };
}
