/*
 * 站内搜索 — the /search/ page (ES2019: it must at least parse in old WeChat engines, which then get a
 * message). Reads ?q= and the filters, turns the query into the bigrams of search-tokens.js, looks
 * its words up in the presence map to open only the shards that can hold a match, best first, and
 * reads them with Pagefind until the first results can no longer change (search-core.js); those are
 * shown at once, the remaining shards are read after them to make the count exact. Another search
 * from the form runs in the same page. Excerpts and highlights come from each page's own text. The
 * script is async: the network part of the address's search starts when it runs, before the page is
 * parsed (warmUp); the results are drawn once it is.
 */
(() => {
  const PAGE_SIZE = 10;
  /** Results drawn first, before the rest of a page of results: what the first screen of a phone holds. */
  const FIRST_PAINT = 3;
  const UNAVAILABLE = "搜索索引暂不可用，请稍后再试。";
  const TOO_OLD = "您的浏览器版本较旧，无法使用站内搜索。请升级微信或浏览器后再试，也可以按栏目浏览：";
  const FILTERS = { column: "栏目", year: "年份", type: "类型" };
  /** The Pagefind filter naming each page's shard (lib/search/shards.ts SHARD_FILTER). */
  const SHARD_FILTER = "分片";
  const MANIFEST_URL = "/pagefind/shards.json";
  /** Pagefind's own files every search needs, fetched as soon as the page knows it will search. */
  const PAGEFIND_FILES = ["/pagefind/pagefind-worker.js", "/pagefind/wasm.unknown.pagefind"];

  const tokens = globalThis.bureauSearchTokens;
  const core = globalThis.bureauSearchCore;
  if (!tokens || !core) return;
  // The page's parts, found once it is parsed (this script is async: it may run before).
  let container = null;
  let form = null;

  /** Replaces a node's children (replaceChildren is newer than the engines that must see the messages). */
  function setContent(node, children) {
    node.textContent = "";
    node.append(...children);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** The search an address asks for: the query, Pagefind filters and the order. */
  function readAddress(search) {
    const params = new URLSearchParams(search);
    const filters = {};
    const values = {};
    for (const name of Object.keys(FILTERS)) {
      const value = (params.get(name) || "").trim();
      values[name] = value;
      if (value) filters[FILTERS[name]] = value;
    }
    return { query: (params.get("q") || "").trim(), filters, values, byDate: params.get("sort") === "date" };
  }

  function fillForm(request) {
    const input = form.elements.namedItem("q");
    if (input) input.value = request.query;
    for (const name of Object.keys(FILTERS)) {
      const field = form.elements.namedItem(name);
      if (field) field.value = request.values[name];
    }
    const sortField = form.elements.namedItem("sort");
    if (sortField) sortField.value = request.byDate ? "date" : "";
    const options = form.querySelector("[data-search-options]");
    if (options && (request.byDate || Object.keys(request.filters).length > 0)) options.open = true;
  }

  /** Whether this browser runs Pagefind's WebAssembly (it needs reference types: Chromium 96, Safari 15). */
  function canRunPagefind() {
    try {
      const module = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 4, 4, 1, 111, 0, 1]);
      return typeof WebAssembly === "object" && WebAssembly.validate(module);
    } catch (_error) {
      return false;
    }
  }

  // What is loaded once per page and shared by every search made in it.
  let manifest = null;
  const buckets = new Map();
  /** Pagefind's module, imported once. */
  let pagefindModule = null;
  /** The current query's Pagefind instance (a promise), and one made ahead for the next query. */
  let engine = null;
  let spare = null;
  let prefetched = false;
  /** Pagefind files fetched in this page, ahead or (index chunks) by Pagefind: in the HTTP cache, never fetched ahead again. */
  const fetchedAhead = new Set();

  function loadManifest() {
    if (!manifest) {
      manifest = fetch(MANIFEST_URL).then((response) => {
        if (!response.ok) throw new Error("no shard manifest");
        return response.json();
      });
      manifest
        .then((map) => {
          if (map.shards.length === 0) return;
          fetch(`${map.primary.path}pagefind-entry.json?ts=${map.version}`).catch(() => undefined);
          fetch(`${map.primary.path}${map.primary.meta}`).catch(() => undefined);
        })
        .catch(() => undefined);
    }
    return manifest;
  }

  /** The presence of each key: `{ all, title }` shard lists, read from the map's files. */
  function loadPresence(map, keys) {
    const wanted = new Set(keys.map((key) => tokens.presenceBucket(key, map.presence.buckets)));
    return Promise.all(
      Array.from(wanted).map((bucket) => {
        if (!buckets.has(bucket)) {
          const url = `${map.presence.path}${bucket}.txt`;
          buckets.set(
            bucket,
            fetch(url)
              .then((response) => {
                if (!response.ok) throw new Error(`no presence file ${url}`);
                return response.text();
              })
              .then((text) => {
                const entries = new Map();
                for (const line of text.split("\n")) {
                  if (!line) continue;
                  const [key, all, title, chunks] = line.split("\t");
                  const shards = core.decodeShardSet(all, map.shards.length);
                  entries.set(key, {
                    all: shards,
                    title: core.decodeShardSet(title || "", map.shards.length),
                    chunks: core.decodeChunks(shards, chunks),
                  });
                }
                return entries;
              }),
          );
        }
        return buckets.get(bucket);
      }),
    ).then((files) => (key) => {
      for (const entries of files) {
        const entry = entries.get(key);
        if (entry) return entry;
      }
      return undefined;
    });
  }

  /**
   * Fetches a shard's entry and page list ahead of Pagefind and, given the index chunks of the
   * query's words, those chunks and its shard filter too, all at once, where Pagefind would ask for
   * them only once it has the page list; it then finds them in the HTTP cache.
   */
  function prefetchShard(map, shard, chunks) {
    const urls = [`${shard.path}pagefind-entry.json?ts=${map.version}`, `${shard.path}${shard.meta}`];
    if (chunks) {
      if (shard.filter) urls.push(`${shard.path}filter/${shard.language}_${shard.filter}.pf_filter`);
      urls.push(...chunkUrls(shard, chunks));
    }
    for (const url of urls) {
      if (fetchedAhead.has(url)) continue;
      fetchedAhead.add(url);
      fetch(url).catch(() => undefined);
    }
  }

  const chunkUrls = (shard, chunks) => chunks.map((chunk) => `${shard.path}index/${shard.language}_${chunk}.pf_index`);

  /**
   * A Pagefind instance with the primary index (its scripts, no page), into which shards are merged
   * as needed; a query typed into the page gets a fresh one (freshEngine). Instances share Pagefind's
   * module and worker; the WebAssembly, entries and page lists come again from the HTTP cache.
   */
  function createEngine(map) {
    if (!pagefindModule) pagefindModule = import("/pagefind/pagefind.js");
    return pagefindModule.then(async (pagefind) => {
      // Pagefind picks the primary index by <html lang>; the index is segmented by search-tokens.js,
      // so it is asked for by its own language while the instance is made.
      const root = document.documentElement;
      const lang = root.getAttribute("lang");
      root.setAttribute("lang", map.primary.language);
      // Pagefind also registers every result with a FinalizationRegistry, to tell its worker when the
      // result is collected: one message per result in one task after a collection (11,001 for
      // 科技创新 at 10,000 articles, a few hundred milliseconds of a phone's main thread). Made without
      // it, the instance's worker keeps the results' data until the instance is destroyed, which the
      // next query does (freshEngine).
      const registry = globalThis.FinalizationRegistry;
      let instance;
      try {
        globalThis.FinalizationRegistry = undefined;
        instance = pagefind.createInstance({ metaCacheTag: map.version });
      } finally {
        globalThis.FinalizationRegistry = registry;
        if (lang === null) root.removeAttribute("lang");
        else root.setAttribute("lang", lang);
      }
      await instance.init();
      return { pagefind: instance, merged: new Set(), merging: new Map() };
    });
  }

  /** The page's Pagefind instance, made on first use. */
  function loadEngine(map) {
    if (!engine) engine = createEngine(map);
    return engine;
  }

  /**
   * A new instance for a query typed into the page: Pagefind searches every index merged into an
   * instance, so one kept from an earlier query would load the index chunks of every shard that query
   * read. The spare one made while the reader was reading is taken when there is one; the old
   * instance is destroyed once the new one is ready.
   */
  function freshEngine(map) {
    const previous = engine;
    engine = spare || createEngine(map);
    spare = null;
    if (previous)
      engine
        .then(() => previous)
        .then((old) => old.pagefind.destroy())
        .catch(() => undefined);
    return engine;
  }

  /** Makes the next query's instance ahead (once a search is complete, or the reader is in the search box). */
  function prepareSpare(map) {
    if (!spare && engine) spare = createEngine(map);
  }

  function mergeShard(loaded, map, index) {
    if (loaded.merged.has(index)) return Promise.resolve();
    if (!loaded.merging.has(index)) {
      const shard = map.shards[index];
      loaded.merging.set(
        index,
        loaded.pagefind
          .mergeIndex(shard.path, { language: shard.language, metaCacheTag: map.version })
          .then(() => loaded.merged.add(index)),
      );
    }
    return loaded.merging.get(index);
  }

  const yielding = () => new Promise((resolve) => setTimeout(resolve, 0));

  /**
   * The pages of one shard that hold every word of the query, with their rank (search-core.js):
   * Pagefind is asked for each word in that shard alone (its filter), newest first, and the word
   * positions tell the rank.
   */
  async function shardPages(loaded, map, request, parts, words, index) {
    const filters = Object.assign({}, request.filters);
    filters[SHARD_FILTER] = map.shards[index].name;
    const searches = await Promise.all(
      words.map((word) => loaded.pagefind.search(word, { filters, sort: { date: "desc" } })),
    );
    await yielding();
    const pages = new Map();
    searches.forEach((search, wordIndex) => {
      for (const result of (search && search.results) || []) {
        let page = pages.get(result.id);
        if (!page) {
          if (wordIndex > 0) continue;
          page = { id: result.id, result, shard: index, score: result.score, found: 0, positions: new Map() };
          pages.set(result.id, page);
        }
        if (page.found !== wordIndex) continue;
        page.found = wordIndex + 1;
        page.positions.set(words[wordIndex], result.words || []);
      }
    });
    const matched = [];
    pages.forEach((page) => {
      if (page.found !== words.length) return;
      page.tier = request.byDate ? 0 : core.pageTier(parts, page.positions, map.titleSlot);
      page.maybeExact = !request.byDate && core.startsWithQuery(parts, page.positions);
      page.positions = null;
      matched.push(page);
    });
    return matched;
  }

  /** A page's title, body text and their comparison forms, from its Pagefind fragment (fetched once). */
  async function describe(page) {
    if (!page.described) {
      page.described = page.result.data().then((data) => {
        const meta = data.meta || {};
        const decoded = tokens.decodeIndexText(data.content || "");
        const cut = decoded.indexOf(tokens.TITLE_MARK);
        const body = (cut >= 0 ? decoded.slice(cut + tokens.TITLE_MARK.length) : decoded).trim();
        return { url: data.url, meta, title: meta.title || "", body, titleKey: tokens.phraseKey(meta.title || "") };
      });
    }
    return page.described;
  }

  /** Character ranges of `text` to mark: the query's parts, or its words when no part is there verbatim. */
  function highlightRanges(keyInfo, phrases, query) {
    const ranges = [];
    const mark = (needle) => {
      if (!needle) return;
      let at = keyInfo.key.indexOf(needle);
      while (at >= 0) {
        ranges.push([keyInfo.positions[at], keyInfo.positions[at + needle.length - 1] + 1]);
        at = keyInfo.key.indexOf(needle, at + needle.length);
      }
    };
    phrases.forEach(mark);
    if (ranges.length === 0) for (const word of tokens.queryTokens(query)) mark(tokens.phraseKey(word).key);
    return ranges.sort((a, b) => a[0] - b[0]);
  }

  /** Appends text[from, to) to `node`, the ranges inside it in <mark>, line breaks as a wide space. */
  function appendMarked(node, text, ranges, from, to) {
    const add = (piece, marked) => {
      const shown = piece.replace(/\n+/g, "\u3000");
      if (shown) node.append(marked ? element("mark", "", shown) : shown);
    };
    let cursor = from;
    for (const [start, end] of ranges) {
      if (end <= cursor || start >= to) continue;
      const s = Math.max(start, cursor);
      const e = Math.min(end, to);
      if (s > cursor) add(text.slice(cursor, s), false);
      add(text.slice(s, e), true);
      cursor = e;
    }
    if (cursor < to) add(text.slice(cursor, to), false);
  }

  function excerpt(text, phrases, query) {
    const keyInfo = tokens.phraseKey(text);
    const ranges = highlightRanges(keyInfo, phrases, query);
    const hit = ranges[0] || [0, 0];
    const range = core.excerptRange(text, hit[0], hit[1], 110);
    const paragraph = element("p", "search-result-excerpt");
    if (range.before) paragraph.append("…");
    appendMarked(paragraph, text, ranges, range.start, range.end);
    if (range.after) paragraph.append("…");
    return paragraph;
  }

  function renderResult(described, phrases, query) {
    const item = element("li", "search-result");
    const heading = element("h2", "search-result-heading");
    const href = typeof described.url === "string" && /^\/(?!\/)/.test(described.url) ? described.url : null;
    const link = element(href ? "a" : "span", "search-result-title");
    if (href) link.setAttribute("href", href);
    appendMarked(link, described.title, highlightRanges(described.titleKey, phrases, query), 0, described.title.length);
    if (!link.textContent) link.textContent = "无标题";
    heading.append(link);
    item.append(heading);
    const metaLine = element("p", "search-result-meta");
    if (described.meta.date) {
      const time = element("time", "", described.meta.date);
      time.dateTime = described.meta.date;
      metaLine.append("日期：", time);
    }
    metaLine.append(element("span", "search-result-column", described.meta.column || described.meta.type || ""));
    item.append(metaLine);
    if (described.body) item.append(excerpt(described.body, phrases, query));
    return item;
  }

  function showMessage(nodes, className, request) {
    const box = element("div", className);
    box.append(...nodes);
    container.removeAttribute("aria-busy");
    container.dataset.query = request.query;
    setContent(container, [box]);
  }

  function showEmpty(request) {
    const hints = element("ul", "search-hints");
    hints.append(
      element("li", "", "检查是否有错别字；"),
      element("li", "", "换用更短或更常用的词，如把「科技创新服务平台」改为「服务平台」；"),
      element("li", "", "用空格分开几个词时，结果须包含每一个词，可以去掉其中一个再试；"),
    );
    const nodes = [element("p", "", `没有找到与「${request.query}」相关的内容。您可以：`), hints];
    if (Object.keys(request.filters).length > 0) {
      const all = element("a", "", "取消筛选条件，在全部内容中搜索");
      all.href = `/search/?q=${encodeURIComponent(request.query)}`;
      const line = element("p", "");
      line.append(all);
      nodes.push(line);
    }
    showMessage(nodes, "search-empty", request);
  }

  function showTooOld(request) {
    const line = element("p", "", TOO_OLD);
    for (const link of document.querySelectorAll(".main-nav a")) {
      if (link.getAttribute("href") === "/") continue;
      const copy = element("a", "", link.textContent);
      copy.href = link.getAttribute("href");
      line.append(copy, " ");
    }
    showMessage([line], "search-error", request);
  }

  /** The presence-map keys of a query: its parts' bigrams and, for a single part of 4+ characters, its title key. */
  function presenceKeys(query) {
    const keys = [];
    for (const part of tokens.queryPresence(query)) keys.push(...part.all, ...part.cover);
    if (tokens.queryParts(query).length === 1 && tokens.phraseKey(query).key.length >= 4)
      keys.push(tokens.titleKey(query));
    return keys;
  }

  function prefetchPagefindFiles() {
    if (!prefetched) for (const file of PAGEFIND_FILES) fetch(file).catch(() => undefined);
    prefetched = true;
  }

  /**
   * The network part of the address's search, started as soon as this script runs, while the page
   * is still being parsed: the shard list, the presence files of the query's words, Pagefind's
   * module, worker and WebAssembly, and its primary index. run() then finds them loaded or loading.
   */
  function warmUp(request) {
    if (!request.query || tokens.queryTokens(request.query).length === 0 || !canRunPagefind()) return;
    prefetchPagefindFiles();
    loadManifest()
      .then((map) => {
        if (map.shards.length === 0) return;
        loadEngine(map).catch(() => undefined);
        return loadPresence(map, presenceKeys(request.query));
      })
      .catch(() => undefined);
  }

  let current = 0;

  /** Runs one search and shows it; a newer search (another query from the form) takes over. */
  async function run(request) {
    const searchId = ++current;
    const stale = () => searchId !== current;
    fillForm(request);
    if (!request.query) {
      container.removeAttribute("aria-busy");
      setContent(container, []);
      return;
    }
    if (!canRunPagefind()) {
      showTooOld(request);
      return;
    }
    prefetchPagefindFiles();
    container.setAttribute("aria-busy", "true");
    container.dataset.query = request.query;
    setContent(container, [element("p", "search-status", "正在搜索……")]);

    const parts = tokens.queryParts(request.query);
    const words = tokens.queryTokens(request.query);
    const presenceParts = tokens.queryPresence(request.query);
    const phrases = tokens.queryPhrases(request.query);
    let map;
    let loaded;
    let plan;
    let lookup;
    let exactPossible = false;
    try {
      map = await loadManifest();
      if (map.shards.length === 0 || words.length === 0) {
        if (!stale()) showEmpty(request);
        return;
      }
      const running = searchId > 1;
      const year = request.filters[FILTERS.year];
      const allowed = (index) =>
        !year || (map.shards[index].from <= `${year}-12-31` && map.shards[index].to >= `${year}-01-01`);
      const presenceLoading = loadPresence(map, presenceKeys(request.query));
      // A query typed into the page: the newest shard's page list comes with the presence files, as
      // that shard is read first for most queries (every common one).
      if (running && allowed(0)) prefetchShard(map, map.shards[0]);
      const engineLoading = running ? freshEngine(map) : loadEngine(map);
      const titleKey = tokens.titleKey(request.query);
      lookup = await presenceLoading;
      const exactEntry = lookup(titleKey);
      exactPossible = Boolean(exactEntry && exactEntry.all.length > 0);
      plan = core.planReading(
        map.shards.length,
        presenceParts,
        lookup,
        exactEntry ? exactEntry.all : [],
        allowed,
        request.byDate,
      );
      // The first two shards' page lists, and for a query typed into the page the first shard's filter
      // and index chunks; the second shard's page list then waits for the first results, so as not to
      // share the line with them. A first query leaves the chunks to Pagefind: its script and
      // WebAssembly are then the longest wait, and the chunks would share the line with them
      // (docs/search.md).
      for (const [i, step] of plan.slice(0, running ? 1 : 2).entries())
        prefetchShard(
          map,
          map.shards[step.index],
          running && i === 0 ? core.chunksOf(words, lookup, step.index) : undefined,
        );
      loaded = await engineLoading;
      // A first query: the first shard's filter and index chunks once Pagefind's WebAssembly is in,
      // with its page list rather than after it.
      if (!running && plan.length > 0)
        prefetchShard(map, map.shards[plan[0].index], core.chunksOf(words, lookup, plan[0].index));
    } catch (_error) {
      if (!stale()) showMessage([element("p", "", UNAVAILABLE)], "search-error", request);
      return;
    }
    if (stale()) return;
    if (plan.length === 0) {
      showEmpty(request);
      return;
    }

    let read = 0;
    let ranked = [];
    const queryKey = tokens.phraseKey(request.query).key;
    /** Reads the next shard of the plan and ranks again; false when every shard is read. One at a time. */
    const readOne = async () => {
      if (read >= plan.length) return false;
      const index = plan[read].index;
      await mergeShard(loaded, map, index);
      const found = await shardPages(loaded, map, request, parts, words, index);
      for (const url of chunkUrls(map.shards[index], core.chunksOf(words, lookup, index))) fetchedAhead.add(url);
      // Pages whose chain starts at their first word may have the query as their whole title.
      if (exactPossible) {
        for (const page of found.filter((candidate) => candidate.maybeExact).slice(0, 20)) {
          if ((await describe(page)).titleKey.key === queryKey) page.tier = core.TIER.EXACT;
        }
      }
      ranked = ranked.concat(found).sort(core.compareRanked);
      read++;
      return true;
    };
    let queue = Promise.resolve(true);
    const readNext = () => {
      queue = queue.then(readOne, readOne);
      return queue;
    };
    const settledUpTo = (count) => core.settled(ranked, count, plan[read]);

    try {
      while (!settledUpTo(PAGE_SIZE) && (await readNext())) if (stale()) return;
    } catch (_error) {
      if (!stale()) showMessage([element("p", "", UNAVAILABLE)], "search-error", request);
      return;
    }
    if (stale()) return;
    if (ranked.length === 0 && read >= plan.length) {
      showEmpty(request);
      return;
    }

    const count = element("p", "search-count");
    const list = element("ol", "search-result-list");
    const more = element("button", "search-more", "更多结果");
    more.type = "button";
    let shown = 0;
    const updateCount = () => {
      const complete = read >= plan.length;
      count.textContent = complete ? `找到 ${ranked.length} 条结果` : `已找到 ${ranked.length} 条，继续查找…`;
      count.dataset.complete = complete ? "true" : "false";
      more.hidden = complete && shown >= ranked.length;
    };

    /** Shows the next `howMany` results, reading more shards first if their order is not final yet. */
    const showMore = async (howMany) => {
      const target = shown + howMany;
      while (!settledUpTo(Math.min(target, ranked.length + 1)) && (await readNext())) if (stale()) return [];
      const pages = ranked.slice(shown, target);
      shown += pages.length;
      const items = [];
      for (let at = 0; at < pages.length; ) {
        // A new list: the first screen's results first, then the rest.
        const end = list.isConnected ? pages.length : Math.min(pages.length, at + FIRST_PAINT);
        const batch = await Promise.all(pages.slice(at, end).map(describe));
        if (stale()) return items;
        const nodes = batch.map((described) => renderResult(described, phrases, request.query));
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

    try {
      await showMore(PAGE_SIZE);
    } catch (_error) {
      if (!stale()) showMessage([element("p", "", UNAVAILABLE)], "search-error", request);
      return;
    }
    if (stale()) return;
    more.addEventListener("click", async () => {
      more.disabled = true;
      const added = await showMore(PAGE_SIZE).catch(() => []);
      more.disabled = false;
      updateCount();
      const target = added.length ? added[0].querySelector("a, span") : null;
      if (target) {
        if (target.tagName !== "A") target.setAttribute("tabindex", "-1");
        target.focus();
      }
    });
    // The rest of the shards, one at a time, so the count becomes exact; the page lists of the shard
    // read and the next one are fetched ahead (those fetched already are skipped).
    try {
      while (read < plan.length) {
        for (const step of plan.slice(read, read + 2)) prefetchShard(map, map.shards[step.index]);
        if (!(await readNext())) break;
        if (stale()) return;
        updateCount();
        await yielding();
      }
    } catch (_error) {
      // The results shown stay; the count stays provisional.
    }
    if (stale()) return;
    updateCount();
    prepareSpare(map);
  }

  /** Runs the address's search once the page is parsed, and every later one from the form or the history. */
  function start() {
    container = document.querySelector("[data-search-results]");
    form = document.querySelector("[data-search-form]");
    if (!container || !form) return;
    form.addEventListener("focusin", () => {
      if (engine) loadManifest().then(prepareSpare, () => undefined);
    });
    form.addEventListener("submit", (event) => {
      const data = new FormData(form);
      const params = new URLSearchParams();
      for (const [name, value] of data.entries())
        if (typeof value === "string" && value.trim()) params.set(name, value.trim());
      const address = `${window.location.pathname}?${params.toString()}`;
      event.preventDefault();
      window.history.pushState(null, "", address);
      run(readAddress(window.location.search));
    });
    window.addEventListener("popstate", () => run(readAddress(window.location.search)));
    run(readAddress(window.location.search));
  }

  warmUp(readAddress(window.location.search));
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
