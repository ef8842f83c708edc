import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countArticlePages } from "../../bench/first-search.ts";

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
