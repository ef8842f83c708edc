import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../harness/chromium.ts";
import { type StaticServer, serveSite } from "../../harness/static-server.ts";
import { buildToTemp } from "../helpers/build.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { expectedPages, generateCorpus, QUERIES } from "../helpers/search-corpus.ts";

let browser: Browser;
let server: StaticServer;
let site: FixtureSite;
let cleanup: () => void;
let outputDir: string;
let corpus: ReturnType<typeof generateCorpus>;

beforeAll(async () => {
  corpus = generateCorpus();
  site = createFixtureSite(corpus.files);
  // Shards of at most 50 pages: the corpus's six years of 40 articles each make six shards, merged in the browser.
  const build = await buildToTemp(site.root, { searchShardSize: 50 });
  cleanup = build.cleanup;
  outputDir = build.outputDir;
  server = await serveSite(outputDir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanup?.();
  site?.remove();
});

/** The page's FinalizationRegistry sentinels (the Pagefind worker test): arm before a collection, then wait for done. */
interface Finalizers {
  arm(): void;
  done(): boolean;
}

/**
 * Records the paths the page's own script fetches in `window.__fetched` (Pagefind fetches its chunks
 * in its worker, with the worker's fetch), read back by {@link pageFetches}.
 */
async function recordPageFetches(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const fetched: string[] = [];
    (window as unknown as { __fetched: string[] }).__fetched = fetched;
    const original = window.fetch;
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      fetched.push(new URL(input instanceof Request ? input.url : String(input), location.href).pathname);
      return original.call(this, input, init);
    };
  });
}

/** The paths the page's own script fetched since {@link recordPageFetches}. */
function pageFetches(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __fetched: string[] }).__fetched);
}

async function resultLinks(page: Page): Promise<string[]> {
  return page.$$eval(".search-result-title", (links) => links.map((link) => link.getAttribute("href") ?? ""));
}

/** Waits until the results box shows `query` and waits for the reader (`data-state="idle"`): nothing more is read unasked. */
async function idleOn(page: Page, query: string): Promise<void> {
  await page.waitForFunction((q) => {
    const results = document.querySelector<HTMLElement>("[data-search-results]");
    return results?.dataset.query === q && results.dataset.state === "idle";
  }, query);
}

/** Presses 更多结果 and waits until the page waits for the reader again. */
async function showMore(page: Page, query: string): Promise<void> {
  await page.click(".search-more");
  await idleOn(page, query);
}

/**
 * Searches for `query` (in the same page when it is the search page already, as a reader's second
 * search, else by opening /search/?q=) and shows results (更多结果) until `wanted` are listed, there
 * are no more, or `enough` says the links listed answer the test; the count line then.
 */
async function search(
  page: Page,
  query: string,
  wanted: number,
  enough: (links: string[]) => boolean = () => false,
): Promise<{ count: string; links: string[] }> {
  if (new URL(page.url()).pathname === "/search/") {
    await page.fill("#search-input", query);
    await page.press("#search-input", "Enter");
  } else await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
  await idleOn(page, query);
  let links = await resultLinks(page);
  while (links.length < wanted && !enough(links) && (await page.isVisible(".search-more"))) {
    await showMore(page, query);
    links = await resultLinks(page);
  }
  const count = (await page.textContent(".search-count, .search-empty, .search-error")) ?? "";
  return { count, links };
}

/** The number of a count line, exact (找到 N 条结果) or from the presence map (约 N 条结果, never below the exact one). */
const countOf = (text: string) => Number(/^(?:找到|约) (\d+) 条结果$/.exec(text)?.[1] ?? Number.NaN);

describe("search recall and ranking on a generated corpus", () => {
  it("finds every page that contains each query within max(10, 2 × expected) results, verbatim pages first", async () => {
    const page = await browser.newPage();
    const misses: string[] = [];
    let scatteredSeen = 0;
    for (const query of QUERIES) {
      const expected = expectedPages(corpus.pages, query);
      expect(expected.size, `corpus has pages for ${query}`).toBeGreaterThan(0);
      const window = Math.max(10, 2 * expected.size);
      // Every expected page listed, and one more to see what ranks after them, answers the test:
      // the rest of the window cannot change it.
      const allListed = (links: string[]) =>
        links.length > expected.size && [...expected].every((url) => links.includes(url));
      const { count, links } = await search(page, query, window, allListed);
      expect(countOf(count), `${query}: ${count}`).toBeGreaterThanOrEqual(expected.size);
      const top = new Set(links.slice(0, window));
      for (const url of expected) if (!top.has(url)) misses.push(`${query} → ${url}`);
      expect(expected.has(links[0] ?? ""), `${query}: first result ${links[0]}`).toBe(true);
      const firstOther = links.findIndex((url) => !expected.has(url));
      if (firstOther >= 0) {
        scatteredSeen++;
        expect(firstOther, `${query}: a page without the query verbatim above one with it`).toBe(expected.size);
      }
    }
    await page.close();
    expect(misses).toEqual([]);
    // The corpus is built so that several queries also match pages where the characters are scattered.
    expect(scatteredSeen).toBeGreaterThan(3);
  }, 120_000);

  it("puts the page whose title is the query first", async () => {
    const page = await browser.newPage();
    const { links } = await search(page, "沪克科技合作产业园", 10);
    expect(links[0]).toBe("/articles/2020/a7/");
    const titled = corpus.pages.filter((source) => source.title.includes("科技合作"));
    const { links: partial } = await search(page, "科技合作", 10);
    expect(titled.map((source) => source.url)).toContain(partial[0]);
    await page.close();
  }, 60_000);
});

describe("the search page", () => {
  it("takes a query from the header box of an article to a result with its date and column, and follows it", async () => {
    const page = await browser.newPage();
    const target = corpus.pages.find((source) => source.title.includes("魔鬼城")) ?? corpus.pages[0];
    if (!target) throw new Error("no article");
    await page.goto(`${server.origin}${target.url}`);
    await page.fill("#header-search-input", target.title);
    await page.press("#header-search-input", "Enter");
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get("q")).toBe(target.title);
    await page.waitForSelector(".search-result");
    const item = page.locator(".search-result").first();
    await expect(item.locator(".search-result-title").getAttribute("href")).resolves.toBe(target.url);
    await expect(item.locator("time").getAttribute("datetime")).resolves.toBe(target.date);
    await expect(item.locator(".search-result-column").textContent()).resolves.toBe(target.column);
    await expect(item.locator(".search-result-title mark").textContent()).resolves.toBe(target.title);
    await item.locator(".search-result-title").click();
    await page.waitForURL(`${server.origin}${target.url}`);
    await expect(page.locator("h1").textContent()).resolves.toBe(target.title);
    await page.close();
  }, 60_000);

  it("narrows the results with the column and year filters, kept in the address", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent("科技")}`);
    await page.waitForSelector(".search-count");
    const all = Number(/\d+/.exec((await page.textContent(".search-count")) ?? "")?.[0]);
    await page.click(".search-options summary");
    await page.selectOption("#search-column", "政策文件");
    await page.selectOption("#search-year", "2021");
    await page.press("#search-input", "Enter");
    await page.waitForURL(/column=/);
    await page.waitForSelector(".search-count");
    const url = new URL(page.url());
    expect(url.searchParams.get("column")).toBe("政策文件");
    expect(url.searchParams.get("year")).toBe("2021");
    const narrowed = Number(/\d+/.exec((await page.textContent(".search-count")) ?? "")?.[0]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    const metas = await page.$$eval(".search-result", (items) =>
      items.map((item) => [
        item.querySelector("time")?.getAttribute("datetime"),
        item.querySelector(".search-result-column")?.textContent,
      ]),
    );
    for (const [date, column] of metas) {
      expect(date?.slice(0, 4)).toBe("2021");
      expect(column).toBe("政策文件");
    }
    await page.close();
  }, 60_000);

  it("narrows to repealed 政策文件 with the 有效性 filter and marks them in every list of results", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent("第")}&column=${encodeURIComponent("政策文件")}`);
    await idleOn(page, "第");
    const repealed = new Set(corpus.pages.filter((entry) => entry.validity === "已废止").map((entry) => entry.url));
    expect(repealed.size).toBeGreaterThan(0);
    const badges = () =>
      page.$$eval(".search-result", (items) =>
        items.map((item) => [
          item.querySelector(".search-result-title")?.getAttribute("href") ?? "",
          item.querySelector(".validity-badge")?.getAttribute("data-validity") ?? "",
        ]),
      );
    const all = await badges();
    expect(all.length).toBeGreaterThan(0);
    for (const [url, badge] of all) expect(badge).toBe(repealed.has(url as string) ? "已废止" : "");
    // A filter in the address opens 筛选和排序 already.
    expect(await page.$eval("[data-search-options]", (details) => (details as HTMLDetailsElement).open)).toBe(true);
    await page.selectOption("#search-validity", "已废止");
    await page.press("#search-input", "Enter");
    await page.waitForURL(/validity=/);
    await idleOn(page, "第");
    while (await page.isVisible(".search-more")) await showMore(page, "第");
    const narrowed = await badges();
    expect(new Set(narrowed.map(([url]) => url))).toEqual(repealed);
    for (const [, badge] of narrowed) expect(badge).toBe("已废止");
    await page.close();
  }, 60_000);

  it("sorts by date on request and shows more results with 更多结果, moving focus to the first new one", async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.context().on("request", (request) => requested.push(new URL(request.url()).pathname));
    const manifest = JSON.parse(readFileSync(path.join(outputDir, "pagefind/shards.json"), "utf8"));
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent("科技")}&sort=date`);
    await idleOn(page, "科技");
    // The newest shards fill the first page by date: the oldest is not read.
    const oldest = manifest.shards.at(-1).path as string;
    expect(requested.filter((url) => url.startsWith(oldest))).toEqual([]);
    // The first results are drawn three, then seven (FIRST_PAINT in lib/browser/search/result-list.ts).
    await page.waitForSelector(".search-result");
    await expect.poll(() => page.locator(".search-result").count()).toBe(10);
    await page.focus(".search-more");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 20);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    const links = await resultLinks(page);
    expect(focused).toBe(links[10]);
    const dates = await page.$$eval(".search-result time", (times) =>
      times.map((time) => time.getAttribute("datetime") ?? ""),
    );
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await page.inputValue("#search-sort")).toBe("date");
    await page.close();
  }, 60_000);

  it("says so in Chinese when nothing matches, and offers the search without filters", async () => {
    const page = await browser.newPage();
    await page.goto(
      `${server.origin}/search/?q=${encodeURIComponent("量子计算机")}&type=${encodeURIComponent("通知公告")}`,
    );
    await page.waitForSelector(".search-empty");
    const text = (await page.textContent(".search-empty")) ?? "";
    expect(text).toContain("没有找到与「量子计算机」相关的内容");
    expect(await page.getAttribute(".search-empty a", "href")).toBe(`/search/?q=${encodeURIComponent("量子计算机")}`);
    await page.close();
  }, 60_000);

  it("sends Pagefind's worker no message per collected result, and ends a query's instance when the next starts", async () => {
    const page = await browser.newPage();
    // Counts the page's messages to Pagefind's worker by method. Every FinalizationRegistry the page
    // makes gets a sentinel, an object nothing holds, registered by `arm()`: once a collection has
    // run and each sentinel's callback came, each registry has run its callbacks for what that
    // collection took (one task per registry, all its collected objects in it).
    await page.addInitScript(() => {
      const sent: Record<string, number> = {};
      (window as unknown as { __sent: Record<string, number> }).__sent = sent;
      const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
      Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
        const method = (args[0] as { method?: string } | null)?.method ?? "?";
        sent[method] = (sent[method] ?? 0) + 1;
        post.apply(this, args);
      };
      const registries: FinalizationRegistry<unknown>[] = [];
      const sentinel = Symbol("sentinel");
      let awaited = 0;
      globalThis.FinalizationRegistry = class extends FinalizationRegistry<unknown> {
        constructor(callback: (held: unknown) => void) {
          super((held) => {
            if (held === sentinel) awaited--;
            else callback(held);
          });
          registries.push(this);
        }
      } as FinalizationRegistryConstructor;
      const finalizers: Finalizers = {
        arm() {
          for (const registry of registries) registry.register({}, sentinel);
          awaited += registries.length;
        },
        done: () => awaited === 0,
      };
      (window as unknown as { __finalizers: Finalizers }).__finalizers = finalizers;
    });
    const sent = () => page.evaluate(() => ({ ...(window as unknown as { __sent: Record<string, number> }).__sent }));
    // Two words: the pages found for the second are dropped once matched with the first.
    const { count } = await search(page, "科技创新", 10);
    expect(countOf(count)).toBeGreaterThan(20);
    await page.evaluate(() => (window as unknown as { __finalizers: Finalizers }).__finalizers.arm());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    await page.waitForFunction(() => (window as unknown as { __finalizers: Finalizers }).__finalizers.done());
    const afterCollection = await sent();
    expect(afterCollection.search).toBeGreaterThan(0);
    expect(afterCollection.releaseData).toBeUndefined();
    expect(afterCollection.destroy).toBeUndefined();
    await search(page, "金龙镇", 10);
    await page.waitForFunction(() => (window as unknown as { __sent: Record<string, number> }).__sent.destroy === 1);
    await page.close();
  }, 60_000);

  it("opens only the shards the presence map says can hold the query", async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await search(page, "第37期", 10);
    const manifest = JSON.parse(readFileSync(path.join(outputDir, "pagefind/shards.json"), "utf8"));
    const opened = manifest.shards
      .slice(1)
      .filter((shard: { path: string }) => requested.some((url) => url.startsWith(shard.path)))
      .map((shard: { path: string }) => shard.path);
    const holding = new Set(
      corpus.pages
        .filter((source) => /(^|[^0-9])37期/.test(source.title + source.text))
        .map((source) => source.url.slice(10, 14)),
    );
    expect(holding.size).toBe(1);
    expect(opened.length).toBeLessThanOrEqual(1);
    for (const folder of opened) expect(holding.has(folder.slice(-5, -1))).toBe(true);
    expect(await resultLinks(page)).toEqual(["/articles/2020/a37/"]);
    const presenceFiles = requested.filter((url) =>
      manifest.presence.some((part: { path: string }) => url.startsWith(part.path)),
    );
    expect(presenceFiles.length).toBeLessThanOrEqual(12);
    await page.close();
  }, 60_000);

  it("fetches a query's index chunks ahead, the first once Pagefind is in, a second with the shard's page list, and Pagefind asks for no other", async () => {
    const page = await browser.newPage();
    await recordPageFetches(page);
    const requested: string[] = [];
    page.context().on("request", (request) => requested.push(new URL(request.url()).pathname));
    const manifest = JSON.parse(readFileSync(path.join(outputDir, "pagefind/shards.json"), "utf8"));
    const inShards = (url: string) =>
      url.endsWith(".pf_index") && manifest.shards.some((shard: { path: string }) => url.startsWith(shard.path));
    const prefetchedChunks = async () => (await pageFetches(page)).filter(inShards);

    await search(page, "第37期", 10);
    // A first query fetches the chunks of its first shard (2020's, where 第37期 is) once Pagefind is in.
    const first = await prefetchedChunks();
    expect(first.length).toBeGreaterThan(0);
    const shard2020 = manifest.shards.find((shard: { name: string }) => shard.name === "y2020").path as string;
    expect(first.filter((url) => !url.startsWith(shard2020))).toEqual([]);
    await page.evaluate(() => {
      (window as unknown as { __fetched: string[] }).__fetched.length = 0;
    });
    requested.length = 0;
    await search(page, "第38期", 10);
    expect(await resultLinks(page)).toEqual(["/articles/2021/a38/"]);
    const prefetched = await prefetchedChunks();
    expect(prefetched.length).toBeGreaterThan(0);
    // Pagefind needed each chunk the page fetched (it asked for it too, from the HTTP cache) and no other.
    for (const chunk of prefetched) expect(requested.filter((url) => url === chunk).length, chunk).toBe(2);
    expect(new Set(requested.filter(inShards))).toEqual(new Set(prefetched));
    await page.close();
  }, 60_000);

  it("fetches a filtered search's filter files with the shard's page list, and Pagefind asks for no other", async () => {
    const page = await browser.newPage();
    await recordPageFetches(page);
    const requested: string[] = [];
    page.context().on("request", (request) => requested.push(new URL(request.url()).pathname));
    const manifest = JSON.parse(readFileSync(path.join(outputDir, "pagefind/shards.json"), "utf8"));
    const shard2021 = manifest.shards.find((shard: { name: string }) => shard.name === "y2021");
    const filterFile = (hash: string) => `${shard2021.path}filter/${shard2021.language}_${hash}.pf_filter`;
    const column = corpus.pages.find((source) => source.date.startsWith("2021"))?.column as string;
    await page.goto(
      `${server.origin}/search/?q=${encodeURIComponent("科技")}&column=${encodeURIComponent(column)}&year=2021`,
    );
    await idleOn(page, "科技");
    expect(await page.locator(".search-result").count()).toBeGreaterThan(0);
    const fetched = await pageFetches(page);
    const wanted = [filterFile(shard2021.filters["栏目"]), filterFile(shard2021.filters["年份"])];
    for (const file of wanted) {
      expect(fetched, file).toContain(file);
      // Pagefind asked for it too, and found it in the HTTP cache.
      expect(requested.filter((url) => url === file).length, file).toBe(2);
    }
    const filtersAsked = new Set(
      requested.filter((url) => url.endsWith(".pf_filter") && url.startsWith(shard2021.path)),
    );
    const filtersFetched = new Set(fetched.filter((url) => url.endsWith(".pf_filter")));
    expect(filtersAsked).toEqual(filtersFetched);
    await page.close();
  }, 60_000);

  it("shows the first page with the presence map's 约 count, reads no other shard until 更多结果, then counts exactly", async () => {
    const page = await browser.newPage();
    const manifest = JSON.parse(readFileSync(path.join(outputDir, "pagefind/shards.json"), "utf8"));
    // The context's requests: the page's and Pagefind's worker's.
    const requested: string[] = [];
    page.context().on("request", (request) => requested.push(new URL(request.url()).pathname));
    const opened = () =>
      (manifest.shards as { path: string }[]).filter((shard) => requested.some((url) => url.startsWith(shard.path)))
        .length;
    const pagesWith = corpus.pages.filter((source) => (source.title + source.text).includes("科技"));
    const holding = new Set(pagesWith.map((source) => source.date.slice(0, 4)));
    expect(holding.size).toBe(6);
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent("科技")}`);
    await idleOn(page, "科技");
    const about = (await page.textContent(".search-count")) ?? "";
    expect(about).toMatch(/^约 \d+ 条结果$/);
    expect(await page.getAttribute(".search-count", "data-complete")).toBe("false");
    expect(await page.locator(".search-result").count()).toBe(10);
    // The first page came from the newest shards; the others were left for the reader to ask.
    const openedFirst = opened();
    expect(openedFirst).toBeGreaterThan(0);
    expect(openedFirst).toBeLessThan(holding.size);
    const requestsFirst = requested.length;
    expect(await page.isVisible(".search-more")).toBe(true);
    expect(requested.length).toBe(requestsFirst);
    while (await page.isVisible(".search-more")) await showMore(page, "科技");
    expect(opened()).toBe(holding.size);
    expect(await page.getAttribute(".search-count", "data-complete")).toBe("true");
    const exact = (await page.textContent(".search-count")) ?? "";
    expect(exact).toMatch(/^找到 \d+ 条结果$/);
    // For one word without filters the presence map counts exactly the pages Pagefind finds.
    expect(countOf(exact)).toBe(countOf(about));
    expect(countOf(exact)).toBe(await page.locator(".search-result").count());
    // Pages of 科技要闻 whose text lacks 科技 are not among them (Pagefind matches metadata too).
    expect(countOf(exact)).toBe(pagesWith.length);
    await page.close();
  }, 60_000);

  it("runs another query in the same page with Pagefind's module and worker kept, and the back button returns to the first", async () => {
    const page = await browser.newPage();
    await search(page, "魔鬼城", 10);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const { links } = await search(page, "金龙镇", 10);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(links.length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("q")).toBe("金龙镇");
    // A query typed into the page gets a fresh Pagefind instance, whose WebAssembly comes from the
    // HTTP cache (five minutes under the site's headers; this test server sends none), at most once.
    expect(requested.filter((url) => /pagefind(-worker)?\.js$/.test(url))).toEqual([]);
    expect(requested.filter((url) => url.endsWith(".pagefind")).length).toBeLessThanOrEqual(1);
    await page.goBack();
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("[data-search-results]")?.dataset.query === "魔鬼城",
    );
    expect(await page.inputValue("#search-input")).toBe("魔鬼城");
    await page.close();
  }, 60_000);

  it("cuts excerpts between whole numbers and words, and shows a message where Pagefind cannot run", async () => {
    const page = await browser.newPage();
    await search(page, "5G基站", 20);
    const excerpts = await page.$$eval(".search-result-excerpt", (nodes) =>
      nodes.map((node) => node.textContent ?? ""),
    );
    expect(excerpts.length).toBeGreaterThan(0);
    for (const text of excerpts) expect(text.replace(/^…/, "")).not.toMatch(/^(021|21|1)年|^G基站/);
    await page.close();

    const old = await browser.newPage();
    await old.addInitScript(() => {
      WebAssembly.validate = () => false;
    });
    const requested: string[] = [];
    old.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await old.goto(`${server.origin}/search/?q=${encodeURIComponent("科技")}`);
    await old.waitForSelector(".search-error");
    expect(await old.textContent(".search-error")).toContain("您的浏览器版本较旧，无法使用站内搜索");
    expect(await old.$$eval(".search-error a", (links) => links.map((link) => link.getAttribute("href")))).toContain(
      "/gzdt/",
    );
    // The page's head preloads the shard list and Pagefind's WebAssembly; no search starts.
    expect(requested.filter((url) => /presence-|\.pf_|pagefind-worker|pagefind\.js/.test(url))).toEqual([]);
    await old.close();
  }, 60_000);

  it("indexes exactly the article pages in shards of whole years, with a noscript message on the search page", () => {
    const manifest = JSON.parse(readFileSync(path.join(outputDir, "pagefind/shards.json"), "utf8"));
    let indexed = 0;
    for (const shard of manifest.shards as { path: string; language: string }[]) {
      const entry = JSON.parse(readFileSync(path.join(outputDir, shard.path, "pagefind-entry.json"), "utf8"));
      indexed += entry.languages[shard.language].page_count;
    }
    expect(manifest.shards.length).toBe(6);
    expect(manifest.presence.map((part: { buckets: number }) => part.buckets)[1]).toBeGreaterThanOrEqual(8);
    expect(indexed).toBe(corpus.pages.length);
    const html = readFileSync(path.join(outputDir, "search/index.html"), "utf8");
    expect(html).toMatch(/<noscript>[\s\S]*站内搜索需要浏览器启用 JavaScript/);
  });
});
