import { FIXED_PAGES } from "../shared/index.ts";
import type { LoadContext } from "./context.ts";
import { sitePath } from "./links.ts";
import type { Article, StaticPage } from "./model.ts";

/** The entries of the 政府信息公开 专栏 (《政府信息公开条例》, 国办公开办函〔2019〕61号), in their order. */
export const PUBLIC_INFORMATION_ENTRIES = [
  { key: "guide", title: "政府信息公开指南", page: "/xxgk/zn/" },
  { key: "rules", title: "政府信息公开制度", page: "/xxgk/zd/" },
  { key: "proactive", title: "法定主动公开内容", page: "/xxgk/fdzdgknr/" },
  { key: "annual_reports", title: "政府信息公开年报", page: "/xxgk/nb/" },
  { key: "application", title: "依申请公开", page: "/xxgk/ysqgk/" },
] as const;

export type PublicInformationKey = (typeof PUBLIC_INFORMATION_ENTRIES)[number]["key"];

/** One entry of the 专栏 and where it is: pages of this site or the city platform's; none when missing. */
export interface PublicInformationEntry {
  key: PublicInformationKey;
  title: string;
  links: { title: string; url: string }[];
}

/**
 * The 政府信息公开 entries of a site: each configured in `public_information` (a page of this site or
 * an address elsewhere), or else the page at its fixed address under content/pages/xxgk/; the 年报
 * entry also lists every page marked `report: 信息公开年报`, newest year first. A configured site
 * path that no page has is kept (npm run inspect reports it, as it does the header and footer links).
 */
export function publicInformationEntries(
  { site }: Pick<LoadContext, "site">,
  items: { staticPages: readonly StaticPage[]; articles: readonly Article[] },
): PublicInformationEntry[] {
  const pages = new Map<string, { title: string }>(items.staticPages.map((page) => [page.url, page]));
  for (const article of items.articles) pages.set(article.url, article);
  for (const column of site.columns) pages.set(`/${column.slug}/`, { title: column.name });
  pages.set(FIXED_PAGES.notices, { title: "通知公告" });
  pages.set(FIXED_PAGES.siteMap, { title: "网站地图" });
  const configured = site.public_information;
  return PUBLIC_INFORMATION_ENTRIES.map(({ key, title, page }) => {
    const links: { title: string; url: string }[] = [];
    if (key === "proactive") links.push(...configured.proactive);
    else {
      const url = configured[key];
      if (url) {
        links.push({ title: pages.get(sitePath(url) ?? "")?.title ?? title, url });
      }
    }
    const own = pages.get(page);
    if (links.length === 0 && own) links.push({ title: own.title, url: page });
    if (key === "annual_reports")
      for (const report of items.staticPages
        .filter((entry) => entry.report?.kind === "信息公开年报" && !links.some((link) => link.url === entry.url))
        .sort((a, b) => (b.report?.year ?? 0) - (a.report?.year ?? 0)))
        links.push({ title: report.title, url: report.url });
    return { key, title, links };
  });
}
