import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { FIXED_PAGES } from "../shared/index.ts";

/**
 * The site's share card picture (`og:image` of a page without a lead photo): the emblem on white,
 * a square JPEG, which WeChat's chat card shows. Drawn with the icons, published with them.
 */
export const ICONS_SHARE = { path: "/share.jpg", file: "share.jpg", size: 600 } as const;

/**
 * The site's icons at the addresses browsers ask for without being told (`/favicon.ico`, and iOS's
 * `/apple-touch-icon.png`), and the share card picture. They are pictures of `_includes/assets/emblem.svg`, which modern
 * browsers use directly (`<link rel="icon" type="image/svg+xml">`); `npx tsx scripts/icons.ts`
 * draws them again after the emblem changes, and the build copies them to the site root.
 */
export const ICONS = {
  /** The emblem the icons are drawn from. */
  source: "_includes/assets/emblem.svg",
  /** Where the drawn icons are kept, relative to the project folder. */
  folder: "_includes/icons",
  /** Published address → file name in `folder`. */
  files: {
    [FIXED_PAGES.favicon]: "favicon.ico",
    [FIXED_PAGES.touchIcon]: "apple-touch-icon.png",
    [ICONS_SHARE.path]: ICONS_SHARE.file,
  },
  /** The sizes `favicon.ico` holds, in pixels. */
  faviconSizes: [16, 32, 48],
  /** The size of the iOS icon, in pixels. */
  touchIconSize: 180,
} as const;

/**
 * An ICO file holding PNG images (the format browsers read since Windows Vista): a 6-byte header, a
 * 16-byte directory entry per image, then the PNGs.
 */
export function icoFile(images: readonly { size: number; png: Uint8Array }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => Buffer.from(png))]);
}

/** Copies the icons into a built site at their fixed addresses. */
export function copyIcons(projectDir: string, outputDir: string): void {
  for (const [sitePath, name] of Object.entries(ICONS.files)) {
    const source = path.join(projectDir, ICONS.folder, name);
    if (!existsSync(source))
      throw new Error(`缺少图标 ${ICONS.folder}/${name}：请运行 npx tsx scripts/icons.ts (missing icon)`);
    const target = path.join(outputDir, sitePath.slice(1));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
}
