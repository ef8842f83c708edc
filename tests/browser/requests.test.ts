import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, VIEWPORTS } from "../../harness/chromium.ts";
import { type StaticServer, serveSite } from "../../harness/static-server.ts";
import { formatCsp, type HeaderRule, headersFor, metaCsp, parseHeaders, SITE_CSP } from "../../lib/publish/headers.ts";
import { readPage } from "../helpers/html.ts";
import { sampleSite } from "../helpers/sample-site.ts";

/*
 * Every page type of the sample site, served with the headers of the `_headers` file the build
 * wrote (as the CDN would add them), must load only from the site's own origin and trigger no
 * Content-Security-Policy violation, neither from the meta tag nor from the header.
 * /admin/ (the CMS, with its own looser policy) is not one of the pages checked here.
 */

let browser: Browser;
let server: StaticServer;
let rules: HeaderRule[];
const pages: Record<string, string> = {};

beforeAll(async () => {
  const build = { outputDir: sampleSite() };
  rules = parseHeaders(readFileSync(path.join(build.outputDir, "_headers"), "utf8"));
  const noticePage = [...readPage(build.outputDir, "/notices/").querySelectorAll(".list-page a")]
    .map((link) => link.getAttribute("href") ?? "")
    .find((href) => /^\/notices\/\d{4}\//.test(href));
  Object.assign(pages, {
    home: "/",
    article: "/articles/2021/kjcx-tdjjgzlfz/",
    column: "/gzdt/",
    notices: "/notices/",
    notice: noticePage,
    about: "/about/",
    search: `/search/?q=${encodeURIComponent("科技")}`,
    "404": "/no-such-page/",
  });
  server = await serveSite(build.outputDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A console message about a Content-Security-Policy violation: Chromium's own, or the page's listener's. */
const CSP_MESSAGE = /Content Security Policy|CSP violation/i;

interface Recorder {
  requests: string[];
  violations: string[];
}

/** A context whose responses carry the `_headers` headers and which records requests and CSP violations. */
async function recordingContext(recorder: Recorder): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== server.origin) return route.abort();
    const added = Object.fromEntries(
      Object.entries(headersFor(rules, url.pathname)).map(([name, values]) => [name.toLowerCase(), values.join(", ")]),
    );
    try {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...added } });
    } catch {
      // The page moved on (or the context closed) while Pagefind's worker was still prefetching.
    }
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  context.on("request", (request) => {
    recorder.requests.push(request.url());
  });
  context.on("console", (message) => {
    if (CSP_MESSAGE.test(message.text())) recorder.violations.push(message.text());
  });
  return context;
}

async function closeContext(context: BrowserContext): Promise<void> {
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await context.close();
}

/** Opens a page; checks it carries the strict policy in its meta tag and, unless it is a miss (404), its header. */
async function open(page: Page, type: string): Promise<void> {
  const response = await page.goto(`${server.origin}${pages[type]}`);
  const header = response?.headers()["content-security-policy"];
  expect(header, type).toBe(response?.status() === 404 ? undefined : formatCsp(SITE_CSP));
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(meta, type).toBe(metaCsp());
  if (type === "search") await page.locator(".search-result-list li").first().waitFor();
  await page.waitForLoadState("networkidle");
}

describe("requests and the Content-Security-Policy", () => {
  it("loads every page type from the site's own origin only, with no policy violation", async () => {
    const recorder: Recorder = { requests: [], violations: [] };
    const context = await recordingContext(recorder);
    const page = await context.newPage();
    for (const type of Object.keys(pages)) await open(page, type);
    await closeContext(context);
    const foreign = recorder.requests.filter((url) => new URL(url).origin !== server.origin);
    expect(foreign).toEqual([]);
    expect(recorder.violations).toEqual([]);
    const paths = recorder.requests.map((url) => new URL(url).pathname);
    expect(paths.some((url) => /^\/assets\/site\.[0-9a-f]{8}\.css$/.test(url))).toBe(true);
    expect(paths.some((url) => /^\/assets\/search-page\.[0-9a-f]{8}\.js$/.test(url))).toBe(true);
    expect(paths).toContain("/pagefind/pagefind.js");
    expect(paths.some((url) => /^\/pagefind\/[^/]+\/fragment\//.test(url))).toBe(true);
  });

  it("runs the page scripts (text size, contrast, the 无障碍 toolbar, more search results) without a violation", async () => {
    const recorder: Recorder = { requests: [], violations: [] };
    const context = await recordingContext(recorder);
    const page = await context.newPage();
    await open(page, "article");
    await page.getByRole("button", { name: "大", exact: true }).click();
    await page.getByRole("button", { name: "高对比度" }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe("high");
    expect(recorder.requests.filter((url) => url.includes("a11y-toolbar"))).toEqual([]);
    // The toolbar: its script and styles from the site, every mode on (styles set from script,
    // guide lines, caption bar, a data: cursor, the browser's own speech).
    await page.getByRole("button", { name: "无障碍", exact: true }).click();
    for (const name of ["captions", "crosshair", "cursor", "zoomIn", "scheme", "plain", "point", "play"])
      await page.locator(`#a11y-bar [data-a11y="${name}"]`).click();
    await page.mouse.move(400, 500);
    await page.locator("h1").hover();
    await page.waitForLoadState("networkidle");
    expect(
      recorder.requests.map((url) => new URL(url).pathname).filter((url) => url.startsWith("/assets/a11y-toolbar.")),
    ).toHaveLength(2);
    await open(page, "home");
    await open(page, "search");
    const more = page.locator(".search-more");
    if (await more.isVisible()) {
      await more.click();
      await page.waitForLoadState("networkidle");
    }
    await closeContext(context);
    expect(recorder.violations).toEqual([]);
    expect(recorder.requests.filter((url) => new URL(url).origin !== server.origin)).toEqual([]);
  });

  it("notices an inline script, so a violation would not go unseen", async () => {
    const recorder: Recorder = { requests: [], violations: [] };
    const context = await recordingContext(recorder);
    const page = await context.newPage();
    await open(page, "home");
    const reported = context.waitForEvent("console", (message) => CSP_MESSAGE.test(message.text()));
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true;";
      document.body.append(script);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    await reported;
    await closeContext(context);
    expect(ran).toBe(false);
    expect(recorder.violations.length).toBeGreaterThan(0);
  });
});
