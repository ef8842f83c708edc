import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { type EncodedQr, encodeQrModules, QR_SLOT_BYTES } from "./qr-encode.mjs";

const QUIET_ZONE = 4;
/** Module matrices by URL: computed here, by worker threads, or read from the persistent cache. */
const encoded = new Map<string, EncodedQr>();
/** Finished SVGs by URL, so each page's code is built once per process. */
const svgs = new Map<string, string>();
/** URLs asked for since the cache was last loaded: what the next saved cache keeps. */
const used = new Set<string>();

/**
 * The dark modules as stroke path data: each horizontal run of dark modules is a 1-unit-wide line
 * through the middle of its row (`h` its length), reached by a relative move from the end of the
 * previous run. About half the size of a filled rectangle per run.
 */
function pathFromModules({ size, bits }: EncodedQr): { d: string; size: number } {
  const packed = Buffer.from(bits, "base64");
  const dark = (row: number, column: number) => {
    const index = row * size + column;
    return ((packed[index >> 3] as number) >> (index & 7)) & 1;
  };
  let d = "";
  let penX = -1;
  let penRow = -1;
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!dark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && dark(row, column)) column++;
      d +=
        penRow < 0
          ? `M${start + QUIET_ZONE} ${row + QUIET_ZONE}.5h${column - start}`
          : `m${start - penX} ${row - penRow}h${column - start}`;
      penX = column;
      penRow = row;
    }
  }
  return { d, size: size + 2 * QUIET_ZONE };
}

/** Codes that worker threads are encoding into shared memory, readable as soon as each is done. */
let shared: { index: Map<string, number>; slots: Uint8Array; status: Int32Array } | undefined;

function takeShared(text: string): EncodedQr | undefined {
  const index = shared?.index.get(text);
  if (!shared || index === undefined) return undefined;
  if (Atomics.load(shared.status, index) !== 1) {
    Atomics.store(shared.status, index, 3);
    return undefined;
  }
  const start = index * QR_SLOT_BYTES;
  const size = shared.slots[start] as number;
  const bits = Buffer.from(shared.slots.subarray(start + 1, start + 1 + Math.ceil((size * size) / 8)));
  return { size, bits: bits.toString("base64") };
}

function modulesOf(text: string): EncodedQr {
  let modules = encoded.get(text);
  if (!modules) {
    modules = takeShared(text) ?? encodeQrModules(text);
    encoded.set(text, modules);
  }
  return modules;
}

/** The dark modules of a QR code as the data of one stroked SVG path (see pathFromModules). */
export function qrPathData(text: string): { d: string; size: number } {
  return pathFromModules(modulesOf(text));
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * An inline SVG QR code of `url` with its quiet zone, white background and one `<path>`,
 * labelled for assistive technology. Memoized: each URL is encoded once per process, or not at
 * all when the persistent cache or the worker threads already hold it.
 */
export function qrCodeSvg(url: string): string {
  used.add(url);
  const cached = svgs.get(url);
  if (cached !== undefined) return cached;
  const { d, size } = qrPathData(url);
  const label = escapeAttribute(`本页二维码，链接：${url}`);
  const svg =
    `<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${label}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path stroke="#000" d="${d}"/></svg>`;
  svgs.set(url, svg);
  return svg;
}

/** How many distinct URLs have an SVG built so far (for tests and the benchmark). */
export function qrCacheSize(): number {
  return svgs.size;
}

/** How many URLs have their module matrix at hand: built, computed by workers or read from the cache. */
export function qrEncodedCount(): number {
  return encoded.size;
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

/** Marks codes as in use without building their SVGs (pages carried over from the last build), so the saved cache keeps them. */
export function keepQrCodes(urls: Iterable<string>): void {
  for (const url of urls) used.add(url);
}

/**
 * Writes the codes of the URLs asked for since the cache was loaded, sorted by URL, so the cache
 * holds exactly the pages of the last build. Written beside and renamed, so a killed build
 * leaves the old cache whole.
 */
export function saveQrCache(file: string): number {
  const lines = [...used]
    .sort()
    .map((url) => {
      const modules = encoded.get(url);
      return modules ? `${url}\t${modules.size}\t${modules.bits}\n` : "";
    })
    .filter(Boolean);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, lines.join(""));
  renameSync(temporary, file);
  return lines.length;
}

/**
 * Encodes the QR codes of `urls` not yet at hand in `threads` worker threads, while the caller's
 * thread goes on: each finished code lands in shared memory, where `qrCodeSvg` reads it without
 * waiting for an event-loop turn (and encodes any code not ready itself). Resolves with how many
 * codes the workers computed and when (epoch ms) the last of them finished.
 */
export async function precomputeQrCodes(
  urls: readonly string[],
  threads: number,
): Promise<{ computed: number; finishedAt: number }> {
  const missing = [...new Set(urls)].filter((url) => !encoded.has(url));
  let finishedAt = performance.timeOrigin + performance.now();
  if (missing.length === 0) return { computed: 0, finishedAt };
  const workers = Math.max(1, Math.min(threads, Math.ceil(missing.length / 500)));
  const chunk = Math.ceil(missing.length / workers);
  const slots = new SharedArrayBuffer(missing.length * QR_SLOT_BYTES);
  const status = new SharedArrayBuffer(missing.length * Int32Array.BYTES_PER_ELEMENT);
  const state = {
    index: new Map(missing.map((url, index) => [url, index])),
    slots: new Uint8Array(slots),
    status: new Int32Array(status),
  };
  shared = state;
  const script = new URL("./qr-encode.mjs", import.meta.url);
  try {
    await Promise.all(
      Array.from(
        { length: workers },
        (_, index) =>
          new Promise<void>((resolve, reject) => {
            const first = index * chunk;
            const worker = new Worker(script, {
              workerData: { qrUrls: missing.slice(first, first + chunk), first, slots, status },
              execArgv: [],
            });
            worker.on("message", (message: { finishedAt: number }) => {
              finishedAt = Math.max(finishedAt, message.finishedAt);
            });
            worker.once("error", reject);
            worker.once("exit", (code) =>
              code === 0 ? resolve() : reject(new Error(`二维码计算线程异常退出 (QR worker exited with ${code})`)),
            );
          }),
      ),
    );
    let count = 0;
    for (const url of missing) {
      if (Atomics.load(state.status, state.index.get(url) as number) === 1) count++;
      if (!encoded.has(url)) {
        const modules = takeShared(url);
        if (modules) encoded.set(url, modules);
      }
    }
    return { computed: count, finishedAt };
  } finally {
    if (shared === state) shared = undefined;
  }
}
