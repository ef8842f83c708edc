import { cpSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, showFirstPaintOnly, VIEWPORTS } from "../../harness/chromium.ts";
import { type StaticServer, serveSite } from "../../harness/static-server.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { describeViolations, runAxe } from "../helpers/axe.ts";
import { buildToTemp } from "../helpers/build.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { readPage } from "../helpers/html.ts";

const SEARCH_QUERY = "科技";

let site: FixtureSite;
let browser: Browser;
let server: StaticServer;
let cleanup: () => void;
/** Page type → path; filled from the build so the notice page is a real one. */
const pages: Record<string, string> = {};

/**
 * The sample site plus 36 more 区县动态 articles, so the column has an archive page; built once with
 * its search index.
 */
beforeAll(async () => {
  site = createFixtureSite();
  cpSync(path.join(PROJECT_DIR, "content"), path.join(site.root, "content"), { recursive: true });
  for (let index = 1; index <= 36; index++) {
    const day = new Date(Date.UTC(2018, 2, index)).toISOString().slice(0, 10);
    site.write({
      [`content/articles/2018/qx-${String(index).padStart(2, "0")}.md`]: articleFile(
        { title: `区县科技工作动态第${index}期`, date: day, column: "区县动态" },
        `## 工作进展\n\n本期介绍各区科技工作的进展，第${index}期。\n`,
      ),
    });
  }
  const build = await buildToTemp(site.root);
  cleanup = build.cleanup;
  const noticeHref = [...readPage(build.outputDir, "/notices/").querySelectorAll(".list-page a")]
    .map((link) => link.getAttribute("href") ?? "")
    .find((href) => /^\/notices\/\d{4}\//.test(href));
  Object.assign(pages, {
    home: "/",
    article: "/articles/2021/kjcx-tdjjgzlfz/",
    "column front page": "/qxdt/",
    "column archive page": "/qxdt/1/",
    notices: "/notices/",
    notice: noticeHref,
    search: `/search/?q=${encodeURIComponent(SEARCH_QUERY)}`,
    无障碍说明: "/accessibility/",
    "site map": "/sitemap/",
    subscribe: "/subscribe/",
    "404": "/no-such-page/",
  });
  server = await serveSite(build.outputDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanup?.();
  site?.remove();
});

/** Opens a page and waits until it is complete: search results rendered on the search page. */
async function open(page: Page, type: string): Promise<void> {
  await page.goto(`${server.origin}${pages[type]}`);
  if (type === "search") await page.locator(".search-result-list li").first().waitFor();
}

// High contrast at one width: the toolbar's test (a11y-toolbar.test.ts) runs every colour scheme at
// both widths on the article page, this one runs it on every page type.
describe.each([
  ["phone", "normal"],
  ["desktop", "normal"],
  ["desktop", "high"],
] as const)("axe-core on a %s in %s contrast", (viewportName, contrast) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: VIEWPORTS[viewportName] });
    // The old key of the contrast button: site.js takes it over into its settings (key "a11y").
    if (contrast === "high") await context.addInitScript(() => window.localStorage.setItem("contrast", "high"));
  });
  afterAll(() => context?.close());

  it("finds no WCAG 2.1 A/AA or best-practice violation on any page type", async () => {
    const page = await context.newPage();
    const report: string[] = [];
    for (const type of Object.keys(pages)) {
      await open(page, type);
      expect(await page.evaluate(() => document.documentElement.dataset.contrast ?? "normal")).toBe(contrast);
      const violations = await runAxe(page);
      if (violations.length > 0) report.push(`${type} (${pages[type]}):\n${describeViolations(violations)}`);
    }
    await page.close();
    expect(report.join("\n\n"), "axe violations").toBe("");
  });
});

describe("keyboard use", () => {
  it("reaches the skip link with the first Tab, and Enter moves focus to the main content", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await open(page, "article");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到正文");
    expect(await page.locator(".skip-link").isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    expect(page.url()).toMatch(/#main$/);
    await page.close();
  });

  it("reaches and submits the home page's search box with the keyboard alone and can Tab into the results", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    await open(page, "home");
    let steps = 0;
    // The home page has one search box, its own 站内搜索; the other pages have the header's.
    while ((await page.evaluate(() => document.activeElement?.id)) !== "home-search-input") {
      await page.keyboard.press("Tab");
      expect(++steps, "Tab presses to reach the search box").toBeLessThan(30);
    }
    await page.keyboard.type(SEARCH_QUERY);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get("q")).toBe(SEARCH_QUERY);
    await page.locator(".search-result-list li").first().waitFor();
    await page.locator("#search-input").focus();
    for (let press = 0; press < 3; press++) await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.closest(".search-result-list") !== null);
    expect(focused, "a search result link is reachable by Tab").toBe(true);
    await page.close();
  });

  it("shows a visible focus outline on links and buttons", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await open(page, "article");
    for (const selector of [
      ".main-nav a",
      ".header-search button",
      ".a11y-toggle",
      ".contrast-toggle",
      ".article-tools button",
      ".site-footer a",
    ]) {
      await page.locator(selector).first().focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
      });
      expect(outline.style, selector).not.toBe("none");
      expect(outline.width, selector).toBeGreaterThanOrEqual(2);
    }
    await page.close();
  });
});

describe("the high-contrast mode", () => {
  it("switches the page to light-on-black with yellow underlined links and remembers it", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await open(page, "article");
    const toggle = page.getByRole("button", { name: "高对比度" });
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    const colours = () =>
      page.evaluate(() => {
        const link = getComputedStyle(document.querySelector(".article-body a, .prev-next a") as Element);
        const body = getComputedStyle(document.body);
        return { background: body.backgroundColor, text: body.color, link: link.color, line: link.textDecorationLine };
      });
    expect(await colours()).toEqual({
      background: "rgb(0, 0, 0)",
      text: "rgb(255, 255, 255)",
      link: "rgb(255, 255, 0)",
      line: "underline",
    });
    await open(page, "home");
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe("high");
    await page.getByRole("button", { name: "高对比度" }).click();
    await open(page, "article");
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBeUndefined();
    await context.close();
  });

  it("shows the 高对比度 button pressed from the first paint, not only once the page's scripts have run", async () => {
    const look = async (withListeners: boolean) => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      await context.addInitScript(() => window.localStorage.setItem("contrast", "high"));
      if (!withListeners) await showFirstPaintOnly(context);
      const page = await context.newPage();
      await open(page, "article");
      const toggle = page.locator("[data-contrast-toggle]");
      if (withListeners) await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
      else expect(await toggle.getAttribute("aria-pressed")).toBe("false");
      // Once any colour transition of the button has ended.
      await page.waitForFunction(() => document.querySelector("[data-contrast-toggle]")?.getAnimations().length === 0);
      const colours = await toggle.evaluate((button) => {
        const style = getComputedStyle(button);
        return {
          background: style.backgroundColor,
          text: style.color,
          page: getComputedStyle(document.body).backgroundColor,
        };
      });
      await context.close();
      return colours;
    };
    const first = await look(false);
    expect(first.background).not.toBe(first.page);
    expect(first).toEqual(await look(true));
  });

  it("keeps the QR code dark on white so it still scans", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    await context.addInitScript(() => window.localStorage.setItem("contrast", "high"));
    const page = await context.newPage();
    await open(page, "article");
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector(".qr-code") as Element).backgroundColor),
    ).toBe("rgb(255, 255, 255)");
    await context.close();
  });
});

describe("reduced motion", () => {
  it("turns transitions off when the reader asks for less motion", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, reducedMotion: "reduce" });
    const page = await context.newPage();
    await open(page, "home");
    const durations = await page.evaluate(() =>
      [...document.querySelectorAll("button, .main-nav a")].map(
        (element) => getComputedStyle(element).transitionDuration,
      ),
    );
    expect(durations.length).toBeGreaterThan(0);
    expect(new Set(durations)).toEqual(new Set(["0s"]));
    await context.close();
  });
});
