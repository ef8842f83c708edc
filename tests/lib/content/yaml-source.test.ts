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

  it("reports syntax errors and duplicate keys with their lines", () => {
    expect(parseYamlSource("title: a\ntitle: b\n").errors[0]?.line).toBe(2);
    const broken = parseYamlSource("title: a\n  bad: [\n");
    expect(broken.errors.length).toBeGreaterThan(0);
    expect(broken.value).toBeUndefined();
  });
});

describe("splitFrontMatter", () => {
  it("splits front matter from the body and handles a BOM and CRLF line ends", () => {
    const split = splitFrontMatter("\uFEFF---\r\ntitle: 标题\r\n---\r\n正文\r\n");
    expect(split?.frontMatter.value).toEqual({ title: "标题" });
    expect(split?.body).toBe("正文\n");
  });

  it("returns null when the file has no front matter", () => {
    expect(splitFrontMatter("# 标题\n正文")).toBeNull();
  });

  it("accepts an empty front matter block", () => {
    expect(splitFrontMatter("---\n---\n正文")?.body).toBe("正文");
  });
});
