import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cameraPhoto, chartPng } from "../../../harness/photos.ts";
import { MAX_SOURCE_BYTES, PICTURE_MESSAGES } from "../../../lib/images/index.ts";
import { inspectPicture, isHeif, jpegIsComplete } from "../../../lib/images/inspect.ts";
import { animatedGif, bombPng, heicBytes, truncated } from "../../helpers/pictures.ts";

let folder: string;
let jpeg: Buffer;

/** Writes bytes under a name and inspects them as the plan does; the problem's message for /files/x, or the header. */
async function inspect(name: string, bytes: Buffer) {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  const result = await inspectPicture(file, bytes.length);
  return "problem" in result ? { message: result.problem(`/files/2024/${name}`) } : result;
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "bureau-inspect-"));
  jpeg = await cameraPhoto({ width: 800, height: 600, orientation: 6, gps: true });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("inspectPicture", () => {
  it("reads a camera photo's upright size from its header and keys it by its bytes", async () => {
    const stored = await sharp(jpeg).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([600, 800, 6]);
    const result = await inspect("photo.jpg", jpeg);
    expect(result).toMatchObject({ header: { format: "jpeg", kind: "photo", width: 800, height: 600 } });
    const again = await inspect("copy.jpg", jpeg);
    const other = await inspect("other.jpg", await cameraPhoto({ width: 800, height: 600, seed: 2 }));
    expect("header" in again && "header" in result && again.header.key).toBe("header" in result && result.header.key);
    expect("header" in other && "header" in result && other.header.key).not.toBe(
      "header" in result && result.header.key,
    );
  });

  it("takes a PNG chart as a graphic, to be kept lossless", async () => {
    expect(await inspect("chart.png", await chartPng(400, 300))).toMatchObject({
      header: { format: "png", kind: "graphic", width: 400, height: 300 },
    });
  });

  it("refuses an iPhone HEIC, by its bytes whatever its name, saying how to save it as JPG", async () => {
    expect(isHeif(heicBytes())).toBe(true);
    expect(await inspect("iphone.jpg", heicBytes())).toEqual({
      message: PICTURE_MESSAGES.heic("/files/2024/iphone.jpg"),
    });
    expect(await inspect("iphone.heic", heicBytes())).toEqual({
      message: PICTURE_MESSAGES.heic("/files/2024/iphone.heic"),
    });
  });

  it("refuses a 30,000 × 30,000 PNG of a few KB from its header, before decoding a pixel", async () => {
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(20_000);
    expect(await inspect("bomb.png", bomb)).toEqual({
      message: PICTURE_MESSAGES.tooManyPixels("/files/2024/bomb.png", 30000, 30000),
    });
  });

  it("refuses a file over 30 MB without reading it", async () => {
    const file = path.join(folder, "huge.jpg");
    writeFileSync(file, jpeg);
    const result = await inspectPicture(file, MAX_SOURCE_BYTES + 1);
    expect("problem" in result && result.problem("/files/2024/huge.jpg")).toBe(
      PICTURE_MESSAGES.tooLarge("/files/2024/huge.jpg", MAX_SOURCE_BYTES + 1),
    );
    expect(PICTURE_MESSAGES.tooLarge("/files/x.jpg", MAX_SOURCE_BYTES + 1)).toContain("超过 30 MB");
  });

  it("names the real format of a file whose extension lies", async () => {
    const png = await sharp(jpeg).png().toBuffer();
    expect(await inspect("screenshot.jpg", png)).toEqual({
      message: PICTURE_MESSAGES.wrongExtension("/files/2024/screenshot.jpg", ".jpg", "png"),
    });
    expect(PICTURE_MESSAGES.wrongExtension("/files/a.jpg", ".jpg", "png")).toContain("改名为 .png");
  });

  it("refuses an animated GIF", async () => {
    expect(await inspect("moving.gif", await animatedGif())).toEqual({
      message: PICTURE_MESSAGES.animated("/files/2024/moving.gif"),
    });
  });

  it("finds a JPEG cut short by its missing end marker", async () => {
    expect(jpegIsComplete(jpeg)).toBe(true);
    expect(jpegIsComplete(truncated(jpeg))).toBe(false);
    expect(await inspect("cut.jpg", truncated(jpeg))).toEqual({
      message: PICTURE_MESSAGES.truncated("/files/2024/cut.jpg"),
    });
  });

  it("refuses what is not a picture at all, and formats it does not publish", async () => {
    expect(await inspect("notes.jpg", Buffer.from("这不是图片"))).toEqual({
      message: PICTURE_MESSAGES.unreadable("/files/2024/notes.jpg"),
    });
    const tiff = await sharp(jpeg).tiff().toBuffer();
    expect(await inspect("scan.tif", tiff)).toEqual({
      message: PICTURE_MESSAGES.refused("/files/2024/scan.tif", "tiff"),
    });
  });
});
