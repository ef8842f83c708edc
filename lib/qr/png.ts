import { crc32, deflateSync } from "node:zlib";
import type { EncodedQr } from "./encode-worker.mjs";
import { modulesOf, resetQrStore } from "./store.ts";

/** Light modules around the code, as the QR standard asks. */
const QUIET_ZONE = 4;
/** Image pixels per module: qrcode's own default, enough for WeChat to read the image it is given. */
export const QR_PIXELS_PER_MODULE = 4;
/** The code's size on the page, in CSS pixels (the stylesheet makes it smaller on a phone). */
export const QR_DISPLAY_SIZE = 132;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG row filters: none (the row as it is), up (each byte the same as the row above: all zeros). */
const FILTER_NONE = 0;
const FILTER_UP = 2;

/** Finished data URLs by URL, so each page's code is drawn once per process. */
const dataUrls = new Map<string, string>();

/**
 * Forgets every code this process encoded, read from a cache or drew, as a new process starts. For
 * tests whose files share one module cache (vitest `isolate: false`), before each test.
 */
export function resetQrCodes(): void {
  dataUrls.clear();
  resetQrStore();
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

/**
 * A QR code as a 1-bit greyscale PNG: its quiet zone, `QR_PIXELS_PER_MODULE` pixels a module, each
 * module row written once and repeated with the "up" filter (a row of zeros). Written here rather
 * than with pngjs, which writes only 8- and 16-bit pixels: as a data URL the 1-bit image of a
 * typical article address is 490 bytes, pngjs's 8-bit one 1,258, qrcode's toDataURL (RGBA) 2,174.
 */
export function qrPng({ size, bits }: EncodedQr): Buffer {
  const packed = Buffer.from(bits, "base64");
  const modules = size + 2 * QUIET_ZONE;
  const side = modules * QR_PIXELS_PER_MODULE;
  const rowBytes = Math.ceil(side / 8);
  const raw = Buffer.alloc((rowBytes + 1) * side);
  const row = Buffer.alloc(rowBytes);
  for (let moduleRow = 0; moduleRow < modules; moduleRow++) {
    row.fill(0xff);
    const y = moduleRow - QUIET_ZONE;
    for (let x = 0; y >= 0 && y < size && x < size; x++) {
      const index = y * size + x;
      if (!(((packed[index >> 3] as number) >> (index & 7)) & 1)) continue;
      const first = (x + QUIET_ZONE) * QR_PIXELS_PER_MODULE;
      for (let pixel = first; pixel < first + QR_PIXELS_PER_MODULE; pixel++)
        row[pixel >> 3] = (row[pixel >> 3] as number) & ~(0x80 >> (pixel & 7));
    }
    const start = moduleRow * QR_PIXELS_PER_MODULE * (rowBytes + 1);
    raw[start] = FILTER_NONE;
    row.copy(raw, start + 1);
    for (let repeat = 1; repeat < QR_PIXELS_PER_MODULE; repeat++) raw[start + repeat * (rowBytes + 1)] = FILTER_UP;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The PNG of `text`'s QR code as a `data:` URL; drawn once per process, encoded not at all when the cache holds it. */
export function qrDataUrl(text: string): string {
  const modules = modulesOf(text);
  let dataUrl = dataUrls.get(text);
  if (dataUrl === undefined) {
    dataUrl = `data:image/png;base64,${qrPng(modules).toString("base64")}`;
    dataUrls.set(text, dataUrl);
  }
  return dataUrl;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The QR code of `url` as an `<img>` of a PNG data URL, with its size (so nothing moves when it
 * decodes) and a text alternative. An image, not inline SVG: WeChat offers 识别图中二维码 on a
 * long press only for an `<img>`; a data URL, not a file, so the build writes no file per page and
 * the page needs no request for it (the CSP allows `img-src data:`).
 */
export function qrCodeImg(url: string): string {
  const label = escapeAttribute(`本页二维码，链接：${url}`);
  return `<img class="qr-code" src="${qrDataUrl(url)}" width="${QR_DISPLAY_SIZE}" height="${QR_DISPLAY_SIZE}" alt="${label}">`;
}
