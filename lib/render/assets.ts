import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ASSETS_URL, sha256 } from "../shared/index.ts";

/** One published asset: its source files (one, or the parts of a bundle) and the content-hashed URL it is published under. */
export interface Asset {
  /** Absolute paths of the source files, joined in this order. */
  sources: string[];
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
 * Scripts published as one file made of several, so a page loads them in one request: bundle name →
 * its parts, in order. A part is published only inside its bundle.
 */
export const ASSET_BUNDLES: Record<string, readonly string[]> = {
  "search-page.js": ["search-tokens.js", "search-core.js", "search.js"],
};

/** An asset's bytes: its source, or its parts joined by line breaks. */
export function assetBytes(asset: Pick<Asset, "sources">): Buffer {
  return Buffer.concat(
    asset.sources.flatMap((source, index) => [...(index > 0 ? [Buffer.from("\n")] : []), readFileSync(source)]),
  );
}

/**
 * Fingerprints every file directly under `folder` (styles, scripts and icons alike, so the whole
 * of /assets/ can be cached for a year) and every bundle of `bundles`: logical name → sources and hashed URL.
 */
export function assetManifest(
  folder: string,
  bundles: Record<string, readonly string[]> = ASSET_BUNDLES,
): AssetManifest {
  const manifest: AssetManifest = {};
  const parts = new Set(Object.values(bundles).flat());
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith(".") && !parts.has(entry.name))
    .map((entry) => entry.name)
    .sort();
  const add = (name: string, sources: string[]) => {
    const url = `${ASSETS_URL}${hashedName(name, assetFingerprint(assetBytes({ sources })))}`;
    manifest[name] = { sources, url };
  };
  for (const name of names) add(name, [path.join(folder, name)]);
  for (const [name, files] of Object.entries(bundles))
    add(
      name,
      files.map((file) => path.join(folder, file)),
    );
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

/** Writes every asset of a manifest into a built site under its hashed URL. */
export function copyAssets(manifest: AssetManifest, outputDir: string): void {
  for (const asset of Object.values(manifest)) {
    const target = path.join(outputDir, ...asset.url.split("/").filter(Boolean));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, assetBytes(asset));
  }
}
