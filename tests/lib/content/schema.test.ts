import { describe, expect, it } from "vitest";
import { articleSchema, linkTarget, noticeSchema } from "../../../lib/content/schema.ts";
import { validateWithSchema } from "../../../lib/content/schema-messages.ts";
import { parseYamlSource } from "../../../lib/content/yaml-source.ts";

const schema = articleSchema(["工作动态", "科技要闻"], "Asia/Shanghai");
const validate = (yaml: string) => validateWithSchema(schema, parseYamlSource(yaml, 2), "a.md");

describe("articleSchema", () => {
  it("accepts every documented key", () => {
    const { data, problems } = validate(
      [
        "title: 标题",
        "date: 2021-12-06 10:00",
        "column: 工作动态",
        "source: 来源",
        "region: 适用地",
        "summary: 摘要",
        "tags: [科技, 创新]",
        "attachments: []",
        "draft: false",
        "doc_number: 克科发〔2023〕12号",
        "index_number: 2023",
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ title: "标题", index_number: "2023", tags: ["科技", "创新"] });
  });

  it("explains a wrong type in Chinese and names the key", () => {
    const { problems } = validate("title: 标题\ndate: 2021-12-06\ncolumn: 工作动态\ntags: 科技\ndraft: 是\n");
    expect(problems).toEqual([
      { file: "a.md", line: 5, field: "tags", message: '「主题词」应为列表（每项以 - 开始），实际写的是 "科技"' },
      { file: "a.md", line: 6, field: "draft", message: '「草稿」应为布尔值（true 或 false），实际写的是 "是"' },
    ]);
  });

  it("rejects an empty title", () => {
    expect(validate('title: ""\ndate: 2021-12-06\ncolumn: 工作动态').problems).toMatchObject([
      { field: "title", message: "「标题」不能为空：请在 title: 后面写上内容" },
    ]);
  });

  it("says that a key left empty must be filled in, or that an optional one may be deleted", () => {
    expect(validate("title:\ndate: 2021-12-06\ncolumn: 工作动态\nsummary:").problems).toEqual([
      { file: "a.md", line: 2, field: "title", message: "「标题」不能为空：请在 title: 后面写上内容" },
      {
        file: "a.md",
        line: 5,
        field: "summary",
        message: "「摘要」是空的：请在 summary: 后面写上内容，不需要时删掉这一行",
      },
    ]);
  });
});

describe("noticeSchema", () => {
  it("needs a url, a body or attachments", () => {
    const result = noticeSchema("Asia/Shanghai").safeParse({ title: "通知", date: "2024-01-14" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("至少要有");
  });
});

describe("linkTarget", () => {
  it("accepts site paths and web URLs and rejects unsafe schemes in any case", () => {
    expect(linkTarget.safeParse("/articles/2022/a/").success).toBe(true);
    expect(linkTarget.safeParse("https://www.gov.cn/").success).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "//evil.example/",
      "vbscript:x",
    ]) {
      expect(linkTarget.safeParse(bad).success, bad).toBe(false);
    }
  });
});
