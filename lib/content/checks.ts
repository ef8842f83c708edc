import { ASSETS_URL, FILES, FIXED_PAGES, jiucuoSiteCode, SEARCH_INDEX_URL } from "../shared/index.ts";
import { describeAttachment } from "./attachments.ts";
import type { LoadContext } from "./context.ts";
import { findBodyLinks, isSafeLink, sitePath } from "./links.ts";
import type { Catalog } from "./model.ts";
import { SITE_FILE, SITE_ID_CODE, SITE_ID_CODE_MESSAGE } from "./site.ts";

type Items = Pick<Catalog, "articles" | "notices" | "staticPages">;

/** Reports every page address claimed twice (an article, a notice page, a static page, a column or a fixed page). */
export function checkDuplicateUrls({ site, problems }: LoadContext, items: Items): void {
  const owners = new Map<string, string>();
  const claim = (url: string, file: string, line: number, what: string) => {
    const owner = owners.get(url);
    if (owner) problems.push({ file, line, message: `${what}的地址 ${url} 与 ${owner} 重复` });
    else owners.set(url, `${file}:${line}`);
  };
  for (const column of site.columns) owners.set(`/${column.slug}/`, SITE_FILE);
  for (const fixed of Object.values(FIXED_PAGES)) owners.set(fixed, "网站自己的页面（如网站地图、站内搜索）");
  for (const article of items.articles) claim(article.url, article.sourcePath, 1, "文章");
  for (const notice of items.notices)
    if (notice.pageUrl) claim(notice.pageUrl, notice.sourcePath, notice.line, `通知公告「${notice.title}」`);
  for (const page of items.staticPages) claim(page.url, page.sourcePath, 1, "页面");
}

/**
 * Reports every link in a body, and every notice `url`, that uses an unsafe scheme or points at a
 * site page or file the build will not write. `listPageUrls` are the pages of the paginated lists.
 */
export function checkLinks(context: LoadContext, items: Items, listPageUrls: readonly string[]): void {
  const { root, problems } = context;
  const known = new Set<string>(Object.values(FIXED_PAGES));
  for (const item of [...items.articles, ...items.staticPages]) known.add(item.url);
  for (const notice of items.notices) if (notice.pageUrl) known.add(notice.pageUrl);
  for (const url of listPageUrls) known.add(url);
  const exists = (target: string) => {
    if (known.has(target)) return true;
    if (target.startsWith(FILES.url)) return describeAttachment(root, "", target.slice(FILES.url.length)) !== undefined;
    return target.startsWith(ASSETS_URL) || target.startsWith(SEARCH_INDEX_URL);
  };
  const check = (file: string, line: number, field: string, target: string) => {
    if (!isSafeLink(target)) {
      problems.push({
        file,
        line,
        field,
        message: `链接「${target}」的协议不安全，只允许 http、https、mailto、tel 和站内路径`,
      });
      return;
    }
    const siteCode = jiucuoSiteCode(target);
    if (siteCode !== undefined && !SITE_ID_CODE.test(siteCode))
      problems.push({
        file,
        line,
        field,
        message: `「我为政府网站找错」链接里的网站标识码 site_code「${siteCode}」不对：${SITE_ID_CODE_MESSAGE}`,
      });
    const path = sitePath(target);
    if (path !== undefined && !exists(path)) {
      const hint = /^\/articles\/\d{4}\/[^/]+$/.test(path) ? "（文章地址以 / 结尾）" : "";
      problems.push({ file, line, field, message: `站内链接「${target}」指向的页面或文件不存在${hint}` });
    }
  };
  const checkBody = (file: string, body: string | undefined, firstLine: number) => {
    for (const link of findBodyLinks(body ?? "")) check(file, firstLine + link.line - 1, "body", link.target);
  };
  for (const article of items.articles) checkBody(article.sourcePath, article.body, article.bodyLine);
  for (const page of items.staticPages) checkBody(page.sourcePath, page.body, page.bodyLine);
  for (const notice of items.notices) {
    checkBody(notice.sourcePath, notice.body, notice.bodyLine);
    if (notice.url) check(notice.sourcePath, notice.urlLine, "url", notice.url);
  }
}
