import { describe, expect, it } from "vitest";
import { checkBody } from "../../../lib/content/body-checks.ts";
import type { ContentProblem } from "../../../lib/content/index.ts";

const problemsOf = (body: string) => {
  const problems: ContentProblem[] = [];
  checkBody("content/articles/2024/a.md", body, 10, "body", problems);
  return problems;
};

describe("checkBody", () => {
  it("finds nothing in links and images of the site's own, in a code span or not", () => {
    expect(
      problemsOf("见[通知](/notices/)和[附件](/files/2024/a.pdf)。\n\n![照片](/files/2024/a.jpg)\n\n`[x](/a b)`\n"),
    ).toEqual([]);
  });

  it("reports each link Markdown would not read, and each image from elsewhere, at its line", () => {
    const body = [
      "第一段。",
      "",
      "[通知]（/notices/）",
      "",
      "[通知] (/notices/)",
      "",
      "[文件](/files/a b.pdf)",
      "",
      "![照片](https://mmbiz.qpic.cn/x.jpg)",
      "",
      "![照片][外链]",
      "",
      "[外链]: https://example.com/x.jpg",
    ].join("\n");
    expect(problemsOf(body).map((problem) => [problem.line, problem.message.slice(0, 8)])).toEqual([
      [12, "链接「通知」用了"],
      [14, "链接「通知」的 "],
      [16, "链接「文件」的地"],
      [18, "站外图片（mmb"],
      [20, "站外图片（exa"],
    ]);
  });
});
