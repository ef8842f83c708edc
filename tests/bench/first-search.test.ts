import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { wireBytes } from "../../bench/first-search.ts";

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
