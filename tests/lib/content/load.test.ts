import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type ContentValidationError, formatProblem, loadCatalog, noticePageUrl } from "../../../lib/content/index.ts";
import { articleFile, contentProblemsOf, createFixtureSite, type FixtureFiles } from "../../helpers/fixture.ts";

const article = (extra: Record<string, unknown> = {}, body?: string) =>
  articleFile({ title: "标题", date: "2021-12-06", column: "工作动态", ...extra }, body);

function load(files: FixtureFiles) {
  const site = createFixtureSite(files);
  try {
    return loadCatalog({ root: site.root });
  } finally {
    site.remove();
  }
}

describe("loadCatalog: articles", () => {
  it("derives the URL from the file path and fills defaults from the site file", () => {
    const content = load({
      "content/articles/2021/kjcx-2021.md": article({}, "## 小标题\n\n今年我市科技工作进展顺利。"),
    });
    expect(content.articles).toHaveLength(1);
    expect(content.articles[0]).toMatchObject({
      url: "/articles/2021/kjcx-2021/",
      date: "2021-12-06T00:00:00+08:00",
      source: "克拉玛依市科学技术局",
      region: "克拉玛依市",
      summary: "今年我市科技工作进展顺利。",
      column: { slug: "gzdt" },
    });
  });

  it("reads 更新时间 (updated) in the site's zone, for articles and notices, and leaves it out when not written", () => {
    const content = load({
      "content/articles/2021/a.md": article({ updated: "2022-01-03 09:30" }),
      "content/articles/2021/b.md": article(),
      "content/notices/2021.yaml": "- title: 通知\n  date: 2021-05-01\n  updated: 2021-05-02\n  body: 正文。\n",
    });
    expect(content.articles.map(({ url, updated }) => [url, updated])).toEqual([
      ["/articles/2021/a/", "2022-01-03T09:30:00+08:00"],
      ["/articles/2021/b/", undefined],
    ]);
    expect(content.notices[0]?.updated).toBe("2021-05-02T00:00:00+08:00");
  });

  it("rejects an 更新时间 before the publication date, on its line, for articles and notices", () => {
    expect(contentProblemsOf({ "content/articles/2021/a.md": article({ updated: "2021-12-05 23:59" }) })).toEqual([
      {
        file: "content/articles/2021/a.md",
        line: 5,
        field: "updated",
        message: "「更新时间」「2021-12-05 23:59」早于发布时间「2021-12-06」：写修改正文的时间，没有修改过就删掉这一行",
      },
    ]);
    expect(contentProblemsOf({ "content/articles/2021/a.md": article({ updated: "2021-12-06" }) })).toEqual([]);
    const [notice] = contentProblemsOf({
      "content/notices/2021.yaml": "- title: 通知\n  date: 2021-05-01\n  updated: 2021-04-30\n  body: 正文。\n",
    });
    expect(notice).toMatchObject({ file: "content/notices/2021.yaml", line: 3, field: "[0].updated" });
  });

  it("leaves drafts out", () => {
    const content = load({
      "content/articles/2021/a.md": article({ draft: true }),
      "content/articles/2021/b.md": article({ draft: false }),
    });
    expect(content.articles.map((entry) => entry.url)).toEqual(["/articles/2021/b/"]);
  });

  it("orders articles newest first and links previous and next within the column only", () => {
    const content = load({
      "content/articles/2021/old.md": article({ title: "旧", date: "2021-01-01" }),
      "content/articles/2021/mid.md": article({ title: "中", date: "2021-06-01" }),
      "content/articles/2021/other.md": article({ title: "别的栏目", date: "2021-05-01", column: "科技要闻" }),
      "content/articles/2021/new.md": article({ title: "新", date: "2021-12-01 08:00" }),
    });
    expect(content.articles.map((entry) => entry.title)).toEqual(["新", "中", "别的栏目", "旧"]);
    const middle = content.articles.find((entry) => entry.title === "中");
    expect(middle?.previous).toEqual({ title: "旧", url: "/articles/2021/old/" });
    expect(middle?.next).toEqual({ title: "新", url: "/articles/2021/new/" });
    const other = content.articles.find((entry) => entry.title === "别的栏目");
    expect(other?.previous).toBeUndefined();
    expect(other?.next).toBeUndefined();
  });

  it("paginates each column 20 to a page from its oldest article, the newest on the front page", () => {
    const files: FixtureFiles = {};
    for (let index = 0; index < 65; index++) {
      files[`content/articles/2022/a${index}.md`] = article({ date: "2022-03-01", title: `第${index}篇` });
    }
    const content = load(files);
    const gzdt = content.columnPages.filter((page) => page.column.slug === "gzdt");
    expect(gzdt.map((page) => [page.url, page.items.length])).toEqual([
      ["/gzdt/", 25],
      ["/gzdt/2/", 20],
      ["/gzdt/1/", 20],
    ]);
    const all = content.columns.find((listing) => listing.column.slug === "gzdt")?.articles;
    expect(gzdt.at(-1)?.items).toEqual(all?.slice(-20));
    expect(content.columnPages.filter((page) => page.column.slug === "kjyw")).toHaveLength(1);
  });

  it("describes attachments with type and size", () => {
    const content = load({
      "content/files/2021/report.pdf": Buffer.alloc(2048),
      "content/articles/2021/a.md": article({ attachments: [{ title: "报告", file: "2021/report.pdf" }] }),
    });
    expect(content.articles[0]?.attachments).toEqual([
      { title: "报告", url: "/files/2021/report.pdf", type: "PDF", bytes: 2048, size: "2.0 KB" },
    ]);
  });
});

describe("loadCatalog: invalid articles", () => {
  it("names the file, line, field and a Chinese reason for an unknown key", () => {
    const [problem] = contentProblemsOf({
      "content/articles/2021/a.md": "---\ntitle: 标题\ndate: 2021-12-06\ncolum: 工作动态\n---\n正文",
    });
    expect(problem).toBeDefined();
    const lines = contentProblemsOf({
      "content/articles/2021/a.md": "---\ntitle: 标题\ndate: 2021-12-06\ncolumn: 工作动态\ncolum: 工作动态\n---\n正文",
    }).map(formatProblem);
    expect(lines).toEqual([
      "content/articles/2021/a.md:5: colum: 不认识的字段「colum」，请检查拼写（字段名区分大小写）",
    ]);
  });

  it("reports a missing required field", () => {
    const problems = contentProblemsOf({
      "content/articles/2021/a.md": "---\ntitle: 标题\ndate: 2021-12-06\n---\n正文",
    });
    expect(problems).toEqual([
      { file: "content/articles/2021/a.md", line: 2, field: "column", message: "缺少必填项「栏目」" },
    ]);
  });

  it("rejects an impossible date on its line", () => {
    const [problem] = contentProblemsOf({ "content/articles/2021/a.md": article({ date: "2021-02-30" }) });
    expect(problem).toMatchObject({ line: 3, field: "date" });
    expect(problem?.message).toContain("「2021-02-30」不是有效的时间");
  });

  it("lists the site's columns when the column is unknown", () => {
    const [problem] = contentProblemsOf({ "content/articles/2021/a.md": article({ column: "新闻" }) });
    expect(problem).toMatchObject({ line: 4, field: "column" });
    expect(problem?.message).toContain("「新闻」不是本站的栏目，可选：工作动态、科技要闻、政策文件、区县动态");
  });

  it("reports a missing attachment file with the line of its file key", () => {
    const [problem] = contentProblemsOf({
      "content/articles/2021/a.md":
        "---\ntitle: 标题\ndate: 2021-12-06\ncolumn: 工作动态\nattachments:\n  - title: 报告\n    file: 2021/none.pdf\n---\n",
    });
    expect(problem).toMatchObject({ line: 7, field: "attachments[0].file" });
    expect(problem?.message).toContain("不存在");
  });

  it("rejects a slug that is not lowercase ASCII and a year folder that does not match the date", () => {
    expect(contentProblemsOf({ "content/articles/2021/新闻.md": article() })[0]?.message).toContain("英文短名");
    expect(contentProblemsOf({ "content/articles/2020/a.md": article() })[0]?.message).toContain("年份目录 2020");
  });

  it("reports a file without front matter, an empty file and a file that is not UTF-8", () => {
    const problems = contentProblemsOf({
      "content/articles/2021/a.md": "# 只有正文",
      "content/articles/2021/b.md": "",
      "content/articles/2021/c.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc4, 0xe3, 0xba, 0xc3]),
    });
    expect(problems.map((problem) => problem.file)).toEqual([
      "content/articles/2021/a.md",
      "content/articles/2021/b.md",
      "content/articles/2021/c.md",
    ]);
    expect(problems[0]?.message).toContain("缺少开头的 ---");
    expect(problems[1]?.message).toBe("文件是空的");
    expect(problems[2]?.message).toContain("不是 UTF-8 编码");
  });

  it("collects every problem of every file at once", () => {
    const problems = contentProblemsOf({
      "content/articles/2021/a.md": article({ column: "新闻", extra: 1 }),
      "content/articles/2021/b.md": article({ date: "2021/12/06" }),
      "content/notices/2024.yaml": "- title: 无链接的通知\n  date: 2024-01-14\n",
    });
    expect(problems.map((problem) => `${problem.file}:${problem.field}`)).toEqual([
      "content/articles/2021/a.md:column",
      "content/articles/2021/a.md:extra",
      "content/articles/2021/b.md:date",
      "content/notices/2024.yaml:[0]",
    ]);
  });
});

describe("loadCatalog: notices", () => {
  it("gives notices with a body a page of their own and links the others to their url or file", () => {
    const content = load({
      "content/files/n.pdf": "x",
      "content/notices/2024.yaml": [
        "- title: 有正文",
        "  date: 2024-01-14",
        "  body: 正文",
        "- title: 外链",
        "  date: 2024-01-10",
        "  url: https://www.gov.cn/",
        "- title: 只有附件",
        "  date: 2024-01-09",
        "  attachments:",
        "    - title: 文件",
        "      file: n.pdf",
      ].join("\n"),
    });
    expect(content.notices.map((notice) => [notice.title, notice.href, notice.pageUrl])).toEqual([
      ["有正文", noticePageUrl("2024-01-14", "有正文"), noticePageUrl("2024-01-14", "有正文")],
      ["外链", "https://www.gov.cn/", undefined],
      ["只有附件", "/files/n.pdf", undefined],
    ]);
    expect(content.noticePages).toHaveLength(1);
  });

  it("rejects a javascript: url with its line", () => {
    const [problem] = contentProblemsOf({
      "content/notices/2024.yaml": "- title: 坏链接\n  date: 2024-01-14\n  url: javascript:alert(1)\n",
    });
    expect(problem).toMatchObject({ file: "content/notices/2024.yaml", line: 3, field: "[0].url" });
    expect(problem?.message).toContain("不安全");
  });

  it("rejects a notices file that is not a list", () => {
    const [problem] = contentProblemsOf({ "content/notices/2024.yaml": "title: 单个\ndate: 2024-01-14\n" });
    expect(problem?.message).toContain("应是一个列表");
  });

  it("reports YAML syntax errors with their line", () => {
    const [problem] = contentProblemsOf({
      "content/notices/2024.yaml": "- title: 好\n  date: 2024-01-14\n  body: [未闭合\n",
    });
    expect(problem).toMatchObject({ line: 3, field: "body", message: expect.stringContaining("没有结束的 ]") });
  });
});

describe("loadCatalog: URLs", () => {
  it("rejects two notices that would get the same page", () => {
    const problems = contentProblemsOf({
      "content/notices/2024.yaml":
        "- title: 同名\n  date: 2024-01-14\n  body: 一\n- title: 同名\n  date: 2024-01-14\n  body: 二\n",
    });
    expect(problems[0]?.message).toContain("重复");
  });

  it("rejects a static page at the address of a page the site writes itself", () => {
    expect(contentProblemsOf({ "content/pages/sitemap.md": "---\ntitle: 网站地图\n---\n正文。" })).toEqual([
      {
        file: "content/pages/sitemap.md",
        line: 1,
        message: "页面的地址 /sitemap/ 与 网站自己的页面（如网站地图、站内搜索） 重复",
      },
    ]);
  });

  it("turns content/pages/about.md into /about/", () => {
    const content = load({ "content/pages/about.md": "---\ntitle: 关于我们\n---\n本局职责。" });
    expect(content.staticPages).toMatchObject([{ title: "关于我们", url: "/about/", summary: "本局职责。" }]);
  });
});

describe("loadCatalog: drafts and scheduled publishing", () => {
  const files = {
    "content/articles/2024/now.md": article({ title: "已发布", date: "2024-06-01 09:00" }),
    "content/articles/2024/later.md": article({ title: "定时", date: "2024-06-01 10:00" }),
    "content/articles/2024/draft.md": article({ title: "草稿", date: "2024-05-01", draft: true }),
    "content/notices/2024.yaml":
      "- title: 明天的通知\n  date: 2024-06-02\n  body: 正文\n- title: 今天的通知\n  date: 2024-06-01\n  body: 正文\n",
  };
  // 09:30 in Shanghai is 01:30 UTC: the zone, not the machine's clock, decides what is due.
  const now = DateTime.fromISO("2024-06-01T01:30:00Z");

  it("publishes only what is due in the site's zone and leaves drafts out", () => {
    const site = createFixtureSite(files);
    try {
      const content = loadCatalog({ root: site.root, now });
      expect(content.articles.map((entry) => entry.title)).toEqual(["已发布"]);
      expect(content.notices.map((entry) => entry.title)).toEqual(["今天的通知"]);
    } finally {
      site.remove();
    }
  });

  it("keeps a scheduled article out of lists and previous/next, and rejects links to it until it is due", () => {
    const site = createFixtureSite({
      ...files,
      "content/articles/2024/older.md": article(
        { title: "更早", date: "2024-05-20" },
        "见[定时](/articles/2024/later/)。\n",
      ),
    });
    try {
      const failure = (() => {
        try {
          loadCatalog({ root: site.root, now });
        } catch (error) {
          return error as ContentValidationError;
        }
      })();
      expect(failure?.problems).toEqual([
        expect.objectContaining({ file: "content/articles/2024/older.md", field: "body" }),
      ]);
      site.write({ "content/articles/2024/older.md": article({ title: "更早", date: "2024-05-20" }) });
      const content = loadCatalog({ root: site.root, now });
      const older = content.articles.find((entry) => entry.title === "更早");
      expect(older?.next?.title).toBe("已发布");
      expect(content.columnPages.flatMap((page) => page.items.map((entry) => entry.title))).not.toContain("定时");
      const due = loadCatalog({ root: site.root, now: now.plus({ hours: 1 }) });
      expect(due.articles.find((entry) => entry.title === "已发布")?.next?.title).toBe("定时");
    } finally {
      site.remove();
    }
  });

  it("shows drafts and scheduled items in the preview, marked with their status", () => {
    const site = createFixtureSite(files);
    try {
      const content = loadCatalog({ root: site.root, now, preview: true });
      expect(content.articles.map((entry) => [entry.title, entry.status])).toEqual([
        ["定时", "scheduled"],
        ["已发布", undefined],
        ["草稿", "draft"],
      ]);
      expect(content.notices[0]).toMatchObject({ title: "明天的通知", status: "scheduled" });
    } finally {
      site.remove();
    }
  });
});

describe("loadCatalog: links in bodies", () => {
  it("accepts links to pages, column pages, notices and files that exist, with query and fragment", () => {
    expect(
      contentProblemsOf({
        "content/files/a.pdf": "x",
        "content/articles/2021/a.md": article(
          {},
          "[b](/articles/2021/b/) [栏目](/gzdt/) [文件](/files/a.pdf) [关于](/about/#x) [外链](https://www.gov.cn/)\n",
        ),
        "content/articles/2021/b.md": article({}, '<a href="/articles/2021/a/?from=b">a</a>\n'),
        "content/pages/about.md": "---\ntitle: 关于\n---\n正文",
      }),
    ).toEqual([]);
  });

  it("points at the line of a broken link and hints at the missing trailing slash", () => {
    const problems = contentProblemsOf({
      "content/articles/2021/a.md": article({}, "第一段。\n\n见[文章](/articles/2021/b)。\n"),
      "content/articles/2021/b.md": article(),
    });
    expect(problems).toEqual([
      {
        file: "content/articles/2021/a.md",
        line: 8,
        field: "body",
        message: "站内链接「/articles/2021/b」指向的页面或文件不存在（文章地址以 / 结尾）",
      },
    ]);
  });
});
