import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/*
 * A matrix/TRC ICC v2 display profile written byte for byte, for the wide-gamut photos print
 * offices send: libvips ships sRGB, Display P3 and CMYK profiles, not Adobe RGB (1998), and
 * nothing may be downloaded.
 */

type Xyz = readonly [number, number, number];

/** Adobe RGB (1998): its colorants adapted to D50 and its gamma, as Adobe's own profile states them. */
export const ADOBE_RGB = {
  description: "Adobe RGB (1998) compatible",
  red: [0.60974, 0.31111, 0.01947],
  green: [0.20528, 0.62567, 0.06087],
  blue: [0.14919, 0.06322, 0.74457],
  white: [0.9642, 1, 0.82491],
  gamma: 563 / 256,
} as const;

const s15Fixed16 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(Math.round(value * 65536));
  return bytes;
};

const xyzTag = (xyz: Xyz) => Buffer.concat([Buffer.from("XYZ \0\0\0\0", "latin1"), ...xyz.map(s15Fixed16)]);

function curveTag(gamma: number): Buffer {
  const bytes = Buffer.alloc(14);
  bytes.write("curv", 0, "latin1");
  bytes.writeUInt32BE(1, 8);
  bytes.writeUInt16BE(Math.round(gamma * 256), 12);
  return bytes;
}

function descriptionTag(text: string): Buffer {
  const ascii = Buffer.from(`${text}\0`, "latin1");
  const head = Buffer.alloc(12);
  head.write("desc", 0, "latin1");
  head.writeUInt32BE(ascii.length, 8);
  return Buffer.concat([head, ascii, Buffer.alloc(4 + 4 + 2 + 1 + 67)]);
}

const textTag = (text: string) => Buffer.concat([Buffer.from("text\0\0\0\0", "latin1"), Buffer.from(`${text}\0`)]);

/** An ICC v2 RGB display profile from colorants, white point and one gamma. */
export function rgbProfile(profile: typeof ADOBE_RGB = ADOBE_RGB): Buffer {
  const curve = curveTag(profile.gamma);
  const tags: [string, Buffer][] = [
    ["desc", descriptionTag(profile.description)],
    ["cprt", textTag("No copyright, generated for tests")],
    ["wtpt", xyzTag(profile.white)],
    ["rXYZ", xyzTag(profile.red)],
    ["gXYZ", xyzTag(profile.green)],
    ["bXYZ", xyzTag(profile.blue)],
    ["rTRC", curve],
    ["gTRC", curve],
    ["bTRC", curve],
  ];
  const pad = (bytes: Buffer) => Buffer.concat([bytes, Buffer.alloc((4 - (bytes.length % 4)) % 4)]);
  const table = Buffer.alloc(4 + 12 * tags.length);
  table.writeUInt32BE(tags.length);
  const data: Buffer[] = [];
  let offset = 128 + table.length;
  tags.forEach(([signature, body], index) => {
    table.write(signature, 4 + 12 * index, "latin1");
    table.writeUInt32BE(offset, 8 + 12 * index);
    table.writeUInt32BE(body.length, 12 + 12 * index);
    data.push(pad(body));
    offset += pad(body).length;
  });
  const header = Buffer.alloc(128);
  header.writeUInt32BE(offset, 0);
  header.writeUInt32BE(0x02100000, 8);
  header.write("mntrRGB XYZ ", 12, "latin1");
  header.writeUInt16BE(2024, 24);
  header.writeUInt16BE(1, 26);
  header.writeUInt16BE(1, 28);
  header.write("acsp", 36, "latin1");
  [0.9642, 1, 0.8249].forEach((value, index) => {
    s15Fixed16(value).copy(header, 68 + 4 * index);
  });
  return Buffer.concat([header, table, ...data]);
}

let adobeRgbFile: string | undefined;

/** The Adobe RGB profile as a file (sharp attaches profiles by path), written once per process. */
export function adobeRgbProfileFile(): string {
  if (!adobeRgbFile) {
    adobeRgbFile = path.join(mkdtempSync(path.join(tmpdir(), "bureau-icc-")), "AdobeRGB1998.icc");
    writeFileSync(adobeRgbFile, rgbProfile());
  }
  return adobeRgbFile;
}
