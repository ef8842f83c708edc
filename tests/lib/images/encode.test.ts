import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cameraPhoto, chartPng, PHOTO_SERIAL } from "../../../harness/photos.ts";
import {
  encodeImages,
  encodePicture,
  type ImagePlan,
  type PlannedPicture,
  renditionsOf,
} from "../../../lib/images/index.ts";
import { inspectPicture } from "../../../lib/images/inspect.ts";
import { planPicture } from "../../../lib/images/plan.ts";
import { bombPng, damaged } from "../../helpers/pictures.ts";

let folder: string;
let cache: string;

/** Plans a picture written under `name` at /files/2024/<name>. */
async function plan(name: string, bytes: Buffer): Promise<PlannedPicture> {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  const inspected = await inspectPicture(file, bytes.length);
  if (!("header" in inspected)) throw new Error(inspected.problem(name));
  return {
    ...planPicture(`/files/2024/${name}`, file, inspected.header),
    references: [{ file: "content/articles/2024/a.md", line: 7, field: "body" }],
  };
}

/** Encodes the pictures into the cache; the plan. */
async function encodeAll(...pictures: PlannedPicture[]): Promise<ImagePlan> {
  const imagePlan: ImagePlan = {
    pictures: new Map(pictures.map((picture) => [picture.source, picture])),
    leads: new Map(),
  };
  const result = await encodeImages(imagePlan, cache, 2);
  expect(result.problems).toEqual([]);
  return imagePlan;
}

const read = (cacheFile: string) => readFileSync(path.join(cache, cacheFile));

/** The mean colour of a band of rows of a picture, as [r, g, b]. */
async function bandColour(bytes: Buffer, top: number, rows: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const sums: [number, number, number] = [0, 0, 0];
  const start = Math.round(info.height * top);
  for (let y = start; y < start + rows; y++)
    for (let x = 0; x < info.width; x++)
      for (let c = 0 as 0 | 1 | 2; c < 3; c++) sums[c] += data[(y * info.width + x) * 3 + c] ?? 0;
  return sums.map((sum) => Math.round(sum / (rows * info.width)));
}

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "bureau-encode-"));
  cache = path.join(folder, "cache");
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("encodeImages", { timeout: 30_000 }, () => {
  it("publishes a phone's rotated photo upright, every width it plans, and not one byte of its metadata", async () => {
    const source = await cameraPhoto({ width: 3000, height: 2000, orientation: 6, gps: true, redTop: true });
    expect((await exifr.gps(source))?.latitude).toBeCloseTo(45.59, 2);
    const picture = await plan("meeting.jpg", source);
    await encodeAll(picture);
    expect(picture.webp.map((rendition) => rendition.width)).toEqual([480, 720, 1080, 1440]);
    expect([picture.largest.width, picture.largest.height]).toEqual([2000, 1333]);
    for (const rendition of renditionsOf(picture)) {
      const bytes = read(rendition.cacheFile);
      const metadata = await sharp(bytes).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual([
        rendition.format,
        rendition.width,
        rendition.height,
      ]);
      expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.orientation]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(await exifr.parse(bytes, true).catch(() => undefined)).toBeUndefined();
      expect(bytes.includes(PHOTO_SERIAL)).toBe(false);
      const [red, green, blue] = await bandColour(bytes, 0.01, 2);
      expect(red).toBeGreaterThan(200);
      expect((green ?? 0) + (blue ?? 0)).toBeLessThan(80);
    }
  });

  it("never enlarges a small picture", async () => {
    const picture = await plan("small.jpg", await cameraPhoto({ width: 600, height: 400 }));
    await encodeAll(picture);
    expect(picture.webp.map((rendition) => rendition.width)).toEqual([480, 600]);
    expect(picture.fallback.map((rendition) => rendition.width)).toEqual([600]);
    expect((await sharp(read(picture.largest.cacheFile)).metadata()).width).toBe(600);
  });

  it("converts a CMYK photo, an Adobe RGB photo and a Display P3 photo to sRGB, keeping their colours", async () => {
    const options = { width: 1200, height: 900, seed: 4 };
    const plain = await plan("plain.jpg", await cameraPhoto(options));
    await encodeAll(plain);
    const reference = await sharp(read((plain.fallback[0] as PlannedPicture["fallback"][number]).cacheFile))
      .raw()
      .toBuffer();
    const distance = (pixels: Buffer) => {
      let difference = 0;
      for (let index = 0; index < pixels.length; index++)
        difference += Math.abs((pixels[index] ?? 0) - (reference[index] ?? 0));
      return difference / pixels.length;
    };
    const photos: [string, Buffer][] = [
      ["print.jpg", await cameraPhoto({ ...options, cmyk: true })],
      ["adobe.jpg", await cameraPhoto({ ...options, adobeRgb: true })],
      ["p3.jpg", await cameraPhoto({ ...options, wideGamut: true })],
    ];
    for (const [name, bytes] of photos) {
      const picture = await plan(name, bytes);
      await encodeAll(picture);
      const fallback = picture.fallback[0] as PlannedPicture["fallback"][number];
      const output = read(fallback.cacheFile);
      const metadata = await sharp(output).metadata();
      expect([metadata.space, metadata.channels, metadata.icc]).toEqual(["srgb", 3, undefined]);
      const converted = distance(await sharp(output).raw().toBuffer());
      // The CMYK round trip itself loses more than a change of RGB primaries.
      expect(converted).toBeLessThan(name === "print.jpg" ? 12 : 5);
      if (name === "print.jpg") continue;
      const profileIgnored = await sharp(bytes, { ignoreIcc: true })
        .resize(fallback.width, fallback.height, { fit: "fill" })
        .raw()
        .toBuffer();
      expect(converted).toBeLessThan(distance(profileIgnored) * 0.75);
    }
  });

  it("keeps a PNG chart lossless: its WebP renditions are lossless and its fallback is PNG", async () => {
    const chart = await chartPng(1600, 900);
    const picture = await plan("chart.png", chart);
    await encodeAll(picture);
    expect(picture.kind).toBe("graphic");
    expect(picture.fallback.map((rendition) => rendition.format)).toEqual(["png"]);
    const full = read(picture.largest.cacheFile);
    expect((await sharp(full).metadata()).format).toBe("png");
    const original = await sharp(chart).removeAlpha().raw().toBuffer();
    expect(Buffer.compare(await sharp(full).removeAlpha().raw().toBuffer(), original)).toBe(0);
    const widest = picture.webp.at(-1) as PlannedPicture["webp"][number];
    const fromWebp = await sharp(read(widest.cacheFile)).removeAlpha().raw().toBuffer();
    const resized = await sharp(
      await sharp(original, { raw: { width: 1600, height: 900, channels: 3 } })
        .png()
        .toBuffer(),
    )
      .resize(widest.width, widest.height, { fit: "fill" })
      .raw()
      .toBuffer();
    expect(Buffer.compare(fromWebp, resized)).toBe(0);
  });

  it("encodes nothing the cache already holds, and a photo with new bytes under new names", async () => {
    const picture = await plan("again.jpg", await cameraPhoto({ width: 1000, height: 750, seed: 9 }));
    const imagePlan = await encodeAll(picture);
    expect(await encodeImages(imagePlan, cache, 2)).toMatchObject({ encoded: 0, cached: 1 });
    const changed = await plan("again.jpg", await cameraPhoto({ width: 1000, height: 750, seed: 10 }));
    expect(changed.webp[0]?.path).not.toBe(picture.webp[0]?.path);
    expect(changed.largest.path).toBe(picture.largest.path);
  });

  it("reports a damaged JPEG at each place that shows it, and writes none of its renditions", async () => {
    const picture = await plan("broken.jpg", damaged(await cameraPhoto({ width: 1200, height: 900, seed: 5 })));
    const result = await encodeImages({ pictures: new Map([[picture.source, picture]]), leads: new Map() }, cache, 1);
    expect(result.problems).toEqual([
      {
        file: "content/articles/2024/a.md",
        line: 7,
        field: "body",
        message: expect.stringContaining("/files/2024/broken.jpg"),
      },
    ]);
    expect(result.encoded).toBe(0);
    expect(
      renditionsOf(picture).some((rendition) => {
        try {
          read(rendition.cacheFile);
          return true;
        } catch {
          return false;
        }
      }),
    ).toBe(false);
  });

  it("refuses a decompression bomb at sharp's pixel limit even when it gets past the header check", async () => {
    const file = path.join(folder, "bomb.png");
    writeFileSync(file, bombPng());
    const bomb = planPicture("/files/2024/bomb.png", file, {
      key: "cd".repeat(32),
      kind: "graphic",
      format: "png",
      width: 30000,
      height: 30000,
    });
    const before = process.memoryUsage().rss;
    await expect(encodePicture(bomb, cache)).rejects.toThrow(/pixel limit/i);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });
});
