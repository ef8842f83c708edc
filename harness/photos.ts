import sharp from "sharp";
import { seededRandom } from "./corpus.ts";
import { adobeRgbProfileFile } from "./icc.ts";

/*
 * Camera-like photos for the tests, the sample site and the benchmark, made with sharp from a seed:
 * a smooth scene (a few colours blown up), shapes with hard edges, and a film of sensor grain, so
 * that they compress like photographs rather than like flat colour or white noise, with the EXIF a
 * phone writes (orientation, GPS, a camera serial, a timestamp) when asked.
 */

/** What a generated photo carries besides its pixels. */
export interface PhotoOptions {
  width?: number;
  height?: number;
  /** Seed of the scene, so the same options give the same bytes. */
  seed?: number;
  /** EXIF orientation (1–8) written into the file; the pixels are stored turned the other way, as a phone does. */
  orientation?: number;
  /** Writes a GPS position, a camera serial number and a timestamp into the EXIF block. */
  gps?: boolean;
  /** CMYK JPEG with a CMYK profile, as print offices send. */
  cmyk?: boolean;
  /** A wide-gamut profile (Display P3) embedded instead of sRGB. */
  wideGamut?: boolean;
  /** Adobe RGB (1998) embedded instead of sRGB, as a print office's camera exports. */
  adobeRgb?: boolean;
  /** Paints the top edge of the picture as seen upright (after orientation) in pure red, for orientation tests. */
  redTop?: boolean;
  quality?: number;
}

/** The GPS position a generated photo carries (克拉玛依), as EXIF rationals. */
export const PHOTO_GPS = { latitude: "45/1 35/1 2400/100", longitude: "84/1 53/1 1200/100" } as const;

/** The camera serial number a generated photo carries, to find it in a published file. */
export const PHOTO_SERIAL = "SN-KLMY-20240612";

/** Turns that undo each EXIF orientation: what the stored pixels are, relative to the upright picture. */
const STORED_AS: Record<number, { rotate: number; flop: boolean }> = {
  1: { rotate: 0, flop: false },
  2: { rotate: 0, flop: true },
  3: { rotate: 180, flop: false },
  4: { rotate: 180, flop: true },
  5: { rotate: 90, flop: true },
  6: { rotate: 270, flop: false },
  7: { rotate: 270, flop: true },
  8: { rotate: 90, flop: false },
};

/** Random bytes from a seed. */
function noise(length: number, random: () => number, spread = 256): Buffer {
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index++) bytes[index] = Math.floor(random() * spread);
  return bytes;
}

/** Shapes with hard edges (a banner, a table, people) as SVG, in upright coordinates. */
function shapes(width: number, height: number, random: () => number, redTop: boolean): Buffer {
  const parts: string[] = [];
  for (let index = 0; index < 7; index++) {
    const x = Math.round(random() * width * 0.9);
    const y = Math.round(height * (0.35 + random() * 0.5));
    const r = Math.round(height * (0.04 + random() * 0.05));
    const hue = Math.round(random() * 360);
    parts.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${hue},35%,40%)"/>`);
    parts.push(
      `<rect x="${x - r}" y="${y + r}" width="${2 * r}" height="${Math.round(r * 3.5)}" rx="${Math.round(r / 3)}" fill="hsl(${(hue + 180) % 360},30%,30%)"/>`,
    );
  }
  parts.push(
    `<rect x="${Math.round(width * 0.1)}" y="${Math.round(height * 0.12)}" width="${Math.round(width * 0.8)}" height="${Math.round(height * 0.1)}" fill="#b22222"/>`,
  );
  if (redTop) parts.push(`<rect x="0" y="0" width="${width}" height="${Math.round(height * 0.1)}" fill="#ff0000"/>`);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join("")}</svg>`,
  );
}

/** The upright picture as raw sRGB pixels. */
async function scene(width: number, height: number, seed: number, redTop: boolean): Promise<Buffer> {
  const random = seededRandom(seed);
  const base = await sharp(noise(8 * 6 * 3, random), { raw: { width: 8, height: 6, channels: 3 } })
    .linear(0.55, 60)
    .resize(width, height, { kernel: "cubic" })
    .toBuffer();
  const texture = await Promise.all(
    [1, 6, 24].map(async (scale) => {
      const layerWidth = Math.ceil(width / scale);
      const layerHeight = Math.ceil(height / scale);
      const layer = await sharp(noise(layerWidth * layerHeight * 3, random), {
        raw: { width: layerWidth, height: layerHeight, channels: 3 },
      })
        .resize(width, height, { kernel: "cubic" })
        .linear(scale === 1 ? 0.25 : 0.18, scale === 1 ? 96 : 105)
        .toBuffer();
      return { input: layer, raw: { width, height, channels: 3 as const }, blend: "overlay" as const };
    }),
  );
  return sharp(base, { raw: { width, height, channels: 3 } })
    .composite([
      { input: shapes(width, height, random, false) },
      ...texture,
      ...(redTop ? [{ input: shapes(width, height, seededRandom(seed), true), blend: "over" as const }] : []),
    ])
    .removeAlpha()
    .raw()
    .toBuffer();
}

/** A camera-like JPEG (default 4000 × 3000, as a 12-megapixel phone) with the EXIF asked for. */
export async function cameraPhoto(options: PhotoOptions = {}): Promise<Buffer> {
  const { width = 4000, height = 3000, seed = 1, orientation = 1, quality = 88 } = options;
  const upright = await scene(width, height, seed, options.redTop === true);
  const stored = STORED_AS[orientation] ?? { rotate: 0, flop: false };
  let image = sharp(upright, { raw: { width, height, channels: 3 } });
  if (stored.flop) image = sharp(await image.flop().png({ compressionLevel: 0 }).toBuffer());
  if (stored.rotate) image = sharp(await image.rotate(stored.rotate).png({ compressionLevel: 0 }).toBuffer());
  const exif = {
    IFD0: {
      Make: "Huawei",
      Model: "P40",
      DateTime: "2024:06:12 09:30:00",
      ...(options.gps ? { ImageDescription: "局机关三楼会议室" } : {}),
    },
    ...(options.gps
      ? {
          IFD2: { BodySerialNumber: PHOTO_SERIAL, DateTimeOriginal: "2024:06:12 09:30:00" },
          IFD3: {
            GPSLatitudeRef: "N",
            GPSLatitude: PHOTO_GPS.latitude,
            GPSLongitudeRef: "E",
            GPSLongitude: PHOTO_GPS.longitude,
          },
        }
      : {}),
  };
  image = image.withExif(exif).withMetadata({ orientation });
  if (options.cmyk) image = image.toColourspace("cmyk").withIccProfile("cmyk");
  else if (options.wideGamut) image = image.withIccProfile("p3");
  else if (options.adobeRgb) image = image.withIccProfile(adobeRgbProfileFile());
  return image.jpeg({ quality, chromaSubsampling: "4:2:0" }).toBuffer();
}

/** A chart-like PNG screenshot: flat colours, thin lines and figures, which a photo encoder would blur. */
export async function chartPng(width = 1600, height = 900): Promise<Buffer> {
  const bars = Array.from({ length: 8 }, (_, index) => {
    const barHeight = 120 + ((index * 97) % 500);
    return `<rect x="${140 + index * 170}" y="${780 - barHeight}" width="110" height="${barHeight}" fill="#1f5fa8"/><text x="${195 + index * 170}" y="${765 - barHeight}" font-size="28" text-anchor="middle" fill="#222">${Math.round(barHeight / 6)}</text><text x="${195 + index * 170}" y="820" font-size="28" text-anchor="middle" fill="#222">${2017 + index}</text>`;
  }).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><line x1="120" y1="780" x2="${width - 60}" y2="780" stroke="#333" stroke-width="2"/>${bars}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
