import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listArticleFiles, loadCatalog } from "../../../lib/content/index.ts";
import { buildNodeFlags, planRenderRuns, recommendedHeapMegabytes } from "../../../lib/pipeline/index.ts";
import { qrPageUrls } from "../../../lib/pipeline/qr-codes.ts";
import { PROJECT_DIR } from "../../../lib/shared/paths.ts";
import { listHtmlPages, readPage } from "../../helpers/html.ts";
import { sampleSite } from "../../helpers/sample-site.ts";

const urls = (count: number) => Array.from({ length: count }, (_, i) => `/articles/a${i}/`);

describe("planRenderRuns", () => {
  it("renders a site within the limit in one run", () => {
    expect(planRenderRuns(urls(5), 10)).toEqual([urls(5)]);
  });

  it("gives the first run everything else even when no page is to render", () => {
    expect(planRenderRuns([], 10)).toEqual([[]]);
  });

  it("splits a large site into even runs that keep every page once, in order", () => {
    const runs = planRenderRuns(urls(25), 10);
    expect(runs.map((run) => run.length)).toEqual([9, 9, 7]);
    expect(runs.flat()).toEqual(urls(25));
  });

  it("never makes a run larger than the limit", () => {
    for (const count of [1, 19, 20, 21, 39, 40, 41, 100, 101]) {
      const runs = planRenderRuns(urls(count), 20);
      expect(Math.max(...runs.map((run) => run.length))).toBeLessThanOrEqual(20);
      expect(runs.length).toBe(Math.ceil(count / 20));
      expect(runs.flat()).toEqual(urls(count));
    }
  });
});

describe("buildNodeFlags", () => {
  const GIB = 1024 ** 3;

  function siteWithArticles(count: number): string {
    const root = mkdtempSync(path.join(tmpdir(), "bureau-flags-"));
    mkdirSync(path.join(root, "content/articles/2024"), { recursive: true });
    for (let i = 0; i < count; i++) writeFileSync(path.join(root, `content/articles/2024/a${i}.md`), "---\n---\n");
    writeFileSync(path.join(root, "content/articles/2024/notes.txt"), "not an article");
    return root;
  }

  it("counts the Markdown files under content/articles, none for a site without them", () => {
    const root = siteWithArticles(4);
    try {
      expect(listArticleFiles(root)).toHaveLength(4);
      expect(listArticleFiles(path.join(root, "missing"))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("gives a small site no flag, so it builds in Node's default heap without starting Node again", () => {
    const root = siteWithArticles(3);
    try {
      expect(buildNodeFlags(root, 24 * GIB)).toEqual([]);
      expect(buildNodeFlags(root, 24 * GIB, 2, 3)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("gives a larger build the recommended heap, and a site of several Eleventy runs one collected before it grows far", () => {
    const root = siteWithArticles(3);
    try {
      expect(buildNodeFlags(root, 24 * GIB, 3, 2)).toEqual([
        `--max-old-space-size=${recommendedHeapMegabytes(24 * GIB)}`,
      ]);
      expect(buildNodeFlags(root, 24 * GIB, 2, 2)).toEqual([
        `--max-old-space-size=${recommendedHeapMegabytes(24 * GIB)}`,
        "--heap-growing-percent=50",
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("qrPageUrls", () => {
  const content = loadCatalog({ root: PROJECT_DIR });

  it("lists every published page that shows a QR code once, as its canonical URL, notice pages before articles", () => {
    const siteDir = sampleSite();
    const withCode = listHtmlPages(siteDir)
      .map((pagePath) => readPage(siteDir, pagePath))
      .filter((page) => page.querySelector("img.qr-code"))
      .map((page) => page.querySelector('link[rel="canonical"]')?.getAttribute("href"));
    const urls = qrPageUrls(content);
    expect(withCode.length).toBeGreaterThan(content.articles.length);
    expect(urls).toHaveLength(new Set(urls).size);
    expect([...urls].sort()).toEqual([...new Set(withCode)].sort());
    const firstArticle = urls.indexOf(`${content.site.url}${content.articles[0]?.url}`);
    const lastNotice = urls.lastIndexOf(`${content.site.url}${content.noticePages.at(-1)?.pageUrl}`);
    expect(lastNotice).toBeGreaterThan(0);
    expect(firstArticle).toBeGreaterThan(lastNotice);
  });

  it("leaves out the pages carried over from the last build", () => {
    const article = content.articles[0]?.url as string;
    const urls = qrPageUrls(content, new Set([article, "/"]));
    expect(urls).not.toContain(`${content.site.url}${article}`);
    expect(urls).not.toContain(`${content.site.url}/`);
    expect(urls).toHaveLength(qrPageUrls(content).length - 2);
  });
});
