import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentValidationError } from "../../lib/content/index.ts";
import { buildSite } from "../../lib/pipeline/index.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { readPage, textOf } from "../helpers/html.ts";

let site: FixtureSite | undefined;
afterEach(() => site?.remove());

const article = (extra: Record<string, unknown> = {}, body?: string) =>
  articleFile({ title: "标题", date: "2022-03-01", column: "工作动态", ...extra }, body);

describe("building a fixture site", () => {
  it("shows 更新时间 after 时间 on the meta line and gives it to the sitemap and the feed", async () => {
    site = createFixtureSite({
      "content/articles/2022/revised.md": article({ updated: "2022-04-02 16:30" }),
      "content/articles/2022/plain.md": article({ date: "2022-02-01" }),
      "content/notices/2022.yaml": "- title: 通知\n  date: 2022-05-01\n  updated: 2022-05-03\n  body: 正文。\n",
    });
    const { outputDir } = await buildSite({ root: site.root, searchIndex: false });
    const metaLine = (url: string) =>
      [...readPage(outputDir, url).querySelectorAll(".article-meta .meta-item")].map(textOf);
    expect(metaLine("/articles/2022/revised/").slice(0, 2)).toEqual(["时间：2022-03-01", "更新时间：2022-04-02"]);
    expect(
      readPage(outputDir, "/articles/2022/revised/")
        .querySelectorAll(".article-meta time")[1]
        ?.getAttribute("datetime"),
    ).toBe("2022-04-02T16:30:00+08:00");
    expect(metaLine("/articles/2022/plain/").some((item) => item.startsWith("更新时间"))).toBe(false);
    const noticeUrl = readPage(outputDir, "/notices/").querySelector(".list-page a")?.getAttribute("href") ?? "";
    expect(metaLine(noticeUrl)[1]).toBe("更新时间：2022-05-03");
    const sitemap = readFileSync(path.join(outputDir, "sitemap-articles-2022.xml"), "utf8");
    expect(sitemap).toContain("/articles/2022/revised/</loc><lastmod>2022-04-02T16:30:00+08:00</lastmod>");
    expect(sitemap).toContain("/articles/2022/plain/</loc><lastmod>2022-02-01T00:00:00+08:00</lastmod>");
    expect(readFileSync(path.join(outputDir, "feed.xml"), "utf8")).toContain("<updated>2022-04-02T08:30:00Z</updated>");
  });

  it("shows a notice with a body on its own page with its attachments", async () => {
    site = createFixtureSite({
      "content/files/2024/申报 通知.pdf": Buffer.alloc(5000),
      "content/notices/2024.yaml": [
        "- title: 关于申报的通知",
        "  date: 2024-01-14 10:00",
        "  body: |",
        "    ## 一、申报范围",
        "",
        "    正文内容。",
        "  attachments:",
        "    - title: 申报通知",
        "      file: 2024/申报 通知.pdf",
      ].join("\n"),
    });
    const { outputDir } = await buildSite({ root: site.root, searchIndex: false });
    const list = readPage(outputDir, "/notices/");
    const href = list.querySelector(".list-page a")?.getAttribute("href") ?? "";
    expect(href).toMatch(/^\/notices\/2024\/0114-[0-9a-f]{6}\/$/);
    const page = readPage(outputDir, href);
    expect(textOf(page.querySelector("h1"))).toBe("关于申报的通知");
    expect(textOf(page.querySelector(".article-body h2"))).toBe("一、申报范围");
    const attachment = page.querySelector(".doc-attachments a");
    expect(attachment?.getAttribute("href")).toBe("/files/2024/%E7%94%B3%E6%8A%A5%20%E9%80%9A%E7%9F%A5.pdf");
    expect(readFileSync(path.join(outputDir, "files/2024/申报 通知.pdf")).length).toBe(5000);
    expect(textOf(page.querySelector(".file-meta"))).toBe("（PDF，4.9 KB）");
  });

  it("writes nothing and keeps the previous output when any file is invalid", async () => {
    site = createFixtureSite({ "content/articles/2022/good.md": article() });
    const outputDir = path.join(site.root, "_site");
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(path.join(outputDir, "published.html"), "之前发布的页面");
    site.write({ "content/articles/2022/bad.md": article({ date: "2022-02-30" }) });

    const failure = await buildSite({ root: site.root, searchIndex: false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentValidationError);
    expect((failure as ContentValidationError).problems).toMatchObject([
      { file: "content/articles/2022/bad.md", line: 3, field: "date" },
    ]);
    expect(readdirSync(outputDir)).toEqual(["published.html"]);
    expect(readFileSync(path.join(outputDir, "published.html"), "utf8")).toBe("之前发布的页面");
    expect(readdirSync(site.root).filter((entry) => entry.startsWith("_site"))).toEqual(["_site"]);
  });

  it("replaces the previous output completely when the build succeeds", async () => {
    site = createFixtureSite({ "content/articles/2022/good.md": article() });
    const outputDir = path.join(site.root, "_site");
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(path.join(outputDir, "stale.html"), "旧文件");
    await buildSite({ root: site.root, searchIndex: false });
    expect(existsSync(path.join(outputDir, "stale.html"))).toBe(false);
    expect(existsSync(path.join(outputDir, "articles/2022/good/index.html"))).toBe(true);
  });

  it("escapes front matter wherever it lands", async () => {
    site = createFixtureSite({
      "content/articles/2022/x.md": article({ title: '"<img src=x onerror=alert(1)>', source: "<b>来源</b>" }),
    });
    const { outputDir } = await buildSite({ root: site.root, searchIndex: false });
    const page = readPage(outputDir, "/articles/2022/x/");
    expect(textOf(page.querySelector("h1"))).toBe('"<img src=x onerror=alert(1)>');
    expect(page.querySelector("img[onerror]")).toBeNull();
    expect(page.querySelector('meta[name="ArticleTitle"]')?.getAttribute("content")).toBe(
      '"<img src=x onerror=alert(1)>',
    );
    expect(readFileSync(path.join(outputDir, "feed.xml"), "utf8")).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
