import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One published asset: where its source is and the content-hashed URL it is published under. */
export interface Asset {
  /** Absolute path of the source file. */
  source: string;
  /** The public URL, e.g. `/assets/site.3f2a9c1b.css`. */
  url: string;
}

/** Logical asset name (`site.css`) → published asset. */
export type AssetManifest = Record<string, Asset>;

/** The URL folder every asset is published under; `_headers` caches it as immutable. */
export const ASSETS_URL = "/assets/";

/** Eight hex digits of the SHA-256 of a file's bytes: changes whenever the content changes. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 8);
}

/** `site.css` + `3f2a9c1b` → `site.3f2a9c1b.css`. */
export function hashedName(name: string, hash: string): string {
  const extension = path.extname(name);
  return `${name.slice(0, name.length - extension.length)}.${hash}${extension}`;
}

/**
 * Fingerprints every file directly under `folder` (styles, scripts and icons alike, so the whole
 * of /assets/ can be cached for a year): logical name → source file and hashed URL.
 */
export function assetManifest(folder: string): AssetManifest {
  const manifest: AssetManifest = {};
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const source = path.join(folder, name);
    manifest[name] = { source, url: `${ASSETS_URL}${hashedName(name, contentHash(readFileSync(source)))}` };
  }
  return manifest;
}

/** The published URL of a logical asset name; an unknown name fails the build rather than 404. */
export function assetUrl(manifest: AssetManifest, name: string): string {
  const asset = manifest[name];
  if (!asset) {
    throw new Error(`未知的静态资源「${name}」(unknown asset; known: ${Object.keys(manifest).join(", ")})`);
  }
  return asset.url;
}

/** Copies every asset of a manifest into a built site under its hashed URL. */
export function copyAssets(manifest: AssetManifest, outputDir: string): void {
  for (const asset of Object.values(manifest)) {
    const target = path.join(outputDir, ...asset.url.split("/").filter(Boolean));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(asset.source, target);
  }
}
