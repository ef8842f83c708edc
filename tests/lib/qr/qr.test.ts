import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import {
  loadQrCache,
  precomputeQrCodes,
  qrCodeImg,
  qrDataUrl,
  qrPng,
  resetQrCodes,
  saveQrCache,
} from "../../../lib/qr/index.ts";
import { decodeQrDataUrl, decodeQrPng } from "../../helpers/qr-decode.ts";

describe("qrPng", () => {
  it("draws a 1-bit greyscale PNG, 4 pixels a module with the quiet zone, that a standard decoder reads back", () => {
    const url = "https://kjj.klmy.gov.cn/articles/2021/kjcx-tdjjgzlfz/";
    const png = qrPng(url);
    const image = PNG.sync.read(png);
    const modules = image.width / 4 - 8;
    expect(Number.isInteger(modules) && (modules - 21) % 4 === 0).toBe(true);
    expect(image.height).toBe(image.width);
    expect([png[24], png[25]]).toEqual([1, 0]);
    expect(decodeQrPng(png)).toBe(url);
  });

  it("round-trips a percent-encoded Chinese path", () => {
    const url = "https://kjj.klmy.gov.cn/files/2024/%E9%80%9A%E7%9F%A5.pdf";
    expect(decodeQrPng(qrPng(url))).toBe(url);
  });
});

describe("qrCodeImg", () => {
  it("is an image of its PNG data URL, 132 by 132, with a text alternative naming the address", () => {
    const html = qrCodeImg("https://example.gov.cn/a/");
    const image = parseHTML(`<p>${html}</p>`).document.querySelector("img");
    expect(image?.getAttribute("class")).toBe("qr-code");
    expect([image?.getAttribute("width"), image?.getAttribute("height")]).toEqual(["132", "132"]);
    expect(image?.getAttribute("alt")).toBe("本页二维码，链接：https://example.gov.cn/a/");
    expect(decodeQrDataUrl(image?.getAttribute("src") ?? "")).toBe("https://example.gov.cn/a/");
  });

  it("keeps the code it encoded, so nothing encodes it again, and returns the same string after", async () => {
    const first = qrCodeImg("https://example.gov.cn/memo/");
    expect((await precomputeQrCodes(["https://example.gov.cn/memo/"], 1)).computed).toBe(0);
    expect(qrCodeImg("https://example.gov.cn/memo/")).toBe(first);
  });

  it("escapes the URL inside the text alternative", () => {
    expect(qrCodeImg('https://example.gov.cn/?a="b"&c')).toContain("?a=&quot;b&quot;&amp;c");
  });
});

describe("the persistent QR cache and the worker threads", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "qr-cache-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("computes missing codes in worker threads that a standard decoder reads back", async () => {
    const urls = Array.from({ length: 40 }, (_, index) => `https://example.gov.cn/worker/${index}/`);
    const { computed } = await precomputeQrCodes(urls, 2);
    expect(computed).toBe(40);
    for (const url of [urls[0] as string, urls[39] as string]) expect(decodeQrDataUrl(qrDataUrl(url))).toBe(url);
    expect((await precomputeQrCodes(urls, 2)).computed).toBe(0);
  });

  it("leaves a code too large for a worker's slot to the rendering thread, which draws it right", async () => {
    const long = `https://example.gov.cn/files/${"%E9%80%9A%E7%9F%A5".repeat(30)}.pdf`;
    const short = "https://example.gov.cn/files/short/";
    expect((await precomputeQrCodes([long, short], 1)).computed).toBe(1);
    expect(decodeQrDataUrl(qrDataUrl(long))).toBe(long);
    expect(decodeQrDataUrl(qrDataUrl(short))).toBe(short);
  });

  it("starts no worker when asked for no thread, and the page's code is drawn all the same", async () => {
    const url = "https://example.gov.cn/no-worker/";
    expect((await precomputeQrCodes([url], 0)).computed).toBe(0);
    expect(decodeQrDataUrl(qrDataUrl(url))).toBe(url);
  });

  it("saves the codes of the pages it is given that are at hand, sorted by URL, and reads them back", () => {
    const file = path.join(dir, "qr-codes.tsv");
    loadQrCache(file);
    const urls = ["https://example.gov.cn/cache/b/", "https://example.gov.cn/cache/a/"];
    const images = urls.map((url) => qrCodeImg(url));
    qrCodeImg("https://example.gov.cn/cache/other-site/");
    expect(saveQrCache(file, [...urls, "https://example.gov.cn/cache/never-drawn/"])).toBe(2);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.map((line) => line.split("\t")[0])).toEqual([...urls].sort());
    resetQrCodes();
    expect(loadQrCache(file)).toBe(2);
    expect(urls.map((url) => qrCodeImg(url))).toEqual(images);
  });

  it("skips damaged lines of a cache file instead of drawing a wrong code", () => {
    const file = path.join(dir, "damaged.tsv");
    writeFileSync(file, "https://example.gov.cn/x/\t29\tAAAA\nnot a line\n");
    expect(loadQrCache(file)).toBe(0);
    expect(loadQrCache(path.join(dir, "missing.tsv"))).toBe(0);
  });
});

describe("the codes a test leaves behind", () => {
  const url = "https://example.gov.cn/left-behind/";

  it("stay at hand for the rest of the test that drew them", async () => {
    qrDataUrl(url);
    expect((await precomputeQrCodes([url], 1)).computed).toBe(0);
  });

  it("are gone in the next test, as in a new process (tests/fresh-module-state.ts)", async () => {
    expect((await precomputeQrCodes([url], 1)).computed).toBe(1);
  });

  it("are forgotten by resetQrCodes, so a saved cache no longer holds them", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "qr-reset-"));
    try {
      const file = path.join(dir, "qr-codes.tsv");
      loadQrCache(file);
      qrDataUrl(url);
      resetQrCodes();
      expect(saveQrCache(file, [url])).toBe(0);
      expect((await precomputeQrCodes([url], 1)).computed).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
