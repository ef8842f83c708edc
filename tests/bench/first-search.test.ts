import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { countArticlePages, pageProbe, wireBytes } from "../../bench/first-search.ts";
import { runLighthouseSet } from "../../bench/lighthouse.ts";

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

describe("pageProbe", () => {
  it("is a script that parses, with the grace period in it", () => {
    const source = pageProbe(1234);
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain("}, 1234);");
    expect(source).toContain('type: "longtask"');
  });
});

describe("countArticlePages", () => {
  it("counts the article folders of every year, and nothing without /articles/", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "count-articles-"));
    try {
      expect(countArticlePages(dir)).toBe(0);
      for (const page of ["2015/article-1", "2015/article-2", "2021/kjcx-tdjjgzlfz"])
        mkdirSync(path.join(dir, "articles", page), { recursive: true });
      expect(countArticlePages(dir)).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("runLighthouseSet", () => {
  it("is skipped with a message when there is no Chromium", async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    const lines: string[] = [];
    try {
      expect(await runLighthouseSet("/nonexistent-site", ["common"], { log: (line) => lines.push(line) })).toBe(
        undefined,
      );
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    expect(lines.join("\n")).toMatch(/Lighthouse skipped: no Chromium at \/nonexistent\/chromium/);
  });
});
