import { findBodyLinks, linkScheme } from "../content/index.ts";
import type { InspectContext } from "./context.ts";
import { type Reference, siteFileLinks } from "./links.ts";
import { describeStatus, type LinkStatus } from "./online.ts";
import { type CheckResult, checkResult, type Finding } from "./types.ts";

/** Whether a link target leaves the site for another web address. */
const isWebLink = (target: string) => ["http", "https"].includes(linkScheme(target));

/**
 * Every link of the published site to another web address: in article, notice and page bodies,
 * notice urls, and the site file's header links, footer links and 党政机关网站标识 link; one
 * reference per place, in file order.
 */
export function externalReferences(context: InspectContext): Reference[] {
  const { content } = context;
  const references: Reference[] = [];
  const add = (target: string, file: string, line: number) => {
    if (isWebLink(target)) references.push({ target, file, line });
  };
  for (const link of siteFileLinks(context)) add(link.target, link.file, link.line);
  for (const item of [...content.articles, ...content.notices, ...content.staticPages])
    for (const link of findBodyLinks(item.body ?? "")) add(link.target, item.sourcePath, item.bodyLine + link.line - 1);
  for (const notice of content.notices) if (notice.url) add(notice.url, notice.sourcePath, notice.urlLine);
  const seen = new Set<string>();
  return references
    .filter((reference) => {
      const key = `${reference.file}\n${reference.line}\n${reference.target}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/**
 * 外部链接: lists every link to another site for review (the build machine has no internet); with
 * `results` from `--online`, each address that did not answer with a success is a warning.
 */
export function checkExternalLinks(
  references: readonly Reference[],
  results?: ReadonlyMap<string, LinkStatus>,
): CheckResult {
  const findings: Finding[] = [];
  for (const reference of references) {
    const status = results?.get(reference.target);
    if (status && !status.ok)
      findings.push({
        severity: "warn",
        file: reference.file,
        line: reference.line,
        message: `外部链接 ${reference.target} 打不开：${describeStatus(status)}`,
      });
    else
      findings.push({
        severity: "info",
        file: reference.file,
        line: reference.line,
        message: `外部链接 ${reference.target}${status ? `（${describeStatus(status)}）` : "，请人工核对能否打开"}`,
      });
  }
  const addresses = new Set(references.map((reference) => reference.target)).size;
  const failed = results ? [...results.values()].filter((status) => !status.ok).length : 0;
  const summary = results
    ? `${references.length} 处链接到 ${addresses} 个外部地址，已联网检查：${failed} 个打不开`
    : `${references.length} 处链接到 ${addresses} 个外部地址，未联网检查（加 --online 检查），请人工核对`;
  return checkResult("external-links", summary, findings);
}
