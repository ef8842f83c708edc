import { describe, expect, it } from "vitest";
import type { Article, Catalog, Notice } from "../../../lib/content/index.ts";
import { articleMeta, columnMeta, type PageHeadData, pageHead } from "../../../lib/render/page-head.ts";

const column = {
  name: "工作动态",
  slug: "gzdt",
  type: "工作动态",
  description: "本局工作",
  keywords: ["工作", "动态"],
};

describe("articleMeta", () => {
  it("gives ArticleTitle, PubDate as YYYY-MM-DD HH:mm in the site's zone, and ContentSource", () => {
    const article = {
      title: "标题",
      date: "2024-01-14T09:30:00+08:00",
      source: "来源单位",
      tags: [],
    } as unknown as Article;
    expect(articleMeta(article)).toEqual([
      { name: "ArticleTitle", content: "标题" },
      { name: "PubDate", content: "2024-01-14 09:30" },
      { name: "ContentSource", content: "来源单位" },
    ]);
  });

  it("adds Keywords from the tags", () => {
    const article = {
      title: "t",
      date: "2024-01-14T00:00:00+08:00",
      source: "s",
      tags: ["科技", "创新"],
    } as unknown as Article;
    expect(articleMeta(article).at(-1)).toEqual({ name: "Keywords", content: "科技,创新" });
  });
});

describe("columnMeta", () => {
  it("gives ColumnName, ColumnDescription, ColumnKeywords and ColumnType", () => {
    expect(columnMeta(column)).toEqual([
      { name: "ColumnName", content: "工作动态" },
      { name: "ColumnDescription", content: "本局工作" },
      { name: "ColumnKeywords", content: "工作,动态" },
      { name: "ColumnType", content: "工作动态" },
    ]);
  });
});

describe("pageHead", () => {
  const catalog = {
    site: { name: "某市科学技术局", defaults: { source: "某市科学技术局" } },
  } as unknown as Catalog;

  it("takes an article page's title, summary, article and column meta, and its column as the current section", () => {
    const article = {
      title: "关于开展科技活动周的通知",
      summary: "摘要",
      date: "2024-05-20T10:00:00+08:00",
      source: "办公室",
      tags: [],
      column,
    } as unknown as Article;
    const head = pageHead({ catalog, article } as PageHeadData);
    expect(head.title).toBe("关于开展科技活动周的通知");
    expect(head.description).toBe("摘要");
    expect(head.currentSection).toBe("gzdt");
    expect(head.govMeta.map((tag) => tag.name)).toEqual([
      "ArticleTitle",
      "PubDate",
      "ContentSource",
      "ColumnName",
      "ColumnDescription",
      "ColumnKeywords",
      "ColumnType",
    ]);
  });

  it("gives a notice page the site as its source and 通知公告 as its section", () => {
    const notice = { title: "公示", summary: "名单", date: "2024-06-01T08:00:00+08:00" } as unknown as Notice;
    const head = pageHead({ catalog, notice } as PageHeadData);
    expect(head.currentSection).toBe("notices");
    expect(head.govMeta).toContainEqual({ name: "ContentSource", content: "某市科学技术局" });
    expect(head.govMeta).toContainEqual({ name: "PubDate", content: "2024-06-01 08:00" });
    expect(head.govMeta).toContainEqual({ name: "ColumnName", content: "通知公告" });
  });

  it("numbers a column's archive pages in the title, not its front page", () => {
    const listPage = { column, pageNumber: 3 };
    expect(pageHead({ catalog, listPage } as unknown as PageHeadData).title).toBe("工作动态（第3页）");
    expect(pageHead({ catalog, listPage: { column, pageNumber: 1 } } as unknown as PageHeadData).title).toBe(
      "工作动态（第1页）",
    );
    expect(pageHead({ catalog, listPage: { column } } as unknown as PageHeadData).title).toBe("工作动态");
  });

  it("falls back to the page's own title and description (home, search, 404)", () => {
    expect(pageHead({ catalog, title: "站内搜索", description: "搜索" } as PageHeadData)).toEqual({
      title: "站内搜索",
      description: "搜索",
      govMeta: [],
      currentSection: undefined,
    });
  });
});
