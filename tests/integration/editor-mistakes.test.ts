import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../lib/commands/check.ts";
import { ARTICLE_BODY_PLACEHOLDER, type ContentProblem, NOTICE_BODY_PLACEHOLDER } from "../../lib/content/index.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";

/*
 * The mistakes editors really make, each checked as `npm run check` reports it: exactly one
 * problem, at the line the editor must look at, with its field and its whole Chinese message.
 * Syntax mistakes (lib/content/yaml-syntax.ts, front-matter.ts) give one message, not a cascade;
 * what a published page would silently lose (lib/content/body-checks.ts) is an error too.
 */

const A = "content/articles/2023/bad.md";
const N = "content/notices/2023.yaml";
const article = (frontMatter: string, body = "正文。\n") => `---\n${frontMatter}\n---\n${body}`;
const valid = "title: 以科技创新推动经济高质量发展\ndate: 2023-03-01\ncolumn: 工作动态";
const notice = (lines: string) => `# 2023 年通知公告。\n- title: 关于申报的通知\n${lines}`;

interface Mistake {
  name: string;
  files: Record<string, string>;
  problem: Required<ContentProblem>;
}

const MISTAKES: Mistake[] = [
  {
    name: "an 更新时间 before the publication date",
    files: {
      [A]: article("title: 以科技创新推动经济高质量发展\ndate: 2023-05-10\nupdated: 2023-03-01\ncolumn: 工作动态"),
    },
    problem: {
      file: A,
      line: 4,
      field: "updated",
      message: "「更新时间」「2023-03-01」早于发布时间「2023-05-10」：写修改正文的时间，没有修改过就删掉这一行",
    },
  },
  {
    name: "a tab indenting a line of a notices file",
    files: { [N]: notice("  date: 2023-05-01\n\tbody: |\n    各有关单位：\n\n    现将有关事项通知如下。\n") },
    problem: {
      file: N,
      line: 4,
      field: "body",
      message: "这一行开头用了 Tab 键：YAML 只能用空格缩进，请把行首的 Tab 换成空格（同一级的字段左边对齐）",
    },
  },
  {
    name: "a tab in an article's front matter",
    files: { [A]: article("title: 标题\n\tdate: 2023-03-01\ncolumn: 工作动态") },
    problem: {
      file: A,
      line: 3,
      field: "date",
      message: "这一行开头用了 Tab 键：YAML 只能用空格缩进，请把行首的 Tab 换成空格（同一级的字段左边对齐）",
    },
  },
  {
    name: "a full-width colon after a key",
    files: { [A]: article("title：以科技创新推动经济高质量发展\ndate: 2023-03-01\ncolumn: 工作动态") },
    problem: {
      file: A,
      line: 2,
      field: "title",
      message: "字段名 title 后面是中文冒号「：」：请改成英文冒号加一个空格，写成「title: ……」",
    },
  },
  {
    name: "a stray space before a key",
    files: { [A]: article("title: 标题\ndate: 2023-03-01\n column: 工作动态") },
    problem: {
      file: A,
      line: 4,
      field: "column",
      message: "这一行前面多了空格：「column」应与上面的「date」左边对齐（顶格写）",
    },
  },
  {
    name: "a key of a notice indented one space too many",
    files: { [N]: notice("  date: 2023-05-01\n   body: 正文。\n") },
    problem: {
      file: N,
      line: 4,
      field: "body",
      message: "这一行前面多了空格：「body」应与上面的「date」左边对齐（前面 2 个空格）",
    },
  },
  {
    name: "a key of a notice not indented",
    files: { [N]: notice("  date: 2023-05-01\nbody: 正文。\n") },
    problem: {
      file: N,
      line: 4,
      field: "body",
      message:
        "这一行的缩进对不齐：「body」应与上面的「date」左边对齐（前面 2 个空格）；如果这是新的一项，开头要写「- 」",
    },
  },
  {
    name: "the text of a notice's body not indented under `body: |`",
    files: { [N]: notice("  date: 2023-05-01\n  body: |\n    各有关单位：\n  现将有关事项通知如下。\n") },
    problem: {
      file: N,
      line: 6,
      field: "body",
      message: "这一行是「body」的文字吗？「body: |」下面的每一行都要比 body 多缩进两个空格，与上面的文字左边对齐",
    },
  },
  {
    name: "the closing --- deleted",
    files: { [A]: `---\n${valid}\n\n导语段落。\n` },
    problem: {
      file: A,
      line: 6,
      field: "-",
      message: "元数据（front matter）没有结尾的 ---：请在这一行的前面加一行 ---，把元数据和正文分开",
    },
  },
  {
    name: "the opening --- deleted",
    files: { [A]: `${valid}\n---\n\n导语段落。\n` },
    problem: {
      file: A,
      line: 1,
      field: "-",
      message: "缺少开头的 ---：文件的第一行应是 ---，元数据（title、date 等字段）写在两行 --- 之间，然后才是正文",
    },
  },
  {
    name: "a fence typed with Chinese dashes",
    files: { [A]: `---\n${valid}\n———\n\n导语段落。\n` },
    problem: {
      file: A,
      line: 5,
      field: "-",
      message: "这一行应是三个英文短横线 ---，现在写的是「———」（中文破折号、全角符号或多写少写都不行）",
    },
  },
  {
    name: "a required value left empty",
    files: { [A]: article("title:\ndate: 2023-03-01\ncolumn: 工作动态") },
    problem: { file: A, line: 2, field: "title", message: "「标题」不能为空：请在 title: 后面写上内容" },
  },
  {
    name: "a quote left open",
    files: { [A]: article('title: "以科技创新推动经济高质量发展\ndate: 2023-03-01\ncolumn: 工作动态') },
    problem: {
      file: A,
      line: 2,
      field: "title",
      message: '「title」的值以引号 " 开头，却没有配对的结束引号：请在值的末尾补上 "，或去掉开头的引号',
    },
  },
  {
    name: "a bracket left open",
    files: { [A]: article(`${valid}\ntags: [科技创新, 区域合作`) },
    problem: {
      file: A,
      line: 5,
      field: "tags",
      message: "「tags」的值以 [ 开头，却没有结束的 ]：请在这一行的末尾补上 ]，如 [科技, 创新]",
    },
  },
  {
    name: "a colon and a space inside a title",
    files: { [A]: article("title: 通知: 关于申报科技计划项目\ndate: 2023-03-01\ncolumn: 工作动态") },
    problem: {
      file: A,
      line: 2,
      field: "title",
      message:
        "「title」的值里有英文冒号加空格「: 」，会被当成新的字段：请把这个冒号改成中文「：」，或把整个值用引号括起来",
    },
  },
  {
    name: "a key written in Chinese",
    files: { [A]: article("标题：以科技创新推动经济高质量发展\ndate: 2023-03-01\ncolumn: 工作动态") },
    problem: {
      file: A,
      line: 2,
      field: "title",
      message: "字段名要用英文：「标题」请写成「title: ……」（英文冒号后加一个空格）",
    },
  },
  {
    name: "a colon left out after a key",
    files: { [A]: article("title: 标题\ndate 2023-03-01\ncolumn: 工作动态") },
    problem: {
      file: A,
      line: 3,
      field: "date",
      message: "这一行少了冒号：字段名 date 后面要有英文冒号和一个空格，写成「date: ……」",
    },
  },
  {
    name: "a key written twice",
    files: { [A]: article(`${valid}\ntitle: 又一个标题`) },
    problem: { file: A, line: 5, field: "title", message: "「title」写了两次：同一个字段只能写一次，请删掉多余的一行" },
  },
  {
    name: "an image hot-linked from a WeChat article",
    files: { [A]: article(valid, "导语。\n\n![](https://mmbiz.qpic.cn/mmbiz_jpg/AbC/640?wx_fmt=jpeg)\n") },
    problem: {
      file: A,
      line: 8,
      field: "body",
      message:
        "站外图片（mmbiz.qpic.cn）发布后不会显示：请把图片保存到 content/files/<年份>/，再写 ![图片说明](/files/<年份>/文件名.jpg)",
    },
  },
  {
    name: "an iframe embed",
    files: { [A]: article(valid, '导语。\n\n<iframe src="https://v.qq.com/txp/iframe/player.html?vid=x"></iframe>\n') },
    problem: {
      file: A,
      line: 8,
      field: "body",
      message:
        "内嵌的网页或播放器 <iframe> 发布时会被删除：请改成一个链接，如 [观看视频](https://……)，读者点开后在原网站观看",
    },
  },
  {
    name: "a video embed",
    files: { [A]: article(valid, '导语。\n\n<video controls>\n<source src="https://v.example.cn/a.mp4">\n</video>\n') },
    problem: {
      file: A,
      line: 8,
      field: "body",
      message: "视频 <video> 发布时会被删除：把文件放进 content/files/ 后写成链接，如 [观看视频](/files/2024/视频.mp4)",
    },
  },
  {
    name: "a script in the body",
    files: { [A]: article(valid, "导语。\n\n<script>alert(1)</script>\n") },
    problem: {
      file: A,
      line: 8,
      field: "body",
      message: "脚本 <script> 发布时会被删除（网站正文里不能有脚本）：请删掉它",
    },
  },
  {
    name: "a link typed with full-width brackets",
    files: { [A]: article(valid, "详见[通知公告]（/notices/）。\n") },
    problem: {
      file: A,
      line: 6,
      field: "body",
      message:
        "链接「通知公告」用了中文括号，会显示成普通文字：请改用英文括号，写成 [文字](/地址/)，方括号和圆括号都用半角",
    },
  },
  {
    name: "the article placeholder that `npm run new` writes",
    files: { [A]: article(valid, `\n${ARTICLE_BODY_PLACEHOLDER}\n`) },
    problem: {
      file: A,
      line: 7,
      field: "body",
      message: "这是 npm run new 写入的占位文字，不能发布：请把这一段换成正文（不想发布时在元数据里写 draft: true）",
    },
  },
  {
    name: "the notice placeholder that `npm run new` writes",
    files: { [N]: notice(`  date: 2023-05-01\n  body: |\n    ${NOTICE_BODY_PLACEHOLDER}\n`) },
    problem: {
      file: N,
      line: 5,
      field: "body",
      message: "这是 npm run new 写入的占位文字，不能发布：请把这一段换成正文（不想发布时在元数据里写 draft: true）",
    },
  },
];

let site: FixtureSite;

beforeAll(() => {
  site = createFixtureSite({
    "content/articles/2023/good.md": article(valid, "已发布的文章。\n"),
    [N]: notice("  date: 2023-04-01\n  body: 正文。\n"),
  });
});

afterAll(() => site?.remove());

/** Runs `check` with `files` written over the fixture site, then puts the site back. */
function checkWith(files: Record<string, string>) {
  const originals = new Map<string, string | undefined>();
  for (const file of Object.keys(files)) {
    try {
      originals.set(file, readFileSync(path.join(site.root, file), "utf8"));
    } catch {
      originals.set(file, undefined);
    }
  }
  site.write(files);
  try {
    return checkContent(site.root);
  } finally {
    for (const [file, original] of originals) {
      if (original === undefined) rmSync(path.join(site.root, file));
      else writeFileSync(path.join(site.root, file), original);
    }
  }
}

describe("the mistakes editors make", () => {
  it("has a case for each mistake of the issue, at least fifteen", () => {
    expect(MISTAKES.length).toBeGreaterThanOrEqual(15);
  });

  it("explains each message, whole, in the editors' guide", () => {
    const guide = readFileSync(path.join(PROJECT_DIR, "docs/editors-guide.md"), "utf8").replaceAll("\\|", "|");
    expect(MISTAKES.map(({ problem }) => problem.message).filter((message) => !guide.includes(message))).toEqual([]);
  });

  it("passes the fixture site as it is", () => {
    expect(checkContent(site.root).exitCode).toBe(0);
  });

  it.each(MISTAKES)("reports $name as one problem with its line, field and message", ({ files, problem }) => {
    const report = checkWith(files);
    expect(report.problems.map((entry) => ({ field: "-", ...entry }))).toEqual([problem]);
    expect(report.exitCode).toBe(1);
    expect(report.output).toBe(
      `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}\n共 1 个问题 (1 problem)。`,
    );
    for (const line of problem.message.split("\n")) expect(Array.from(line).length).toBeLessThanOrEqual(120);
  });

  it("lets a draft keep the placeholder: it is not published", () => {
    expect(checkWith({ [A]: article(`${valid}\ndraft: true`, `\n${ARTICLE_BODY_PLACEHOLDER}\n`) }).exitCode).toBe(0);
  });

  it("counts two problems in both languages", () => {
    const report = checkWith({ [A]: article("title:\ndate: 2023-03-01\ncolumn: 新闻中心") });
    expect(report.problems).toHaveLength(2);
    expect(report.output.split("\n").at(-1)).toBe("共 2 个问题 (2 problems)。");
  });
});
