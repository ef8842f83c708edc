import { deflateSync } from "node:zlib";
import sharp from "sharp";

/*
 * Bad pictures as editors send them, made here byte for byte: an iPhone's HEIC, a decompression
 * bomb, an animated GIF, a cut or damaged JPEG.
 */

/** The start of an iPhone HEIC file (an ISO base media `ftyp` box with the `heic` brand), enough for any reader to know it. */
export function heicBytes(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write("ftypheic", 4, "latin1");
  ftyp.write("mif1heic", 16, "latin1");
  return Buffer.concat([ftyp, Buffer.alloc(2000, 7)]);
}

/** A CRC-32 of PNG chunks. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A PNG whose header says `size` × `size` grey pixels, with the first rows of zeros compressed
 * into a few KB: what a decompression bomb looks like to a reader of headers.
 */
export function bombPng(size = 30000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8);
  const rows = deflateSync(Buffer.alloc((size + 1) * 64), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", rows),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A two-frame animated GIF. */
export async function animatedGif(): Promise<Buffer> {
  const frame = (background: string) =>
    sharp({ create: { width: 40, height: 30, channels: 3, background } })
      .png()
      .toBuffer();
  return sharp([await frame("#c00"), await frame("#00c")], { join: { animated: true } })
    .gif()
    .toBuffer();
}

/** A JPEG cut after `fraction` of its bytes, as an interrupted copy leaves it. */
export function truncated(jpeg: Buffer, fraction = 0.6): Buffer {
  return jpeg.subarray(0, Math.floor(jpeg.length * fraction));
}

/** A JPEG whose compressed data is zeroed in the middle (a bad sector, a broken transfer), its end intact. */
export function damaged(jpeg: Buffer): Buffer {
  const copy = Buffer.from(jpeg);
  const start = Math.floor(copy.length * 0.4);
  return copy.fill(0, start, Math.min(copy.length - 2, start + 50_000));
}
