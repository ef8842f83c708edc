import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cameraPhoto } from "../../harness/photos.ts";
import { MISSING_ALT_MESSAGE } from "../../lib/content/body-checks.ts";
import { ContentValidationError, formatProblem } from "../../lib/content/index.ts";
import { MAX_SOURCE_BYTES, PICTURE_MESSAGES } from "../../lib/images/index.ts";
import { buildSite } from "../../lib/pipeline/index.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { siteHash } from "../helpers/html.ts";
import { animatedGif, bombPng, damaged, heicBytes, truncated } from "../helpers/pictures.ts";

const ARTICLE = "content/articles/2024/bad-photo.md";
const FRONT = "title: 调研科技企业\ndate: 2024-06-12\ncolumn: 工作动态";
/** The body line of the picture in `withPhoto` (front matter of 3 keys: lines 1–5, blank line 6, text 7, blank 8). */
const PHOTO_LINE = 9;

/** An article showing `url` as its second paragraph, on PHOTO_LINE. */
const withPhoto = (url: string, alt = "局领导调研科技企业") =>
  articleFile(FRONT, `\n6月12日，局领导调研科技企业。\n\n![${alt}](${url})\n`);

interface PhotoCase {
  name: string;
  files: () => Promise<Record<string, string | Buffer>>;
  line: number;
  field: string;
  message: string;
}

let good: Buffer;
let site: FixtureSite;
let parent: string;
let outputDir: string;
let cacheDir: string;
let publishedHash: string;

const CASES: PhotoCase[] = [
  {
    name: "a JPEG cut short by an interrupted copy",
    files: async () => ({ "content/files/2024/cut.jpg": truncated(good), [ARTICLE]: withPhoto("/files/2024/cut.jpg") }),
    line: PHOTO_LINE,
    field: "body",
    message: PICTURE_MESSAGES.truncated("/files/2024/cut.jpg"),
  },
  {
    name: "a JPEG damaged in the middle, found only by decoding it",
    files: async () => ({ "content/files/2024/bad.jpg": damaged(good), [ARTICLE]: withPhoto("/files/2024/bad.jpg") }),
    line: PHOTO_LINE,
    field: "body",
    message: PICTURE_MESSAGES.unreadable("/files/2024/bad.jpg"),
  },
  {
    name: "an iPhone HEIC photo",
    files: async () => ({
      "content/files/2024/iphone.heic": heicBytes(),
      [ARTICLE]: withPhoto("/files/2024/iphone.heic"),
    }),
    line: PHOTO_LINE,
    field: "body",
    message: PICTURE_MESSAGES.heic("/files/2024/iphone.heic"),
  },
  {
    name: "a decompression bomb: a 30,000 × 30,000 PNG of a few KB",
    files: async () => ({ "content/files/2024/bomb.png": bombPng(), [ARTICLE]: withPhoto("/files/2024/bomb.png") }),
    line: PHOTO_LINE,
    field: "body",
    message: PICTURE_MESSAGES.tooManyPixels("/files/2024/bomb.png", 30000, 30000),
  },
  {
    name: "a photo over 30 MB",
    files: async () => ({
      "content/files/2024/huge.jpg": Buffer.concat([good, Buffer.alloc(MAX_SOURCE_BYTES)]),
      [ARTICLE]: withPhoto("/files/2024/huge.jpg"),
    }),
    line: PHOTO_LINE,
    field: "body",
    get message() {
      return `图片 /files/2024/huge.jpg 有 ${((good.length + MAX_SOURCE_BYTES) / 2 ** 20).toFixed(1)} MB，超过 30 MB`;
    },
  },
  {
    name: "a PNG screenshot saved with a .jpg extension",
    files: async () => ({
      "content/files/2024/screen.jpg": await sharp(good).png().toBuffer(),
      [ARTICLE]: withPhoto("/files/2024/screen.jpg"),
    }),
    line: PHOTO_LINE,
    field: "body",
    message: PICTURE_MESSAGES.wrongExtension("/files/2024/screen.jpg", ".jpg", "png"),
  },
  {
    name: "an animated GIF",
    files: async () => ({
      "content/files/2024/moving.gif": await animatedGif(),
      [ARTICLE]: withPhoto("/files/2024/moving.gif"),
    }),
    line: PHOTO_LINE,
    field: "body",
    message: PICTURE_MESSAGES.animated("/files/2024/moving.gif"),
  },
  {
    name: "a photo that does not exist",
    files: async () => ({ [ARTICLE]: withPhoto("/files/2024/missing.jpg") }),
    line: PHOTO_LINE,
    field: "body",
    message: "/files/2024/missing.jpg",
  },
  {
    name: "a photo without a description",
    files: async () => ({ "content/files/2024/ok.jpg": good, [ARTICLE]: withPhoto("/files/2024/ok.jpg", "") }),
    line: PHOTO_LINE,
    field: "body",
    message: MISSING_ALT_MESSAGE,
  },
  {
    name: "a lead photo without a description",
    files: async () => ({
      "content/files/2024/ok.jpg": good,
      [ARTICLE]: articleFile(`${FRONT}\nimage: /files/2024/ok.jpg`),
    }),
    line: 5,
    field: "image.alt",
    message: "缺少必填项「图片说明」",
  },
];

beforeAll(async () => {
  good = await cameraPhoto({ width: 1200, height: 900, seed: 7, gps: true });
  site = createFixtureSite({
    "content/files/2024/good.jpg": good,
    "content/articles/2024/good.md": articleFile(FRONT, "正文。\n\n![局机关会议室](/files/2024/good.jpg)\n"),
  });
  parent = mkdtempSync(path.join(tmpdir(), "bureau-photo-errors-"));
  outputDir = path.join(parent, "_site");
  cacheDir = path.join(parent, "cache");
  await buildSite({ root: site.root, outputDir, cacheDir, searchIndex: false });
  publishedHash = siteHash(outputDir);
});

afterAll(() => {
  site?.remove();
  if (parent) rmSync(parent, { recursive: true, force: true });
});

describe("a bad photo", () => {
  it.each(CASES)(
    "fails the build on $name with the photo and the article line, publishing nothing",
    async (badCase) => {
      const files = await badCase.files();
      site.write(files);
      try {
        const failure = await buildSite({ root: site.root, outputDir, cacheDir, searchIndex: false }).catch(
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(ContentValidationError);
        const problems = (failure as ContentValidationError).problems;
        const problem = problems.find((entry) => entry.file === ARTICLE && entry.field === badCase.field);
        expect(problem, (failure as Error).message).toBeDefined();
        expect(problem?.line).toBe(badCase.line);
        expect(problem?.message).toContain(badCase.message);
        expect(formatProblem(problem as NonNullable<typeof problem>)).toMatch(
          new RegExp(`^${ARTICLE}:${badCase.line}: ${badCase.field}: \\p{Script=Han}`, "u"),
        );
        expect(siteHash(outputDir)).toBe(publishedHash);
      } finally {
        for (const file of Object.keys(files)) rmSync(path.join(site.root, file), { force: true });
      }
    },
  );
});
