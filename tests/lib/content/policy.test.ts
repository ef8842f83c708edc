import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../lib/content/index.ts";
import { compileIndexPattern } from "../../../lib/content/policy.ts";
import { articleFile, contentProblemsOf, createFixtureSite } from "../../helpers/fixture.ts";

const documentFile = (extra: Record<string, unknown> = {}) =>
  articleFile({ title: "管理办法", date: "2024-03-01", column: "政策文件", ...extra });

describe("the 索引号 pattern", () => {
  it("reads the year and serial of a number written to it and formats the nth of a year", () => {
    const pattern = compileIndexPattern("11650200MB0000000X/{year}-{nnnnn}");
    expect(pattern.read("11650200MB0000000X/2024-00012")).toEqual({ year: 2024, serial: 12 });
    expect(pattern.read("11650200MB0000000X/2024-12")).toBeUndefined();
    expect(pattern.format(2025, 3)).toBe("11650200MB0000000X/2025-00003");
  });
});

describe("政策文件 front matter", () => {
  it("refuses an 有效性 outside the four values, naming them, at its line", () => {
    const [problem] = contentProblemsOf({ "content/articles/2024/a.md": documentFile({ validity: "作废" }) });
    expect(problem).toMatchObject({ file: "content/articles/2024/a.md", line: 5, field: "validity" });
    expect(problem?.message).toContain("现行有效、已修改、已废止、已失效");
  });

  it("refuses a replaced_by that names no published article", () => {
    const problems = contentProblemsOf({
      "content/articles/2024/a.md": documentFile({
        validity: "已废止",
        validity_date: "2024-05-01",
        replaced_by: "/articles/2024/missing/",
      }),
    });
    expect(problems).toEqual([expect.objectContaining({ field: "replaced_by", line: 7 })]);
  });

  it("refuses a 解读 naming a missing document and a duplicate 索引号", () => {
    const index = "11650200MB0000000X/2024-00001";
    const problems = contentProblemsOf({
      "content/articles/2024/a.md": documentFile({ index_number: index }),
      "content/articles/2024/b.md": documentFile({ index_number: index }),
      "content/articles/2024/c.md": articleFile({
        title: "解读",
        date: "2024-03-02",
        column: "政策文件",
        interprets: "/articles/2024/nothing/",
      }),
    });
    expect(problems.map((problem) => [problem.file, problem.field])).toEqual([
      ["content/articles/2024/b.md", "index_number"],
      ["content/articles/2024/c.md", "interprets"],
    ]);
    expect(problems[0]?.message).toContain("content/articles/2024/a.md");
  });

  it("refuses an 索引号 off the site's pattern and a 主题分类 the site does not list", () => {
    const problems = contentProblemsOf({
      "content/articles/2024/a.md": documentFile({ index_number: "2024-1", topic: "体育" }),
    });
    expect(problems.map((problem) => problem.field)).toEqual(["index_number", "topic"]);
    expect(problems[0]?.message).toContain("11650200MB0000000X/2024-00001");
  });

  it("links a document and its 解读 both ways, and takes the organ from the site default", () => {
    const site = createFixtureSite({
      "content/articles/2024/a.md": documentFile({ normative: true }),
      "content/articles/2024/b.md": articleFile({
        title: "解读",
        date: "2024-03-02",
        column: "政策文件",
        interprets: "/articles/2024/a/",
      }),
    });
    try {
      const catalog = loadCatalog({ root: site.root });
      const document = catalog.articles.find((article) => article.url === "/articles/2024/a/");
      const interpretation = catalog.articles.find((article) => article.url === "/articles/2024/b/");
      expect(document?.document).toMatchObject({
        validity: "现行有效",
        organ: "克拉玛依市科学技术局",
        normative: true,
      });
      expect(document?.interpretations).toEqual([{ title: "解读", url: "/articles/2024/b/" }]);
      expect(interpretation?.interprets).toEqual({ title: "管理办法", url: "/articles/2024/a/" });
      expect(interpretation?.document).toBeUndefined();
    } finally {
      site.remove();
    }
  });
});

describe("the 找错 link in a body", () => {
  it("refuses a malformed 网站标识码", () => {
    const body = "[找错](https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=12345&url=x)\n";
    const problems = contentProblemsOf({
      "content/articles/2024/a.md": articleFile({ title: "标题", date: "2024-03-01", column: "工作动态" }, body),
    });
    expect(problems).toEqual([
      expect.objectContaining({ line: 6, field: "body", message: expect.stringContaining("12345") }),
    ]);
  });
});
