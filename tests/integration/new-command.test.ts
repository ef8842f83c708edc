import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent } from "../../lib/commands/check.ts";
import { ARTICLE_BODY_PLACEHOLDER, loadCatalog, NOTICE_BODY_PLACEHOLDER } from "../../lib/content/index.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";

const run = promisify(execFile);

let site: FixtureSite | undefined;
afterEach(() => site?.remove());

/** Runs `npm run new -- …` (the script itself, through tsx) against a fixture site. */
async function newCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      path.join(PROJECT_DIR, "node_modules/.bin/tsx"),
      [path.join(PROJECT_DIR, "scripts/new.ts"), ...args, "--root", site?.root ?? ""],
      { cwd: PROJECT_DIR },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run new", () => {
  it("creates an article and prints its file and its address", async () => {
    site = createFixtureSite();
    const result = await newCommand(
      "article",
      "--title",
      "绿色低碳",
      "--column",
      "科技要闻",
      "--date",
      "2024-03-05 08:00",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("content/articles/2024/lv-se-di-tan.md");
    expect(result.stdout).toContain("https://kjj.klmy.gov.cn/articles/2024/lv-se-di-tan/");
    const file = path.join(site.root, "content/articles/2024/lv-se-di-tan.md");
    expect(readFileSync(file, "utf8")).toContain("date: 2024-03-05 08:00\n");
    expect(result.stdout).toContain("正文现在是占位文字");
    expect(checkContent(site.root).problems).toMatchObject([
      { file: "content/articles/2024/lv-se-di-tan.md", field: "body", message: expect.stringContaining("占位文字") },
    ]);
    writeFileSync(file, readFileSync(file, "utf8").replace(ARTICLE_BODY_PLACEHOLDER, "正文。"));
    expect(loadCatalog({ root: site.root }).articles.map((article) => article.url)).toEqual([
      "/articles/2024/lv-se-di-tan/",
    ]);
  });

  it("adds a notice to the year's file", async () => {
    site = createFixtureSite();
    const result = await newCommand("notice", "--title", "关于科技活动周的通知", "--date", "2024-05-10");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("content/notices/2024.yaml");
    expect(result.stdout).toMatch(/\/notices\/2024\/0510-[0-9a-f]{6}\//);
    const file = path.join(site.root, "content/notices/2024.yaml");
    expect(checkContent(site.root).problems).toMatchObject([
      { field: "body", message: expect.stringContaining("占位文字") },
    ]);
    writeFileSync(file, readFileSync(file, "utf8").replace(NOTICE_BODY_PLACEHOLDER, "正文。"));
    expect(loadCatalog({ root: site.root }).notices.map((notice) => notice.title)).toEqual(["关于科技活动周的通知"]);
  });

  it("exits 1 with the site's columns when --column is not one of them, writing nothing", async () => {
    site = createFixtureSite();
    const result = await newCommand("article", "--title", "标题", "--column", "新闻");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "栏目「新闻」不存在，请用 --column 指定本站的栏目之一：工作动态、科技要闻、政策文件、区县动态",
    );
    expect(loadCatalog({ root: site.root }).articles).toEqual([]);
  });

  it("exits 1 with the usage for an unknown kind, and 2 with one line for an unknown option", async () => {
    site = createFixtureSite();
    const kind = await newCommand("page", "--title", "关于");
    expect(kind.code).toBe(1);
    expect(kind.stderr).toContain("用法 (usage)");
    const option = await newCommand("article", "--title", "标题", "--colum", "工作动态");
    expect(option.code).toBe(2);
    expect(option.stderr.trim()).toBe(
      "不认识的选项「--colum」，用 --help 查看用法 (unknown option --colum; see --help)",
    );
  });
});
