import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type Fetched, requestLister, wireBytes } from "../../bench/request-log.ts";

describe("wireBytes", () => {
  it("counts a gzip stream (Pagefind's files) as it is", () => {
    const gzipped = gzipSync(Buffer.from("石化新材料".repeat(200)));
    expect(wireBytes(gzipped)).toBe(gzipped.length);
  });

  it("counts text as a CDN would send it, gzipped", () => {
    const script = Buffer.from("const words = ['知识产权'];\n".repeat(500));
    expect(wireBytes(script)).toBe(gzipSync(script).length);
    expect(wireBytes(script)).toBeLessThan(script.length / 10);
  });

  it("never counts more than the file itself when gzip does not help", () => {
    const tiny = Buffer.from("{}");
    expect(wireBytes(tiny)).toBe(2);
  });
});

describe("requestLister", () => {
  it("lists each request from the start, with a line where the first results showed", () => {
    const lines: string[] = [];
    const fetched = (url: string, start: number, end: number, bytes: number): Fetched => ({
      url,
      start,
      end,
      status: 200,
      bytes,
    });
    requestLister((line) => lines.push(line))(
      "针状焦",
      [
        fetched("https://127.0.0.1/search/?q=x", 1000, 1150, 4200),
        fetched("https://127.0.0.1/pagefind/a.pf_index", 1200, 1900, 51234),
      ],
      1000,
      1500,
    );
    expect(lines).toEqual([
      "  requests of 针状焦 (sent and ended, ms from the start; status; encoded bytes):",
      "         0 →    150 200    4200  /search/?q=x",
      "    | first results",
      "       200 →    900 200   51234  /pagefind/a.pf_index",
    ]);
  });
});
