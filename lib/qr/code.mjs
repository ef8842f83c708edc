// Plain JavaScript, so that worker threads can load it without a TypeScript loader.
import { crc32, deflateSync } from "node:zlib";
import { correction, generate } from "lean-qr";

/** Light modules around the code, as the QR standard asks. */
const QUIET_ZONE = 4;
/** Image pixels per module: enough for WeChat to read the image it is given. */
export const QR_PIXELS_PER_MODULE = 4;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG row filters: none (the row as it is), up (each byte the same as the row above: all zeros). */
const FILTER_NONE = 0;
const FILTER_UP = 2;

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

/**
 * The QR code of `text` as a 1-bit greyscale PNG. The code has error correction M and the mask of
 * lowest penalty, as ISO/IEC 18004 asks of an encoder (lean-qr picks it). The image has the quiet
 * zone and `QR_PIXELS_PER_MODULE` pixels a module; each module row is written once and repeated with
 * the "up" filter (a row of zeros). The PNG is written here rather than with pngjs, which writes only
 * 8- and 16-bit pixels: as a data URL the 1-bit image of a typical article address is 490 bytes,
 * pngjs's 8-bit one 1,258.
 */
export function qrPng(text) {
  const code = generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M });
  const modules = code.size + 2 * QUIET_ZONE;
  const side = modules * QR_PIXELS_PER_MODULE;
  const rowBytes = Math.ceil(side / 8);
  const raw = Buffer.alloc((rowBytes + 1) * side);
  const row = Buffer.alloc(rowBytes);
  for (let moduleRow = 0; moduleRow < modules; moduleRow++) {
    row.fill(0xff);
    const y = moduleRow - QUIET_ZONE;
    for (let x = 0; y >= 0 && y < code.size && x < code.size; x++) {
      if (!code.get(x, y)) continue;
      const first = (x + QUIET_ZONE) * QR_PIXELS_PER_MODULE;
      for (let pixel = first; pixel < first + QR_PIXELS_PER_MODULE; pixel++) row[pixel >> 3] &= ~(0x80 >> (pixel & 7));
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

/** How a code's data URL begins, before the PNG's base64. */
export const QR_DATA_URL_PREFIX = "data:image/png;base64,";

/** The PNG of `text`'s QR code (qrPng) as a `data:` URL. */
export function qrPngDataUrl(text) {
  return QR_DATA_URL_PREFIX + qrPng(text).toString("base64");
}
