import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../lib/commands/check.ts";
import { ContentValidationError, formatProblem } from "../../lib/content/index.ts";
import { buildSite } from "../../lib/pipeline/index.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { siteHash } from "../helpers/html.ts";

const run = promisify(execFile);

interface BadCase {
  name: string;
  files: Record<string, string | Buffer>;
  file: string;
  line: number;
  field?: string;
  message: string;
}

const GOOD_ARTICLE = "content/articles/2023/good.md";
const article = (frontMatter: string, body = "正文。\n") => `---\n${frontMatter}\n---\n${body}`;
const valid = "title: 标题\ndate: 2023-03-01\ncolumn: 工作动态";
const siteFile = readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8");
const siteLine = (needle: string) => siteFile.split("\n").findIndex((line) => line.startsWith(needle)) + 1;
const A = "content/articles/2023/bad.md";
const N = "content/notices/2023.yaml";
const S = "_data/site.yaml";

const CASES: BadCase[] = [
  {
    name: "article without a title",
    files: { [A]: article("date: 2023-03-01\ncolumn: 工作动态") },
    file: A,
    line: 2,
    field: "title",
    message: "缺少必填项「标题」",
  },
  {
    name: "article without a date",
    files: { [A]: article("title: 标题\ncolumn: 工作动态") },
    file: A,
    line: 2,
    field: "date",
    message: "缺少必填项「发布时间」",
  },
  {
    name: "article without a column",
    files: { [A]: article("title: 标题\ndate: 2023-03-01") },
    file: A,
    line: 2,
    field: "column",
    message: "缺少必填项「栏目」",
  },
  {
    name: "a date that is not on the calendar",
    files: { [A]: article("title: 标题\ndate: 2023-02-29\ncolumn: 工作动态") },
    file: A,
    line: 3,
    field: "date",
    message: "「2023-02-29」不是有效的时间",
  },
  {
    name: "a date written with slashes",
    files: { [A]: article("title: 标题\ndate: 2023/03/01\ncolumn: 工作动态") },
    file: A,
    line: 3,
    field: "date",
    message: "应写作 YYYY-MM-DD 或 YYYY-MM-DD HH:mm",
  },
  {
    name: "a date with seconds",
    files: { [A]: article("title: 标题\ndate: 2023-03-01 10:00:00\ncolumn: 工作动态") },
    file: A,
    line: 3,
    field: "date",
    message: "不是有效的时间",
  },
  {
    name: "a column the site does not have",
    files: { [A]: article("title: 标题\ndate: 2023-03-01\ncolumn: 新闻中心") },
    file: A,
    line: 4,
    field: "column",
    message: "「新闻中心」不是本站的栏目，可选：工作动态、科技要闻、政策文件、区县动态",
  },
  {
    name: "an unknown key",
    files: { [A]: article(`${valid}\nauther: 张三`) },
    file: A,
    line: 5,
    field: "auther",
    message: "不认识的字段「auther」",
  },
  {
    name: "a key in the wrong case",
    files: { [A]: article("Title: 标题\ndate: 2023-03-01\ncolumn: 工作动态") },
    file: A,
    line: 2,
    field: "Title",
    message: "不认识的字段「Title」",
  },
  {
    name: "tags that are not a list",
    files: { [A]: article(`${valid}\ntags: 科技`) },
    file: A,
    line: 5,
    field: "tags",
    message: "「主题词」应为列表",
  },
  {
    name: "draft that is not true or false",
    files: { [A]: article(`${valid}\ndraft: 是`) },
    file: A,
    line: 5,
    field: "draft",
    message: "「草稿」应为布尔值（true 或 false）",
  },
  {
    name: "an attachment file that does not exist",
    files: { [A]: article(`${valid}\nattachments:\n  - title: 报告\n    file: 2023/none.pdf`) },
    file: A,
    line: 7,
    field: "attachments[0].file",
    message: "附件文件「2023/none.pdf」不存在",
  },
  {
    name: "an attachment with an absolute path",
    files: { [A]: article(`${valid}\nattachments:\n  - title: 报告\n    file: /etc/passwd`) },
    file: A,
    line: 7,
    field: "attachments[0].file",
    message: "不能以 / 开头或包含 ..",
  },
  {
    name: "an attachment path that climbs out of content/files",
    files: { [A]: article(`${valid}\nattachments:\n  - title: 报告\n    file: ../../_data/site.yaml`) },
    file: A,
    line: 7,
    field: "attachments[0].file",
    message: "不能以 / 开头或包含 ..",
  },
  {
    name: "an attachment without a title",
    files: { [A]: article(`${valid}\nattachments:\n  - file: 2023/good.pdf`) },
    file: A,
    line: 6,
    field: "attachments[0].title",
    message: "缺少必填项「标题」",
  },
  {
    name: "a file without front matter",
    files: { [A]: "# 标题\n\n正文" },
    file: A,
    line: 1,
    message: "缺少开头的 ---：文件的第一行应是 ---",
  },
  {
    name: "front matter that is never closed",
    files: { [A]: "---\ntitle: 标题\ndate: 2023-03-01\n" },
    file: A,
    line: 3,
    message: "元数据（front matter）没有结尾的 ---：请在这一行的后面加一行 ---",
  },
  {
    name: "a YAML syntax error",
    files: { [A]: article("title: 标题\ndate: 2023-03-01\ncolumn: [工作动态\n") },
    file: A,
    line: 4,
    field: "column",
    message: "的值以 [ 开头，却没有结束的 ]",
  },
  {
    name: "a key written twice",
    files: { [A]: article(`${valid}\ntitle: 又一个标题`) },
    file: A,
    line: 5,
    field: "title",
    message: "「title」写了两次",
  },
  { name: "an empty file", files: { [A]: "" }, file: A, line: 1, message: "文件是空的" },
  {
    name: "a file that is not UTF-8",
    files: {
      [A]: Buffer.concat([Buffer.from("---\ntitle: "), Buffer.from([0xb1, 0xea, 0xcc, 0xe2]), Buffer.from("\n---\n")]),
    },
    file: A,
    line: 1,
    message: "不是 UTF-8 编码",
  },
  {
    name: "a file name with capitals",
    files: { "content/articles/2023/Bad.md": article(valid) },
    file: "content/articles/2023/Bad.md",
    line: 1,
    message: "短名只用小写字母、数字和连字符",
  },
  {
    name: "a year folder that does not match the date",
    files: { "content/articles/2022/bad.md": article(valid) },
    file: "content/articles/2022/bad.md",
    line: 3,
    field: "date",
    message: "与文件所在的年份目录 2022 不一致",
  },
  {
    name: "a Markdown link to a page that does not exist",
    files: { [A]: article(valid, "正文。\n\n详见[另一篇](/articles/2023/nope/)。\n") },
    file: A,
    line: 8,
    field: "body",
    message: "站内链接「/articles/2023/nope/」指向的页面或文件不存在",
  },
  {
    name: "a javascript: link in the body",
    files: { [A]: article(valid, "[点我](javascript:alert(1))\n") },
    file: A,
    line: 6,
    field: "body",
    message: "协议不安全",
  },
  {
    name: "an HTML link with an entity-encoded javascript: scheme",
    files: { [A]: article(valid, '正文\n\n<a href="&#x6A;avascript:alert(1)">x</a>\n') },
    file: A,
    line: 8,
    field: "body",
    message: "协议不安全",
  },
  {
    name: "a link to an attachment that does not exist",
    files: { [A]: article(valid, "[下载](/files/2023/none.pdf)\n") },
    file: A,
    line: 6,
    field: "body",
    message: "「/files/2023/none.pdf」指向的页面或文件不存在",
  },
  {
    name: "an empty title",
    files: { [A]: article('title: ""\ndate: 2023-03-01\ncolumn: 工作动态') },
    file: A,
    line: 2,
    field: "title",
    message: "「标题」不能为空",
  },
  {
    name: "a title that is a list",
    files: { [A]: article("title: [一, 二]\ndate: 2023-03-01\ncolumn: 工作动态") },
    file: A,
    line: 2,
    field: "title",
    message: "「标题」应为文字",
  },
  {
    name: "a notice without url, body or attachments",
    files: { [N]: "- title: 通知\n  date: 2023-05-01\n" },
    file: N,
    line: 1,
    field: "[0]",
    message: "至少要有 url（链接）、body（正文）、attachments（附件）之一",
  },
  {
    name: "a notice with an impossible date",
    files: { [N]: "- title: 通知\n  date: 2023-04-31\n  body: 正文\n" },
    file: N,
    line: 2,
    field: "[0].date",
    message: "「2023-04-31」不是有效的时间",
  },
  {
    name: "a notice with an unknown key",
    files: { [N]: "- title: 通知\n  date: 2023-05-01\n  body: 正文\n  link: /x/\n" },
    file: N,
    line: 4,
    field: "[0].link",
    message: "不认识的字段「link」",
  },
  {
    name: "a notice with a javascript: url",
    files: { [N]: "- title: 通知\n  date: 2023-05-01\n  url: JavaScript:alert(1)\n" },
    file: N,
    line: 3,
    field: "[0].url",
    message: "不安全",
  },
  {
    name: "a notice linking to a page that does not exist",
    files: { [N]: "- title: 通知\n  date: 2023-05-01\n  url: /articles/2023/missing/\n" },
    file: N,
    line: 3,
    field: "url",
    message: "指向的页面或文件不存在",
  },
  {
    name: "a notices file that is not a list",
    files: { [N]: "title: 通知\ndate: 2023-05-01\nbody: 正文\n" },
    file: N,
    line: 1,
    message: "整个文件应是一个列表",
  },
  {
    name: "a notice attachment that does not exist",
    files: { [N]: "- title: 通知\n  date: 2023-05-01\n  attachments:\n    - title: 表\n      file: 2023/none.xlsx\n" },
    file: N,
    line: 5,
    field: "[0].attachments[0].file",
    message: "不存在",
  },
  {
    name: "two notices that would share a page",
    files: {
      [N]: "- title: 同一通知\n  date: 2023-05-01\n  body: 一\n- title: 同一通知\n  date: 2023-05-01\n  body: 二\n",
    },
    file: N,
    line: 4,
    message: "与 content/notices/2023.yaml:1 重复",
  },
  {
    name: "a YAML syntax error in a notices file",
    files: { [N]: "- title: 通知\n  date: 2023-05-01\n body: 缩进错了\n" },
    file: N,
    line: 3,
    field: "body",
    message: "这一行的缩进对不齐：「body」应与上面的「date」左边对齐（前面 2 个空格）",
  },
  {
    name: "an unknown key in the site file",
    files: { [S]: `${siteFile}\nfavicon: /x.ico\n` },
    file: S,
    line: siteFile.split("\n").length + 1,
    field: "favicon",
    message: "不认识的字段「favicon」",
  },
  {
    name: "a site origin with a path",
    files: { [S]: siteFile.replace("url: https://kjj.klmy.gov.cn", "url: https://kjj.klmy.gov.cn/news/") },
    file: S,
    line: siteLine("url:"),
    field: "url",
    message: "应为站点的正式地址",
  },
  {
    name: "a time zone that does not exist",
    files: { [S]: siteFile.replace("time_zone: Asia/Shanghai", "time_zone: Beijing") },
    file: S,
    line: siteLine("time_zone:"),
    field: "time_zone",
    message: "不是有效的时区名称",
  },
  {
    name: "two columns with the same slug",
    files: { [S]: siteFile.replace("slug: kjyw", "slug: gzdt") },
    file: S,
    line: siteFile.split("\n").findIndex((line) => line.includes("slug: kjyw")) + 1,
    field: "columns[1].slug",
    message: "与第 1 个栏目重复",
  },
  {
    name: "a site file without a name",
    files: { [S]: siteFile.replace(/^name: .*$/m, "") },
    file: S,
    line: siteLine("url:"),
    field: "name",
    message: "缺少必填项「名称」",
  },
  {
    name: "a YAML syntax error in the site file",
    files: { [S]: siteFile.replace("page_size: 20", "page_size: 20: 30") },
    file: S,
    line: siteLine("page_size:"),
    field: "page_size",
    message: "的值里有英文冒号加空格「: 」",
  },
  {
    name: "a page with an unknown key",
    files: { "content/pages/contact.md": article("title: 联系我们\nlayout: wide") },
    file: "content/pages/contact.md",
    line: 3,
    field: "layout",
    message: "不认识的字段「layout」",
  },
  {
    name: "a browser-editor settings file naming an unknown Git host",
    files: { "_data/cms.yaml": "backend:\n  name: svn\n  repo: klmy/site\n" },
    file: "_data/cms.yaml",
    line: 2,
    field: "backend.name",
    message: "应为 github、gitlab 或 gitea 之一",
  },
];

let site: FixtureSite;
let publishedHash: string;

function hashSite(): string {
  return siteHash(path.join(site.root, "_site"));
}

beforeAll(async () => {
  site = createFixtureSite({
    [GOOD_ARTICLE]: article(valid, "已发布的文章。\n"),
    "content/files/2023/good.pdf": "%PDF-1.4\n",
    [N]: "- title: 已发布的通知\n  date: 2023-04-01\n  body: 正文\n",
  });
  await buildSite({ root: site.root, searchIndex: false });
  publishedHash = hashSite();
});

afterAll(() => site?.remove());

describe("bad content", () => {
  it("has at least 30 cases over articles, notices, pages and the site file", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((entry) => entry.file.split("/")[1])).size).toBeGreaterThanOrEqual(3);
  });

  it("explains every message of these cases in the editors' guide", () => {
    const guide = readFileSync(path.join(PROJECT_DIR, "docs/editors-guide.md"), "utf8");
    expect(CASES.filter((badCase) => !guide.includes(badCase.message)).map((badCase) => badCase.message)).toEqual([]);
  });

  it.each(CASES)("reports $name and leaves _site untouched", async (badCase) => {
    const originals = new Map<string, string>();
    for (const file of Object.keys(badCase.files)) {
      try {
        originals.set(file, readFileSync(path.join(site.root, file), "utf8"));
      } catch {}
    }
    site.write(badCase.files);
    try {
      const report = checkContent(site.root);
      expect(report.exitCode).toBe(1);
      const problem = report.problems.find(
        (entry) => entry.file === badCase.file && entry.message.includes(badCase.message),
      );
      expect(problem, report.output).toBeDefined();
      expect(problem?.line, report.output).toBe(badCase.line);
      if (badCase.field) expect(problem?.field, report.output).toBe(badCase.field);
      expect(report.output).toContain(formatProblem(problem as NonNullable<typeof problem>));

      const failure = await buildSite({ root: site.root, searchIndex: false }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ContentValidationError);
      expect(hashSite()).toBe(publishedHash);
    } finally {
      for (const file of Object.keys(badCase.files)) {
        const original = originals.get(file);
        if (original === undefined) rmSync(path.join(site.root, file));
        else writeFileSync(path.join(site.root, file), original);
      }
    }
  });

  it("makes `npm run check` and `npm run build` exit 1 with the located message, and check exit 0 when fixed", async () => {
    const tsx = path.join(PROJECT_DIR, "node_modules/tsx/dist/cli.mjs");
    site.write({ [A]: article("title: 标题\ndate: 2023-02-30\ncolumn: 工作动态") });
    try {
      for (const script of ["scripts/check.ts", "scripts/build.ts"]) {
        const result = await run(process.execPath, [tsx, path.join(PROJECT_DIR, script), "--root", site.root], {
          cwd: PROJECT_DIR,
        }).then(
          () => ({ code: 0, stderr: "" }),
          (error: { code: number; stderr: string }) => error,
        );
        expect(result.code, script).toBe(1);
        expect(result.stderr).toContain(`${A}:3: date: 「发布时间」「2023-02-30」不是有效的时间`);
      }
      expect(hashSite()).toBe(publishedHash);
    } finally {
      rmSync(path.join(site.root, A));
    }
    const { stdout } = await run(process.execPath, [
      tsx,
      path.join(PROJECT_DIR, "scripts/check.ts"),
      "--root",
      site.root,
    ]);
    expect(stdout).toContain("内容检查通过");
  });
});
