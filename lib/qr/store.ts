import { existsSync, readFileSync } from "node:fs";
import { writeFileAtomic } from "../shared/index.ts";
import { type EncodedQr, encodeQrModules, QR_SLOT_BYTES } from "./encode-worker.mjs";

/** Module matrices by URL: encoded here, by worker threads, or read from the persistent cache. */
const encoded = new Map<string, EncodedQr>();
/** URLs asked for since the cache was last loaded: what the next saved cache keeps. */
const used = new Set<string>();

/** Codes that worker threads are encoding into shared memory, readable as soon as each is done. */
export interface SharedSlots {
  index: Map<string, number>;
  slots: Uint8Array;
  status: Int32Array;
}

let shared: SharedSlots | undefined;

/** Forgets every code encoded, taken from a worker or read from a cache, and the URLs asked for, as a new process starts. */
export function resetQrStore(): void {
  encoded.clear();
  used.clear();
  shared = undefined;
}

/** Lets the store read codes from worker threads' shared memory (precomputeQrCodes), or stop reading it. */
export function shareSlots(slots: SharedSlots | undefined): void {
  shared = slots;
}

/** A code a worker thread finished in shared memory; marks it taken over by this thread when not yet done. */
export function takeShared(text: string, from = shared): EncodedQr | undefined {
  const index = from?.index.get(text);
  if (!from || index === undefined) return undefined;
  if (Atomics.load(from.status, index) !== 1) {
    Atomics.store(from.status, index, 3);
    return undefined;
  }
  const start = index * QR_SLOT_BYTES;
  const size = from.slots[start] as number;
  const bits = Buffer.from(from.slots.subarray(start + 1, start + 1 + Math.ceil((size * size) / 8)));
  return { size, bits: bits.toString("base64") };
}

/** Whether a code's matrix is at hand (encoded, taken from a worker or read from the cache). */
export function hasModules(text: string): boolean {
  return encoded.has(text);
}

/** Keeps a matrix for `text`. */
export function storeModules(text: string, modules: EncodedQr): void {
  encoded.set(text, modules);
}

/** The module matrix of `text`'s code: at hand, from a worker thread, or encoded now; marked as used. */
export function modulesOf(text: string): EncodedQr {
  used.add(text);
  let modules = encoded.get(text);
  if (!modules) {
    modules = takeShared(text) ?? encodeQrModules(text);
    encoded.set(text, modules);
  }
  return modules;
}

/**
 * Reads a persistent QR cache written by `saveQrCache` (one `url<TAB>size<TAB>bits` line per
 * URL); a missing or damaged file is ignored. Returns how many codes it held.
 */
export function loadQrCache(file: string): number {
  used.clear();
  if (!existsSync(file)) return 0;
  let count = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [url, size, bits] = line.split("\t");
    if (!url || !bits || !/^\d+$/.test(size ?? "") || bits.length !== Math.ceil(Number(size) ** 2 / 8 / 3) * 4)
      continue;
    if (!encoded.has(url)) encoded.set(url, { size: Number(size), bits });
    count++;
  }
  return count;
}

/** Marks codes as in use without drawing them (pages carried over from the last build), so the saved cache keeps them. */
export function keepQrCodes(urls: Iterable<string>): void {
  for (const url of urls) used.add(url);
}

/**
 * Writes the codes of the URLs asked for since the cache was loaded, sorted by URL, so the cache
 * holds exactly the pages of the last build; written atomically.
 */
export function saveQrCache(file: string): number {
  const lines = [...used]
    .sort()
    .map((url) => {
      const modules = encoded.get(url);
      return modules ? `${url}\t${modules.size}\t${modules.bits}\n` : "";
    })
    .filter(Boolean);
  writeFileAtomic(file, lines.join(""));
  return lines.length;
}
