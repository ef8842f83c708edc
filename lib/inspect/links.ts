import { existsSync } from "node:fs";
import path from "node:path";
import type { Catalog } from "../content/index.ts";
import { findBodyLinks, sitePath } from "../content/index.ts";
import { FILES, FIXED_PAGES } from "../shared/index.ts";
import { attachmentFileOf, attachmentProblem } from "./attachments.ts";
import type { InspectContext } from "./context.ts";
import { type CheckResult, checkResult, type Finding } from "./types.ts";

/** Every page path a build of `content` writes. */
export function knownPaths(content: Catalog): Set<string> {
  return new Set([
    ...Object.values(FIXED_PAGES),
    ...content.articles.map((article) => article.url),
    ...content.staticPages.map((page) => page.url),
    ...content.noticePages.map((notice) => notice.pageUrl as string),
    ...content.columnPages.map((page) => page.url),
    ...content.noticeListPages.map((page) => page.url),
  ]);
}

/** A place in a source file that refers to something: a link or an attachment. */
export interface Reference {
  target: string;
  file: string;
  line: number;
  /** Set when the referring item is a draft or scheduled. */
  status?: "draft" | "scheduled";
}

/** Every attachment file referred to, from attachment lists and from links to /files/ in bodies and notice urls. */
export function attachmentReferences(context: InspectContext): Reference[] {
  const { preview, sources } = context;
  const references: Reference[] = [];
  const fromBody = (file: string, body: string | undefined, bodyLine: number, status?: Reference["status"]) => {
    for (const link of findBodyLinks(body ?? "")) {
      const target = attachmentFileOf(sitePath(link.target) ?? "");
      if (target) references.push({ target, file, line: bodyLine + link.line - 1, status });
    }
  };
  for (const item of [...preview.articles, ...preview.notices]) {
    const start = "line" in item ? item.line : 1;
    for (const attachment of item.attachments) {
      const target = attachmentFileOf(attachment.url) ?? attachment.url;
      const line = sources.findLine(item.sourcePath, (text) => text.includes(target), start);
      references.push({ target, file: item.sourcePath, line, status: item.status });
    }
    fromBody(item.sourcePath, item.body, item.bodyLine, item.status);
  }
  for (const notice of preview.notices) {
    const target = notice.url && attachmentFileOf(sitePath(notice.url) ?? "");
    if (target) references.push({ target, file: notice.sourcePath, line: notice.urlLine, status: notice.status });
  }
  for (const page of preview.staticPages) fromBody(page.sourcePath, page.body, page.bodyLine);
  return references;
}

/** The links of the site file: header links, footer links and the 党政机关网站标识 link, with their lines. */
export function siteFileLinks(context: InspectContext): Reference[] {
  const { site } = context.content;
  const file = "_data/site.yaml";
  const links: Reference[] = [];
  site.header_links.forEach((link, index) => {
    links.push({ target: link.url, file, line: context.siteLine(["header_links", index, "url"]) });
  });
  site.footer.links.forEach((link, index) => {
    links.push({ target: link.url, file, line: context.siteLine(["footer", "links", index, "url"]) });
  });
  for (const key of ["interaction", "services"] as const)
    site[key].forEach((link, index) => {
      links.push({ target: link.url, file, line: context.siteLine([key, index, "url"]) });
    });
  const information = site.public_information;
  information.proactive.forEach((link, index) => {
    links.push({ target: link.url, file, line: context.siteLine(["public_information", "proactive", index, "url"]) });
  });
  for (const key of ["guide", "rules", "annual_reports", "application"] as const) {
    const target = information[key];
    if (target) links.push({ target, file, line: context.siteLine(["public_information", key]) });
  }
  if (site.footer.conac_url)
    links.push({ target: site.footer.conac_url, file, line: context.siteLine(["footer", "conac_url"]) });
  return links;
}

/**
 * 链接和附件: internal links and attachments resolve (the content check already refuses a build with
 * a broken one, so this counts them), each attachment file is not empty, of an allowed type and
 * really of that type, and the site file's header and footer links lead to pages the build writes.
 */
export function checkLinks(context: InspectContext): CheckResult {
  const { content, root } = context;
  const findings: Finding[] = [];
  const byFile = new Map<string, Reference[]>();
  for (const reference of attachmentReferences(context))
    byFile.set(reference.target, [...(byFile.get(reference.target) ?? []), reference]);
  for (const [file, references] of byFile) {
    const problem = attachmentProblem(root, file);
    if (!problem) continue;
    const first = references.find((reference) => !reference.status) ?? (references[0] as Reference);
    const more = references.length > 1 ? `（共 ${references.length} 处引用）` : "";
    const later = first.status ? "；引用它的是草稿或定时发布的内容" : "";
    findings.push({
      severity: "warn",
      file: first.file,
      line: first.line,
      field: "attachments",
      message: `附件「${file}」：${problem}${more}${later}`,
    });
  }
  const known = knownPaths(content);
  for (const link of siteFileLinks(context)) {
    const target = sitePath(link.target);
    if (target === undefined) continue;
    const exists =
      known.has(target) ||
      (target.startsWith("/files/") && existsSync(path.join(root, FILES.folder, attachmentFileOf(target) ?? "")));
    if (!exists)
      findings.push({ ...link, severity: "warn", field: "url", message: `站内链接「${link.target}」指向的页面不存在` });
  }
  let internal = 0;
  for (const item of [...content.articles, ...content.notices, ...content.staticPages])
    internal += findBodyLinks(item.body ?? "").filter((link) => sitePath(link.target) !== undefined).length;
  internal += content.notices.filter((notice) => notice.url && sitePath(notice.url) !== undefined).length;
  const summary = `正文和通知公告里的 ${internal} 个站内链接都能打开（内容检查已核对）；检查了 ${byFile.size} 个附件文件（非空、类型允许、内容与扩展名相符）：${findings.length} 个问题`;
  return checkResult("links", summary, findings);
}
