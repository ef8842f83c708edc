import { cpSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, VIEWPORTS } from "../../harness/chromium.ts";
import { type StaticServer, serveSite } from "../../harness/static-server.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { describeViolations, runAxe } from "../helpers/axe.ts";
import { buildToTemp } from "../helpers/build.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { installSpeechRecorder, removeSpeech, type SpeechCall, type SpeechRecorder } from "../helpers/speech.ts";

/*
 * The 无障碍 toolbar (issue #17): each function in Chromium, speech through a recorder that
 * replaces speechSynthesis, persistence across navigations and reloads, the keyboard alone, axe-core
 * with each mode on at phone and desktop widths, and a screenshot of each mode in
 * .cache/screenshots/a11y/ (not committed) for a person to look at.
 */

const ARTICLE = "/articles/2021/kjcx-tdjjgzlfz/";
const TITLE = "以科技创新推动经济高质量发展";
const IMAGE_ARTICLE = "/articles/2024/a11y-image/";
const IMAGE_ALT = "科技馆外景";
const SCREENSHOTS = path.join(PROJECT_DIR, ".cache/screenshots/a11y");
const WIDE = { width: 1366, height: 900 };
/** The toolbar's controls in order, as a keyboard user meets them (on a desktop with a mouse). */
const TOOLBAR_ORDER = [
  "连读",
  "暂停",
  "停止",
  "指读",
  "语速：中",
  "大字幕",
  "十字光标",
  "缩小",
  "放大",
  "配色：默认",
  "纯文本",
  "大鼠标",
  "重置",
  "说明",
  "关闭",
];

let site: FixtureSite;
let browser: Browser;
let server: StaticServer;
let cleanup: () => void;

/** The sample site plus an article with an image, built once without a search index. */
beforeAll(async () => {
  site = createFixtureSite();
  cpSync(path.join(PROJECT_DIR, "content"), path.join(site.root, "content"), { recursive: true });
  site.write({
    "content/files/2024/kjg.svg":
      '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160"><rect width="320" height="160" fill="#8ab"/></svg>',
    "content/articles/2024/a11y-image.md": articleFile(
      { title: "科技馆开馆", date: "2024-01-02", column: "工作动态" },
      `科技馆今天开馆。\n\n![${IMAGE_ALT}](/files/2024/kjg.svg)\n\n欢迎市民参观。\n`,
    ),
  });
  const build = await buildToTemp(site.root, { searchIndex: false });
  cleanup = build.cleanup;
  server = await serveSite(build.outputDir);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanup?.();
  site?.remove();
});

type Settings = Record<string, string | number | boolean>;

/**
 * A context at `viewport`, with init scripts (speech recorder, saved settings …). Reduced motion:
 * no colour transitions half done when a mode changes under axe or a colour check.
 */
async function newContext(
  viewport: { width: number; height: number },
  ...scripts: (() => void)[]
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, reducedMotion: "reduce" });
  for (const script of scripts) await context.addInitScript(script);
  return context;
}

/** An init script that saves `settings` before every page of the context loads. */
async function saveSettingsEveryPage(context: BrowserContext, settings: Settings): Promise<void> {
  await context.addInitScript((value) => window.localStorage.setItem("a11y", value), JSON.stringify(settings));
}

/** Opens a page; the settings apply and the layout is final once the document is parsed (site.js waits for site.css). */
const go = (page: Page, url: string) => page.goto(`${server.origin}${url}`, { waitUntil: "domcontentloaded" });
const control = (page: Page, name: string) => page.locator(`#a11y-bar [data-a11y="${name}"]`);
const headerButton = (page: Page) => page.getByRole("button", { name: "无障碍", exact: true });
const html = (page: Page, name: string) =>
  page.evaluate((attribute) => document.documentElement.getAttribute(attribute), name);
const saved = (page: Page) => page.evaluate(() => JSON.parse(window.localStorage.getItem("a11y") ?? "null"));
const speech = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: SpeechRecorder }).__speech.log as SpeechCall[]);
const spoken = async (page: Page) => (await speech(page)).filter((call) => call.type === "speak");

async function openToolbar(page: Page): Promise<void> {
  await headerButton(page).click();
  await page.locator("#a11y-bar").waitFor();
}

describe("opening the toolbar", () => {
  it("loads the toolbar's code only when the 无障碍 button is pressed", async () => {
    const context = await newContext(VIEWPORTS.desktop);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => {
      requested.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.origin}${ARTICLE}`, { waitUntil: "load" });
    expect(requested.filter((url) => url.includes("a11y-toolbar"))).toEqual([]);
    expect(await headerButton(page).getAttribute("aria-keyshortcuts")).toBe("Alt+Shift+A");
    expect(await headerButton(page).getAttribute("aria-expanded")).toBe("false");
    await openToolbar(page);
    expect(requested.filter((url) => /^\/assets\/a11y-toolbar\.[0-9a-f]{8}\.(js|css)$/.test(url))).toHaveLength(2);
    expect(await headerButton(page).getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByRole("toolbar", { name: "无障碍工具" }).isVisible()).toBe(true);
    expect(await page.getByRole("region", { name: "无障碍工具条" }).isVisible()).toBe(true);
    await headerButton(page).click();
    expect(await page.locator("#a11y-bar").isHidden()).toBe(true);
    expect(await headerButton(page).getAttribute("aria-expanded")).toBe("false");
    await context.close();
  });
});

describe("keyboard use", () => {
  it("opens with Alt+Shift+A, walks the toolbar with the arrow keys, Home and End, presses with Enter and Space, leaves with Tab and closes with Escape", async () => {
    const context = await newContext(VIEWPORTS.desktop, installSpeechRecorder);
    const page = await context.newPage();
    await go(page, ARTICLE);
    await page.keyboard.press("Alt+Shift+KeyA");
    await page.locator("#a11y-bar").waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    const names: string[] = [await focused()];
    for (let step = 1; step < TOOLBAR_ORDER.length; step++) {
      await page.keyboard.press("ArrowRight");
      names.push(await focused());
    }
    expect(names).toEqual(TOOLBAR_ORDER);
    await page.keyboard.press("ArrowRight");
    expect(await focused()).toBe("连读");
    await page.keyboard.press("ArrowLeft");
    expect(await focused()).toBe("关闭");
    await page.keyboard.press("Home");
    expect(await focused()).toBe("连读");
    await page.keyboard.press("End");
    expect(await focused()).toBe("关闭");
    // One Tab stop: only the current control is in the Tab order.
    expect(await page.locator('#a11y-bar [tabindex="0"]').count()).toBe(1);

    for (let step = 0; step < 5; step++) await page.keyboard.press("ArrowLeft");
    expect(await focused()).toBe("配色：默认");
    await page.keyboard.press("Enter");
    expect(await html(page, "data-contrast")).toBe("high");
    expect(await focused()).toBe("配色：高对比度");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    expect(await html(page, "data-plain")).toBe("");
    expect(await control(page, "plain").getAttribute("aria-pressed")).toBe("true");

    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("#a11y-bar"))).toBeNull();
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toBe("纯文本");

    await page.keyboard.press("Escape");
    expect(await page.locator("#a11y-bar").isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-a11y-toggle"))).toBe(true);
    expect(await headerButton(page).getAttribute("aria-expanded")).toBe("false");
    // Closing keeps the settings.
    expect(await html(page, "data-plain")).toBe("");
    await page.keyboard.press("Enter");
    await page.locator("#a11y-bar").waitFor();
    expect(await focused()).toBe("纯文本");
    await context.close();
  });

  it("keeps the skip link first and Tabs through the whole page in document order with a visible focus", async () => {
    const context = await newContext(VIEWPORTS.desktop);
    await saveSettingsEveryPage(context, { open: true });
    const page = await context.newPage();
    await go(page, ARTICLE);
    await page.locator("#a11y-bar").waitFor();
    const stops: { text: string; outline: number; order: boolean; visible: boolean }[] = [];
    for (let step = 0; step < 200; step++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const state = window as unknown as { previous?: Element };
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const order = !state.previous || Boolean(state.previous.compareDocumentPosition(element) & 4);
        state.previous = element;
        return {
          text: (element.textContent ?? "").trim().slice(0, 20) || element.tagName,
          outline: style.outlineStyle === "none" ? 0 : Number.parseFloat(style.outlineWidth),
          order,
          visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
        };
      });
      if (!stop) break;
      stops.push(stop);
    }
    expect(stops[0]?.text).toBe("跳到正文");
    expect(stops[1]?.text).toBe("连读");
    expect(stops[2]?.text).toBe("克拉玛依市科学技术局");
    expect(stops.length).toBeGreaterThan(30);
    expect(stops.filter((stop) => !stop.order).map((stop) => stop.text)).toEqual([]);
    expect(stops.filter((stop) => stop.outline < 2).map((stop) => stop.text)).toEqual([]);
    expect(stops.filter((stop) => !stop.visible).map((stop) => stop.text)).toEqual([]);
    await context.close();
  });
});

describe("语音朗读", () => {
  it("连读 reads the title, the meta line and the body in zh-CN sentences, without the page's tools", async () => {
    const context = await newContext(VIEWPORTS.desktop, installSpeechRecorder);
    const page = await context.newPage();
    await go(page, ARTICLE);
    await openToolbar(page);
    await control(page, "play").click();
    await expect.poll(() => page.locator("#a11y-bar .a11y-status").textContent()).toBe("朗读完毕");
    const calls = await spoken(page);
    const texts = calls.map((call) => call.text ?? "");
    expect(texts.slice(0, 4)).toEqual([TITLE, "时间：2021-12-06", "来源：克拉玛依市科学技术局", "适用地：克拉玛依市"]);
    expect(texts).toContain("加强科技合作，推进区域协同创新发展");
    expect(texts.length).toBeGreaterThan(20);
    expect(new Set(calls.map((call) => call.lang))).toEqual(new Set(["zh-CN"]));
    // The device's own Mandarin voice, not the one synthesized on a server.
    expect(new Set(calls.map((call) => call.voice))).toEqual(new Set(["Tingting"]));
    expect(Math.max(...texts.map((text) => text.length))).toBeLessThanOrEqual(100);
    for (const tool of ["字号", "打印本页", "上一篇", "通知公告", "扫一扫", "当前位置"])
      expect(
        texts.filter((text) => text.includes(tool)),
        tool,
      ).toEqual([]);
    expect(await page.locator(".a11y-reading").count()).toBe(0);
    await context.close();
  });

  it("pauses, resumes from the same sentence, stops, and reads faster at 语速 快", async () => {
    const context = await newContext(VIEWPORTS.desktop, installSpeechRecorder);
    const page = await context.newPage();
    await go(page, ARTICLE);
    await page.evaluate(() => {
      (window as unknown as { __speech: SpeechRecorder }).__speech.auto = false;
    });
    await openToolbar(page);
    const finish = () => page.evaluate(() => (window as unknown as { __speech: SpeechRecorder }).__speech.finish());
    expect(await control(page, "pause").getAttribute("aria-disabled")).toBe("true");
    await control(page, "rate").click();
    expect(await control(page, "rate").textContent()).toBe("语速：快");
    await control(page, "play").click();
    expect((await spoken(page)).map((call) => call.text)).toEqual([TITLE]);
    expect(await control(page, "play").getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator(".a11y-reading h1, h1.a11y-reading").count()).toBe(1);
    await finish();
    expect((await spoken(page)).at(-1)?.text).toBe("时间：2021-12-06");
    expect((await spoken(page)).at(-1)?.rate).toBe(1.25);

    await control(page, "pause").click();
    expect(await control(page, "pause").textContent()).toBe("继续");
    expect((await speech(page)).at(-1)?.type).toBe("cancel");
    const before = (await spoken(page)).length;
    await finish(); // nothing is being spoken: nothing more happens
    expect((await spoken(page)).length).toBe(before);

    await control(page, "pause").click();
    expect(await control(page, "pause").textContent()).toBe("暂停");
    expect((await spoken(page)).at(-1)?.text).toBe("时间：2021-12-06");
    await finish();
    expect((await spoken(page)).at(-1)?.text).toBe("来源：克拉玛依市科学技术局");

    await control(page, "stop").click();
    expect((await speech(page)).at(-1)?.type).toBe("cancel");
    expect(await control(page, "stop").getAttribute("aria-disabled")).toBe("true");
    expect(await control(page, "play").getAttribute("aria-pressed")).toBe("false");
    expect(await page.locator(".a11y-reading").count()).toBe(0);
    await context.close();
  });

  it("指读 reads what the pointer is over and what the keyboard focus is on, interrupting itself", async () => {
    const context = await newContext(VIEWPORTS.desktop, installSpeechRecorder);
    const page = await context.newPage();
    await go(page, ARTICLE);
    await page.evaluate(() => {
      (window as unknown as { __speech: SpeechRecorder }).__speech.auto = false;
    });
    await openToolbar(page);
    await control(page, "point").click();
    expect(await control(page, "point").getAttribute("aria-pressed")).toBe("true");
    await page.locator(".article-body h2").first().hover();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe("加强科技合作，推进区域协同创新发展");
    // (A link in view: focusing one below would scroll the page under the resting pointer.)
    await page.locator('.main-nav a[href="/gzdt/"]').focus();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe("链接：工作动态");
    const calls = await speech(page);
    expect(calls.at(-2)?.type).toBe("cancel");
    expect(new Set((await spoken(page)).map((call) => call.lang))).toEqual(new Set(["zh-CN"]));
    // Toolbar buttons say their state.
    await control(page, "captions").focus();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe("按钮：大字幕，未开启");
    expect(await saved(page)).toMatchObject({ pointRead: true });
    await context.close();
  });

  it("says so in Chinese, and stops, when the browser has speech but no voice that works", async () => {
    const context = await newContext(VIEWPORTS.desktop, installSpeechRecorder);
    const page = await context.newPage();
    await go(page, ARTICLE);
    await page.evaluate(() => {
      (window as unknown as { __speech: SpeechRecorder }).__speech.fail = true;
    });
    await openToolbar(page);
    await control(page, "play").click();
    await expect.poll(() => page.locator("#a11y-bar .a11y-status").textContent()).toContain("朗读失败");
    expect(await spoken(page)).toHaveLength(1);
    expect(await control(page, "play").getAttribute("aria-pressed")).toBe("false");
    await context.close();
  });

  it("disables the speech controls with a Chinese message when the browser has no speech", async () => {
    const context = await newContext(VIEWPORTS.phone, removeSpeech);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => {
      errors.push(error.message);
    });
    await go(page, ARTICLE);
    await openToolbar(page);
    for (const name of ["play", "pause", "stop", "point", "rate"]) {
      expect(await control(page, name).isDisabled(), name).toBe(true);
    }
    const note = page.locator("#a11y-no-speech");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain("您的浏览器不支持语音朗读");
    expect(await control(page, "play").getAttribute("aria-describedby")).toBe("a11y-no-speech");
    await control(page, "play").click({ force: true });
    expect(await control(page, "play").getAttribute("aria-pressed")).toBe("false");
    // The rest still works.
    await control(page, "captions").click();
    expect(await control(page, "captions").getAttribute("aria-pressed")).toBe("true");
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("大字幕, 十字光标, 大鼠标", () => {
  it("shows the text under the pointer or focus in large type along the bottom", async () => {
    const context = await newContext(VIEWPORTS.desktop, installSpeechRecorder);
    // Time flows as usual; the clock lets the test run the page's timers at once (below).
    await context.clock.install();
    const page = await context.newPage();
    await go(page, ARTICLE);
    await openToolbar(page);
    await control(page, "captions").click();
    const bar = page.locator(".a11y-captions");
    expect(await bar.isVisible()).toBe(true);
    expect(await bar.getAttribute("aria-hidden")).toBe("true");
    await page.locator("h1").hover();
    await expect.poll(() => bar.textContent()).toBe(TITLE);
    // The page scrolled under a pointer that stayed put: the reader pointed at nothing new.
    const box = await page.locator(".article-body p").first().boundingBox();
    const x = (box?.x ?? 0) + 20;
    const y = (box?.y ?? 0) + 5;
    await page.mouse.move(x, y);
    await expect.poll(() => bar.textContent()).not.toBe(TITLE);
    const pointed = await bar.textContent();
    await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.setAttribute("data-was-under", ""), [
      x,
      y,
    ] as const);
    // The browser reports hovering over what the scroll brought under the pointer (mouseover);
    // then every timer the page set, the toolbar's pause before it reads what the pointer rests on
    // included, runs out.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          document.addEventListener("mouseover", () => resolve(), { once: true });
          window.scrollBy(0, 300);
        }),
    );
    await page.clock.runFor(1000);
    const stillUnder = await page.evaluate(
      ([px, py]) => document.elementFromPoint(px, py)?.hasAttribute("data-was-under"),
      [x, y] as const,
    );
    expect(stillUnder, "the scroll brought something else under the pointer").toBe(false);
    expect(await bar.textContent()).toBe(pointed);
    await page.locator('.main-nav a[href="/gzdt/"]').focus();
    await expect.poll(() => bar.textContent()).toBe("链接：工作动态");
    const layout = await page.evaluate(() => {
      const box = document.querySelector(".a11y-captions")?.getBoundingClientRect();
      return {
        bottom: box?.bottom,
        fontSize: Number.parseFloat(
          getComputedStyle(document.querySelector(".a11y-captions-text") as Element).fontSize,
        ),
        padding: Number.parseFloat(getComputedStyle(document.body).paddingBottom),
        height: box?.height,
      };
    });
    expect(layout.bottom).toBe(900);
    expect(layout.fontSize).toBeGreaterThanOrEqual(32);
    expect(layout.padding).toBeCloseTo(layout.height ?? 0, 0);
    // While 连读 reads, the bar shows the sentence being read.
    await control(page, "play").click();
    await expect.poll(() => page.locator("#a11y-bar .a11y-status").textContent()).toBe("朗读完毕");
    expect(await bar.textContent()).toBe((await spoken(page)).at(-1)?.text);
    await control(page, "captions").click();
    expect(await bar.count()).toBe(0);
    await context.close();
  });

  it("draws guide lines through the pointer, and gives a large cursor", async () => {
    const context = await newContext(VIEWPORTS.desktop);
    const page = await context.newPage();
    await go(page, ARTICLE);
    await openToolbar(page);
    await control(page, "crosshair").click();
    await page.mouse.move(300, 420);
    const lines = () =>
      page.evaluate(() =>
        [...document.querySelectorAll(".a11y-cross")].map((line) => {
          const box = line.getBoundingClientRect();
          return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: box.height };
        }),
      );
    await expect.poll(async () => (await lines()).length).toBe(2);
    await expect.poll(async () => (await lines())[0]?.y).toBe(419);
    const [horizontal, vertical] = await lines();
    expect(horizontal?.width).toBeGreaterThan(1250);
    expect(vertical?.x).toBe(299);
    expect(vertical?.height).toBe(900);
    await page.mouse.move(640, 100);
    await expect.poll(async () => (await lines())[1]?.x).toBe(639);
    await control(page, "crosshair").click();
    expect(await lines()).toEqual([]);

    await control(page, "cursor").click();
    expect(await html(page, "data-cursor")).toBe("large");
    const cursors = await page.evaluate(() => ({
      text: getComputedStyle(document.querySelector(".article-body p") as Element).cursor,
      link: getComputedStyle(document.querySelector(".prev-next a") as Element).cursor,
    }));
    expect(cursors.text).toMatch(/^url\("data:image\/svg\+xml,.*"\) 6 4, auto$/);
    expect(cursors.link).toMatch(/^url\("data:image\/svg\+xml,.*"\) 24 4, pointer$/);
    await context.close();
  });
});

describe("页面放大", () => {
  it("zooms the whole page from 100% to 200% in steps with no sideways scrolling at 1366 px", async () => {
    const context = await newContext(WIDE);
    const page = await context.newPage();
    const titleHeight = () => page.evaluate(() => document.querySelector("h1")?.getBoundingClientRect().height ?? 0);
    await go(page, ARTICLE);
    await openToolbar(page);
    const heights: number[] = [await titleHeight()];
    for (const zoom of ["125", "150", "175", "200"]) {
      await control(page, "zoomIn").click();
      expect(await html(page, "data-zoom")).toBe(zoom);
      expect(await page.locator(".a11y-level").textContent()).toBe(`${zoom}%`);
      heights.push(await titleHeight());
    }
    for (let step = 1; step < heights.length; step++) expect(heights[step]).toBeGreaterThan(heights[step - 1] ?? 0);
    expect(await control(page, "zoomIn").getAttribute("aria-disabled")).toBe("true");
    for (let step = 0; step < 4; step++) await control(page, "zoomOut").click();
    expect(await html(page, "data-zoom")).toBeNull();
    expect(await control(page, "zoomOut").getAttribute("aria-disabled")).toBe("true");

    // Every step on each page type, at 1366 px and on a phone (the attribute is what the steps set).
    const report: string[] = [];
    const urls = { 1366: ["/", ARTICLE, "/gzdt/", "/notices/", "/accessibility/"], 390: ["/", ARTICLE] };
    for (const viewport of [WIDE, VIEWPORTS.phone]) {
      await page.setViewportSize(viewport);
      for (const url of urls[viewport.width as 1366 | 390]) {
        await go(page, url);
        const overflows = await page.evaluate(() =>
          ["100", "125", "150", "175", "200"].map((zoom) => {
            document.documentElement.setAttribute("data-zoom", zoom);
            return `${zoom}%: ${document.documentElement.scrollWidth - window.innerWidth}`;
          }),
        );
        for (const overflow of overflows)
          if (!overflow.endsWith(": 0") && !overflow.includes(": -"))
            report.push(`${viewport.width} ${url} ${overflow}`);
      }
    }
    expect(report).toEqual([]);
    await context.close();
  });
});

describe("配色 and 纯文本", () => {
  it("cycles 默认 → 高对比度 → 黑底黄字 → 蓝底白字 → 默认, each with its colours", async () => {
    const context = await newContext(VIEWPORTS.phone);
    const page = await context.newPage();
    await go(page, ARTICLE);
    await openToolbar(page);
    const colours = () =>
      page.evaluate(() => {
        const link = getComputedStyle(document.querySelector(".prev-next a") as Element);
        const body = getComputedStyle(document.body);
        return [body.backgroundColor, body.color, link.color, link.textDecorationLine];
      });
    const expected: [string, string[]][] = [
      ["high", ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(255, 255, 0)", "underline"]],
      ["yellow", ["rgb(0, 0, 0)", "rgb(255, 255, 0)", "rgb(255, 255, 255)", "underline"]],
      ["blue", ["rgb(0, 51, 153)", "rgb(255, 255, 255)", "rgb(255, 255, 0)", "underline"]],
    ];
    for (const [scheme, values] of expected) {
      await control(page, "scheme").click();
      expect(await html(page, "data-contrast")).toBe(scheme);
      expect(await colours(), scheme).toEqual(values);
      expect(await page.getByRole("button", { name: "高对比度", exact: true }).getAttribute("aria-pressed")).toBe(
        "true",
      );
      expect(
        await page.evaluate(() => getComputedStyle(document.querySelector(".qr-code") as Element).backgroundColor),
      ).toBe("rgb(255, 255, 255)");
    }
    await control(page, "scheme").click();
    expect(await html(page, "data-contrast")).toBeNull();
    expect(await control(page, "scheme").textContent()).toBe("配色：默认");
    // The header's 高对比度 button is the same setting.
    await page.getByRole("button", { name: "高对比度", exact: true }).click();
    expect(await control(page, "scheme").textContent()).toBe("配色：高对比度");
    await context.close();
  });

  it("纯文本 keeps the title, meta line, body and links and drops images, the QR code and the side column", async () => {
    const context = await newContext(VIEWPORTS.desktop);
    const page = await context.newPage();
    await go(page, IMAGE_ARTICLE);
    // The image has a box once it has loaded (the page is taken at DOMContentLoaded); fails if it never shows.
    await page.locator(".article-body img").waitFor({ state: "visible", timeout: 10_000 });
    expect(await page.locator(".article-body .plain-alt").isVisible()).toBe(false);
    await openToolbar(page);
    await control(page, "plain").click();
    expect(await html(page, "data-plain")).toBe("");
    const visible = (selector: string) =>
      page.evaluate(
        (css) => [...document.querySelectorAll(css)].filter((element) => element.getClientRects().length > 0).length,
        selector,
      );
    expect(await visible("main img, main svg, .site-header img, .site-footer img")).toBe(0);
    expect(await visible(".qr-block, .aside-column")).toBe(0);
    for (const selector of ["h1", ".article-meta", ".article-body p", ".prev-next a", ".main-nav a", ".breadcrumb a"])
      expect(await visible(selector), selector).toBeGreaterThan(0);
    expect(await page.locator(".article-body .plain-alt").textContent()).toBe(`［图片：${IMAGE_ALT}］`);
    expect(await page.locator(".article-body .plain-alt").isVisible()).toBe(true);
    const look = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector(".site-header") as Element).backgroundImage,
      panel: getComputedStyle(document.querySelector(".article") as Element).borderTopWidth,
      columns: getComputedStyle(document.querySelector(".with-aside") as Element).display,
    }));
    expect(look).toEqual({ header: "none", panel: "0px", columns: "block" });
    await context.close();
  });
});

describe("settings", () => {
  it("persist across a navigation and a reload, applied to <html> before the body is parsed", async () => {
    const context = await newContext(VIEWPORTS.desktop, installSpeechRecorder, () => {
      // Records <html>'s attributes at the moment <body> is created: before anything can be painted.
      new MutationObserver((_records, observer) => {
        if (!document.body) return;
        observer.disconnect();
        const root = document.documentElement;
        (window as unknown as { early: Record<string, string> }).early = Object.fromEntries(
          root.getAttributeNames().map((name) => [name, root.getAttribute(name) ?? ""]),
        );
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await go(page, ARTICLE);
    await page.getByRole("button", { name: "大", exact: true }).click();
    await openToolbar(page);
    for (const name of ["zoomIn", "zoomIn", "scheme", "scheme", "plain", "cursor", "captions", "crosshair", "point"])
      await control(page, name).click();
    await control(page, "rate").click();
    const expected = {
      "data-text-size": "large",
      "data-zoom": "150",
      "data-contrast": "yellow",
      "data-plain": "",
      "data-cursor": "large",
    };
    expect(await saved(page)).toEqual({
      textSize: "large",
      contrast: "yellow",
      zoom: 150,
      rate: 1.25,
      plain: true,
      cursor: true,
      crosshair: true,
      captions: true,
      pointRead: true,
      open: true,
    });
    for (const move of [() => go(page, "/notices/"), () => page.reload(), () => go(page, "/accessibility/")]) {
      await move();
      const early = await page.evaluate(() => (window as unknown as { early: Record<string, string> }).early);
      expect(early).toMatchObject(expected);
      await page.locator("#a11y-bar").waitFor();
      expect(await page.locator(".a11y-captions").isVisible()).toBe(true);
      expect(await control(page, "point").getAttribute("aria-pressed")).toBe("true");
      expect(await control(page, "rate").textContent()).toBe("语速：快");
      expect(await headerButton(page).getAttribute("aria-expanded")).toBe("true");
    }
    // 重置 puts every setting back and keeps the toolbar open.
    await control(page, "reset").click();
    for (const name of Object.keys(expected)) expect(await html(page, name), name).toBeNull();
    expect(await page.locator(".a11y-captions").count()).toBe(0);
    expect(await saved(page)).toMatchObject({ zoom: 100, contrast: "normal", plain: false, open: true });
    await control(page, "close").click();
    await page.goto(`${server.origin}/`, { waitUntil: "load" });
    expect(await page.locator("#a11y-bar").count()).toBe(0);
    await context.close();
  });

  it("takes over the old text-size and contrast keys once and ignores garbage", async () => {
    const context = await newContext(VIEWPORTS.phone);
    const page = await context.newPage();
    await go(page, "/");
    await page.evaluate(() => {
      window.localStorage.clear();
      window.localStorage.setItem("textSize", "large");
      window.localStorage.setItem("contrast", "high");
    });
    await go(page, ARTICLE);
    expect(await html(page, "data-text-size")).toBe("large");
    expect(await html(page, "data-contrast")).toBe("high");
    expect(await saved(page)).toMatchObject({ textSize: "large", contrast: "high" });
    expect(await page.evaluate(() => [localStorage.getItem("textSize"), localStorage.getItem("contrast")])).toEqual([
      null,
      null,
    ]);
    for (const garbage of ['{"zoom": 999, "contrast": "pink", "plain": "yes"}', '{"zoom": 150', "[]"]) {
      await page.evaluate((value) => window.localStorage.setItem("a11y", value), garbage);
      await page.reload();
      expect(await html(page, "data-zoom"), garbage).toBeNull();
      expect(await html(page, "data-contrast"), garbage).toBeNull();
      expect(await html(page, "data-plain"), garbage).toBeNull();
    }
    await context.close();
  });
});

/**
 * Each mode, as saved settings (`open` keeps the toolbar open); some modes share a run to keep
 * the suite fast. tests/browser/accessibility.test.ts checks every page type, the 无障碍说明 page
 * among them, in the default and high-contrast looks.
 */
const MODES: Record<string, Settings> = {
  toolbar: { open: true },
  high: { open: true, contrast: "high" },
  "yellow-plain": { open: true, contrast: "yellow", plain: true },
  "blue-zoom": { open: true, contrast: "blue", zoom: 200 },
  plain: { open: true, plain: true },
  live: { open: true, captions: true, crosshair: true, pointRead: true, cursor: true, textSize: "large" },
};

describe.each(["phone", "desktop"] as const)("each mode on a %s", (viewportName) => {
  it("has no axe-core violation on the article page, and is screenshotted", async () => {
    const context = await newContext(VIEWPORTS[viewportName], installSpeechRecorder);
    const page = await context.newPage();
    await go(page, ARTICLE);
    const report: string[] = [];
    await openToolbar(page);
    const defaults = await page.evaluate(
      () => (window as unknown as { siteA11y: { settings: Settings } }).siteA11y.settings,
    );
    for (const [mode, settings] of Object.entries(MODES)) {
      // As the toolbar's buttons do: one call to the settings of site.js.
      await page.evaluate(
        (value) => (window as unknown as { siteA11y: { set(value: Settings): void } }).siteA11y.set(value),
        { ...defaults, ...settings },
      );
      if (mode === "live") {
        await page.mouse.move(200, 500);
        await page.locator("h1").hover();
        await expect.poll(() => page.locator(".a11y-captions").textContent()).not.toContain("大字幕：");
      }
      const violations = await runAxe(page);
      if (violations.length > 0) report.push(`${mode}:\n${describeViolations(violations)}`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${mode}-${viewportName}.png`) });
    }
    await context.close();
    expect(report.join("\n\n"), "axe violations").toBe("");
  });
});

describe("touch targets", () => {
  it("gives every control and standalone link a 44 px touch target on a phone", async () => {
    const context = await newContext(VIEWPORTS.phone);
    await saveSettingsEveryPage(context, { open: true });
    const page = await context.newPage();
    const report: string[] = [];
    for (const url of ["/", ARTICLE, "/gzdt/", "/notices/", "/about/", "/accessibility/", "/no-such-page/"]) {
      await go(page, url);
      await page.locator("#a11y-bar").waitFor();
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("a[href], button, input, select, summary")]
          .filter((element) => !element.closest(".article-body p, .article-body li, .article-body td"))
          .map((element) => ({ element, box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
          .filter(({ element }) => !element.classList.contains("skip-link"))
          .map(
            ({ element, box }) =>
              `${element.tagName.toLowerCase()} 「${(element.textContent ?? "").trim().slice(0, 12)}」 ${Math.round(box.width)}×${Math.round(box.height)}`,
          ),
      );
      if (small.length) report.push(`${url}: ${small.join("; ")}`);
    }
    expect(report).toEqual([]);
    await context.close();
  });
});
