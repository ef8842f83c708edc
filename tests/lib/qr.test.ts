import { describe, expect, it } from "vitest";
import { qrCacheSize, qrCodeSvg, qrPathData } from "../../lib/qr.ts";
import { decodeQrPixels } from "../helpers/qr-decode.ts";

/** Rasterizes the path data (runs of `M x y h w v1 h-w z`) into RGBA pixels, `scale` px a module. */
function rasterize(d: string, size: number, scale = 4): Uint8ClampedArray {
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const match of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(match[1]), Number(match[2]), Number(match[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) {
        const offset = (py * width + px) * 4;
        pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
      }
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

  it("encodes each URL once and returns the same string after", () => {
    const before = qrCacheSize();
    const first = qrCodeSvg("https://example.gov.cn/memo/");
    const second = qrCodeSvg("https://example.gov.cn/memo/");
    expect(second).toBe(first);
    expect(qrCacheSize()).toBe(before + 1);
  });

  it("escapes the URL inside the label attribute", () => {
    expect(qrCodeSvg('https://example.gov.cn/?a="b"&c')).toContain("?a=&quot;b&quot;&amp;c");
  });
});
