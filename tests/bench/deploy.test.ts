import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  articlesToFillOpenShard,
  benchDeploy,
  countKinds,
  deployTable,
  NEW_ARTICLE,
  newArticleText,
  UPLOAD_KINDS,
  uploadKind,
} from "../../bench/deploy.ts";
import { TAIL_SIZE } from "../../lib/search/shards.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

describe("uploadKind", () => {
  const lists = ["gzdt/", "notices/"];

  it("tells list pages, other pages, presence files, other search files and the rest apart", () => {
    expect(uploadKind("gzdt/index.html", lists)).toBe("lists");
    expect(uploadKind("gzdt/12/index.html", lists)).toBe("lists");
    expect(uploadKind("notices/3/index.html", lists)).toBe("lists");
    expect(uploadKind("notices/2024/0114-abcdef/index.html", lists)).toBe("pages");
    expect(uploadKind("articles/2024/a/index.html", lists)).toBe("pages");
    expect(uploadKind("index.html", lists)).toBe("pages");
    expect(uploadKind("pagefind/presence-0123456789/7.txt", lists)).toBe("presence");
    expect(uploadKind("pagefind/y2024/index/zh_abc.pf_index", lists)).toBe("search");
    expect(uploadKind("pagefind/shards.json", lists)).toBe("search");
    expect(uploadKind("sitemap-articles-2024.xml", lists)).toBe("other");
  });

  it("counts every path once, under its kind", () => {
    const kinds = countKinds(["gzdt/index.html", "feed.xml", "pagefind/shards.json", "feed.xml"], ["gzdt/"]);
    expect(kinds).toEqual({ pages: 0, lists: 1, presence: 0, search: 1, other: 2 });
  });
});

describe("newArticleText", () => {
  it("gives the new article a body of the corpus's kind under its own front matter", () => {
    const text = newArticleText();
    expect(text.startsWith(`---\n${NEW_ARTICLE.frontMatter}\n---\n`)).toBe(true);
    expect(text.match(/^## /gm)).toHaveLength(3);
    expect(text.length).toBeGreaterThan(600);
  });
});

describe("articlesToFillOpenShard", () => {
  const shards = (...pages: number[]) => ({ shards: pages.map((count) => ({ pages: count }) as never) });

  it("brings the open shard to two pages short of a whole tail, from empty when the newest shard is closed", () => {
    expect(articlesToFillOpenShard(shards(1, 1000, 1100))).toBe(TAIL_SIZE - 3);
    expect(articlesToFillOpenShard(shards(TAIL_SIZE - 2, 1000))).toBe(0);
    expect(articlesToFillOpenShard(shards(TAIL_SIZE - 1))).toBe(0);
    expect(articlesToFillOpenShard(shards(1100, 1100))).toBe(TAIL_SIZE - 2);
    expect(articlesToFillOpenShard(shards())).toBe(TAIL_SIZE - 2);
  });
});

describe("benchDeploy", { timeout: 240_000 }, () => {
  it("deploys a small archive whole, then what one new article changed, then deletes only a deleted article's page", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "bureau-bench-deploy-"));
    try {
      const result = await benchDeploy(30, work, { openShard: false });
      expect(result.first.uploaded).toBe(result.first.files);
      expect(result.first.megabytes).toBeGreaterThan(0);
      const { oneNewArticle, oneDeletedArticle } = result;
      expect(oneNewArticle.files).toBeGreaterThan(result.first.files);
      expect(oneNewArticle.uploaded).toBeGreaterThan(0);
      expect(oneNewArticle.uploaded).toBeLessThan(result.first.files / 2);
      expect(oneNewArticle.deleted).toBe(0);
      for (const run of [result.first, oneNewArticle, oneDeletedArticle])
        expect(UPLOAD_KINDS.reduce((sum, kind) => sum + run.kinds[kind], 0)).toBe(run.uploaded);
      expect(oneNewArticle.kinds.lists).toBeGreaterThan(0);
      expect(oneDeletedArticle.article).toMatch(/^\/articles\/\d{4}\/article-\d+\/$/);
      expect(oneDeletedArticle.deleted).toBe(1);
      expect(oneDeletedArticle.deletedOnlyItsPage).toBe(true);
      const table = deployTable(result);
      expect(table).toContain(`| after one new article | ${oneNewArticle.files} |`);
      expect(table).toContain(`| after one deleted article | ${oneDeletedArticle.files} |`);
      expect(table).toContain(`The deleted article was ${oneDeletedArticle.article}; the deploy deleted its page`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
