import { describe, expect, it } from "vitest";
import type { Article } from "../../lib/content.ts";
import { articleMeta, columnMeta } from "../../lib/pages.ts";

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
