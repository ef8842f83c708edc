import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cameraPhoto, chartPng, PHOTO_SERIAL } from "../../harness/photos.ts";
import { BODY_SIZES, LEAD_SIZES } from "../../lib/images/index.ts";
import { buildSite } from "../../lib/pipeline/index.ts";
import { buildToTemp } from "../helpers/build.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { listSiteFiles, readPage, readXml, siteHash, textOf } from "../helpers/html.ts";

const ORIGIN = "https://kjj.klmy.gov.cn";
const VISIT = "/articles/2024/dy-kjqy/";
const AGAIN = "/articles/2024/hy-zb/";
const PLAIN = "/articles/2024/wz-tz/";

let site: FixtureSite;
let build: Awaited<ReturnType<typeof buildToTemp>>;
let siteDir: string;
const sources = new Map<string, Buffer>();

/** The `content` of `<meta property=…>` (Open Graph). */
const metaContent = (document: Document, property: string) =>
  document.querySelector(`meta[property="${property}"]`)?.getAttribute("content");

/** The published file at a site address (percent-encoded or not). */
const published = (url: string) => readFileSync(path.join(siteDir, decodeURIComponent(new URL(url, ORIGIN).pathname)));

beforeAll(async () => {
  sources.set("meeting.jpg", await cameraPhoto({ width: 4000, height: 3000, orientation: 6, gps: true, redTop: true }));
  sources.set("print.jpg", await cameraPhoto({ width: 2400, height: 1600, seed: 2, cmyk: true }));
  sources.set("adobe.jpg", await cameraPhoto({ width: 2400, height: 1600, seed: 3, adobeRgb: true, gps: true }));
  sources.set("small.jpg", await cameraPhoto({ width: 600, height: 400, seed: 4 }));
  sources.set("lead.jpg", await cameraPhoto({ width: 3000, height: 2000, seed: 5, gps: true }));
  sources.set("chart.png", await chartPng(1600, 900));
  site = createFixtureSite({
    ...Object.fromEntries([...sources].map(([name, bytes]) => [`content/files/2024/${name}`, bytes])),
    "content/files/2024/方案.pdf": "%PDF-1.4 方案",
    "content/articles/2024/dy-kjqy.md": articleFile(
      "title: 局领导调研科技企业\ndate: 2024-06-12 10:00\ncolumn: 工作动态\nimage:\n  file: /files/2024/lead.jpg\n  alt: 局领导在研发中心听取汇报",
      [
        "6月12日，局领导调研科技企业。",
        "![局领导在会议室听取企业汇报](/files/2024/meeting.jpg)",
        "印刷厂送来的照片：",
        "![科技活动周宣传展板](/files/2024/print.jpg)",
        "![企业研发中心实验室](/files/2024/adobe.jpg)",
        "![2017—2024年科技型企业数量](/files/2024/chart.png)",
        "![企业展示的传感器样品](/files/2024/small.jpg)",
        "[实施方案](/files/2024/方案.pdf)",
      ].join("\n\n"),
    ),
    "content/articles/2024/hy-zb.md": articleFile(
      { title: "召开科技工作会议", date: "2024-06-10", column: "工作动态" },
      "会议总结了上半年工作。\n\n![局领导在会议室听取企业汇报](/files/2024/meeting.jpg)\n",
    ),
    "content/articles/2024/wz-tz.md": articleFile({
      title: "一篇没有图片的文章",
      date: "2024-06-01",
      column: "工作动态",
    }),
  });
  build = await buildToTemp(site.root, { searchIndex: false });
  siteDir = build.outputDir;
});

afterAll(() => {
  build?.cleanup();
  site?.remove();
});

describe("published pictures", () => {
  it("publishes renditions only: no editor's file byte for byte, and no metadata in any of them", async () => {
    const pictures = listSiteFiles(siteDir).filter(
      (file) => /\.(jpg|png|webp)$/.test(file) && file.startsWith("files/"),
    );
    expect(pictures.length).toBeGreaterThan(20);
    for (const file of pictures) {
      const bytes = readFileSync(path.join(siteDir, file));
      for (const source of sources.values()) expect(Buffer.compare(bytes, source), file).not.toBe(0);
      const metadata = await sharp(bytes).metadata();
      expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.icc, metadata.space], file).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        "srgb",
      ]);
      expect(await exifr.gps(bytes).catch(() => undefined), file).toBeUndefined();
      expect(bytes.includes(PHOTO_SERIAL), file).toBe(false);
    }
    expect(readFileSync(path.join(siteDir, "files/2024/方案.pdf"), "utf8")).toBe("%PDF-1.4 方案");
    expect(build.images).toEqual({ pictures: 6, encoded: 6, cached: 0 });
  });

  it("stands the rotated photo upright at its own address (查看原图), at most 2000 px, and never enlarges", async () => {
    const full = await sharp(published("/files/2024/meeting.jpg")).metadata();
    expect([full.width, full.height, full.orientation]).toEqual([2000, 1500, undefined]);
    const top = await sharp(published("/files/2024/meeting.jpg"))
      .extract({ left: 0, top: 0, width: 2000, height: 20 })
      .raw()
      .toBuffer();
    const mean = (channel: number) =>
      top.filter((_, index) => index % 3 === channel).reduce((a, b) => a + b) / (top.length / 3);
    expect([mean(0) > 230, mean(1) < 30, mean(2) < 30]).toEqual([true, true, true]);
    const small = await sharp(published("/files/2024/small.jpg")).metadata();
    expect([small.width, small.height]).toEqual([600, 400]);
  });
});

describe("an article with photos", () => {
  let page: Document;
  beforeAll(() => {
    page = readPage(siteDir, VISIT);
  });

  it("shows each body photo as a figure: WebP and JPEG sources, sizes, width and height, caption, 查看原图", async () => {
    const figures = [...page.querySelectorAll(".article-body figure.photo")];
    expect(figures.map((figure) => textOf(figure.querySelector("figcaption")).split(" ")[0])).toEqual([
      "局领导在会议室听取企业汇报",
      "科技活动周宣传展板",
      "企业研发中心实验室",
      "2017—2024年科技型企业数量",
      "企业展示的传感器样品",
    ]);
    for (const figure of figures) {
      const webp = figure.querySelector("picture > source[type='image/webp']");
      const img = figure.querySelector("picture > img");
      expect(webp?.getAttribute("sizes")).toBe(BODY_SIZES);
      expect(img?.getAttribute("sizes")).toBe(BODY_SIZES);
      const full = figure.querySelector("figcaption a.photo-full");
      expect(textOf(full)).toContain("查看原图");
      const largest = await sharp(published(full?.getAttribute("href") ?? "")).metadata();
      expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual([
        String(largest.width),
        String(largest.height),
      ]);
      for (const entry of (webp?.getAttribute("srcset") ?? "").split(", ")) {
        const [url, width] = entry.split(" ");
        const metadata = await sharp(published(url ?? "")).metadata();
        expect([metadata.format, `${metadata.width}w`]).toEqual(["webp", width]);
      }
      const fallback = await sharp(published(img?.getAttribute("src") ?? "")).metadata();
      expect(fallback.format).toBe(figure.textContent?.includes("科技型企业数量") ? "png" : "jpeg");
    }
    const meeting = figures[0]?.querySelector("source")?.getAttribute("srcset") ?? "";
    expect(meeting.split(", ").map((entry) => entry.split(" ")[1])).toEqual(["480w", "720w", "1080w", "1440w"]);
    const small = figures[4]?.querySelector("source")?.getAttribute("srcset") ?? "";
    expect(small.split(", ").map((entry) => entry.split(" ")[1])).toEqual(["480w", "600w"]);
  });

  it("loads the first photo eagerly with high priority and every other one lazily", () => {
    const loading = [...page.querySelectorAll(".article-body img")].map((img) => [
      img.getAttribute("loading"),
      img.getAttribute("decoding"),
      img.getAttribute("fetchpriority"),
    ]);
    expect(loading[0]).toEqual([null, null, "high"]);
    expect(loading.slice(1)).toEqual(Array(4).fill(["lazy", "async", null]));
  });

  it("names its lead photo as the share card: an absolute JPEG of at least 300 × 300 with its size", async () => {
    const image = metaContent(page, "og:image") ?? "";
    expect(image.startsWith(`${ORIGIN}/files/2024/lead.`)).toBe(true);
    const metadata = await sharp(published(image)).metadata();
    expect(metadata.format).toBe("jpeg");
    expect([metaContent(page, "og:image:width"), metaContent(page, "og:image:height")]).toEqual([
      String(metadata.width),
      String(metadata.height),
    ]);
    expect(Math.min(metadata.width ?? 0, metadata.height ?? 0)).toBeGreaterThanOrEqual(300);
  });

  it("gives a page without a photo the site's share image, drawn from the emblem", async () => {
    const plain = readPage(siteDir, PLAIN);
    expect(metaContent(plain, "og:image")).toBe(`${ORIGIN}/share.jpg`);
    const metadata = await sharp(readFileSync(path.join(siteDir, "share.jpg"))).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["jpeg", 600, 600]);
    expect(metaContent(readPage(siteDir, AGAIN), "og:image")).toMatch(
      /^https:\/\/kjj\.klmy\.gov\.cn\/files\/2024\/meeting\./,
    );
  });
});

describe("lead photos in lists and the feed", () => {
  it("opens 图片新闻 on the home page with the articles that have a lead photo, as plain links", () => {
    const home = readPage(siteDir, "/");
    const block = home.querySelector("section.photo-news");
    expect(textOf(block?.querySelector("h2"))).toBe("图片新闻");
    expect(block?.getAttribute("aria-labelledby")).toBe(block?.querySelector("h2")?.id);
    const items = [...(block?.querySelectorAll("li") ?? [])];
    expect(items.map((item) => item.querySelector("a")?.getAttribute("href"))).toEqual([VISIT, AGAIN]);
    for (const item of items) {
      const img = item.querySelector("picture img");
      expect([img?.getAttribute("alt"), img?.getAttribute("loading")]).toEqual(["", "lazy"]);
      expect(item.querySelector("source")?.getAttribute("sizes")).toBe(LEAD_SIZES.card);
      expect(textOf(item.querySelector(".photo-news-title")).length).toBeGreaterThan(0);
    }
    expect(block?.querySelector("[aria-live], [autoplay], button")).toBeNull();
  });

  it("shows a thumbnail in the column list beside an article with a lead photo only", () => {
    const column = readPage(siteDir, "/gzdt/");
    const rows = [...column.querySelectorAll(".dated-list li")];
    const thumbnails = rows.map((row) => [
      row.querySelector("a")?.getAttribute("href"),
      row.querySelector("picture.lead-thumb source")?.getAttribute("sizes") ?? null,
    ]);
    expect(thumbnails).toEqual([
      [VISIT, LEAD_SIZES.thumb],
      [AGAIN, LEAD_SIZES.thumb],
      [PLAIN, null],
    ]);
  });

  it("carries each article's lead photo in the Atom feed as an absolute JPEG enclosure", () => {
    const feed = readXml(siteDir, "/feed.xml");
    const enclosures = [...feed.querySelectorAll("entry")].map((entry) => [
      entry.querySelector("title")?.textContent,
      entry.querySelector("link[rel='enclosure']")?.getAttribute("href") ?? null,
    ]);
    expect(enclosures.find(([title]) => title === "局领导调研科技企业")?.[1]).toMatch(
      /^https:\/\/kjj\.klmy\.gov\.cn\/files\/2024\/lead\.[0-9a-f]{8}\.720\.jpg$/,
    );
    expect(enclosures.find(([title]) => title === "一篇没有图片的文章")?.[1]).toBeNull();
  });
});

describe("a rebuild", () => {
  it("encodes no photo when none changed, and publishes the same bytes", async () => {
    const before = siteHash(siteDir);
    const again = await buildSite({
      root: site.root,
      outputDir: siteDir,
      cacheDir: path.join(path.dirname(siteDir), "cache"),
      searchIndex: false,
    });
    expect(again.images).toEqual({ pictures: 6, encoded: 0, cached: 6 });
    expect(siteHash(siteDir)).toBe(before);
  });

  it("encodes a replaced photo under new names and renders the pages that show it again", async () => {
    const old = readPage(siteDir, AGAIN).querySelector("source")?.getAttribute("srcset");
    site.write({ "content/files/2024/meeting.jpg": await cameraPhoto({ width: 1600, height: 1200, seed: 11 }) });
    const again = await buildSite({
      root: site.root,
      outputDir: siteDir,
      cacheDir: path.join(path.dirname(siteDir), "cache"),
      searchIndex: false,
    });
    expect(again.images).toEqual({ pictures: 6, encoded: 1, cached: 5 });
    const srcset = readPage(siteDir, AGAIN).querySelector("source")?.getAttribute("srcset") ?? "";
    expect(srcset).not.toBe(old);
    for (const entry of srcset.split(", "))
      expect(existsSync(path.join(siteDir, entry.split(" ")[0] ?? ""))).toBe(true);
  });
});
