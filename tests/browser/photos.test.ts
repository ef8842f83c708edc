import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, VIEWPORTS } from "../../harness/chromium.ts";
import { type StaticServer, serveSite } from "../../harness/static-server.ts";
import { sampleSite } from "../helpers/sample-site.ts";

/*
 * Which rendition of a photo a phone and a desktop download: the one `sizes` and the device's
 * pixel density ask for (the narrowest at least as wide as the rendered photo in device pixels),
 * never the JPEG fallback nor the largest (查看原图), and `sizes` matching the width the CSS gives.
 */

const ARTICLE = "/articles/2024/kjhdz-2024/";
const DEVICES = {
  phone: { viewport: VIEWPORTS.phone, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  phone2x: { viewport: VIEWPORTS.phone, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
} as const;

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

/** Opens a page on a device; the first `selector` picture's rendered and `sizes` widths, the widths it offers and the photo files fetched. */
async function photoOn(device: keyof typeof DEVICES, url = ARTICLE, selector = ".article-body figure.photo img") {
  const context = await browser.newContext(DEVICES[device]);
  const fetched: string[] = [];
  context.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/files/")) fetched.push(decodeURIComponent(pathname));
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}${url}`);
  const img = page.locator(selector).first();
  await img.scrollIntoViewIfNeeded();
  await img.evaluate((element: HTMLImageElement) => element.decode());
  const seen = await img.evaluate((img: HTMLImageElement) => {
    const source = img.parentElement?.querySelector("source");
    return {
      rendered: img.getBoundingClientRect().width,
      current: decodeURIComponent(new URL(img.currentSrc).pathname),
      widths: (source?.getAttribute("srcset") ?? "").split(", ").map((entry) => {
        const [url, width] = entry.split(" ");
        return { url: decodeURIComponent(url ?? ""), width: Number.parseInt(width ?? "0", 10) };
      }),
      slot: (() => {
        let value = "";
        for (const entry of (source?.getAttribute("sizes") ?? "").split(", ")) {
          const condition = /^(\(.*?\))\s+(.+)$/.exec(entry);
          if (!condition) value = entry;
          else if (matchMedia(condition[1] ?? "").matches) value = condition[2] ?? "";
          if (value) break;
        }
        const holder = document.createElement("div");
        holder.style.width = value;
        document.body.append(holder);
        const width = holder.getBoundingClientRect().width;
        holder.remove();
        return width;
      })(),
    };
  });
  await context.close();
  return { ...seen, fetched, density: DEVICES[device].deviceScaleFactor };
}

describe("the photo a device downloads", () => {
  for (const device of ["phone", "phone2x", "desktop"] as const)
    it(`gives a ${device} the narrowest WebP at least as wide as the photo on its screen, and nothing else of it`, async () => {
      const seen = await photoOn(device);
      expect(Math.abs(seen.slot - seen.rendered)).toBeLessThanOrEqual(1);
      const needed = seen.rendered * seen.density;
      const expected = seen.widths.find((entry) => entry.width >= needed) ?? seen.widths.at(-1);
      expect(seen.current).toBe(expected?.url);
      const stem = (expected?.url ?? "").replace(/\.[0-9a-f]{8}\.\d+\.webp$/, "");
      expect(seen.fetched.filter((file) => file.startsWith(stem))).toEqual([expected?.url]);
      expect(expected?.width).toBe({ phone: 1080, phone2x: 720, desktop: 720 }[device]);
    });

  it("sizes the 图片新闻 cards as the CSS lays them out, on a phone and a desktop", async () => {
    for (const device of ["phone", "desktop"] as const) {
      const seen = await photoOn(device, "/", ".photo-news img");
      expect(Math.abs(seen.slot - seen.rendered), device).toBeLessThanOrEqual(1);
      const expected = seen.widths.find((entry) => entry.width >= seen.rendered * seen.density) ?? seen.widths.at(-1);
      expect(seen.current, device).toBe(expected?.url);
      expect(expected?.width, device).toBe(480);
    }
  });

  it("puts 图片新闻 after 通知公告 and the latest news on a phone, so they stay on its first screen", async () => {
    const context = await browser.newContext(DEVICES.phone);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const tops = await page.evaluate(() =>
      [".home-notices", ".column-block", ".photo-news"].map(
        (selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? -1,
      ),
    );
    await context.close();
    const [notices = -1, latest = -1, photos = -1] = tops;
    expect(notices).toBeGreaterThan(0);
    expect(latest).toBeGreaterThan(notices);
    expect(photos).toBeGreaterThan(latest);
  });
});
