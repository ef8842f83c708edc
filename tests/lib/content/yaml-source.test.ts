import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../../lib/content/front-matter.ts";
import { parseYamlSource } from "../../../lib/content/yaml-source.ts";

describe("parseYamlSource", () => {
  it("keeps dates as strings (core schema, no time zone conversion)", () => {
    expect(parseYamlSource("date: 2021-12-06\n").value).toEqual({ date: "2021-12-06" });
  });

  it("finds the line of a nested value, offset by where the YAML starts in the file", () => {
    const source = parseYamlSource("title: a\nattachments:\n  - title: b\n    file: c.pdf\n", 2);
    expect(source.lineOf(["title"])).toBe(2);
    expect(source.lineOf(["attachments", 0, "file"])).toBe(5);
    expect(source.keyLineOf([], "attachments")).toBe(3);
  });

  it("falls back to the nearest existing ancestor for a missing value", () => {
    const source = parseYamlSource("- title: a\n- title: b\n");
    expect(source.lineOf([1, "date"])).toBe(2);
  });

  it("reports one syntax mistake, in Chinese, at its line in the enclosing file", () => {
    expect(parseYamlSource("title: a\ntitle: b\n", 2).mistake).toEqual({
      line: 3,
      field: "title",
      message: "「title」写了两次：同一个字段只能写一次，请删掉多余的一行",
    });
    const broken = parseYamlSource("title: a\n  bad: [\n");
    expect(broken.mistake?.line).toBe(2);
    expect(broken.value).toBeUndefined();
  });

  it("gives the line where a block of text starts", () => {
    const source = parseYamlSource("- title: a\n  body: |\n    正文\n- title: b\n  body: 一行\n");
    expect(source.textLineOf([0, "body"])).toBe(3);
    expect(source.textLineOf([1, "body"])).toBe(5);
  });
});

describe("splitFrontMatter", () => {
  it("splits front matter from the body and handles a BOM and CRLF line ends", () => {
    const split = splitFrontMatter("\uFEFF---\r\ntitle: 标题\r\n---\r\n正文\r\n");
    if ("mistake" in split) throw new Error(split.mistake.message);
    expect(split.frontMatter.value).toEqual({ title: "标题" });
    expect(split.body).toBe("正文\n");
    expect(split.bodyLine).toBe(4);
  });

  it("says which fence is missing, at the line to look at", () => {
    expect(splitFrontMatter("# 标题\n正文")).toMatchObject({
      mistake: { line: 1, message: expect.stringContaining("缺少开头的 ---") },
    });
    expect(splitFrontMatter("---\ntitle: a\ndate: 2024-01-01\n\n正文\n")).toMatchObject({
      mistake: { line: 5, message: expect.stringContaining("没有结尾的 ---") },
    });
  });

  it("accepts an empty front matter block", () => {
    expect(splitFrontMatter("---\n---\n正文")).toMatchObject({ body: "正文", bodyLine: 3 });
  });
});
