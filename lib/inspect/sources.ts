import { readFileSync } from "node:fs";
import path from "node:path";
import { normalizeNewlines } from "../shared/index.ts";

/** Reads a site's source files once each and finds lines in them, for findings located at file:line. */
export interface SourceReader {
  /** The lines of a file relative to the site root; empty when it cannot be read. */
  lines(file: string): readonly string[];
  /** The first line, at or after `from`, on which `test` holds; `from` when none does. */
  findLine(file: string, test: (line: string) => boolean, from?: number): number;
}

/** A reader over the files of one site root, caching each file it reads. */
export function createSourceReader(root: string): SourceReader {
  const cache = new Map<string, string[]>();
  const lines = (file: string): string[] => {
    let known = cache.get(file);
    if (!known) {
      try {
        known = normalizeNewlines(readFileSync(path.join(root, file), "utf8")).split("\n");
      } catch {
        known = [];
      }
      cache.set(file, known);
    }
    return known;
  };
  const findLine = (file: string, test: (line: string) => boolean, from = 1) => {
    const all = lines(file);
    for (let index = Math.max(0, from - 1); index < all.length; index++) if (test(all[index] ?? "")) return index + 1;
    return from;
  };
  return { lines, findLine };
}

const KEY_LINE = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s|$)/;

/** The YAML key a line stands under: the nearest line at or above it that starts with `key:`; "" when none. */
export function keyAbove(lines: readonly string[], line: number): string {
  for (let index = line - 1; index >= 0; index--) {
    const match = KEY_LINE.exec(lines[index] ?? "");
    if (match) return match[1] ?? "";
  }
  return "";
}

/** Whether a line holds the YAML key `key` (`date: …`, `- date: …`). */
export function isKeyLine(line: string, key: string): boolean {
  return KEY_LINE.exec(line)?.[1] === key;
}
