import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../bench/corpus.ts";
import { launchChromium } from "../helpers/browser.ts";
import { buildToTemp } from "../helpers/build.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { type StaticServer, serveSite } from "../helpers/static-server.ts";

// Names that straddle word boundaries, mixed Chinese/Latin/digits, full-width forms and quotes.
const NAMES = [
  "克拉玛依新科澳化工有限公司",
  "独山子天利高新技术股份公司",
  "乌尔禾区世界魔鬼城景区",
  "白碱滩区金龙镇",
  "小拐乡现代农业示范园",
  "新疆油田勘探开发研究院",
  "沪克科技合作产业园",
  "2021年5G基站",
  "２０２２年６Ｇ试验网",
  "“十四五”规划",
  "《科技计划项目管理办法》",
  "CO2驱油技术",
  "NB-IoT物联网平台",
];
const FILLER = [
  "推进科技创新",
  "加强人才培养",
  "完善服务体系",
  "开展调研座谈",
  "落实各项任务",
  "召开专题会议",
  "合作推动产业升级",
  "科技部门加强指导",
  "建设现代化产业体系",
  "各区县积极参与",
  "强化企业创新主体地位",
  "园区配套设施",
  // Scattered characters of some queries: every bigram present, never the whole phrase.
  "签订科技合同",
  "金龙大道通车",
  "乌龙镇街道",
  "油田生产稳定",
  "稻田勘测",
  "地质勘探",
  "就业升温明显",
  "设备升级改造",
  "魔鬼鱼标本",
  "鬼城传说",
];
const COLUMNS = ["工作动态", "科技要闻", "政策文件", "区县动态"];

const QUERIES = [
  "新科澳化",
  "澳化工",
  "天利高新",
  "区世界",
  "魔鬼城",
  "金龙镇",
  "拐乡现代",
  "油田勘探",
  "沪克科技合作产业园",
  "科技合作",
  "2021年 5G",
  "2021年5G基站",
  "２０２２年",
  "6G试验",
  "“十四五”规划",
  "十四五规划",
  "科技计划项目管理办法",
  "CO2驱油",
  "物联网平台",
  "产业升级",
];

interface SourcePage {
  url: string;
  title: string;
  text: string;
  date: string;
  column: string;
}

/** A deterministic corpus of a few hundred articles and notice pages, with its pages' plain text. */
function generateCorpus(): { files: Record<string, string>; pages: SourcePage[] } {
  const random = seededRandom(3);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const clause = () => (random() < 0.22 ? pick(NAMES) : pick(FILLER));
  const files: Record<string, string> = {};
  const pages: SourcePage[] = [];
  for (let index = 0; index < 240; index++) {
    const year = 2019 + (index % 6);
    const date = `${year}-${String(1 + (index % 12)).padStart(2, "0")}-${String(1 + (index % 27)).padStart(2, "0")}`;
    const title =
      index === 7 ? "沪克科技合作产业园" : `${pick(FILLER)}${random() < 0.3 ? pick(NAMES) : ""}第${index}期`;
    const paragraphs = [0, 1, 2].map(
      () => `${Array.from({ length: 3 + Math.floor(random() * 4) }, clause).join("，")}。`,
    );
    const body = `${paragraphs[0]}\n\n## ${pick(FILLER)}\n\n${paragraphs[1]}\n${paragraphs[2]}\n`;
    const column = COLUMNS[index % COLUMNS.length] as string;
    const slug = `a${index}`;
    files[`content/articles/${year}/${slug}.md`] =
      `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\ncolumn: ${column}\n---\n${body}`;
    pages.push({ url: `/articles/${year}/${slug}/`, title, text: body, date, column });
  }
  return { files, pages };
}

/** The comparison form of each clause: NFKC, lower case, letters and digits only; clauses split at sentence punctuation. */
function clauseKeys(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, "$1")
    .split(/[，。、；：？！,.;:?!#\s]+/u)
    .map((clause) => clause.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
}

function queryKeys(query: string): string[] {
  return query
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/)
    .map((part) => part.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
}

/** Pages whose title or body holds every part of the query (ground truth from the Markdown). */
function expectedPages(pages: SourcePage[], query: string): Set<string> {
  const parts = queryKeys(query);
  return new Set(
    pages
      .filter((page) => {
        const clauses = [...clauseKeys(page.title), ...clauseKeys(page.text)];
        return parts.every((part) => clauses.some((clause) => clause.includes(part)));
      })
      .map((page) => page.url),
  );
}

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

async function resultLinks(page: Page): Promise<string[]> {
  return page.$$eval(".search-result-title", (links) => links.map((link) => link.getAttribute("href") ?? ""));
}

/** Opens /search/?q= and shows results (更多结果) until `wanted` are listed or there are no more. */
async function search(page: Page, query: string, wanted: number): Promise<{ count: string; links: string[] }> {
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector(".search-count, .search-empty, .search-error");
  const count = (await page.textContent(".search-count, .search-empty, .search-error")) ?? "";
  let links = await resultLinks(page);
  while (links.length < wanted && (await page.isVisible(".search-more"))) {
    await page.click(".search-more");
    await page.waitForFunction((n) => document.querySelectorAll(".search-result").length > n, links.length);
    links = await resultLinks(page);
  }
  return { count, links };
}

describe("search recall and ranking on a generated corpus", () => {
  it("finds every page that contains each query within max(10, 2 × expected) results, verbatim pages first", async () => {
    const page = await browser.newPage();
    const misses: string[] = [];
    let scatteredSeen = 0;
    for (const query of QUERIES) {
      const expected = expectedPages(corpus.pages, query);
      expect(expected.size, `corpus has pages for ${query}`).toBeGreaterThan(0);
      const window = Math.max(10, 2 * expected.size);
      const { count, links } = await search(page, query, window);
      const found = Number(/找到 (\d+) 条结果/.exec(count)?.[1] ?? 0);
      expect(found, `${query}: ${count}`).toBeGreaterThanOrEqual(expected.size);
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

  it("sorts by date on request and shows more results with 更多结果, moving focus to the first new one", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent("科技")}&sort=date`);
    await page.waitForSelector(".search-result");
    expect(await page.locator(".search-result").count()).toBe(10);
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

  it("indexes exactly the article pages in shards of whole years, with a noscript message on the search page", () => {
    const manifest = JSON.parse(readFileSync(path.join(outputDir, "pagefind/shards.json"), "utf8"));
    let indexed = 0;
    for (const shard of manifest.shards as { path: string; language: string }[]) {
      const entry = JSON.parse(readFileSync(path.join(outputDir, shard.path, "pagefind-entry.json"), "utf8"));
      indexed += entry.languages[shard.language].page_count;
    }
    expect(manifest.shards.length).toBe(6);
    expect(indexed).toBe(corpus.pages.length);
    const html = readFileSync(path.join(outputDir, "search/index.html"), "utf8");
    expect(html).toMatch(/<noscript>[\s\S]*站内搜索需要浏览器启用 JavaScript/);
  });
});
