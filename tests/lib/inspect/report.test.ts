import { describe, expect, it } from "vitest";
import { parseInspectArgs } from "../../../lib/inspect/options.ts";
import { formatHtmlReport } from "../../../lib/inspect/report-html.ts";
import { displayWidth, formatMarkdownReport, formatTextReport, summaryLine } from "../../../lib/inspect/report-text.ts";
import { assembleReport, checkResult, type Finding } from "../../../lib/inspect/types.ts";

const base = { siteName: "测试<站>", now: "2024-06-01T09:30:00+08:00", timeZone: "Asia/Shanghai" };
const fail: Finding = { severity: "fail", file: "content/a.md", line: 7, message: "「克拉马依」应为「克拉玛依」" };
const warn: Finding = { severity: "warn", file: "_data/site.yaml", line: 3, message: "栏目|不更新" };
const note = (index: number): Finding => ({ severity: "info", file: "b.md", line: index, message: `提示 ${index}` });

describe("report totals and exit status", () => {
  it("counts checks by status and fails only for a failed veto check", () => {
    const report = assembleReport(base, [
      checkResult("links", "链接", [warn]),
      checkResult("home-updated", "首页", []),
      checkResult("wrong-words", "错字", [fail, warn]),
    ]);
    expect(report.checks.map((check) => check.id)).toEqual(["home-updated", "wrong-words", "links"]);
    expect(report.counts).toEqual({ passed: 1, warnings: 1, failures: 1 });
    expect(report.exitCode).toBe(1);
    expect(assembleReport(base, [checkResult("links", "x", [{ ...fail }])]).exitCode).toBe(0);
  });

  it("writes the summary in both languages with English plurals right", () => {
    const one = assembleReport(base, [checkResult("links", "x", [warn])]);
    expect(summaryLine(one)).toBe("共 1 项：通过 0，警告 1，不合格 0 (1 check: 0 passed, 1 warning, 0 failures)");
    const two = assembleReport(base, [checkResult("links", "x", []), checkResult("wrong-words", "y", [fail])]);
    expect(summaryLine(two)).toBe("共 2 项：通过 1，警告 0，不合格 1 (2 checks: 1 passed, 0 warnings, 1 failure)");
  });
});

describe("text, Markdown and HTML reports", () => {
  const report = assembleReport(base, [
    checkResult("wrong-words", "1 处错敏字", [fail]),
    checkResult(
      "external-links",
      "12 个外部链接",
      Array.from({ length: 12 }, (_, index) => note(index + 1)),
    ),
    checkResult("columns-updated", "栏目", [warn]),
  ]);

  it("prints each finding as path:line: rule: message, caps the notes, and aligns the table by display width", () => {
    const text = formatTextReport(report);
    expect(text).toContain("content/a.md:7: 严重错误: [不合格] 「克拉马依」应为「克拉玛依」");
    expect(text).toContain("b.md:10: 外部链接: [提示] 提示 10");
    expect(text).not.toContain("提示 11");
    expect(text).toContain("另有 2 条提示");
    const table = text.split("\n").filter((line) => /^(检查项|严重错误|栏目更新|外部链接) /.test(line));
    expect(new Set(table.map((line) => displayWidth(line.replace(/\S+$/, ""))))).toHaveProperty("size", 1);
    expect(text).toContain("结论：单项否决项不合格（严重错误）");
  });

  it("writes Markdown with an escaped table and no notes", () => {
    const markdown = formatMarkdownReport(report);
    expect(markdown).toContain("| 栏目更新 (columns-updated) | 单项否决 | ⚠️ 警告 | 栏目 |");
    expect(markdown).toContain("- `_data/site.yaml:3` 警告：栏目|不更新");
    expect(markdown).not.toContain("提示 1");
  });

  it("writes a page that is not indexed, has no script and escapes what it shows", () => {
    const html = formatHtmlReport(report);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toContain("<script");
    expect(html).toContain("测试&lt;站&gt;");
    expect(html).toContain("<code>content/a.md:7</code>");
  });
});

describe("the command line", () => {
  it("reads every option", () => {
    expect(
      parseInspectArgs(["--now", "2024-06-01 09:00", "--json", "--site", "out", "--html", "r.html", "--online"]),
    ).toEqual({
      kind: "run",
      options: {
        root: ".",
        now: "2024-06-01 09:00",
        json: true,
        siteDir: "out",
        html: "r.html",
        summary: undefined,
        online: true,
      },
    });
    expect(parseInspectArgs(["--no-site", "--no-html"])).toMatchObject({ options: { siteDir: false, html: false } });
    expect(parseInspectArgs(["-h"])).toEqual({ kind: "help" });
  });

  it("refuses an unknown option, a stray argument and a date that is not on the calendar, in one line", () => {
    const unknown = parseInspectArgs(["--nwo", "2024-06-01"]);
    expect(unknown).toEqual({
      kind: "error",
      message: "不认识的选项「--nwo」，用 --help 查看用法 (unknown option --nwo; see --help)",
    });
    expect(parseInspectArgs(["extra"])).toMatchObject({ kind: "error" });
    expect(parseInspectArgs(["--now", "2024-02-30"])).toMatchObject({ kind: "error" });
    expect(parseInspectArgs(["--now", "2024-6-1"])).toMatchObject({ kind: "error" });
  });
});
