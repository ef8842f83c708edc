import { beforeAll, describe, expect, it } from "vitest";
import { listHtmlPages, readPage, textOf } from "../helpers/html.ts";
import { sampleSite } from "../helpers/sample-site.ts";

const ORIGIN = "https://kjj.klmy.gov.cn";
const JIUCUO = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html";
const REPEALED = "/articles/2019/kjjh-xmglbf/";
const REVISION = "/articles/2024/kjjh-xmglbf-2024/";
const INTERPRETATION = "/articles/2024/kjjh-xmglbf-2024-jd/";

let siteDir: string;
beforeAll(() => {
  siteDir = sampleSite();
});

describe("the 我为政府网站找错 entry", () => {
  it("is on every page, with the 网站标识码 and the page's own canonical address, and its image served locally", () => {
    const pages = listHtmlPages(siteDir).filter((url) => url !== "/404.html" && !url.startsWith("/admin/"));
    expect(pages.length).toBeGreaterThan(40);
    for (const url of pages) {
      const link = readPage(siteDir, url).querySelector(`a[href^="${JIUCUO}"]`);
      const href = new URL(link?.getAttribute("href") ?? "about:blank");
      expect(href.searchParams.get("site_code"), url).toBe("6502000011");
      expect(href.searchParams.get("url"), url).toBe(`${ORIGIN}${url}`);
      expect(link?.querySelector("img")?.getAttribute("src"), url).toMatch(/^\/assets\/jiucuo\.[0-9a-f]{8}\.svg$/);
    }
  });
});

describe("互动交流, 办事服务 and 政府信息公开", () => {
  it("are in the header navigation of every page and on the home page with the site file's entries", () => {
    const home = readPage(siteDir, "/");
    const nav = [...home.querySelectorAll(".main-nav a")].map((a) => [textOf(a), a.getAttribute("href")]);
    expect(nav).toEqual(
      expect.arrayContaining([
        ["政府信息公开", "/xxgk/"],
        ["互动交流", "/hdjl/"],
        ["办事服务", "/bsfw/"],
      ]),
    );
    const titles = (key: string) => [...home.querySelectorAll(`[data-entries="${key}"] li a`)].map((a) => textOf(a));
    expect(titles("interaction")).toEqual(["局长信箱", "12345 政务服务便民热线", "在线咨询"]);
    expect(titles("services")).toContain("新疆政务服务网 · 克拉玛依市科学技术局");
    const report = home.querySelector("[data-annual-report]");
    expect(report?.getAttribute("href")).toBe("/xxgk/wzndbb-2025/");
  });

  it("has a 政府信息公开 page with the five standard entries, linked from the HTML 网站地图", () => {
    const page = readPage(siteDir, "/xxgk/");
    expect([...page.querySelectorAll(".public-information h2")].map(textOf)).toEqual([
      "政府信息公开指南",
      "政府信息公开制度",
      "法定主动公开内容",
      "政府信息公开年报",
      "依申请公开",
    ]);
    expect(page.querySelector('[data-xxgk="guide"] a')?.getAttribute("href")).toBe("/xxgk/zn/");
    expect(page.querySelector('[data-xxgk="annual_reports"] a')?.getAttribute("href")).toBe("/xxgk/nb-2025/");
    expect(page.querySelectorAll(".public-information .empty")).toHaveLength(0);
    expect(readPage(siteDir, "/sitemap/").querySelector('.site-map a[href="/xxgk/"]')).not.toBeNull();
    expect(textOf(readPage(siteDir, "/hdjl/").querySelector(".service-links"))).toContain("局长信箱");
  });
});

describe("政策文件 and 政策解读", () => {
  it("opens a 政策文件 with the 公文信息 table as gov.cn shows it", () => {
    const rows = [...readPage(siteDir, REVISION).querySelectorAll(".doc-info-table th")].map(textOf);
    expect(rows).toEqual(["索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "有效性"]);
    const cells = [...readPage(siteDir, REVISION).querySelectorAll(".doc-info-table td")].map(textOf);
    expect(cells).toEqual([
      "11650200MB0000000X/2024-00010",
      "科技",
      "克拉玛依市科学技术局",
      "2024年05月15日",
      "克拉玛依市科技计划项目管理办法（2024年修订）",
      "克科规〔2024〕1号",
      "2024年05月20日",
      "现行有效",
    ]);
  });

  it("says at the top of a repealed document that it is repealed, with its replacement, and marks it in the list", () => {
    const page = readPage(siteDir, REPEALED);
    const notice = page.querySelector(".validity-notice");
    expect(textOf(notice)).toContain("本文件已废止");
    expect(notice?.querySelector("a")?.getAttribute("href")).toBe(REVISION);
    expect(notice?.compareDocumentPosition(page.querySelector(".article-body") as Element)).toBe(4);
    const list = readPage(siteDir, "/zcwj/");
    const item = list.querySelector(`a[href="${REPEALED}"]`)?.parentElement;
    expect(textOf(item?.querySelector(".validity-badge"))).toBe("已废止");
  });

  it("links a document and its 解读 to each other", () => {
    expect(
      readPage(siteDir, REVISION).querySelector(`[data-interpretations] a[href="${INTERPRETATION}"]`),
    ).not.toBeNull();
    expect(readPage(siteDir, INTERPRETATION).querySelector(`[data-interprets] a[href="${REVISION}"]`)).not.toBeNull();
    expect(readPage(siteDir, INTERPRETATION).querySelector(".doc-info-table")).toBeNull();
  });
});
