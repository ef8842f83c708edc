import { existsSync, readFileSync } from "node:fs";
import { writeFileAtomic } from "../shared/index.ts";
import { QR_DATA_URL_PREFIX as DATA_URL_PREFIX, qrPngDataUrl } from "./code.mjs";
import { QR_SLOT_BYTES } from "./encode-worker.mjs";

/** The base64 of the PNG signature: how every cached code begins. */
const PNG_BASE64_START = "iVBORw0KGgo";

/**
 * Each code's PNG data URL by URL: drawn here, by worker threads, or read from a persistent cache.
 * Shared by every build of the process (a 站群's sites have their own addresses), so it keeps no build's state.
 */
const codes = new Map<string, string>();

/** Codes that worker threads are drawing into shared memory, readable as soon as each is done. */
export interface SharedSlots {
  index: Map<string, number>;
  slots: Uint8Array;
  status: Int32Array;
}

/** The shared memory of the worker threads drawing now, one set of slots per build that started them. */
const sharedSlots = new Set<SharedSlots>();

/**
 * Forgets every code this process drew, took from a worker or read from a cache, as a new process
 * starts. For tests whose files share one module cache (vitest `isolate: false`), before each test.
 */
export function resetQrCodes(): void {
  codes.clear();
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

/** The set of slots that holds `text`'s code, if any worker thread is drawing it. */
function slotsOf(text: string): SharedSlots | undefined {
  for (const slots of sharedSlots) if (slots.index.has(text)) return slots;
  return undefined;
}

/** A code a worker thread finished in shared memory, as a data URL; marks it taken over by this thread when not yet done. */
export function takeShared(text: string, from = slotsOf(text)): string | undefined {
  const index = from?.index.get(text);
  if (!from || index === undefined) return undefined;
  if (Atomics.load(from.status, index) !== 1) {
    Atomics.store(from.status, index, 3);
    return undefined;
  }
  const start = index * QR_SLOT_BYTES;
  const length = (from.slots[start] as number) | ((from.slots[start + 1] as number) << 8);
  return DATA_URL_PREFIX + Buffer.from(from.slots.buffer, from.slots.byteOffset + start + 2, length).toString("base64");
}

/** Whether a code is at hand (drawn, taken from a worker or read from the cache). */
export function hasCode(text: string): boolean {
  return codes.has(text);
}

/** Keeps the data URL of `text`'s code. */
export function storeCode(text: string, dataUrl: string): void {
  codes.set(text, dataUrl);
}

/** The PNG of `text`'s QR code as a `data:` URL: at hand, from a worker thread, or drawn now (once per process). */
export function qrDataUrl(text: string): string {
  let dataUrl = codes.get(text);
  if (!dataUrl) {
    dataUrl = takeShared(text) ?? qrPngDataUrl(text);
    codes.set(text, dataUrl);
  }
  return dataUrl;
}

/**
 * Reads a persistent QR cache written by `saveQrCache` (one `url<TAB>png-base64` line per URL); a
 * missing file, a damaged line or a line of another format is ignored. Returns how many codes it held.
 */
export function loadQrCache(file: string): number {
  if (!existsSync(file)) return 0;
  let count = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [url, png, extra] = line.split("\t");
    if (!url || !png?.startsWith(PNG_BASE64_START) || extra !== undefined || !/^[A-Za-z0-9+/]+=*$/.test(png)) continue;
    if (!codes.has(url)) codes.set(url, DATA_URL_PREFIX + png);
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
      const dataUrl = codes.get(url);
      return dataUrl ? `${url}\t${dataUrl.slice(DATA_URL_PREFIX.length)}\n` : "";
    })
    .filter(Boolean);
  writeFileAtomic(file, lines.join(""));
  return lines.length;
}
