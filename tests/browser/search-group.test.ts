import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../harness/chromium.ts";
import { type StaticServer, serveSite } from "../../harness/static-server.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

/*
 * The 站群's one search: the sample group's two sites built with --all and served by two CDN-like
 * servers on two 127.0.0.1 ports, so every read of the other site's index crosses origins (CORS
 * and connect-src as published in each site's _headers and meta policy).
 */

const run = promisify(execFile);
let repository: string;
let browser: Browser;
let kjj: StaticServer;
let kgxj: StaticServer;
const kgxjName = "克拉玛依区科学技术和工业信息化局";

/** Sets a site file's `url:` to the origin a test server got. */
function setSiteUrl(siteFile: string, origin: string) {
  const text = readFileSync(siteFile, "utf8");
  expect(text).toMatch(/^url: .+$/m);
  writeFileSync(siteFile, text.replace(/^url: .+$/m, `url: ${origin}`));
}

beforeAll(async () => {
  repository = mkdtempSync(path.join(tmpdir(), "bureau-search-group-"));
  for (const entry of ["_data", "content", "sites/kgxj/_data", "sites/kgxj/content"])
    cpSync(path.join(PROJECT_DIR, entry), path.join(repository, entry), { recursive: true });
  const kjjSite = path.join(repository, "_site");
  const kgxjSite = path.join(repository, "sites/kgxj/_site");
  for (const dir of [kjjSite, kgxjSite]) mkdirSync(dir, { recursive: true });
  // The servers first: their origins are the sites' addresses, which the build names on each search page.
  kjj = await serveSite(kjjSite, { cdn: true });
  kgxj = await serveSite(kgxjSite, { cdn: true });
  setSiteUrl(path.join(repository, "_data/site.yaml"), kjj.origin);
  setSiteUrl(path.join(repository, "sites/kgxj/_data/site.yaml"), kgxj.origin);
  await run(
    path.join(PROJECT_DIR, "node_modules/.bin/tsx"),
    [path.join(PROJECT_DIR, "scripts/build.ts"), "--root", repository, "--all"],
    { cwd: PROJECT_DIR },
  );
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await kjj?.close();
  await kgxj?.close();
  if (repository) rmSync(repository, { recursive: true, force: true });
});

/** Opens a site's search page for `query` and waits until its own search and the group's wait for the reader. */
async function searchFrom(page: Page, origin: string, query: string) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => {
    const own = document.querySelector<HTMLElement>("[data-search-results]");
    const group = document.querySelector<HTMLElement>("[data-search-group-results]");
    return own?.dataset.state === "idle" && group?.dataset.state === "idle";
  });
  return problems;
}

describe("one search across the 站群", () => {
  it("finds a term only in site B from site A's search page, linking to site B's address with its name", async () => {
    const page = await browser.newPage();
    const kgxjRequestsBefore = kgxj.stats?.requests ?? 0;
    const problems = await searchFrom(page, kjj.origin, "白杨河畔");
    await expect(page.locator("[data-search-results] .search-empty").count()).resolves.toBe(1);
    const block = page.locator('.search-group-site[data-site="kgxj"]');
    await expect(block.locator(".search-group-site-name").textContent()).resolves.toBe(kgxjName);
    await expect(block.locator(".search-count").textContent()).resolves.toBe("找到 1 条结果");
    const result = block.locator(".search-result").first();
    await expect(result.locator(".search-result-title").getAttribute("href")).resolves.toBe(
      `${kgxj.origin}/articles/2024/kjtpy-pxb/`,
    );
    await expect(result.locator(".search-result-site").textContent()).resolves.toBe(kgxjName);
    await expect(result.locator(".search-result-column").textContent()).resolves.toBe("工作动态");
    await expect(block.locator(".search-group-more").getAttribute("href")).resolves.toBe(
      `${kgxj.origin}/search/?q=${encodeURIComponent("白杨河畔")}`,
    );
    expect(problems).toEqual([]);
    // The read crossed origins: site B lets site A's origin read its index, and no other.
    const manifest = await fetch(`${kgxj.origin}/pagefind/shards.json`);
    expect(manifest.headers.get("access-control-allow-origin")).toBe(kjj.origin);
    const pageHeaders = await fetch(`${kgxj.origin}/articles/2024/kjtpy-pxb/`);
    expect(pageHeaders.headers.get("access-control-allow-origin")).toBeNull();
    // Site B's server answered the index reads (shards.json, presence, shard), not site A's.
    expect((kgxj.stats?.requests ?? 0) - kgxjRequestsBefore).toBeGreaterThanOrEqual(3);
    await result.locator(".search-result-title").click();
    await page.waitForURL(`${kgxj.origin}/articles/2024/kjtpy-pxb/`);
    await expect(page.locator("h1").textContent()).resolves.toContain("白杨河畔");
    await page.close();
  }, 90_000);

  it("lists site A's own results first and site B's under its name for a term both have", async () => {
    const page = await browser.newPage();
    const problems = await searchFrom(page, kjj.origin, "科技特派员");
    const own = await page.$$eval("[data-search-results] .search-result-title", (links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((href) => href.startsWith("/"))).toBe(true);
    const peer = await page.$$eval('.search-group-site[data-site="kgxj"] .search-result-title', (links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    expect(peer).toContain(`${kgxj.origin}/articles/2024/kjtpy-pxb/`);
    expect(peer.every((href) => href.startsWith(`${kgxj.origin}/`))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("replaces the other site's results with the next query's, typed into the same page", async () => {
    const page = await browser.newPage();
    await searchFrom(page, kjj.origin, "白杨河畔");
    await page.fill("#search-input", "数字化转型");
    await page.press("#search-input", "Enter");
    await page.waitForFunction(() => {
      const own = document.querySelector<HTMLElement>("[data-search-results]");
      const group = document.querySelector<HTMLElement>("[data-search-group-results]");
      return own?.dataset.query === "数字化转型" && own.dataset.state === "idle" && group?.dataset.state === "idle";
    });
    const peer = await page.$$eval('.search-group-site[data-site="kgxj"] .search-result-title', (links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    expect(peer).toContain(`${kgxj.origin}/articles/2024/gyqy-szhzx/`);
    expect(peer).not.toContain(`${kgxj.origin}/articles/2024/kjtpy-pxb/`);
    await expect(page.locator(".search-group-site").count()).resolves.toBe(1);
    await page.close();
  }, 90_000);

  it("searches site A from site B's page too: each site names the other", async () => {
    const page = await browser.newPage();
    const problems = await searchFrom(page, kgxj.origin, "科技特派员");
    const peer = await page.$$eval('.search-group-site[data-site="kjj"] .search-result-title', (links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    expect(peer.length).toBeGreaterThan(0);
    expect(peer.every((href) => href.startsWith(`${kjj.origin}/`))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
