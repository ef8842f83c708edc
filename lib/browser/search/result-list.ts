import { element, setContent } from "./dom.ts";
import type { QueryAnalysis } from "./plan.ts";
import { renderResult } from "./results.ts";
import { describe } from "./shard-pages.ts";
import type { ShardReader } from "./shard-reader.ts";

/** Results per page of results (and per 更多结果). */
export const PAGE_SIZE = 10;
/** Results drawn first, before the rest of a page of results: what the first screen of a phone holds. */
const FIRST_PAINT = 3;

/** The shown results: the count line, kept up to date as the remaining shards are read. */
export interface ResultList {
  updateCount(): void;
}

/** The count line's text: final once every shard is read, else provisional. */
export function countText(found: number, complete: boolean): string {
  return complete ? `找到 ${found} 条结果` : `已找到 ${found} 条，继续查找…`;
}

/**
 * Shows the first page of results in `container` (the first screen's first, then the rest), with the
 * count and a 更多结果 button that reads on as far as the next page needs; `stale` says a newer
 * search took over.
 */
export async function showResults(
  container: HTMLElement,
  reader: ShardReader,
  query: QueryAnalysis,
  stale: () => boolean,
): Promise<ResultList> {
  const count = element("p", "search-count");
  const list = element("ol", "search-result-list");
  const more = element("button", "search-more", "更多结果");
  more.type = "button";
  let shown = 0;
  const updateCount = () => {
    const complete = reader.complete();
    count.textContent = countText(reader.ranked().length, complete);
    count.dataset.complete = complete ? "true" : "false";
    more.hidden = complete && shown >= reader.ranked().length;
  };

  /** Shows the next `howMany` results, reading more shards first if their order is not final yet. */
  const showMore = async (howMany: number) => {
    const target = shown + howMany;
    while (!reader.settledUpTo(Math.min(target, reader.ranked().length + 1)) && (await reader.readNext()))
      if (stale()) return [];
    const pages = reader.ranked().slice(shown, target);
    shown += pages.length;
    const items: HTMLElement[] = [];
    for (let at = 0; at < pages.length; ) {
      // A new list: the first screen's results first, then the rest.
      const end = list.isConnected ? pages.length : Math.min(pages.length, at + FIRST_PAINT);
      const batch = await Promise.all(pages.slice(at, end).map(describe));
      if (stale()) return items;
      const nodes = batch.map((described) => renderResult(described, query.phrases, query.query));
      list.append(...nodes);
      items.push(...nodes);
      if (at === 0 && !list.isConnected) {
        container.removeAttribute("aria-busy");
        setContent(container, [count, list, more]);
      }
      updateCount();
      at = end;
    }
    return items;
  };

  await showMore(PAGE_SIZE);
  if (stale()) return { updateCount };
  more.addEventListener("click", async () => {
    more.disabled = true;
    const added = await showMore(PAGE_SIZE).catch(() => []);
    more.disabled = false;
    updateCount();
    const first = added[0];
    const target = first ? first.querySelector<HTMLElement>("a, span") : null;
    if (target) {
      if (target.tagName !== "A") target.setAttribute("tabindex", "-1");
      target.focus();
    }
  });
  return { updateCount };
}
