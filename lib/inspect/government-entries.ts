import { readFileSync } from "node:fs";
import path from "node:path";
import { type Catalog, SITE_ID_CODE } from "../content/index.ts";
import { canonicalUrl, FIXED_PAGES, JIUCUO_PAGE, jiucuoSiteCode } from "../shared/index.ts";
import { type BuiltSite, builtPages } from "./built-pages.ts";
import type { InspectContext } from "./context.ts";
import { decodeEntities, tagAttributes } from "./html-scan.ts";
import { describeStatus, type LinkStatus } from "./online.ts";
import { type CheckResult, checkResult, type Finding } from "./types.ts";

const SITE_FILE = "_data/site.yaml";

/** The page address a built file is published at: `articles/2024/a/index.html` → `/articles/2024/a/`. */
const urlOfFile = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

/** The `href` of every `<a>` of a page that links to the 找错 platform, entities decoded. */
function jiucuoLinks(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/<a\s[^>]*>/g)) {
    const href = decodeEntities(tagAttributes(match[0]).get("href") ?? "");
    if (href.startsWith(JIUCUO_PAGE)) links.push(href);
  }
  return links;
}

/**
 * 我为政府网站找错: every built page links to the national platform's 找错 page (国办发〔2017〕47号)
 * with a well-formed 网站标识码 as `site_code` and the page's own canonical address as `url`; the
 * 404 page, which has no address of its own, may give the home page's.
 */
export function checkJiucuo(content: Catalog, site: BuiltSite | undefined): CheckResult {
  if (!site) return checkResult("jiucuo", "没有构建好的网站，未检查「我为政府网站找错」入口", []);
  const { site: config } = content;
  const code = config.footer.jiucuo_site_code ?? config.id_code;
  const findings: Finding[] = [];
  const pages = builtPages(site.dir);
  for (const file of pages) {
    const html = readFileSync(path.join(site.dir, file), "utf8");
    const links = jiucuoLinks(html);
    const own = file === FIXED_PAGES.notFound.slice(1) ? [canonicalUrl(config.url, "/")] : [];
    own.push(canonicalUrl(config.url, urlOfFile(file)));
    const place = { file: site.label(file), line: 1 };
    if (links.length === 0) {
      findings.push({ ...place, severity: "fail", message: `页面没有「我为政府网站找错」入口（${JIUCUO_PAGE}）` });
      continue;
    }
    for (const link of links) {
      const siteCode = jiucuoSiteCode(link) ?? "";
      const pageUrl = new URL(link).searchParams.get("url") ?? "";
      if (!SITE_ID_CODE.test(siteCode))
        findings.push({
          ...place,
          severity: "fail",
          message: `「我为政府网站找错」链接的网站标识码「${siteCode}」不对`,
        });
      else if (siteCode !== code)
        findings.push({
          ...place,
          severity: "fail",
          message: `「我为政府网站找错」链接的网站标识码是「${siteCode}」，站点配置是「${code}」`,
        });
      if (!own.includes(pageUrl))
        findings.push({
          ...place,
          severity: "fail",
          message: `「我为政府网站找错」链接的 url「${pageUrl}」不是本页地址 ${own.at(-1)}`,
        });
    }
  }
  const bad = new Set(findings.map((finding) => finding.file)).size;
  return checkResult("jiucuo", `${pages.length} 个页面，${bad} 个缺少或写错「我为政府网站找错」入口`, findings);
}

/**
 * 互动交流 and 办事服务 (检查指标 单项否决: 未提供网上有效咨询建言渠道, 未提供办事服务): the site file lists
 * at least one entry of each; with `--online` results, an entry that does not open fails.
 */
export function checkServiceEntries(context: InspectContext, results?: ReadonlyMap<string, LinkStatus>): CheckResult {
  const { site } = context.content;
  const findings: Finding[] = [];
  const groups = [
    ["interaction", "互动交流", "局长信箱、12345 热线或在线咨询的页面"],
    ["services", "办事服务", "政务服务网上本单位的办事页面"],
  ] as const;
  for (const [key, title, example] of groups) {
    if (site[key].length === 0)
      findings.push({
        severity: "fail",
        file: SITE_FILE,
        line: 1,
        field: key,
        message: `没有「${title}」入口：在站点配置的 ${key} 下至少写一项（title 和 url），如${example}`,
      });
    site[key].forEach((link, index) => {
      const status = results?.get(link.url);
      if (status && !status.ok)
        findings.push({
          severity: "fail",
          file: SITE_FILE,
          line: context.siteLine([key, index, "url"]),
          field: `${key}[${index}].url`,
          message: `「${title}」入口「${link.title}」${link.url} 打不开：${describeStatus(status)}`,
        });
    });
  }
  const counts = `互动交流 ${site.interaction.length} 项，办事服务 ${site.services.length} 项`;
  return checkResult("service-entries", results ? `${counts}，已联网检查` : counts, findings);
}

/**
 * 政府信息公开专栏 (《政府信息公开条例》, 国办公开办函〔2019〕61号): 政府信息公开指南, 政府信息公开制度,
 * 法定主动公开内容, 政府信息公开年报 and 依申请公开 each have a page of the site or a link.
 */
export function checkPublicInformation(content: Catalog): CheckResult {
  const findings: Finding[] = content.publicInformation
    .filter((entry) => entry.links.length === 0)
    .map((entry) => ({
      severity: "fail",
      file: SITE_FILE,
      line: 1,
      field: `public_information.${entry.key}`,
      message: `政府信息公开专栏缺少「${entry.title}」：写 content/pages/xxgk/ 下的页面，或在站点配置 public_information.${entry.key} 写平台上的网址`,
    }));
  const present = content.publicInformation.length - findings.length;
  return checkResult(
    "public-information",
    `政府信息公开专栏 ${FIXED_PAGES.publicInformation}：${content.publicInformation.length} 项中有 ${present} 项`,
    findings,
  );
}
