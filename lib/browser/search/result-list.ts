import { countText, PAGE_SIZE } from "./count.ts";
import { element, setContent } from "./dom.ts";
import type { QueryAnalysis } from "./plan.ts";
import { renderResult } from "./results.ts";
import { describe } from "./shard-pages.ts";
import type { ShardReader } from "./shard-reader.ts";

/** Results drawn first, before the rest of a page of results: what the first screen of a phone holds. */
const FIRST_PAINT = 3;

/**
 * Marks what the results box is doing: `reading` while it reads shards or draws results, `idle` once
 * it waits for the reader (nothing more is fetched until 更多结果, a filter or another query).
 */
export function markState(container: HTMLElement, state: "reading" | "idle"): void {
  container.dataset.state = state;
}

/**
 * Shows the first page of results in `container` (the first screen's first, then the rest), with the
 * count (exact once every shard is read, else the presence map's 约) and a 更多结果 button that reads
 * on as far as the next page needs; `stale` says a newer search took over.
 */
export async function showResults(
  container: HTMLElement,
  reader: ShardReader,
  query: QueryAnalysis,
  stale: () => boolean,
): Promise<void> {
  const count = element("p", "search-count");
  const list = element("ol", "search-result-list");
  const more = element("button", "search-more", "更多结果");
  more.type = "button";
  let shown = 0;
  const updateCount = () => {
    const complete = reader.complete();
    count.textContent = countText(reader.count(), complete);
    count.dataset.complete = complete ? "true" : "false";
    more.hidden = complete && shown >= reader.ranked().length;
  };

  /** Shows the next `howMany` results, reading more shards first if their order is not final yet. */
  const showMore = async (howMany: number) => {
    const target = shown + howMany;
    if (!(await reader.readUntilSettled(target, stale))) return [];
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
  if (stale()) return;
  more.addEventListener("click", async () => {
    more.disabled = true;
    markState(container, "reading");
    const added = await showMore(PAGE_SIZE).catch(() => []);
    if (stale()) return;
    more.disabled = false;
    updateCount();
    markState(container, "idle");
    const first = added[0];
    const target = first ? first.querySelector<HTMLElement>("a, span") : null;
    if (target) {
      if (target.tagName !== "A") target.setAttribute("tabindex", "-1");
      target.focus();
    }
  });
}
