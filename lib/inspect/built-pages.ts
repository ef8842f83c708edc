import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Catalog } from "../content/index.ts";
import { datedListEntries, footerText, metaTags } from "./html-scan.ts";
import { type CheckResult, checkResult, type Finding } from "./types.ts";

/** A built site to check: its folder, and how findings name its files (relative to the site root where it can). */
export interface BuiltSite {
  dir: string;
  /** `_site/articles/2024/a/index.html` from `articles/2024/a/index.html`. */
  label(file: string): string;
}

/** The HTML files of a built site, relative with forward slashes, sorted; the editors' /admin/ is left out. */
export function builtPages(siteDir: string): string[] {
  if (!existsSync(siteDir)) return [];
  return readdirSync(siteDir, { recursive: true, encoding: "utf8" })
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => entry.endsWith(".html") && !entry.startsWith("admin/"))
    .sort();
}

const fileOfUrl = (url: string) => `${url.replace(/^\//, "")}index.html`;

/** The government meta each kind of page must carry, beyond SiteName, SiteDomain and SiteIDCode. */
export const ARTICLE_META = ["ArticleTitle", "PubDate", "ContentSource"] as const;
export const COLUMN_META = ["ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType"] as const;

/** The line of `<head>` in a page, where findings about its meta point. */
const headLine = (html: string) => html.slice(0, Math.max(0, html.indexOf("<head"))).split("\n").length;

/**
 * 页面元数据和页脚: every page of the built site has SiteName, SiteDomain and SiteIDCode with the
 * site file's values and a footer with 主办单位, 网站标识码 and both record numbers; article and
 * notice pages add ArticleTitle, PubDate (`YYYY-MM-DD HH:mm`) and ContentSource; column and notice
 * list pages ColumnName, ColumnDescription, ColumnKeywords and ColumnType.
 */
export function checkPageMeta(content: Catalog, site: BuiltSite | undefined): CheckResult {
  if (!site) return checkResult("page-meta", "没有构建好的网站（先 npm run build，或用 --site 指定），未检查页面", []);
  const { site: config } = content;
  const expected = new Map<string, Record<string, string | RegExp>>();
  const nonEmpty = /\S/;
  for (const article of content.articles)
    expected.set(fileOfUrl(article.url), {
      ArticleTitle: article.title,
      PubDate: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
      ContentSource: article.source,
    });
  for (const notice of content.noticePages)
    expected.set(fileOfUrl(notice.pageUrl as string), {
      ArticleTitle: notice.title,
      PubDate: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
      ContentSource: nonEmpty,
    });
  for (const page of [...content.columnPages, ...content.noticeListPages])
    expected.set(fileOfUrl(page.url), Object.fromEntries(COLUMN_META.map((name) => [name, nonEmpty])));
  const everywhere = { SiteName: config.name, SiteDomain: new URL(config.url).host, SiteIDCode: config.id_code };
  const footerParts = [config.footer.sponsor, config.id_code, config.footer.icp, config.footer.police_record.number];
  const findings: Finding[] = [];
  const pages = builtPages(site.dir);
  const present = new Set(pages);
  for (const file of expected.keys())
    if (!present.has(file))
      findings.push({
        severity: "warn",
        file: site.label(file),
        line: 1,
        message: "构建结果里没有这个页面：请先用当前内容重新构建 (npm run build)",
      });
  for (const file of pages) {
    const html = readFileSync(path.join(site.dir, file), "utf8");
    const line = headLine(html);
    const values = metaTags(html);
    const missing: string[] = [];
    const wanted: Record<string, string | RegExp> = { ...everywhere, ...expected.get(file) };
    for (const [name, want] of Object.entries(wanted)) {
      const value = values.get(name);
      const ok = value !== undefined && (typeof want === "string" ? value === want : want.test(value));
      if (!ok) missing.push(value === undefined ? `缺少 ${name}` : `${name}「${value}」不对`);
    }
    if (missing.length > 0)
      findings.push({ severity: "warn", file: site.label(file), line, message: `页面元数据：${missing.join("，")}` });
    const footer = footerText(html);
    const absent = footerParts.filter((part) => !footer.includes(part));
    if (absent.length > 0)
      findings.push({ severity: "warn", file: site.label(file), line, message: `页脚缺少：${absent.join("、")}` });
  }
  const summary = `检查了 ${pages.length} 个页面的元数据（SiteName 等）和页脚（主办单位、标识码、备案号）`;
  return checkResult("page-meta", summary, findings);
}

/**
 * 发布时间: an item without a date counts as not updated, so every entry of a dated list on the
 * built home, column and notice list pages must show its `<time datetime>`; standalone pages (关于我们)
 * have no date by design and are noted.
 */
export function checkDates(content: Catalog, site: BuiltSite | undefined): CheckResult {
  const findings: Finding[] = content.staticPages.map((page) => ({
    severity: "info",
    file: page.sourcePath,
    line: 1,
    message: `页面「${page.title}」没有发布时间：单独的页面（如关于我们）不计入更新，这样是对的`,
  }));
  if (!site)
    return checkResult("dates", "文章和通知公告都有发布时间（内容检查要求）；没有构建好的网站，未检查列表页", findings);
  const lists = [
    "/",
    ...content.columnPages.map((page) => page.url),
    ...content.noticeListPages.map((page) => page.url),
  ];
  let items = 0;
  for (const url of lists) {
    const file = path.join(site.dir, fileOfUrl(url));
    if (!existsSync(file)) continue;
    const entries = datedListEntries(readFileSync(file, "utf8"));
    items += entries.length;
    for (const entry of entries) {
      if (!entry.datetime?.trim())
        findings.push({
          severity: "warn",
          file: site.label(fileOfUrl(url)),
          line: 1,
          message: `列表里的「${entry.text.slice(0, 40)}」没有发布时间：没有日期的信息算作不更新`,
        });
    }
  }
  const summary = `文章和通知公告都有发布时间；${lists.length} 个列表页上的 ${items} 条都显示了日期`;
  return checkResult("dates", summary, findings);
}
