import { afterAll, describe, expect, it } from "vitest";
import { loadWordList, type WrongForm } from "../../../lib/inspect/word-list.ts";
import { findWrongForms, indexForms } from "../../../lib/inspect/wrong-words.ts";
import { PROJECT_DIR } from "../../../lib/shared/paths.ts";
import { createFixtureSite } from "../../helpers/fixture.ts";
import { article, checkOf, inspectFixture, removeFixtures } from "./helpers.ts";

afterAll(removeFixtures);

const forms: WrongForm[] = [
  { wrong: "克拉马依", right: "克拉玛依", line: 1 },
  { wrong: "新疆维吾尔族自治区", right: "新疆维吾尔自治区", line: 2 },
  { wrong: "维族", right: "维吾尔族", line: 3 },
  { wrong: "𠀀错", right: "对", line: 4 },
];

function listProblems(text: string) {
  const site = createFixtureSite({ "_data/wrong-words.yaml": text });
  try {
    return loadWordList(site.root).problems;
  } finally {
    site.remove();
  }
}

describe("findWrongForms", () => {
  const index = indexForms(forms);
  it("finds every wrong form with its column, the longest at each place", () => {
    const hits = findWrongForms("克拉马依市和新疆维吾尔族自治区，维族", index);
    expect(hits.map((hit) => [hit.column, hit.form.wrong])).toEqual([
      [0, "克拉马依"],
      [6, "新疆维吾尔族自治区"],
      [16, "维族"],
    ]);
  });

  it("walks characters outside the BMP whole", () => {
    expect(findWrongForms("甲𠀀错乙", index).map((hit) => hit.column)).toEqual([1]);
  });

  it("skips a hit inside an allowed phrase, and only that one", () => {
    const used: string[] = [];
    const allow = [{ phrase: "克拉马依尔公司", line: 9 }];
    const hits = findWrongForms("克拉马依尔公司在克拉马依", index, allow, (entry) => used.push(entry.phrase));
    expect(hits.map((hit) => hit.column)).toEqual([8]);
    expect(used).toEqual(["克拉马依尔公司"]);
  });
});

describe("the word list file", () => {
  it("ships a starter list that loads without problems and covers the names editors get wrong", () => {
    const { list, problems } = loadWordList(PROJECT_DIR);
    expect(problems).toEqual([]);
    const rights = new Set(list?.forms.map((form) => form.right));
    for (const name of [
      "中华人民共和国",
      "中国共产党",
      "“十四五”规划",
      "习近平新时代中国特色社会主义思想",
      "克拉玛依",
      "新疆维吾尔自治区",
      "独山子区",
    ])
      expect(rights, name).toContain(name);
  });

  it("reports a wrong form inside its own correct form, a repeated form and an unknown key, with lines", () => {
    const problems = listProblems(
      [
        "words:",
        "  - wrong: [玛依, 克拉马依]",
        "    right: 克拉玛依",
        "  - wrong: 克拉马依",
        "    right: 克拉玛依",
        "    notes: x",
      ].join("\n"),
    );
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [2, "words[0].wrong[0]"],
      [6, "words[1].notes"],
    ]);
    expect(problems[0]?.message).toContain("是正确写法「克拉玛依」的一部分");
    const repeated = listProblems(
      ["words:", "  - wrong: 克拉马依", "    right: 克拉玛依", "  - wrong: 克拉马依", "    right: 克拉玛依"].join("\n"),
    );
    expect(repeated).toMatchObject([{ line: 4, message: "「克拉马依」在第 2 行已列过" }]);
  });

  it("reports a wrong form that another entry's correct form contains", () => {
    const problems = listProblems(
      ["words:", "  - wrong: 维族", "    right: 维吾尔族", "  - wrong: 新彊", "    right: 新疆维族"].join("\n"),
    );
    expect(problems).toMatchObject([{ line: 2 }]);
    expect(problems[0]?.message).toContain("也出现在正确写法「新疆维族」里");
  });
});

describe("严重错误 (wrong-words) over a site", () => {
  const files = {
    "content/articles/2024/a.md": article(
      "工作动态",
      "2024-05-30",
      "summary: 克拉马依市科技工作\n",
      "第一段。\n\n克拉玛衣的中华人民共合国。\n",
    ),
    "content/articles/2024/b.md": article("工作动态", "2024-05-29", "draft: true\n", "新疆维吾尔族自治区\n"),
    "content/notices/2024.yaml":
      "# 通知\n- title: 关于克拉玛伊的通知\n  date: 2024-05-01\n  body: |\n    第一行。\n    独山字区的科技局。\n",
  };

  it("reports each hit with its file, line, field and the correct form; published content fails, drafts warn", async () => {
    const report = await inspectFixture(files, "2024-06-01");
    const check = checkOf(report, "wrong-words");
    expect(check.status).toBe("fail");
    expect(report.exitCode).toBe(1);
    const hits = check.findings.filter((finding) => finding.severity !== "info");
    expect(hits.map((finding) => [finding.file, finding.line, finding.field, finding.severity])).toEqual([
      ["content/articles/2024/a.md", 5, "summary", "fail"],
      ["content/articles/2024/a.md", 9, "body", "fail"],
      ["content/articles/2024/a.md", 9, "body", "fail"],
      ["content/articles/2024/b.md", 7, "body", "warn"],
      ["content/notices/2024.yaml", 2, "title", "fail"],
      ["content/notices/2024.yaml", 6, "body", "fail"],
    ]);
    expect(hits[0]?.message).toBe("「摘要」(summary) 中的「克拉马依」应为「克拉玛依」（本市市名）");
    expect(hits[3]?.message).toContain("这是草稿，发布前请改正");
    expect(check.findings.some((finding) => finding.message.includes("用了项目自带的起步词表"))).toBe(true);
  });

  it("skips allowed phrases, anywhere or in one file, and notes an allowed phrase never used", async () => {
    const list = [
      "words:",
      "  - wrong: [克拉马依, 克拉玛衣, 克拉玛伊]",
      "    right: 克拉玛依",
      "allow:",
      "  - phrase: 克拉马依市科技",
      "  - phrase: 克拉玛衣的",
      "    file: content/articles/2024/a.md",
      "  - phrase: 克拉玛伊的通知",
      "    file: content/articles/2024/a.md",
    ].join("\n");
    const check = checkOf(
      await inspectFixture({ ...files, "_data/wrong-words.yaml": list }, "2024-06-01"),
      "wrong-words",
    );
    expect(check.findings.map((finding) => [finding.file, finding.line, finding.severity])).toEqual([
      ["content/notices/2024.yaml", 2, "fail"],
      ["_data/wrong-words.yaml", 8, "info"],
    ]);
  });

  it("fails with the list's own problems located in it, like the content check", async () => {
    const check = checkOf(
      await inspectFixture({ "_data/wrong-words.yaml": "words:\n  - wrong: 甲\n" }, "2024-06-01"),
      "wrong-words",
    );
    expect(check.status).toBe("fail");
    expect(check.findings).toMatchObject([
      { file: "_data/wrong-words.yaml", line: 2, message: "错敏字词表有误，无法检查：缺少必填项「正确写法」" },
    ]);
  });
});

describe("严重错误 in the site file", () => {
  it("finds a wrong form in the footer identity, skipping YAML comments", async () => {
    const { readFileSync } = await import("node:fs");
    const site = readFileSync(`${PROJECT_DIR}/_data/site.yaml`, "utf8")
      .replace("  sponsor: 克拉玛依市科学技术局", "  sponsor: 克拉马依市科学技术局")
      .replace("# 站点配置 (site file)", "# 克拉马依 站点配置 (site file)");
    const check = checkOf(
      await inspectFixture(
        { "_data/site.yaml": site, "content/articles/2024/a.md": article("工作动态", "2024-05-30") },
        "2024-06-01",
      ),
      "wrong-words",
    );
    const hits = check.findings.filter((finding) => finding.severity === "fail");
    expect(hits).toMatchObject([{ file: "_data/site.yaml", field: "sponsor" }]);
    expect(hits[0]?.line).toBe(site.split("\n").indexOf("  sponsor: 克拉马依市科学技术局") + 1);
  });
});
