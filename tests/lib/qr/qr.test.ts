import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  loadQrCache,
  precomputeQrCodes,
  qrCodeSvg,
  qrPathData,
  resetQrCodes,
  saveQrCache,
} from "../../../lib/qr/index.ts";
import { decodeQrPixels } from "../../helpers/qr-decode.ts";

/**
 * Rasterizes stroked path data (`M x y.5 h w`, then `m dx dy h w` relative to the end of the last run)
 * into RGBA pixels, `scale` px a module: each `h` paints one module row from the pen to its end.
 */
function rasterize(d: string, size: number, scale = 4): Uint8ClampedArray {
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  let penX = 0;
  let penY = 0;
  for (const [, command, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === "M") [penX, penY] = [Number(a), Number(b)];
    else if (command === "m") [penX, penY] = [penX + Number(a), penY + Number(b)];
    else {
      const row = Math.floor(penY);
      for (let py = row * scale; py < (row + 1) * scale; py++) {
        for (let px = penX * scale; px < (penX + Number(a)) * scale; px++) {
          const offset = (py * width + px) * 4;
          pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
        }
      }
      penX += Number(a);
    }
  }
  return pixels;
}

describe("qrPathData", () => {
  it("encodes a URL that a standard decoder reads back exactly", () => {
    const url = "https://kjj.klmy.gov.cn/articles/2021/kjcx-tdjjgzlfz/";
    const { d, size } = qrPathData(url);
    expect(decodeQrPixels(rasterize(d, size), size * 4, size * 4)).toBe(url);
  });

  it("round-trips a percent-encoded Chinese path", () => {
    const url = "https://kjj.klmy.gov.cn/files/2024/%E9%80%9A%E7%9F%A5.pdf";
    const { d, size } = qrPathData(url);
    expect(decodeQrPixels(rasterize(d, size), size * 4, size * 4)).toBe(url);
  });
});

describe("qrCodeSvg", () => {
  it("draws every dark module in a single path with a labelled svg", () => {
    const svg = qrCodeSvg("https://example.gov.cn/a/");
    expect(svg.match(/<path/g)).toHaveLength(1);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="本页二维码，链接：https://example.gov.cn/a/"');
  });

  it("keeps the code it encoded, so nothing encodes it again, and returns the same string after", async () => {
    const first = qrCodeSvg("https://example.gov.cn/memo/");
    expect((await precomputeQrCodes(["https://example.gov.cn/memo/"], 1)).computed).toBe(0);
    expect(qrCodeSvg("https://example.gov.cn/memo/")).toBe(first);
  });

  it("escapes the URL inside the label attribute", () => {
    expect(qrCodeSvg('https://example.gov.cn/?a="b"&c')).toContain("?a=&quot;b&quot;&amp;c");
  });
});

describe("the persistent QR cache and the worker threads", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "qr-cache-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("computes missing codes in worker threads that a standard decoder reads back", async () => {
    const urls = Array.from({ length: 40 }, (_, index) => `https://example.gov.cn/worker/${index}/`);
    const { computed } = await precomputeQrCodes(urls, 2);
    expect(computed).toBe(40);
    for (const url of [urls[0] as string, urls[39] as string]) {
      const { d, size } = qrPathData(url);
      expect(decodeQrPixels(rasterize(d, size), size * 4, size * 4)).toBe(url);
    }
    expect((await precomputeQrCodes(urls, 2)).computed).toBe(0);
  });

  it("saves the codes asked for since loading, sorted by URL, and reads them back", () => {
    const file = path.join(dir, "qr-codes.tsv");
    loadQrCache(file);
    const urls = ["https://example.gov.cn/cache/b/", "https://example.gov.cn/cache/a/"];
    const svgs = urls.map((url) => qrCodeSvg(url));
    expect(saveQrCache(file)).toBe(2);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.map((line) => line.split("\t")[0])).toEqual([...urls].sort());
    expect(loadQrCache(file)).toBe(2);
    expect(urls.map((url) => qrCodeSvg(url))).toEqual(svgs);
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
    qrCodeSvg(url);
    expect((await precomputeQrCodes([url], 1)).computed).toBe(0);
  });

  it("are gone in the next test, as in a new process (tests/fresh-module-state.ts)", async () => {
    expect((await precomputeQrCodes([url], 1)).computed).toBe(1);
  });

  it("are forgotten by resetQrCodes, with the URLs asked for since the cache was loaded", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "qr-reset-"));
    try {
      const file = path.join(dir, "qr-codes.tsv");
      loadQrCache(file);
      qrCodeSvg(url);
      resetQrCodes();
      expect(saveQrCache(file)).toBe(0);
      expect((await precomputeQrCodes([url], 1)).computed).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
