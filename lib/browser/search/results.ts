import { type PhraseKey, peerAddress, phraseKey, type SearchPeer } from "../../search-protocol/index.ts";
import type { SearchRequest } from "./address.ts";
import { element, setContent } from "./dom.ts";
import { excerptRange } from "./excerpt-range.ts";
import { appendMarked, highlightRanges } from "./highlight.ts";

/** What the search page shows when the index cannot be read. */
export const UNAVAILABLE = "搜索索引暂不可用，请稍后再试。";

/** The 有效性 of a 政策文件 in force, which its result does not mark. */
const CURRENT_VALIDITY = "现行有效";

/** A page as a result shows it: its URL, metadata, title, body text and the title's comparison form. */
export interface DescribedPage {
  url: unknown;
  meta: Record<string, string | undefined>;
  title: string;
  body: string;
  titleKey: PhraseKey;
}

/** An excerpt of about 110 characters of `text` around its first hit, the hits marked. */
function excerpt(text: string, phrases: readonly string[], query: string): HTMLParagraphElement {
  const keyInfo = phraseKey(text);
  const ranges = highlightRanges(keyInfo, phrases, query);
  const hit = ranges[0] || [0, 0];
  const range = excerptRange(text, hit[0], hit[1], 110);
  const paragraph = element("p", "search-result-excerpt");
  if (range.before) paragraph.append("…");
  appendMarked(paragraph, text, ranges, range.start, range.end);
  if (range.after) paragraph.append("…");
  return paragraph;
}

/** Where a result comes from when not from this site: another site of the 站群, and its heading's level under the site's own heading. */
export interface ResultSource {
  site: SearchPeer;
  heading: "h3" | "h4";
}

/**
 * One result: its title (a link to a path of the site only, or for a result of another site of the
 * 站群 to an address on that site's origin) with the hits marked and a 有效性 badge unless in force,
 * date and column (and the other site's name beside it), and an excerpt.
 */
export function renderResult(
  described: DescribedPage,
  phrases: readonly string[],
  query: string,
  source?: ResultSource,
): HTMLLIElement {
  const item = element("li", "search-result");
  const heading = element(source ? source.heading : "h2", "search-result-heading");
  const href = source
    ? peerAddress(described.url, source.site)
    : typeof described.url === "string" && /^\/(?!\/)/.test(described.url)
      ? described.url
      : null;
  const link = element(href ? "a" : "span", "search-result-title");
  if (href) link.setAttribute("href", href);
  appendMarked(link, described.title, highlightRanges(described.titleKey, phrases, query), 0, described.title.length);
  if (!link.textContent) link.textContent = "无标题";
  heading.append(link);
  const validity = described.meta.validity;
  if (validity && validity !== CURRENT_VALIDITY) {
    const badge = element("span", "validity-badge", validity);
    badge.dataset.validity = validity;
    heading.append(" ", badge);
  }
  item.append(heading);
  const metaLine = element("p", "search-result-meta");
  if (described.meta.date) {
    const time = element("time", "", described.meta.date);
    time.dateTime = described.meta.date;
    metaLine.append("日期：", time);
  }
  metaLine.append(element("span", "search-result-column", described.meta.column || described.meta.type || ""));
  if (source) metaLine.append(element("span", "search-result-site", source.site.name));
  item.append(metaLine);
  if (described.body) item.append(excerpt(described.body, phrases, query));
  return item;
}

/** Shows a message box in place of the results. */
export function showMessage(container: HTMLElement, nodes: Node[], className: string, request: SearchRequest): void {
  const box = element("div", className);
  box.append(...nodes);
  container.removeAttribute("aria-busy");
  container.dataset.query = request.query;
  setContent(container, [box]);
}

/** Shows that the index cannot be read. */
export function showUnavailable(container: HTMLElement, request: SearchRequest): void {
  showMessage(container, [element("p", "", UNAVAILABLE)], "search-error", request);
}

/** Shows that nothing was found, with hints, and a link without the filters when some were set. */
export function showEmpty(container: HTMLElement, request: SearchRequest): void {
  const hints = element("ul", "search-hints");
  hints.append(
    element("li", "", "检查是否有错别字；"),
    element("li", "", "换用更短或更常用的词，如把「科技创新服务平台」改为「服务平台」；"),
    element("li", "", "用空格分开几个词时，结果须包含每一个词，可以去掉其中一个再试；"),
  );
  const nodes: Node[] = [element("p", "", `没有找到与「${request.query}」相关的内容。您可以：`), hints];
  if (Object.keys(request.filters).length > 0) {
    const all = element("a", "", "取消筛选条件，在全部内容中搜索");
    all.href = `/search/?q=${encodeURIComponent(request.query)}`;
    const line = element("p", "");
    line.append(all);
    nodes.push(line);
  }
  showMessage(container, nodes, "search-empty", request);
}

/** Shows that this browser cannot search, with links to the site's columns instead. */
export function showTooOld(container: HTMLElement, request: SearchRequest): void {
  const line = element("p", "", "您的浏览器版本较旧，无法使用站内搜索。请升级微信或浏览器后再试，也可以按栏目浏览：");
  for (const link of document.querySelectorAll(".main-nav a")) {
    if (link.getAttribute("href") === "/") continue;
    const copy = element("a", "", link.textContent as string);
    copy.href = link.getAttribute("href") as string;
    line.append(copy, " ");
  }
  showMessage(container, [line], "search-error", request);
}
