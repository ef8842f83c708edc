import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, VIEWPORTS } from "../../harness/chromium.ts";
import { type StaticServer, serveSite } from "../../harness/static-server.ts";
import { adminPageHtml } from "../../lib/cms/admin-page.ts";
import { PLACEHOLDER_REPO } from "../../lib/cms/index.ts";
import { ADMIN_PATHS } from "../../lib/cms/sveltia.ts";
import { loadCatalog, loadSite } from "../../lib/content/index.ts";
import { buildSite } from "../../lib/pipeline/index.ts";
import { type HeaderRule, headersFor, parseHeaders } from "../../lib/publish/headers.ts";
import { parseContentDate } from "../../lib/shared/dates.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";

/*
 * The real Sveltia CMS, as the build publishes it under /admin/, run in Chromium against a copy of
 * a fixture site's repository: the "local repository" back end reads and writes a folder through
 * the File System Access API, here a folder of the browser's origin-private file system standing
 * in for the folder picker. Responses carry the `_headers` headers, and nothing outside the site is
 * reachable, as on a network where the CDNs Sveltia likes are blocked.
 */

let browser: Browser;
let server: StaticServer;
let fixture: FixtureSite;
let outputParent: string;
let rules: HeaderRule[];

const NOTICES = "- title: 关于申报的通知\n  date: 2024-01-14\n  body: |\n    正文。\n";

beforeAll(async () => {
  fixture = createFixtureSite({
    "content/articles/2021/kjcx.md": articleFile({
      title: "以科技创新推动经济高质量发展",
      date: "2021-12-06",
      column: "工作动态",
    }),
    "content/notices/2024.yaml": NOTICES,
    "content/pages/about.md": articleFile("title: 关于我们", "本局简介。\n"),
    "_data/cms.yaml": "backend:\n  name: github\n  repo: klmy-kjj/website\n",
  });
  outputParent = mkdtempSync(path.join(tmpdir(), "bureau-cms-"));
  const { outputDir } = await buildSite({
    root: fixture.root,
    outputDir: path.join(outputParent, "_site"),
    searchIndex: false,
  });
  rules = parseHeaders(readFileSync(path.join(outputDir, "_headers"), "utf8"));
  // The page a site whose _data/cms.yaml names no repository publishes at /admin/, beside the CMS.
  writeFileSync(
    path.join(outputDir, "admin/unconfigured.html"),
    adminPageHtml(loadSite(fixture.root), { backend: { name: "github", repo: PLACEHOLDER_REPO, branch: "main" } }),
  );
  server = await serveSite(outputDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fixture?.remove();
  if (outputParent) rmSync(outputParent, { recursive: true, force: true });
});

interface Session {
  context: BrowserContext;
  page: Page;
  /** URLs outside the site that the CMS tried to load (all refused). */
  offsite: string[];
  /** Paths of the site that the CMS loaded. */
  requested: string[];
  /** Content-Security-Policy violations by the site's own scripts, styles and requests. */
  violations: string[];
}

/** A Beijing-time, Chinese-language browser whose only reachable host is the site, with `_headers` applied. */
async function openCms(): Promise<Session> {
  const context = await browser.newContext({
    viewport: VIEWPORTS.desktop,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const session: Session = { context, page: await context.newPage(), offsite: [], requested: [], violations: [] };
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== server.origin) {
      session.offsite.push(url.href);
      return route.abort();
    }
    session.requested.push(url.pathname);
    const added = Object.fromEntries(
      Object.entries(headersFor(rules, url.pathname)).map(([name, values]) => [name.toLowerCase(), values.join(", ")]),
    );
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...added } });
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  session.page.on("console", (message) => {
    const text = message.text();
    if (text.startsWith("CSP violation")) session.violations.push(text);
  });
  return session;
}

/** Closes the session's browser context, letting requests still in the route handler end quietly. */
async function closeSession(session: Session): Promise<void> {
  await session.context.unrouteAll({ behavior: "ignoreErrors" });
  await session.context.close();
}

/** Every file of the fixture's content/ folder, by path from the site root, plus the `.git` the CMS looks for. */
function repositoryFiles(): Record<string, string> {
  const files: Record<string, string> = { ".git/HEAD": "ref: refs/heads/main\n" };
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(fixture.root, relative))) {
      const child = `${relative}/${name}`;
      if (statSync(path.join(fixture.root, child)).isDirectory()) walk(child);
      else files[child] = readFileSync(path.join(fixture.root, child), "utf8");
    }
  };
  walk("content");
  return files;
}

/** Copies the repository into the origin-private file system and opens it as the CMS's local repository. */
async function openLocalRepository(session: Session): Promise<void> {
  const { page } = session;
  await page.addInitScript(`window.showDirectoryPicker = async () =>
    (await navigator.storage.getDirectory()).getDirectoryHandle("repo", { create: true });`);
  await page.goto(`${server.origin}/admin/`);
  await page.evaluate(
    `(async (files) => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo", { create: true });
      for (const [file, text] of Object.entries(files)) {
        const parts = file.split("/");
        let folder = root;
        for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
        const writable = await (await folder.getFileHandle(parts.at(-1), { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    })(${JSON.stringify(repositoryFiles())})`,
  );
  await page.getByText("使用本地仓库").click();
  await page.getByText("以科技创新推动经济高质量发展").waitFor();
}

/** The repository's files as the CMS left them. */
function readRepository(page: Page): Promise<Record<string, string>> {
  return page.evaluate(`(async () => {
    const files = {};
    const walk = async (folder, prefix) => {
      for await (const [name, handle] of folder.entries()) {
        if (handle.kind === "directory") await walk(handle, prefix + name + "/");
        else files[prefix + name] = await (await handle.getFile()).text();
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle("repo"), "");
    return files;
  })()`);
}

/** A copy of the fixture site with the CMS's files in place of its own, loaded as the build loads it. */
function loadEdited(files: Record<string, string>) {
  const copy = createFixtureSite(
    Object.fromEntries(Object.entries(files).filter(([file]) => file.startsWith("content/"))),
  );
  try {
    return loadCatalog({ root: copy.root });
  } finally {
    copy.remove();
  }
}

describe("the CMS at /admin/", () => {
  it("reads the generated configuration and shows its sign-in page in Chinese, all from the site itself", async () => {
    const session = await openCms();
    await session.page.goto(`${server.origin}/admin/`);
    // Sveltia wraps names in Unicode isolates: 使用 \u2068GitHub\u2069 登录.
    await session.page.getByRole("button", { name: /^使用\W*GitHub\W*登录$/ }).waitFor();
    expect(await session.page.getByText("克拉玛依市科学技术局 · 内容管理").first().isVisible()).toBe(true);
    await session.page.waitForLoadState("networkidle");
    expect(session.offsite).toEqual([]);
    expect(session.violations).toEqual([]);
    expect(session.requested).toContain(`${ADMIN_PATHS.fonts}source-sans-3-latin-wght-normal.woff2`);
    await closeSession(session);
  });

  it("says how to set it up until a repository is named, and offers the local repository on 127.0.0.1", async () => {
    const session = await openCms();
    const { page } = session;
    await page.goto(`${server.origin}/admin/unconfigured.html`);
    await page.getByRole("heading", { name: "浏览器编辑还没有设置" }).waitFor();
    expect(await page.getByText("_data/cms.yaml").first().isVisible()).toBe(true);
    await page.getByRole("button", { name: "使用本地仓库编辑" }).click();
    await page.getByRole("button", { name: /^使用本地仓库$/ }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.getByText("浏览器编辑还没有设置").count()).toBe(0);
    expect(session.offsite).toEqual([]);
    expect(session.violations).toEqual([]);
    await closeSession(session);
  });

  it("creates an article, in the year folder of its date, that the build accepts", async () => {
    const session = await openCms();
    await openLocalRepository(session);
    const { page } = session;
    await page.goto(`${server.origin}/admin/#/collections/articles/new`);
    await page.getByRole("textbox", { name: "标题" }).fill("关于2025年科技活动周的安排");
    await page.getByRole("radio", { name: "科技要闻" }).check();
    await page.getByRole("textbox", { name: "文号" }).fill("克科发〔2025〕3号");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("条目已保存").waitFor();

    const files = await readRepository(page);
    const created = Object.keys(files).filter(
      (file) => file.startsWith("content/articles/") && !file.endsWith("/kjcx.md"),
    );
    expect(created).toHaveLength(1);
    const [, year, slug] = /^content\/articles\/(\d{4})\/([^/]+)\.md$/.exec(created[0] ?? "") ?? [];
    const text = files[created[0] ?? ""] ?? "";
    const date = /^date: (.+)$/m.exec(text)?.[1] ?? "";
    expect(parseContentDate(date, "Asia/Shanghai")?.year).toBe(Number(year));
    expect(text).not.toMatch(/^(source|region|summary|tags|attachments|index_number):/m);

    const content = loadEdited(files);
    const article = content.articles.find((entry) => entry.title === "关于2025年科技活动周的安排");
    expect(article).toMatchObject({ url: `/articles/${year}/${slug}/`, docNumber: "克科发〔2025〕3号" });
    expect(article?.column.slug).toBe("kjyw");
    expect(session.violations).toEqual([]);
    await closeSession(session);
  });

  it("adds a notice to a year's file, which stays a list the build accepts", async () => {
    const session = await openCms();
    await openLocalRepository(session);
    const { page } = session;
    await page.goto(`${server.origin}/admin/#/collections/notices/entries/2024`);
    await page.getByRole("button", { name: /^添加\W*通知\W*$/ }).click();
    await page.getByRole("textbox", { name: "标题" }).first().fill("关于科技活动周的通知");
    await page.getByRole("textbox", { name: "链接" }).first().fill("/about/");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("条目已保存").waitFor();

    const files = await readRepository(page);
    const notices = loadEdited(files).notices;
    expect(notices.map((notice) => notice.title).sort()).toEqual(["关于申报的通知", "关于科技活动周的通知"]);
    expect(notices.find((notice) => notice.title === "关于科技活动周的通知")?.href).toBe("/about/");
    expect(files["content/notices/2024.yaml"]).toMatch(/^- title: 关于科技活动周的通知\n/);
    await closeSession(session);
  });
});
