import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, showFirstPaintOnly, VIEWPORTS } from "../../harness/chromium.ts";
import { type StaticServer, serveSite } from "../../harness/static-server.ts";
import { decodeQrPng } from "../helpers/qr-decode.ts";
import { sampleSite } from "../helpers/sample-site.ts";

const SEED_URL = "/articles/2021/kjcx-tdjjgzlfz/";
const CANONICAL = `https://kjj.klmy.gov.cn${SEED_URL}`;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveSite(sampleSite());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(Object.entries(VIEWPORTS))("the seed article page on a %s", (_name, viewport) => {
  it("shows every part of the seed page without horizontal scrolling", async () => {
    const page = await browser.newPage({ viewport });
    await page.goto(`${server.origin}${SEED_URL}`);
    for (const selector of [
      "h1",
      ".article-meta",
      ".article-body h2",
      ".notices-block",
      ".qr-block",
      ".breadcrumb",
      ".prev-next",
      ".site-footer",
    ]) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(true);
    }
    expect(await page.locator("h1").textContent()).toBe("以科技创新推动经济高质量发展");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it("has a QR code that decodes from a screenshot to the page's canonical URL", async () => {
    const page = await browser.newPage({ viewport });
    await page.goto(`${server.origin}${SEED_URL}`);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(canonical).toBe(CANONICAL);
    const qr = page.locator(".qr-block img");
    await qr.scrollIntoViewIfNeeded();
    const box = await qr.boundingBox();
    expect(box?.width).toBe(viewport.width < 600 ? 96 : 132);
    expect(box?.height).toBe(box?.width);
    expect(decodeQrPng(await qr.screenshot())).toBe(canonical);
    await page.close();
  });
});

describe("the QR code image", () => {
  it("keeps its box from the first layout, before the image is decoded (no layout shift)", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.route(/\/articles\/2021\/kjcx-tdjjgzlfz\/$/, async (route) => {
      const response = await route.fetch();
      // The image's address removed: the box the layout gives it without any picture.
      const html = (await response.text()).replace(/(<img class="qr-code" src=")data:[^"]+/, "$1");
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${server.origin}${SEED_URL}`);
    const empty = await page.locator(".qr-block img").boundingBox();
    const loaded = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await loaded.goto(`${server.origin}${SEED_URL}`);
    await loaded.waitForFunction(() => (document.querySelector(".qr-block img") as HTMLImageElement | null)?.complete);
    expect(await loaded.locator(".qr-block img").boundingBox()).toEqual(empty);
    const natural = await loaded.evaluate(
      () => (document.querySelector(".qr-block img") as HTMLImageElement).naturalWidth,
    );
    expect(natural % 4).toBe(0);
    await Promise.all([page.close(), loaded.close()]);
  });
});

describe("the article tools", () => {
  it("changes the text size, remembers it on the next page, and offers printing", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(`${server.origin}${SEED_URL}`);
    const bodySize = () =>
      page.evaluate(() =>
        Number.parseFloat(getComputedStyle(document.querySelector(".article-body p") as Element).fontSize),
      );
    const medium = await bodySize();
    await page.getByRole("button", { name: "大", exact: true }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe("large");
    expect(await bodySize()).toBeGreaterThan(medium);
    expect(await page.getByRole("button", { name: "大", exact: true }).getAttribute("aria-pressed")).toBe("true");
    await page.goto(`${server.origin}/about/`);
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe("large");
    await page.goto(`${server.origin}${SEED_URL}`);
    await page.getByRole("button", { name: "小", exact: true }).click();
    expect(await bodySize()).toBeLessThan(medium);
    await page.evaluate(() => {
      (window as unknown as { printed: boolean }).printed = false;
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });
    await page.getByRole("button", { name: "打印本页" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
    await context.close();
  });

  it("shows the controls that need the script in the first layout, before the page's scripts start", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    await showFirstPaintOnly(context);
    const page = await context.newPage();
    await page.goto(`${server.origin}${SEED_URL}`);
    for (const selector of ["[data-article-tools]", "[data-a11y-toggle]", "[data-contrast-toggle]"]) {
      expect(await page.locator(selector).isVisible(), selector).toBe(true);
    }
    await context.close();
  });

  it("shows the text size in use pressed from the first paint, not only once the page's scripts have run", async () => {
    const look = async (withListeners: boolean) => {
      const context = await browser.newContext({ viewport: VIEWPORTS.phone });
      if (!withListeners) await showFirstPaintOnly(context);
      const page = await context.newPage();
      await page.goto(`${server.origin}${SEED_URL}`);
      const medium = page.locator('[data-text-size="medium"]');
      if (withListeners) await expect.poll(() => medium.getAttribute("aria-pressed")).toBe("true");
      // Once any colour transition of the buttons has ended.
      await page.waitForFunction(() =>
        [...document.querySelectorAll("[data-text-size]")].every((button) => button.getAnimations().length === 0),
      );
      const colours = await page.evaluate(() =>
        ["medium", "large"].map((size) => {
          const style = getComputedStyle(document.querySelector(`[data-text-size="${size}"]`) as Element);
          return `${style.backgroundColor} ${style.color}`;
        }),
      );
      await context.close();
      return colours;
    };
    const [medium, large] = await look(false);
    expect(medium).not.toBe(large);
    expect([medium, large]).toEqual(await look(true));
  });

  it("leaves the page readable with JavaScript off and hides the controls that need it", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${SEED_URL}`);
    expect(await page.locator("h1").isVisible()).toBe(true);
    expect(await page.locator(".article-body h2").count()).toBe(3);
    expect(await page.locator("[data-article-tools]").isVisible()).toBe(false);
    expect(await page.locator("[data-a11y-toggle], [data-contrast-toggle]").first().isVisible()).toBe(false);
    expect(await page.locator("[data-a11y-toggle], [data-contrast-toggle]").last().isVisible()).toBe(false);
    expect(decodeQrPng(await page.locator(".qr-block img").screenshot())).toBe(CANONICAL);
    await context.close();
  });
});
