import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ASSETS_URL, sha256 } from "../shared/index.ts";

/** One published asset: where its source is and the content-hashed URL it is published under. */
export interface Asset {
  /** Absolute path of the source file. */
  source: string;
  /** The public URL, e.g. `/assets/site.3f2a9c1b.css`. */
  url: string;
}

/** Logical asset name (`site.css`) → published asset. */
export type AssetManifest = Record<string, Asset>;

/** The fingerprint in an asset's published name: eight hex digits of the SHA-256 of its bytes. */
export function assetFingerprint(bytes: Uint8Array): string {
  return sha256(bytes).slice(0, 8);
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
    manifest[name] = { source, url: `${ASSETS_URL}${hashedName(name, assetFingerprint(readFileSync(source)))}` };
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
