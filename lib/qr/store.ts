import { existsSync, readFileSync } from "node:fs";
import { writeFileAtomic } from "../shared/index.ts";
import { type EncodedQr, encodeQrModules, QR_SLOT_BYTES } from "./encode-worker.mjs";

/**
 * Module matrices by URL: encoded here, by worker threads, or read from a persistent cache. Shared
 * by every build of the process (a 站群's sites have their own addresses), so it keeps no build's state.
 */
const encoded = new Map<string, EncodedQr>();

/** Codes that worker threads are encoding into shared memory, readable as soon as each is done. */
export interface SharedSlots {
  index: Map<string, number>;
  slots: Uint8Array;
  status: Int32Array;
}

/** The shared memory of the worker threads encoding now, one set of slots per build that started them. */
const sharedSlots = new Set<SharedSlots>();

/** Forgets every code encoded, taken from a worker or read from a cache, as a new process starts. */
export function resetQrStore(): void {
  encoded.clear();
  sharedSlots.clear();
}

/** Lets the store read codes from worker threads' shared memory (precomputeQrCodes) until `unshareSlots`. */
export function shareSlots(slots: SharedSlots): void {
  sharedSlots.add(slots);
}

/** Stops reading the codes of `slots`. */
export function unshareSlots(slots: SharedSlots): void {
  sharedSlots.delete(slots);
}

/** The set of slots that holds `text`'s code, if any worker thread is encoding it. */
function slotsOf(text: string): SharedSlots | undefined {
  for (const slots of sharedSlots) if (slots.index.has(text)) return slots;
  return undefined;
}

/** A code a worker thread finished in shared memory; marks it taken over by this thread when not yet done. */
export function takeShared(text: string, from = slotsOf(text)): EncodedQr | undefined {
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

/** The module matrix of `text`'s code: at hand, from a worker thread, or encoded now. */
export function modulesOf(text: string): EncodedQr {
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

/**
 * Writes the codes of `urls` that are at hand (a build's pages), sorted by URL, so the cache holds
 * exactly the pages of the last build; written atomically. Returns how many it wrote.
 */
export function saveQrCache(file: string, urls: Iterable<string>): number {
  const lines = [...new Set(urls)]
    .sort()
    .map((url) => {
      const modules = encoded.get(url);
      return modules ? `${url}\t${modules.size}\t${modules.bits}\n` : "";
    })
    .filter(Boolean);
  writeFileAtomic(file, lines.join(""));
  return lines.length;
}
