import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Catalog, loadCatalog } from "../../lib/content/index.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { listHtmlPages, listSiteFiles, metaContent, readPage, readXml, textOf } from "../helpers/html.ts";
import { decodeQrDataUrl } from "../helpers/qr-decode.ts";
import { sampleSite } from "../helpers/sample-site.ts";
import { builtSitemapPages, sitemapLocations, sitemapSchemaErrors } from "../helpers/sitemaps.ts";

const SEED_URL = "/articles/2021/kjcx-tdjjgzlfz/";
const ORIGIN = "https://kjj.klmy.gov.cn";
const SEED_NOTICES = [
  ["关于申报2024年克拉玛依市科技计划储备项目的通知", "2024/01/14"],
  ["关于拟兑现2023年度自治区重点研发项目配套补助资金的公示", "2023/11/15"],
  ["关于2023年度克拉玛依市“揭榜挂帅” 项目中榜单位的公告", "2023/10/18"],
  ["关于2023年度市级企业研发中心拟备案单位的公示", "2023/09/19"],
  ["关于拟配套奖励克拉玛依市荣获2022年度“自治区科学技术奖”项目的公示", "2023/09/15"],
];

let siteDir: string;
let content: Catalog;

beforeAll(async () => {
  siteDir = sampleSite();
  content = loadCatalog({ root: PROJECT_DIR });
});

describe("the sample content", () => {
  it("has the seed article, at least 12 more articles over all four columns, and 17 or more notices", () => {
    expect(content.articles.some((article) => article.url === SEED_URL)).toBe(true);
    expect(content.articles.length).toBeGreaterThanOrEqual(13);
    for (const listing of content.columns) expect(listing.articles.length, listing.column.name).toBeGreaterThan(1);
    expect(content.notices.length).toBeGreaterThanOrEqual(17);
  });
});

describe("the seed article page", () => {
  let page: Document;
  beforeAll(() => {
    page = readPage(siteDir, SEED_URL);
  });

  it("has the title as its only h1 and the meta line 时间 / 来源 / 适用地", () => {
    expect([...page.querySelectorAll("h1")].map(textOf)).toEqual(["以科技创新推动经济高质量发展"]);
    const items = [...page.querySelectorAll(".article-meta .meta-item")].map(textOf);
    expect(items).toEqual(["时间：2021-12-06", "来源：克拉玛依市科学技术局", "适用地：克拉玛依市"]);
    expect(page.querySelector(".article-meta time")?.getAttribute("datetime")).toBe("2021-12-06T00:00:00+08:00");
  });

  it("has the seed's three section headings in the body", () => {
    expect([...page.querySelectorAll(".article-body h2")].map(textOf)).toEqual([
      "加强科技合作，推进区域协同创新发展",
      "加强基础创新，激发创新创业创造活力",
      "加强科技支撑，产业发展能力稳步提升",
    ]);
    expect(page.querySelectorAll(".article-body p").length).toBeGreaterThan(10);
  });

  it("lists attachments with file type and size, and the files exist", () => {
    const links = [...page.querySelectorAll(".attachments li")];
    expect(links.length).toBeGreaterThan(0);
    for (const item of links) {
      expect(textOf(item.querySelector(".file-meta"))).toMatch(/^（[A-Z0-9]+，[\d.]+ (B|KB|MB)）$/);
      const href = item.querySelector("a")?.getAttribute("href") ?? "";
      expect(existsSync(path.join(siteDir, decodeURIComponent(href)))).toBe(true);
    }
  });

  it("shows the 通知公告 block of the seed: the five newest notices with YYYY/MM/DD dates and 查看更多", () => {
    const block = page.querySelector(".notices-block");
    expect(textOf(block?.querySelector("h2"))).toBe("通知公告");
    const rows = [...(block?.querySelectorAll("li") ?? [])].map((item) => [
      textOf(item.querySelector("a")),
      textOf(item.querySelector("time")),
    ]);
    expect(rows).toEqual(SEED_NOTICES);
    const more = block?.querySelector("a.more");
    expect(textOf(more)).toContain("查看更多");
    expect(more?.getAttribute("href")).toBe("/notices/");
  });

  it("has a breadcrumb to the home page and the column", () => {
    const crumbs = [...page.querySelectorAll(".breadcrumb li")];
    expect(crumbs.map(textOf)).toEqual(["首页", "工作动态", "正文"]);
    expect(crumbs[1]?.querySelector("a")?.getAttribute("href")).toBe("/gzdt/");
  });

  it("links the previous and next articles of its own column, and they link back", () => {
    const article = content.articles.find((entry) => entry.url === SEED_URL);
    const links = [...page.querySelectorAll(".prev-next a")].map((link) => link.getAttribute("href") ?? "");
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      const neighbour = content.articles.find((entry) => entry.url === href);
      expect(neighbour?.column.slug).toBe("gzdt");
      const back = [...readPage(siteDir, href).querySelectorAll(".prev-next a")].map((link) =>
        link.getAttribute("href"),
      );
      expect(back).toContain(SEED_URL);
    }
    expect(article?.previous?.url ?? article?.next?.url).toBeDefined();
  });

  it('carries 打开微信"扫一扫" beside a QR code image of the canonical URL, with its size and text alternative', () => {
    const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute("href");
    expect(canonical).toBe(`${ORIGIN}${SEED_URL}`);
    const block = page.querySelector(".qr-block");
    expect(textOf(block?.querySelector(".qr-caption"))).toBe('打开微信"扫一扫"');
    const image = block?.querySelector("img.qr-code");
    expect(image?.getAttribute("alt")).toBe(`本页二维码，链接：${canonical}`);
    expect([image?.getAttribute("width"), image?.getAttribute("height")]).toEqual(["132", "132"]);
    expect(decodeQrDataUrl(image?.getAttribute("src") ?? "")).toBe(canonical);
    expect(block?.querySelector("svg")).toBeNull();
    expect(page.querySelectorAll("script:not([src])")).toHaveLength(0);
  });

  it("has print and text-size controls, marked as needing the script", () => {
    const tools = page.querySelector("[data-article-tools]");
    expect(tools?.hasAttribute("data-needs-script")).toBe(true);
    expect([...(tools?.querySelectorAll("[data-text-size]") ?? [])].map(textOf)).toEqual(["大", "中", "小"]);
    expect(tools?.querySelector("[data-print]")).not.toBeNull();
  });

  it("has the article and column meta of the government norms", () => {
    expect(metaContent(page, "ArticleTitle")).toBe("以科技创新推动经济高质量发展");
    expect(metaContent(page, "PubDate")).toBe("2021-12-06 00:00");
    expect(metaContent(page, "ContentSource")).toBe("克拉玛依市科学技术局");
    expect(metaContent(page, "ColumnName")).toBe("工作动态");
    expect(page.querySelector('meta[property="og:type"]')?.getAttribute("content")).toBe("article");
    expect(page.querySelector('meta[property="og:url"]')?.getAttribute("content")).toBe(`${ORIGIN}${SEED_URL}`);
  });
});

describe("every HTML page", () => {
  it("carries the footer identity, the site meta and a QR code of its own canonical URL", () => {
    // /admin/ is the browser CMS's own page, not a page of the site (tests/integration/cms-admin.test.ts).
    const pages = listHtmlPages(siteDir).filter((url) => !url.startsWith("/admin/"));
    expect(pages.length).toBeGreaterThan(25);
    for (const url of pages) {
      const page = readPage(siteDir, url);
      const footer = page.querySelector("footer.site-footer");
      const footerText = textOf(footer);
      expect(footerText, url).toContain("主办单位：克拉玛依市科学技术局");
      expect(footerText, url).toContain("网站标识码：6502000011");
      expect(footer?.querySelector('a[href="https://beian.miit.gov.cn/"]'), url).not.toBeNull();
      expect(
        footer?.querySelector('a[href^="https://www.beian.gov.cn/portal/registerSystemInfo?recordcode="]'),
        url,
      ).not.toBeNull();
      expect(footer?.querySelector('img[alt="党政机关网站标识"]'), url).not.toBeNull();
      expect(footer?.querySelector('a[href="/accessibility/"]')?.textContent, url).toBe("无障碍说明");
      const toggle = page.querySelector("header button[data-a11y-toggle]");
      expect(toggle?.getAttribute("aria-keyshortcuts"), url).toBe("Alt+Shift+A");
      expect(toggle?.hasAttribute("data-needs-script"), url).toBe(true);
      const script = page.querySelector('head script[src*="/assets/site."]');
      for (const name of ["data-toolbar", "data-toolbar-css"]) {
        const asset = script?.getAttribute(name) ?? "";
        expect(asset, url).toMatch(/^\/assets\/a11y-toolbar\.[0-9a-f]{8}\.(js|css)$/);
        expect(existsSync(path.join(siteDir, asset)), asset).toBe(true);
      }
      expect(metaContent(page, "SiteName"), url).toBe("克拉玛依市科学技术局");
      expect(metaContent(page, "SiteDomain"), url).toBe("kjj.klmy.gov.cn");
      expect(metaContent(page, "SiteIDCode"), url).toBe("6502000011");
      expect(metaContent(page, "description"), url).toBeTruthy();
      expect(page.documentElement.getAttribute("lang")).toBe("zh-CN");
      expect(page.querySelectorAll("h1"), url).toHaveLength(1);
      if (url === "/404.html") {
        expect(page.querySelector('link[rel="canonical"]')).toBeNull();
        continue;
      }
      const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute("href");
      expect(canonical, url).toBe(`${ORIGIN}${url}`);
      expect(decodeQrDataUrl(page.querySelector(".qr-block img")?.getAttribute("src") ?? ""), url).toBe(canonical);
      expect(page.querySelector('form[role="search"][action="/search/"] input[name="q"]'), url).not.toBeNull();
    }
  });
});

describe("column and notice pages", () => {
  it("lists a column's articles newest first with plain links and the Column* meta", () => {
    const page = readPage(siteDir, "/gzdt/");
    const dates = [...page.querySelectorAll(".list-page time")].map((time) => time.getAttribute("datetime") ?? "");
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(metaContent(page, "ColumnName")).toBe("工作动态");
    expect(metaContent(page, "ColumnType")).toBeTruthy();
    expect(metaContent(page, "ColumnDescription")).toBeTruthy();
    expect(metaContent(page, "ColumnKeywords")).toBeTruthy();
    expect(page.querySelector('.main-nav a[href="/gzdt/"]')?.getAttribute("aria-current")).toBe("true");
  });

  it("lists every notice on the notices pages, newest first, each linking to its target", () => {
    const page = readPage(siteDir, "/notices/");
    const titles = [...page.querySelectorAll(".list-page li a")].map(textOf);
    expect(titles.slice(0, 5)).toEqual(SEED_NOTICES.map(([title]) => title));
    expect(titles).toHaveLength(Math.min(20, content.notices.length));
    for (const notice of content.noticePages) {
      const noticePage = readPage(siteDir, notice.pageUrl ?? "");
      expect(textOf(noticePage.querySelector("h1"))).toBe(notice.title);
      expect(metaContent(noticePage, "ArticleTitle")).toBe(notice.title);
    }
  });

  it("renders the home page with each column's latest articles and the notices block", () => {
    const page = readPage(siteDir, "/");
    for (const listing of content.columns) {
      const block = page.querySelector(`#column-${listing.column.slug}`)?.closest("section");
      const expected = listing.articles.slice(0, content.site.home_articles_per_column).map((article) => article.url);
      expect([...(block?.querySelectorAll("li a") ?? [])].map((link) => link.getAttribute("href"))).toEqual(expected);
    }
    expect(page.querySelectorAll(".notices-block li")).toHaveLength(5);
  });

  it("writes the 无障碍说明 page: every function of the toolbar and its shortcut", () => {
    const page = readPage(siteDir, "/accessibility/");
    expect(textOf(page.querySelector("h1"))).toBe("无障碍说明");
    const text = textOf(page.querySelector("main"));
    for (const name of [
      "连读",
      "指读",
      "语速",
      "大字幕",
      "十字光标",
      "放大",
      "配色",
      "纯文本",
      "大鼠标",
      "重置",
      "关闭",
    ])
      expect(text, name).toContain(name);
    for (const key of ["Alt+Shift+A", "Esc", "Tab"]) expect(text, key).toContain(key);
  });

  it("renders the about page from Markdown", () => {
    expect(textOf(readPage(siteDir, "/about/").querySelector("h1"))).toBe("关于我们");
  });

  it("shows one search box on the home page, and the header's on every other page", () => {
    const home = readPage(siteDir, "/");
    expect(home.querySelectorAll('form[role="search"]')).toHaveLength(1);
    expect(home.querySelector(".home-search input")?.getAttribute("placeholder")).toBe("如：科技计划项目");
    expect(readPage(siteDir, SEED_URL).querySelectorAll('form[role="search"]')).toHaveLength(1);
    expect(readPage(siteDir, SEED_URL).querySelector(".header-search")).not.toBeNull();
  });
});

describe("a notice laid out as an official document", () => {
  let page: Document;
  let notice: Catalog["noticePages"][number];
  beforeAll(() => {
    notice = content.noticePages.find((entry) => entry.title.startsWith("关于申报2024年")) as typeof notice;
    page = readPage(siteDir, notice.pageUrl);
  });

  it("sets the salutation flush left and every other paragraph indented", () => {
    const paragraphs = [...page.querySelectorAll(".article-body p")];
    expect(paragraphs[0]?.className).toBe("doc-salutation");
    expect(textOf(paragraphs[0])).toBe("各区科技主管部门，各有关单位：");
    expect(paragraphs.slice(1).every((paragraph) => !paragraph.className)).toBe(true);
  });

  it("lists the attachments after the body as 附件：1. … 2. …, each a download with its type and size", () => {
    const block = page.querySelector(".article-body + .doc-attachments");
    expect(textOf(block?.querySelector("h2"))).toBe("附件：");
    const items = [...(block?.querySelectorAll("ol > li") ?? [])];
    expect(items.map((item) => item.querySelector("a")?.getAttribute("href"))).toEqual(
      notice.attachments.map((file) => file.url),
    );
    expect(items.every((item) => item.querySelector("a")?.hasAttribute("download"))).toBe(true);
    expect(textOf(items[1])).toMatch(/（CSV，\d+ B）$/);
  });

  it("ends with the 落款: the issuing body and the date written 2024年1月12日", () => {
    const signature = page.querySelector(".doc-attachments + .doc-signature");
    expect(textOf(signature?.querySelector(".doc-organ"))).toBe("克拉玛依市科学技术局");
    expect(signature?.querySelector(".doc-date time")?.getAttribute("datetime")).toBe("2024-01-12");
    expect(textOf(signature?.querySelector(".doc-date"))).toBe("2024年1月12日");
  });

  it("has the text-size and print tools of the article pages", () => {
    const tools = page.querySelector("[data-article-tools]");
    expect([...(tools?.querySelectorAll("[data-text-size]") ?? [])].map((button) => textOf(button))).toEqual([
      "大",
      "中",
      "小",
    ]);
    expect(textOf(tools?.querySelector("[data-print]"))).toBe("打印本页");
  });

  it("dates the 落款 with the notice's own date when the notice gives none", () => {
    const other = content.noticePages.find((entry) => entry.signature && entry.title.includes("成果转化培训班"));
    expect(other?.signature).toEqual({ organ: "克拉玛依市科学技术局", date: other?.date.slice(0, 10) });
    expect(textOf(readPage(siteDir, other?.pageUrl ?? "").querySelector(".doc-date"))).toBe("2023年6月8日");
  });
});

describe("网站地图, 订阅 and the icons", () => {
  it("lists every column with its list page, the notices, the static pages, search and subscribe", () => {
    const page = readPage(siteDir, "/sitemap/");
    expect(textOf(page.querySelector("h1"))).toBe("网站地图");
    const links = [...page.querySelectorAll("main .site-map a")].map((link) => link.getAttribute("href"));
    for (const listing of content.columns) expect(links).toContain(`/${listing.column.slug}/`);
    for (const staticPage of content.staticPages) expect(links).toContain(staticPage.url);
    expect(links).toEqual(expect.arrayContaining(["/", "/notices/", "/search/", "/subscribe/"]));
  });

  it("links 网站地图 and 订阅 in the footer to those pages, not to the XML files", () => {
    const footer = [...readPage(siteDir, "/").querySelectorAll(".footer-links a")];
    const byTitle = Object.fromEntries(footer.map((link) => [textOf(link), link.getAttribute("href")]));
    expect(byTitle).toMatchObject({ 网站地图: "/sitemap/", 订阅: "/subscribe/" });
  });

  it("explains in Chinese how to subscribe, with the feed's absolute address", () => {
    const page = readPage(siteDir, "/subscribe/");
    expect(textOf(page.querySelector("h1"))).toBe("订阅本站");
    expect(textOf(page.querySelector(".subscribe-address"))).toBe(`${ORIGIN}/feed.xml`);
    expect(textOf(page.querySelector(".article-body"))).toContain("RSS 阅读器");
  });

  it("serves /favicon.ico (an ICO of PNG images) and the iOS icon, linked from every page with the SVG emblem", () => {
    const ico = readFileSync(path.join(siteDir, "favicon.ico"));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    expect(readFileSync(path.join(siteDir, "apple-touch-icon.png")).subarray(1, 4).toString()).toBe("PNG");
    const head = readPage(siteDir, "/notices/").head;
    expect(head.querySelector('link[rel="icon"][href="/favicon.ico"]')).not.toBeNull();
    const svgIcon = head.querySelector('link[rel="icon"][type="image/svg+xml"]');
    expect(svgIcon?.getAttribute("href")).toMatch(/^\/assets\/emblem\.[0-9a-f]{8}\.svg$/);
    // Browsers that draw SVG icons take the emblem the header already loaded, not the 6.5 KB ICO.
    expect(svgIcon?.getAttribute("sizes")).toBe("any");
  });

  it("starts the search page's script as soon as it arrives, and Pagefind's module only from it", () => {
    const head = readPage(siteDir, "/search/").head;
    const script = head.querySelector('script[src*="/assets/search-page."]');
    expect(script?.hasAttribute("async")).toBe(true);
    expect(script?.hasAttribute("defer")).toBe(false);
    expect(head.querySelector('link[rel="preload"][href="/pagefind/shards.json"][as="fetch"]')).not.toBeNull();
    // Pagefind's WebAssembly, the first query's largest file, starts with the page rather than with its script.
    expect(
      head.querySelector('link[rel="preload"][href="/pagefind/wasm.unknown.pagefind"][as="fetch"][crossorigin]'),
    ).not.toBeNull();
    expect(existsSync(path.join(siteDir, "pagefind/wasm.unknown.pagefind"))).toBe(true);
    // A preloaded pagefind.js would share the first round trips with the script that needs them first.
    expect(head.querySelector('link[rel="modulepreload"]')).toBeNull();
  });
});

describe("feed, sitemap, robots and 404", () => {
  it("writes an Atom feed of the newest articles with absolute links", () => {
    const feed = readXml(siteDir, "/feed.xml");
    const entries = [...feed.querySelectorAll("entry")];
    expect(entries).toHaveLength(Math.min(50, content.articles.length));
    expect(entries[0]?.querySelector("title")?.textContent).toBe(content.articles[0]?.title);
    expect(entries[0]?.querySelector("link")?.getAttribute("href")).toBe(`${ORIGIN}${content.articles[0]?.url}`);
    expect(feed.querySelector("feed > updated")?.textContent).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("lists every page in the sitemaps, an index and its children, with absolute URLs that exist in the build", () => {
    const locations = builtSitemapPages(siteDir);
    const pages = listHtmlPages(siteDir).filter(
      (url) => url !== "/404.html" && url !== "/search/" && !url.startsWith("/admin/"),
    );
    expect([...locations].sort()).toEqual(pages.map((url) => `${ORIGIN}${url}`).sort());
  });

  it("writes sitemaps valid against the sitemaps.org schemas, each child listed in the index", () => {
    expect(sitemapSchemaErrors(path.join(siteDir, "sitemap.xml"), "sitemapindex")).toBe("");
    const children = sitemapLocations(path.join(siteDir, "sitemap.xml"));
    const written = listSiteFiles(siteDir).filter((file) => /^sitemap-.+\.xml$/.test(file));
    expect(children).toEqual(written.map((file) => `${ORIGIN}/${file}`));
    for (const file of written) expect(sitemapSchemaErrors(path.join(siteDir, file), "urlset"), file).toBe("");
    const article = content.articles[0];
    expect(readFileSync(path.join(siteDir, `sitemap-articles-${article?.date.slice(0, 4)}.xml`), "utf8")).toContain(
      `<url><loc>${ORIGIN}${article?.url}</loc><lastmod>${article?.updated ?? article?.date}</lastmod></url>`,
    );
  });

  it("points robots.txt at the sitemap", () => {
    expect(readFileSync(path.join(siteDir, "robots.txt"), "utf8")).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });

  it("writes a 404 page that links home", () => {
    const page = readPage(siteDir, "/404.html");
    expect(page.querySelector('main a[href="/"]')).not.toBeNull();
  });
});
