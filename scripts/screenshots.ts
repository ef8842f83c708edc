import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium, VIEWPORTS } from "../harness/chromium.ts";
import { ensureChineseFont } from "../harness/cjk-font.ts";
import { serveSite } from "../harness/static-server.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";

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

/**
 * `npx tsx scripts/screenshots.ts [--site _site] [--out .cache/screenshots]`: full-page PNGs of
 * each page type at phone and desktop widths, for looking at the design. Installs Debian's
 * fonts-noto-cjk first when the machine has no Chinese font (or says the command to run).
 */
const USAGE = `用法 (usage): npx tsx scripts/screenshots.ts [--site _site] [--out .cache/screenshots]

把已生成网站的每类页面在手机和电脑宽度下截成整页 PNG，用来检查版式。
Full-page PNGs of each page type at phone and desktop widths, from a built site.
没有中文字体时先用 apt-get 安装 fonts-noto-cjk (installs Debian's fonts-noto-cjk when no Chinese font is found).`;

async function main(): Promise<void> {
  const { values } = commandLineOrExit({
    usage: USAGE,
    options: { site: { type: "string", default: "_site" }, out: { type: "string", default: ".cache/screenshots" } },
  });
  const siteDir = path.resolve(String(values.site));
  const outDir = path.resolve(String(values.out));
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
