import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { launchChromium } from "../harness/chromium.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";
import { ICONS, ICONS_SHARE, icoFile } from "../lib/render/icons.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";

const USAGE = `用法 (usage): npx tsx scripts/icons.ts

用 Chromium 把 ${ICONS.source} 画成 ${ICONS.folder}/favicon.ico（16、32、48 像素）和
apple-touch-icon.png（${ICONS.touchIconSize} 像素，白底）和分享卡片图 ${ICONS_SHARE.file}（${ICONS_SHARE.size} 像素 JPG，白底），
换了站徽之后运行一次并提交。
Draws the emblem into favicon.ico, apple-touch-icon.png and the share card picture with Chromium; run it after changing the emblem.`;

commandLineOrExit({ usage: USAGE, options: {} });

const svg = readFileSync(path.join(PROJECT_DIR, ICONS.source));
const dataUrl = `data:image/svg+xml;base64,${svg.toString("base64")}`;
const browser = await launchChromium();
try {
  /** The emblem drawn at `size` pixels, on `background` with `padding` pixels around it. */
  const draw = async (size: number, background: string, padding: number) => {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:${background}"><img src="${dataUrl}" style="display:block;margin:${padding}px;width:${size - 2 * padding}px;height:${size - 2 * padding}px"></body></html>`,
    );
    await page.locator("img").evaluate((image: HTMLImageElement) => image.decode());
    const png = await page.screenshot({ omitBackground: background === "transparent", type: "png" });
    await page.close();
    return png;
  };
  const favicon = icoFile(
    await Promise.all(ICONS.faviconSizes.map(async (size) => ({ size, png: await draw(size, "transparent", 0) }))),
  );
  writeFileSync(path.join(PROJECT_DIR, ICONS.folder, "favicon.ico"), favicon);
  writeFileSync(
    path.join(PROJECT_DIR, ICONS.folder, "apple-touch-icon.png"),
    await draw(ICONS.touchIconSize, "#ffffff", Math.round(ICONS.touchIconSize / 12)),
  );
  const share = await draw(ICONS_SHARE.size, "#ffffff", Math.round(ICONS_SHARE.size / 5));
  writeFileSync(
    path.join(PROJECT_DIR, ICONS.folder, ICONS_SHARE.file),
    await sharp(share).flatten({ background: "#ffffff" }).jpeg({ quality: 85 }).toBuffer(),
  );
  console.log(`已写入 ${ICONS.folder}/favicon.ico、apple-touch-icon.png 和 ${ICONS_SHARE.file} (icons written)`);
} finally {
  await browser.close();
}
