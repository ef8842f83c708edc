/*
 * 站内搜索 — the /search/ page. Reads ?q= and the filters from the address, turns the query into
 * the bigrams of search-tokens.js (the same segmentation as the index), asks Pagefind for each word
 * and keeps the pages that hold every word; pages with the query verbatim come first (in the title
 * before the body), then pages where its characters are scattered. Excerpts and highlights are
 * made from the page's own text, decoded from the indexed record.
 */
(() => {
  const PAGE_SIZE = 10;
  const TITLE_SEPARATOR = "¶";
  const UNAVAILABLE = "搜索索引暂不可用，请稍后再试。";
  const FILTERS = { column: "栏目", year: "年份", type: "类型" };

  const tokens = globalThis.bureauSearchTokens;
  const container = document.querySelector("[data-search-results]");
  const form = document.querySelector("[data-search-form]");
  if (!container || !tokens || !form) return;

  const params = new URLSearchParams(window.location.search);
  const query = (params.get("q") || "").trim();
  const sortByDate = params.get("sort") === "date";
  const filters = {};
  for (const [name, key] of Object.entries(FILTERS)) {
    const value = (params.get(name) || "").trim();
    const field = form.elements.namedItem(name);
    if (field && value) field.value = value;
    if (value) filters[key] = value;
  }
  const sortField = form.elements.namedItem("sort");
  if (sortField && sortByDate) sortField.value = "date";
  const options = form.querySelector("[data-search-options]");
  if (options && (sortByDate || Object.keys(filters).length > 0)) options.open = true;
  const input = form.elements.namedItem("q");
  if (input) input.value = query;
  if (!query) return;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showMessage(nodes, className) {
    container.removeAttribute("aria-busy");
    const box = element("div", className);
    box.append(...nodes);
    container.replaceChildren(box);
  }

  function safeHref(url) {
    if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//")) return null;
    return url;
  }

  /** Start of a chain of the part's words at consecutive positions (a verbatim match), or -1. */
  function chainStart(part, positions, from) {
    const first = positions.get(part[0].token) || [];
    for (const start of first) {
      if (from !== undefined && start !== from) continue;
      let current = start;
      let ok = true;
      for (let i = 1; i < part.length && ok; i++) {
        const next = positions.get(part[i].token) || [];
        const found =
          part[i].step > 0
            ? next.includes(current + part[i].step)
              ? current + part[i].step
              : -1
            : (next.find((p) => p > current && p <= current + 4) ?? -1);
        if (found < 0) ok = false;
        else current = found;
      }
      if (ok) return start;
    }
    return -1;
  }

  /** Estimated rank from word positions alone: 0 phrase at the start (title), 1 phrase, 2 scattered. */
  function positionTier(parts, positions) {
    if (!parts.every((part) => chainStart(part, positions) >= 0)) return 2;
    return chainStart(parts[0], positions, 0) === 0 ? 0 : 1;
  }

  /** Pagefind with every shard of the index merged (`rank` orders shards newest first); null when nothing is indexed. */
  async function loadPagefind() {
    const response = await fetch("/pagefind/shards.json", { cache: "no-cache" });
    if (!response.ok) throw new Error("no shard manifest");
    const manifest = await response.json();
    if (manifest.shards.length === 0) return null;
    const [primary, ...merged] = manifest.shards;
    const pagefind = await import("/pagefind/pagefind.js");
    // Pagefind picks the index and the query segmentation from <html lang>; the index is
    // segmented by search-tokens.js, so it is asked for by its own language while it starts.
    const root = document.documentElement;
    const lang = root.getAttribute("lang");
    root.setAttribute("lang", primary.language);
    try {
      await pagefind.init();
    } finally {
      if (lang === null) root.removeAttribute("lang");
      else root.setAttribute("lang", lang);
    }
    await Promise.all(merged.map((shard) => pagefind.mergeIndex(shard.path, { language: shard.language })));
    const rank = new Map(manifest.shards.map((shard, i) => [shard.language, i]));
    return { pagefind, rank };
  }

  /** Pages holding every word of the query, in display order (estimated). */
  async function findPages({ pagefind, rank }) {
    const parts = tokens.queryParts(query);
    const words = tokens.queryTokens(query);
    const options = { filters, sort: sortByDate ? { date: "desc" } : {} };
    const searches = await Promise.all(words.map((word) => pagefind.search(word, options)));
    const pages = new Map();
    searches.forEach((search, wordIndex) => {
      for (const [order, result] of (search?.results || []).entries()) {
        let page = pages.get(result.id);
        if (!page) {
          if (wordIndex > 0) continue;
          page = { id: result.id, result, order, score: 0, found: 0, positions: new Map() };
          pages.set(result.id, page);
        }
        if (page.found !== wordIndex) continue;
        page.found = wordIndex + 1;
        page.score += result.score;
        page.positions.set(words[wordIndex], result.words || []);
      }
    });
    const matched = [...pages.values()].filter((page) => page.found === words.length);
    for (const page of matched) page.tier = positionTier(parts, page.positions);
    // Shards hold consecutive dates, newest shard first; within one, Pagefind's date order.
    const shardOf = (page) => rank.get(page.id.slice(0, page.id.lastIndexOf("_"))) ?? 0;
    if (sortByDate) return matched.sort((a, b) => shardOf(a) - shardOf(b) || a.order - b.order);
    return matched.sort((a, b) => a.tier - b.tier || b.score - a.score || (a.id < b.id ? -1 : 1));
  }

  /** The page's title and body text and its rank from the text: 0 title is the query, 1 in title, 2 in body, 3 scattered. */
  function describe(data, phrases) {
    const meta = data.meta || {};
    const decoded = tokens.decodeIndexText(data.content || "");
    const cut = decoded.indexOf(TITLE_SEPARATOR);
    const body = cut >= 0 ? decoded.slice(cut + TITLE_SEPARATOR.length).trim() : decoded;
    const title = meta.title || "";
    const titleKey = tokens.phraseKey(title).key;
    const bodyKey = tokens.phraseKey(body);
    let tier = 3;
    if (phrases.length === 1 && titleKey === phrases[0]) tier = 0;
    else if (phrases.every((phrase) => titleKey.includes(phrase))) tier = 1;
    else if (phrases.every((phrase) => bodyKey.key.includes(phrase) || titleKey.includes(phrase))) tier = 2;
    return { data, meta, title, body, bodyKey, tier };
  }

  /** Character ranges of `text` to mark: the query's parts, or its words when no part is there verbatim. */
  function highlightRanges(keyInfo, phrases) {
    const ranges = [];
    const mark = (needle) => {
      if (!needle) return;
      let at = keyInfo.key.indexOf(needle);
      while (at >= 0) {
        const start = keyInfo.positions[at];
        const end = keyInfo.positions[at + needle.length - 1] + 1;
        ranges.push([start, end]);
        at = keyInfo.key.indexOf(needle, at + needle.length);
      }
    };
    phrases.forEach(mark);
    if (ranges.length === 0) {
      for (const word of tokens.queryTokens(query)) mark(tokens.phraseKey(word).key);
    }
    return ranges.sort((a, b) => a[0] - b[0]);
  }

  /** Appends text[from, to) to `node`, with the ranges inside it in <mark>. */
  function appendMarked(node, text, ranges, from, to) {
    let cursor = from;
    for (const [start, end] of ranges) {
      if (end <= cursor || start >= to) continue;
      const s = Math.max(start, cursor);
      const e = Math.min(end, to);
      if (s > cursor) node.append(text.slice(cursor, s));
      node.append(element("mark", "", text.slice(s, e)));
      cursor = e;
    }
    if (cursor < to) node.append(text.slice(cursor, to));
  }

  /** About 110 characters of `text` around the first hit, hits in <mark>. */
  function excerpt(text, keyInfo, phrases) {
    const ranges = highlightRanges(keyInfo, phrases);
    const chars = Array.from(text);
    const center = ranges.length > 0 ? Array.from(text.slice(0, ranges[0][0])).length : 0;
    const from = Math.max(0, center - 30);
    const to = Math.min(chars.length, from + 110);
    const startIndex = chars.slice(0, from).join("").length;
    const endIndex = startIndex + chars.slice(from, to).join("").length;
    const paragraph = element("p", "search-result-excerpt");
    if (from > 0) paragraph.append("…");
    appendMarked(paragraph, text, ranges, startIndex, endIndex);
    if (to < chars.length) paragraph.append("…");
    return paragraph;
  }

  function renderResult(page, phrases) {
    const item = element("li", "search-result");
    const heading = element("h2", "search-result-heading");
    const href = safeHref(page.data.url);
    const link = element(href ? "a" : "span", "search-result-title");
    if (href) link.setAttribute("href", href);
    const titleRanges = highlightRanges(tokens.phraseKey(page.title), phrases);
    appendMarked(link, page.title, titleRanges, 0, page.title.length);
    if (!link.textContent) link.textContent = "无标题";
    heading.append(link);
    item.append(heading);

    const metaLine = element("p", "search-result-meta");
    if (page.meta.date) {
      const time = element("time", "", page.meta.date);
      time.dateTime = page.meta.date;
      metaLine.append("日期：", time);
    }
    metaLine.append(element("span", "search-result-column", page.meta.column || page.meta.type || ""));
    item.append(metaLine);
    if (page.body) item.append(excerpt(page.body, page.bodyKey, phrases));
    return item;
  }

  async function run() {
    container.setAttribute("aria-busy", "true");
    container.replaceChildren(element("p", "search-status", "正在搜索……"));

    const phrases = tokens.queryPhrases(query);
    let pages;
    try {
      const pagefind = await loadPagefind();
      pages = pagefind && tokens.queryTokens(query).length > 0 ? await findPages(pagefind) : [];
    } catch (_error) {
      showMessage([element("p", "", UNAVAILABLE)], "search-error");
      return;
    }

    if (pages.length === 0) {
      const hints = element("ul", "search-hints");
      hints.append(
        element("li", "", "检查是否有错别字；"),
        element("li", "", "换用更短或更常用的词，如把「科技创新服务平台」改为「服务平台」；"),
        element("li", "", "用空格分开几个词时，结果须包含每一个词，可以去掉其中一个再试；"),
      );
      const nodes = [element("p", "", `没有找到与「${query}」相关的内容。您可以：`), hints];
      if (Object.keys(filters).length > 0) {
        const all = element("a", "", "取消筛选条件，在全部内容中搜索");
        all.href = `/search/?q=${encodeURIComponent(query)}`;
        const line = element("p", "");
        line.append(all);
        nodes.push(line);
      }
      showMessage(nodes, "search-empty");
      return;
    }

    const count = element("p", "search-count", `找到 ${pages.length} 条结果`);
    const list = element("ol", "search-result-list");
    const more = element("button", "search-more", "更多结果");
    more.type = "button";
    const loaded = [];
    let next = 0;
    let shown = 0;

    async function load(upTo) {
      const batch = pages.slice(next, upTo);
      next = Math.max(next, upTo);
      const described = await Promise.all(batch.map(async (page) => describe(await page.result.data(), phrases)));
      if (!sortByDate) described.sort((a, b) => a.tier - b.tier);
      loaded.push(...described);
    }

    async function showNext() {
      more.disabled = true;
      try {
        if (shown === 0) {
          // Everything that may be an exact title match is loaded first, so it can be ranked first.
          const titleCandidates = pages.filter((page) => page.tier === 0).length;
          await load(Math.min(pages.length, Math.max(PAGE_SIZE, Math.min(titleCandidates, 50))));
        }
        if (loaded.length < shown + PAGE_SIZE && next < pages.length) await load(next + PAGE_SIZE);
      } catch (_error) {
        more.disabled = false;
        if (shown === 0) showMessage([element("p", "", UNAVAILABLE)], "search-error");
        return undefined;
      }
      const items = loaded.slice(shown, shown + PAGE_SIZE).map((page) => renderResult(page, phrases));
      list.append(...items);
      shown += items.length;
      more.disabled = false;
      more.hidden = shown >= pages.length;
      return items;
    }

    const first = await showNext();
    if (!first) return;
    container.removeAttribute("aria-busy");
    container.replaceChildren(count, list, more);

    more.addEventListener("click", async () => {
      const added = await showNext();
      const target = added?.length ? added[0].querySelector("a, span") : null;
      if (target) {
        if (target.tagName !== "A") target.setAttribute("tabindex", "-1");
        target.focus();
      }
    });
  }

  run();
})();
