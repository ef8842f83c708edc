import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { testChromiumPath } from "./chromium-path.ts";

/** The flags this machine needs for headless Chromium (no sandbox as root, no network chatter). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches the tests' Chromium (chromium-path.ts) with `extraArgs`; Playwright gives it a new empty profile each time. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: testChromiumPath(),
    args: [...CHROMIUM_FLAGS, ...extraArgs],
    headless: true,
  });
}

/** Phone and desktop viewports the pages are checked at. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

/**
 * Makes the pages of `context` show only what their first paint shows: nothing registered for
 * DOMContentLoaded or load ever runs (scripts in the head still run).
 */
export async function showFirstPaintOnly(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      if (type === "DOMContentLoaded" || type === "load") return;
      add.call(this, type, ...rest);
    };
  });
}
