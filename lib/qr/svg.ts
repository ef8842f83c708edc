import type { EncodedQr } from "./encode-worker.mjs";
import { modulesOf, resetQrStore } from "./store.ts";

const QUIET_ZONE = 4;
/** Finished SVGs by URL, so each page's code is drawn once per process. */
const svgs = new Map<string, string>();

/**
 * Forgets every code this process encoded, read from a cache or drew, as a new process starts. For
 * tests whose files share one module cache (vitest `isolate: false`), before each test.
 */
export function resetQrCodes(): void {
  svgs.clear();
  resetQrStore();
}

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

/** The dark modules of a QR code as the data of one stroked SVG path (see pathFromModules). */
export function qrPathData(text: string): { d: string; size: number } {
  return pathFromModules(modulesOf(text));
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * An inline SVG QR code of `url` with its quiet zone, white background and one `<path>`,
 * labelled for assistive technology. Drawn once per process; encoded not at all when the
 * persistent cache or the worker threads already hold it.
 */
export function qrCodeSvg(url: string): string {
  const cached = svgs.get(url);
  if (cached !== undefined) {
    modulesOf(url);
    return cached;
  }
  const { d, size } = qrPathData(url);
  const label = escapeAttribute(`本页二维码，链接：${url}`);
  const svg =
    `<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${label}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path stroke="#000" d="${d}"/></svg>`;
  svgs.set(url, svg);
  return svg;
}
