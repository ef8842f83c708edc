/**
 * The phone the first searches run on: Debian's Chromium headless, a fresh context per query with a
 * phone's viewport, Slow 4G and the CPU slowdown through the DevTools protocol.
 */
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from "playwright-core";
import { CHROMIUM_FLAGS } from "../harness/chromium.ts";
import { chromiumPath } from "./lighthouse.ts";
import { RequestLog } from "./request-log.ts";

/** Slow 4G as Lighthouse's mobile preset defines it, and its CPU slowdown. */
export const SLOW_4G = { latencyMs: 150, downloadKbps: 1.6 * 1024, uploadKbps: 750, cpuSlowdown: 4 } as const;

/** A phone: the viewport of the issue (390 × 844) at the pixel ratio phones of that size have. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/**
 * Debian's Chromium headless (CHROMIUM_PATH overrides), trusting the CDN-like server's
 * certificate by its key (`spki`) so that responses are cached as from a valid site.
 */
export function launchPhoneChromium(spki?: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS, ...(spki ? [`--ignore-certificate-errors-spki-list=${spki}`] : [])],
    headless: true,
  });
}

/** A fresh phone context with the probe installed, its one page and its request log. */
export interface PhoneContext {
  context: BrowserContext;
  page: Page;
  log: RequestLog;
  /** Whether Slow 4G and the CPU slowdown were asked for and both CDP calls succeeded. */
  throttled: boolean;
}

/** Opens a fresh phone context with the probe script `probe`, Slow 4G and the CPU slowdown (with `throttle`). */
export async function phoneContext(browser: Browser, throttle: boolean, probe: string): Promise<PhoneContext> {
  const context = await browser.newContext({ ...PHONE, locale: "zh-CN" });
  await context.addInitScript({ content: probe });
  const page = await context.newPage();
  const log = new RequestLog(context);
  let throttled = false;
  if (throttle) {
    // Applies to the page and to its dedicated workers (Pagefind's), whose requests Chromium
    // throttles with their parent frame's conditions.
    await throttleLikeSlow4G(await context.newCDPSession(page));
    throttled = true;
  }
  return { context, page, log, throttled };
}

/** Slow 4G and the CPU slowdown (SLOW_4G) on a page's DevTools session. */
export async function throttleLikeSlow4G(cdp: CDPSession): Promise<void> {
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: SLOW_4G.latencyMs,
    downloadThroughput: (SLOW_4G.downloadKbps * 1024) / 8,
    uploadThroughput: (SLOW_4G.uploadKbps * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOW_4G.cpuSlowdown });
}
