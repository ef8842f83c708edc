import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { addNotice, addNoticeToText, createArticle, ScaffoldError } from "../../../lib/commands/scaffold.ts";
import { MAX_SLUG_LENGTH, shortenSlug, slugFromTitle, uniqueSlug } from "../../../lib/commands/slug.ts";
import {
  ARTICLE_BODY_PLACEHOLDER,
  ContentValidationError,
  loadCatalog,
  NOTICE_BODY_PLACEHOLDER,
} from "../../../lib/content/index.ts";
import { SLUG } from "../../../lib/content/schema.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../../helpers/fixture.ts";

let site: FixtureSite | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});

/** 16:30 UTC on New Year's Eve: already 00:30 on 1 January 2025 in Beijing. */
const NEAR_MIDNIGHT_UTC = DateTime.fromISO("2024-12-31T16:30:00Z", { zone: "utc" });
const NOON_2024 = DateTime.fromISO("2024-06-15T04:00:00Z", { zone: "utc" });

const read = (file: string) => readFileSync(path.join(site?.root ?? "", file), "utf8");

/** Replaces the placeholder body `npm run new` wrote, as the editor does before publishing. */
const fillIn = (file: string) =>
  writeFileSync(
    path.join(site?.root ?? "", file),
    read(file).replace(ARTICLE_BODY_PLACEHOLDER, "正文。").replace(NOTICE_BODY_PLACEHOLDER, "正文。"),
  );

/** The problems loadCatalog reports for the fixture site. */
const problems = () => {
  try {
    loadCatalog({ root: site?.root ?? "" });
    return [];
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    return error.problems;
  }
};

describe("slugFromTitle", () => {
  it("spells a long title by the initials of its Chinese characters", () => {
    expect(slugFromTitle("以科技创新推动经济高质量发展")).toBe("ykjcxtdjjgzlfz");
  });

  it("spells a short title in full pinyin, one hyphen between syllables and ü as v", () => {
    expect(slugFromTitle("绿色低碳")).toBe("lv-se-di-tan");
  });

  it("keeps digits and ASCII words of the title as words of their own, lowercased", () => {
    expect(slugFromTitle("AI赋能：5G 与 IoT 产业发展")).toBe("ai-fu-neng-5g-yu-iot-chan-ye-fa-zhan");
    expect(slugFromTitle("关于申报2024年克拉玛依市科技计划储备项目的通知")).toBe("gysb-2024-nklmyskjjhcbxmdtz");
  });

  it("reads full-width digits as ASCII and reads polyphonic characters in context", () => {
    expect(slugFromTitle("２０２４年工作会议")).toBe("2024-nian-gong-zuo-hui-yi");
    expect(slugFromTitle("重庆")).toBe("chong-qing");
  });

  it("always gives a valid slug of at most 40 characters, or nothing for a title without letters", () => {
    const titles = [
      "关于公布2022年度新认定高新技术企业名单及2023年度高新技术企业认定申报工作安排有关事项的通知（第二批）",
      "《克拉玛依市科技计划项目管理办法》政策解读",
      "克科发〔2023〕12号",
      "Annual Report on Science and Technology Innovation of Karamay City 2023",
    ];
    for (const title of titles) {
      const slug = slugFromTitle(title);
      expect(slug, title).toMatch(SLUG);
      expect(slug.length, title).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    }
    expect(slugFromTitle("！！！")).toBe("");
  });
});

describe("shortenSlug and uniqueSlug", () => {
  it("cuts at the last hyphen that fits, or hard when there is none", () => {
    expect(shortenSlug("annual-report-on-science-and-technology-innovation", 30)).toBe("annual-report-on-science-and");
    expect(shortenSlug("a".repeat(50))).toBe("a".repeat(40));
    expect(shortenSlug("short")).toBe("short");
  });

  it("adds -2, -3… to a slug that is taken, staying within the limit", () => {
    expect(uniqueSlug("kjcx", new Set())).toBe("kjcx");
    expect(uniqueSlug("kjcx", new Set(["kjcx", "kjcx-2"]))).toBe("kjcx-3");
    const long = "a".repeat(40);
    expect(uniqueSlug(long, new Set([long]))).toBe(`${"a".repeat(38)}-2`);
  });
});

describe("createArticle", () => {
  it("dates the article in Beijing time, so 16:30 UTC on 31 December is already the next year", () => {
    site = createFixtureSite();
    const result = createArticle({
      root: site.root,
      title: "以科技创新推动经济高质量发展",
      column: "工作动态",
      now: NEAR_MIDNIGHT_UTC,
    });
    expect(result).toEqual({
      file: "content/articles/2025/ykjcxtdjjgzlfz.md",
      url: "/articles/2025/ykjcxtdjjgzlfz/",
      canonical: "https://kjj.klmy.gov.cn/articles/2025/ykjcxtdjjgzlfz/",
      created: true,
      placeholder: true,
    });
    expect(read(result.file)).toMatch(
      /^---\ntitle: 以科技创新推动经济高质量发展\ndate: 2025-01-01 00:30\ncolumn: 工作动态\n/,
    );
  });

  it("writes a file whose only problem is the placeholder paragraph, and that loadCatalog accepts once it is replaced", () => {
    site = createFixtureSite();
    const result = createArticle({
      root: site.root,
      title: "关于「科技」: 测试 #1",
      column: "政策文件",
      now: NOON_2024,
    });
    const text = read(result.file);
    expect(text).toContain("# tags: [主题词一, 主题词二]");
    expect(text).toContain("# draft: true");
    expect(text).toMatch(/---\n\n（请在这里写正文.*）\n$/);
    expect(problems()).toEqual([
      {
        file: result.file,
        line: text.split("\n").indexOf(ARTICLE_BODY_PLACEHOLDER) + 1,
        field: "body",
        message: "这是 npm run new 写入的占位文字，不能发布：请把这一段换成正文（不想发布时在元数据里写 draft: true）",
      },
    ]);
    fillIn(result.file);
    const content = loadCatalog({ root: site.root });
    expect(content.articles).toHaveLength(1);
    expect(content.articles[0]).toMatchObject({
      title: "关于「科技」: 测试 #1",
      date: "2024-06-15T12:00:00+08:00",
      url: result.url,
      source: "克拉玛依市科学技术局",
    });
    expect(content.articles[0]?.column.slug).toBe("zcwj");
  });

  it("makes the slug unique within the year's folder", () => {
    site = createFixtureSite({
      "content/articles/2024/lv-se-di-tan.md": articleFile({ title: "旧文", date: "2024-01-02", column: "工作动态" }),
    });
    const options = { root: site.root, title: "绿色低碳", column: "科技要闻", now: NOON_2024 };
    expect(createArticle(options).file).toBe("content/articles/2024/lv-se-di-tan-2.md");
    expect(createArticle(options).file).toBe("content/articles/2024/lv-se-di-tan-3.md");
    expect(createArticle({ ...options, date: "2023-03-01" }).file).toBe("content/articles/2023/lv-se-di-tan.md");
    for (const file of ["2024/lv-se-di-tan-2", "2024/lv-se-di-tan-3", "2023/lv-se-di-tan"])
      fillIn(`content/articles/${file}.md`);
    expect(loadCatalog({ root: site.root }).articles).toHaveLength(4);
  });

  it("uses a given --slug and --date, and refuses a slug that is invalid or taken", () => {
    site = createFixtureSite();
    const options = { root: site.root, title: "科技周", column: "区县动态", now: NOON_2024 };
    const result = createArticle({ ...options, slug: "kjz-2024", date: "2024-05-20 09:30" });
    expect(result.file).toBe("content/articles/2024/kjz-2024.md");
    expect(read(result.file)).toContain("date: 2024-05-20 09:30\n");
    expect(() => createArticle({ ...options, slug: "kjz-2024", date: "2024-05-21" })).toThrow(/已经存在/);
    expect(() => createArticle({ ...options, slug: "科技周" })).toThrow(ScaffoldError);
    expect(() => createArticle({ ...options, slug: "Kjz_2024" })).toThrow(/小写字母、数字和连字符/);
  });

  it("refuses a column that is not the site's, naming the site's columns", () => {
    site = createFixtureSite();
    const attempt = () => createArticle({ root: site?.root ?? "", title: "标题", column: "工作简报", now: NOON_2024 });
    expect(attempt).toThrow(ScaffoldError);
    expect(attempt).toThrow(
      "栏目「工作简报」不存在，请用 --column 指定本站的栏目之一：工作动态、科技要闻、政策文件、区县动态",
    );
    expect(existsSync(path.join(site.root, "content/articles"))).toBe(false);
  });

  it("refuses a date that is not on the calendar and an empty title", () => {
    site = createFixtureSite();
    const options = { root: site.root, title: "标题", column: "工作动态", now: NOON_2024 };
    expect(() => createArticle({ ...options, date: "2024-02-30" })).toThrow(/不是有效的时间/);
    expect(() => createArticle({ ...options, title: "  " })).toThrow(/缺少标题/);
  });
});

const NOTICES_2024 = [
  "# 2024 年通知公告。每项至少要有 url、body、attachments 之一。",
  "",
  "- title: 关于申报的通知",
  "  date: 2024-01-14",
  "  body: |",
  "    各有关单位：",
  "",
  "    正文。",
  "# 下面这条是公示",
  "- title: 关于拟认定名单的公示",
  "  date: 2023-12-30 10:00 # 写在年份文件里的日期不必同年",
  "  url: https://www.example.gov.cn/gs/",
  "",
].join("\n");

describe("addNotice", () => {
  it("adds the notice at the top of the year's file and keeps every other line, comments included", () => {
    site = createFixtureSite({ "content/notices/2024.yaml": NOTICES_2024 });
    const result = addNotice({ root: site.root, title: "关于开展科技活动周的通知", now: NOON_2024 });
    expect(result.file).toBe("content/notices/2024.yaml");
    expect(result.created).toBe(false);
    const after = read(result.file);
    const added = [
      "- title: 关于开展科技活动周的通知",
      "  date: 2024-06-15",
      "  body: |",
      `    ${NOTICE_BODY_PLACEHOLDER}`,
    ];
    const lines = NOTICES_2024.split("\n");
    expect(after).toBe([...lines.slice(0, 2), ...added, ...lines.slice(2)].join("\n"));
    expect(problems()).toMatchObject([
      { file: result.file, line: 6, field: "body", message: expect.stringContaining("占位文字") },
    ]);
    fillIn(result.file);

    const notices = loadCatalog({ root: site.root }).notices;
    expect(notices.map((notice) => notice.title)).toEqual([
      "关于开展科技活动周的通知",
      "关于申报的通知",
      "关于拟认定名单的公示",
    ]);
    expect(notices[0]?.pageUrl).toBe(result.url);
    expect(result.url).toMatch(/^\/notices\/2024\/0615-[0-9a-f]{6}\/$/);
  });

  it("creates the year's file when it is missing, dated in Beijing time, linking to --url without a body", () => {
    site = createFixtureSite({ "content/notices/2024.yaml": NOTICES_2024 });
    const result = addNotice({
      root: site.root,
      title: "关于元旦放假的通知",
      url: "https://www.example.gov.cn/fj/",
      now: NEAR_MIDNIGHT_UTC,
    });
    expect(result).toMatchObject({
      file: "content/notices/2025.yaml",
      url: "/notices/",
      created: true,
      placeholder: false,
    });
    expect(read(result.file)).toBe(
      "# 2025 年通知公告。每项至少要有 url、body、attachments 之一。\n- title: 关于元旦放假的通知\n  date: 2025-01-01\n  url: https://www.example.gov.cn/fj/\n",
    );
    expect(read("content/notices/2024.yaml")).toBe(NOTICES_2024);
    expect(loadCatalog({ root: site.root }).notices[0]).toMatchObject({
      title: "关于元旦放假的通知",
      href: "https://www.example.gov.cn/fj/",
    });
  });

  it("refuses an unsafe --url and leaves a file that is not a list untouched", () => {
    site = createFixtureSite({ "content/notices/2024.yaml": "title: 不是列表\n" });
    expect(() =>
      addNotice({ root: site?.root ?? "", title: "通知", url: "javascript:alert(1)", now: NOON_2024 }),
    ).toThrow(/--url/);
    expect(() => addNotice({ root: site?.root ?? "", title: "通知", now: NOON_2024 })).toThrow(/应是一个列表/);
    expect(read("content/notices/2024.yaml")).toBe("title: 不是列表\n");
  });
});

describe("addNoticeToText", () => {
  const notice = { title: "新通知", date: "2024-03-01", body: "正文\n" };
  const entry = "- title: 新通知\n  date: 2024-03-01\n  body: |\n    正文\n";

  it("fills an empty or comment-only file and replaces an empty flow list", () => {
    expect(addNoticeToText(undefined, notice, "2024")).toBe(
      `# 2024 年通知公告。每项至少要有 url、body、attachments 之一。\n${entry}`,
    );
    expect(addNoticeToText("# 只有注释\n", notice, "2024")).toBe(`# 只有注释\n${entry}`);
    expect(addNoticeToText("# 空列表\n[]\n", notice, "2024")).toBe(`# 空列表\n${entry}`);
  });

  it("turns a flow list into a block list with the new notice first, the old entries as they were written", () => {
    const after = addNoticeToText('[{title: 旧通知, date: 2024-01-01, url: "/about/"}]\n', notice, "2024");
    expect(after).toBe(`${entry}- { title: 旧通知, date: 2024-01-01, url: "/about/" }\n`);
  });
});
