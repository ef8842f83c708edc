import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium, VIEWPORTS } from "../harness/chromium.ts";
import { ensureChineseFont } from "../harness/cjk-font.ts";
import { serveSite } from "../harness/static-server.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";

/** The page types a reviewer should look at, one URL each. */
export const PAGE_TYPES: Record<string, string> = {
  home: "/",
  article: "/articles/2021/kjcx-tdjjgzlfz/",
  column: "/gzdt/",
  notices: "/notices/",
  notice: "",
  about: "/about/",
  search: "/search/?q=科技",
  "not-found": "/404.html",
};

/** The pictures of the editors' guide: a page of the sample site on a phone, cut from one element to another. */
export const GUIDE_PICTURES = [
  {
    file: "photo-article-phone.jpg",
    url: "/articles/2024/kjhdz-2024/",
    from: "main h1",
    to: "main figure.photo",
  },
  { file: "photo-news-phone.jpg", url: "/", from: ".photo-news", to: ".photo-news" },
] as const;

/**
 * `npx tsx scripts/screenshots.ts [--site _site] [--out .cache/screenshots]`: full-page PNGs of
 * each page type at phone and desktop widths, for looking at the design; with `--guide`, the
 * editors' guide's pictures (GUIDE_PICTURES) into docs/images/. Installs Debian's fonts-noto-cjk
 * first when the machine has no Chinese font (or says the command to run).
 */
const USAGE = `用法 (usage): npx tsx scripts/screenshots.ts [--site _site] [--out .cache/screenshots] [--guide]

把已生成网站的每类页面在手机和电脑宽度下截成整页 PNG，用来检查版式。
Full-page PNGs of each page type at phone and desktop widths, from a built site.
  --guide   改为生成编辑手册里的示意图（docs/images/，用示例网站）(the editors' guide's pictures instead)
没有中文字体时先用 apt-get 安装 fonts-noto-cjk (installs Debian's fonts-noto-cjk when no Chinese font is found).`;

/** Writes each of GUIDE_PICTURES from the site at `origin` into `outDir`: a JPEG of the phone's view from `from` to `to`. */
async function writeGuidePictures(browser: Browser, origin: string, outDir: string): Promise<void> {
  for (const picture of GUIDE_PICTURES) {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone, deviceScaleFactor: 2 });
    await page.goto(`${origin}${picture.url}`, { waitUntil: "networkidle" });
    await page
      .locator(`${picture.to} img`)
      .first()
      .evaluate((image: HTMLImageElement) => image.decode());
    const top = await page.locator(picture.from).first().boundingBox();
    const bottom = await page.locator(picture.to).first().boundingBox();
    if (!top || !bottom) throw new Error(`${picture.url}: ${picture.from} or ${picture.to} is not shown`);
    const file = path.join(outDir, picture.file);
    const y = Math.max(0, top.y - 12);
    await page.screenshot({
      path: file,
      type: "jpeg",
      quality: 70,
      fullPage: true,
      clip: { x: 0, y, width: VIEWPORTS.phone.width, height: bottom.y + bottom.height + 12 - y },
    });
    await page.close();
    console.log(file);
  }
}

async function main(): Promise<void> {
  const { values } = commandLineOrExit({
    usage: USAGE,
    options: {
      site: { type: "string", default: "_site" },
      out: { type: "string", default: ".cache/screenshots" },
      guide: { type: "boolean", default: false },
    },
  });
  const siteDir = path.resolve(String(values.site));
  const outDir = values.guide ? path.join(PROJECT_DIR, "docs/images") : path.resolve(String(values.out));
  try {
    console.error(`中文字体 (Chinese font): ${ensureChineseFont()}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  const server = await serveSite(siteDir);
  const browser = await launchChromium();
  try {
    if (values.guide) {
      await writeGuidePictures(browser, server.origin, outDir);
      return;
    }
    const probe = await browser.newPage();
    await probe.goto(`${server.origin}/notices/`);
    PAGE_TYPES.notice =
      (await probe.locator('.list-page a[href^="/notices/"]').first().getAttribute("href")) ?? "/notices/";
    await probe.close();
    for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
      for (const [pageName, url] of Object.entries(PAGE_TYPES)) {
        const page = await browser.newPage({ viewport });
        await page.goto(`${server.origin}${url}`, { waitUntil: "networkidle" });
        const file = path.join(outDir, `${pageName}-${viewportName}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await page.close();
        console.log(file);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
