/*
 * 站内搜索 — a simple Pagefind client for the /search/ page.
 * Reads ?q=, runs the Pagefind index built into /pagefind/ and lists the results ten at a time.
 */
(() => {
  const PAGE_SIZE = 10;
  const UNAVAILABLE = "搜索索引暂不可用，请稍后再试。";

  const container = document.querySelector("[data-search-results]");
  const input = document.getElementById("search-input");
  if (!container) return;

  const query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  if (input) input.value = query;
  if (!query) return;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showMessage(text, className) {
    container.removeAttribute("aria-busy");
    container.replaceChildren(element("p", className, text));
  }

  // Pagefind gives site-relative URLs; refuse anything that would not resolve to http(s).
  function safeHref(url) {
    if (typeof url !== "string" || url === "") return null;
    try {
      const { protocol } = new URL(url, window.location.href);
      return protocol === "http:" || protocol === "https:" ? url : null;
    } catch (_error) {
      return null;
    }
  }

  function renderResult(data) {
    const meta = data.meta || {};
    const item = element("li", "search-result");
    const href = safeHref(data.url);
    const title = meta.title || data.url || "无标题";
    const link = element(href ? "a" : "span", "search-result-title", title);
    if (href) link.setAttribute("href", href);
    item.append(link);

    if (data.excerpt) {
      const excerpt = element("p", "search-result-excerpt");
      // The excerpt is HTML made by Pagefind from the indexed page text, with <mark> around the hits.
      excerpt.innerHTML = data.excerpt;
      item.append(excerpt);
    }

    if (meta.date) {
      const dateLine = element("p", "search-result-date", "日期：");
      const time = element("time", "", meta.date);
      if (/^\d{4}-\d{2}-\d{2}/.test(meta.date)) time.dateTime = meta.date.slice(0, 10);
      dateLine.append(time);
      item.append(dateLine);
    }
    return item;
  }

  async function run() {
    container.setAttribute("aria-busy", "true");
    container.replaceChildren(element("p", "search-status", "正在搜索……"));

    let search;
    try {
      const pagefind = await import("/pagefind/pagefind.js");
      await pagefind.init?.();
      search = await pagefind.search(query);
    } catch (_error) {
      showMessage(UNAVAILABLE, "search-error");
      return;
    }

    const results = search?.results || [];
    if (results.length === 0) {
      showMessage(`没有找到与「${query}」相关的内容。请尝试更换关键词，或减少关键词的数量。`, "search-empty");
      return;
    }

    const count = element("p", "search-count", `找到 ${results.length} 条结果`);
    const list = element("ol", "search-result-list");
    const more = element("button", "search-more", "更多结果");
    more.type = "button";
    let shown = 0;

    async function showNext() {
      const batch = results.slice(shown, shown + PAGE_SIZE);
      more.disabled = true;
      let items;
      try {
        items = (await Promise.all(batch.map((result) => result.data()))).map(renderResult);
      } catch (_error) {
        more.disabled = false;
        if (shown === 0) showMessage(UNAVAILABLE, "search-error");
        return;
      }
      list.append(...items);
      shown += batch.length;
      more.disabled = false;
      more.hidden = shown >= results.length;
      return items;
    }

    const first = await showNext();
    if (!first) return;
    container.removeAttribute("aria-busy");
    container.replaceChildren(count, list, more);

    more.addEventListener("click", async () => {
      const added = await showNext();
      // Keep keyboard users in place: move to the first newly added result.
      const target = added?.length ? added[0].querySelector("a, span") : null;
      if (target) {
        if (target.tagName !== "A") target.setAttribute("tabindex", "-1");
        target.focus();
      }
    });
  }

  run();
})();
