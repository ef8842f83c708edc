import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtPages } from "../../lib/inspect/built-pages.ts";
import { datedListEntries, footerText, metaTags } from "../../lib/inspect/html-scan.ts";
import { inspectSite } from "../../lib/inspect/inspect.ts";
import { REPORT_FILE } from "../../lib/inspect/report-html.ts";
import type { InspectionReport } from "../../lib/inspect/types.ts";
import { buildSite } from "../../lib/pipeline/index.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { listSiteFiles, readPage } from "../helpers/html.ts";
import { sampleSite } from "../helpers/sample-site.ts";
import { builtSitemapPages } from "../helpers/sitemaps.ts";

const run = promisify(execFile);
const VNU_JAR = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

/** Runs `npm run inspect -- …` (the script through tsx) in the project folder. */
async function inspect(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      path.join(PROJECT_DIR, "node_modules/.bin/tsx"),
      [path.join(PROJECT_DIR, "scripts/inspect.ts"), ...args],
      { cwd: PROJECT_DIR, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A copy of the sample site (the report is written into it). */
let build: { outputDir: string };
/** The Nu checker's run over the HTML report, started after the sample site's inspection, awaited last. */
let validation: Promise<{ stderr: string }>;
const reportFile = () => path.join(scratch, "report/index.html");
let scratch: string;
const fixtures: FixtureSite[] = [];

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "bureau-inspect-"));
  build = { outputDir: path.join(scratch, "_site") };
  cpSync(sampleSite(), build.outputDir, { recursive: true });
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  for (const site of fixtures) site.remove();
});

describe("npm run inspect on the sample site", () => {
  let result: Awaited<ReturnType<typeof inspect>>;
  const summaryFile = () => path.join(scratch, "summary.md");

  beforeAll(async () => {
    writeFileSync(summaryFile(), "# earlier step\n");
    result = await inspect(
      "--now",
      "2024-06-01 09:00",
      "--site",
      build.outputDir,
      "--summary",
      summaryFile(),
      "--html",
      reportFile(),
    );
    // The Nu checker's JVM runs while the next tests do.
    validation = run("java", ["-jar", VNU_JAR, "--format", "json", "--errors-only", reportFile()]).catch(
      (error: { stderr?: string }) => ({ stderr: error.stderr ?? "" }),
    );
  });

  it("reports item by item, then the table and the summary, and exits 0 with warnings only", () => {
    expect(result.code, result.stderr).toBe(0);
    const { stdout } = result;
    expect(stdout).toContain("按 2024-06-01 09:00（Asia/Shanghai）检查");
    expect(stdout).toContain("content/articles/2024/kjjh-xmglbf-2024-jd.md:3: 首页更新: [警告]");
    expect(stdout).toMatch(/_data\/site\.yaml:\d+: 栏目更新: \[警告\] 栏目「区县动态」已 331 天没有更新/);
    const icpLine =
      readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8")
        .split("\n")
        .findIndex((line) => /^\s+icp:/.test(line)) + 1;
    expect(stdout).toContain(`_data/site.yaml:${icpLine}: 网站标识和备案号: [警告]`);
    // At 2024-06-01 the 2023 reports are late: a failure of a scored (扣分项) check, which fails no veto.
    expect(stdout).toContain("年度报告: [不合格] 2023 年政府网站工作年度报表还没有发布，已超过 2024-01-31");
    expect(stdout).toContain("共 16 项：通过 12，警告 3，不合格 1 (16 checks: 12 passed, 3 warnings, 1 failure)");
    expect(stdout).toContain("结论：单项否决项都没有不合格");
  });

  it("appends the Markdown summary for the CI job", () => {
    const markdown = readFileSync(summaryFile(), "utf8");
    expect(markdown.startsWith("# earlier step\n## 网站检查")).toBe(true);
    expect(markdown).toContain("| 首页更新 (home-updated) | 单项否决 | ⚠️ 警告 |");
  });

  it("reads the head meta, the footer and the dated lists of every built page as linkedom does", () => {
    const pages = builtPages(build.outputDir);
    expect(pages.length).toBeGreaterThan(40);
    let dated = 0;
    for (const file of pages) {
      const html = readFileSync(path.join(build.outputDir, file), "utf8");
      const document = readPage(build.outputDir, `/${file}`);
      const metas = new Map<string, string>();
      for (const meta of document.querySelectorAll("head meta[name]"))
        if (!metas.has(meta.getAttribute("name") ?? ""))
          metas.set(meta.getAttribute("name") ?? "", meta.getAttribute("content") ?? "");
      expect(metaTags(html), file).toEqual(metas);
      const footer = (document.querySelector("footer")?.textContent ?? "").replace(/\s+/g, " ").trim();
      expect(footerText(html).replace(/\s+/g, ""), file).toBe(footer.replace(/\s+/g, ""));
      const entries = [...document.querySelectorAll(".dated-list li:not(.empty)")].map((item) => ({
        text: (item.textContent ?? "").replace(/\s+/g, " ").trim(),
        datetime: item.querySelector("time")?.getAttribute("datetime") ?? undefined,
      }));
      expect(datedListEntries(html), file).toEqual(entries);
      dated += entries.length;
      expect(metas.get("SiteIDCode"), file).toBe("6502000011");
    }
    expect(dated).toBeGreaterThan(50);
  });

  it("checks the head meta and footer of every built page, and warns for a page that lost one", async () => {
    const page = path.join(build.outputDir, "articles/2021/kjgz-zjbs-2021/index.html");
    writeFileSync(page, readFileSync(page, "utf8").replace(/<meta name="SiteIDCode"[^>]*>/, ""));
    const outcome = await inspectSite({ root: PROJECT_DIR, now: "2024-06-01 09:00", siteDir: build.outputDir });
    const report = outcome.report as InspectionReport;
    const meta = report.checks.find((check) => check.id === "page-meta");
    expect(meta?.summary).toMatch(/检查了 5\d 个页面/);
    expect(meta?.findings).toMatchObject([{ severity: "warn", message: "页面元数据：缺少 SiteIDCode" }]);
    expect(meta?.findings[0]?.file).toMatch(/articles\/2021\/kjgz-zjbs-2021\/index\.html$/);
  });
});

describe("npm run inspect: failures, options and --online", () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((request, response) => response.writeHead(request.url === "/ok" ? 200 : 404).end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it("exits 1 on a 单项否决 failure, with the finding's file and line, and checks links with --online", async () => {
    // Every external link of this site is on 127.0.0.1: the site file's own (header, 党政机关网站标识) are dropped.
    const siteFile = readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8")
      .replace(/\nheader_links:\n(?: {2}.*\n)+/, "\nheader_links: []\n")
      .replace(/ {2}conac_url: .*\n/, "")
      .replace(/\ninteraction:\n(?: .*\n)+/, `\ninteraction:\n  - title: 局长信箱\n    url: ${origin}/ok\n`)
      .replace(/\nservices:\n(?: .*\n)+/, `\nservices:\n  - title: 政务服务网\n    url: ${origin}/ok\n`)
      .replace(/\npublic_information:\n(?: .*\n)+/, "\n");
    expect(siteFile).not.toMatch(/https?:\/\/(?!kjj\.klmy\.gov\.cn|127\.0\.0\.1)/);
    const site = createFixtureSite({
      "_data/site.yaml": siteFile,
      "content/articles/2024/a.md": articleFile(
        { title: "克拉马依科技周", date: "2024-05-30", column: "工作动态" },
        `正文。\n\n[好](${origin}/ok) [坏](${origin}/gone)\n`,
      ),
    });
    fixtures.push(site);
    const { code, stdout } = await inspect("--root", site.root, "--now", "2024-06-01", "--online");
    expect(code).toBe(1);
    expect(stdout).toContain(
      "content/articles/2024/a.md:2: 严重错误: [不合格] 「标题」(title) 中的「克拉马依」应为「克拉玛依」",
    );
    expect(stdout).toContain(`content/articles/2024/a.md:8: 外部链接: [警告] 外部链接 ${origin}/gone 打不开：HTTP 404`);
    expect(stdout).toContain(`content/articles/2024/a.md:8: 外部链接: [提示] 外部链接 ${origin}/ok（HTTP 200）`);
    expect(stdout).toContain("已联网检查：1 个打不开");
    expect(stdout).toContain("结论：单项否决项不合格（严重错误）");
    expect(stdout).toContain(`HTML 报告 (HTML report): ${path.join(site.root, REPORT_FILE)}`);
  });

  it("exits 1 with the content problems when the content is invalid", async () => {
    const site = createFixtureSite({
      "content/articles/2024/a.md": articleFile({ title: "无日期", column: "工作动态" }),
    });
    fixtures.push(site);
    const result = await inspect("--root", site.root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("内容校验失败，无法检查");
    expect(result.stderr).toContain("content/articles/2024/a.md:2: date: 缺少必填项「发布时间」");
  });

  it("prints the usage for --help and exits 2 with one line for an unknown option", async () => {
    const help = await inspect("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("用法 (usage): npm run inspect");
    const unknown = await inspect("--nwo", "2024-06-01");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe("不认识的选项「--nwo」，用 --help 查看用法 (unknown option --nwo; see --help)");
  });
});

describe("the HTML report", () => {
  it("writes the HTML report where --html says, not indexed and valid HTML", async () => {
    expect(existsSync(reportFile())).toBe(true);
    const html = readFileSync(reportFile(), "utf8");
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain("共 16 项：通过 12，警告 3，不合格 1");
    const listed = builtSitemapPages(build.outputDir);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((loc) => loc.includes("/admin/"))).toEqual([]);
    expect(JSON.parse((await validation).stderr).messages).toEqual([]);
  });

  it("keeps the report, and with it every draft's title, out of the built site", async () => {
    const title = "关于张三同志任职的通知";
    const site = createFixtureSite({
      "content/articles/2024/a.md": articleFile({ title: "已发布的文章", date: "2024-05-30", column: "工作动态" }),
      "content/articles/2024/rm.md": articleFile({ title, date: "2024-05-31", column: "工作动态", draft: true }),
      "content/notices/2024.yaml": `- title: ${title}（公示）\n  date: 2099-01-01\n  body: 正文。\n`,
    });
    fixtures.push(site);
    const outputDir = path.join(site.root, "_site");
    await buildSite({ root: site.root, outputDir, cacheDir: path.join(site.root, ".cache") });
    const { code, stdout } = await inspect("--root", site.root, "--now", "2024-06-01");
    expect(code, stdout).toBe(0);
    expect(readFileSync(path.join(site.root, REPORT_FILE), "utf8")).toContain(`草稿「${title}」`);
    const files = listSiteFiles(outputDir);
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const bytes = readFileSync(path.join(outputDir, file));
      // Pagefind's files and the precompressed assets are gzip: read what they hold.
      const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
      expect(text.includes(title), file).toBe(false);
    }
    const misplaced = await inspect("--root", site.root, "--html", path.join(outputDir, "admin/inspect/index.html"));
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain("在构建好的网站里");
    expect(existsSync(path.join(outputDir, "admin/inspect"))).toBe(false);
  });
});
