import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { transformSync } from "esbuild";
import { ASSETS_URL, sha256 } from "../shared/index.ts";

/** One published asset: its source files (one, or the parts of a bundle) and the content-hashed URL it is published under. */
export interface Asset {
  /** Absolute paths of the source files, joined in this order. */
  sources: string[];
  /** The public URL, e.g. `/assets/site.3f2a9c1b.css`. */
  url: string;
  /** What is published: the sources joined, scripts and styles minified. */
  bytes: Buffer;
}

/**
 * What the minifier may write, for the oldest engines the pages are written for: WeChat's Android
 * browser (a Chromium-78 class engine) and, for styles, Safari 12 (WeChat on old iPhones). Scripts
 * are ES2019 in their source already (tests/lib/browser-syntax.test.ts); the minifier adds nothing
 * newer. (esbuild will not take a Safari before 14.1 for scripts: it cannot lower the destructuring
 * the sources use, which Safari 12 runs.)
 */
export const BROWSER_TARGETS = { js: ["es2019", "chrome78"], css: ["chrome78", "safari12"] } as const;

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

/** An asset's source bytes: its source, or its parts joined by line breaks. */
export function assetBytes(asset: Pick<Asset, "sources">): Buffer {
  return Buffer.concat(
    asset.sources.flatMap((source, index) => [...(index > 0 ? [Buffer.from("\n")] : []), readFileSync(source)]),
  );
}

/**
 * What a reader downloads for an asset named `name`: scripts and styles minified by esbuild for
 * BROWSER_TARGETS (comments dropped, Chinese kept as UTF-8), everything else as it is.
 */
export function publishedBytes(name: string, source: Buffer): Buffer {
  const loader = path.extname(name) === ".js" ? "js" : path.extname(name) === ".css" ? "css" : undefined;
  if (!loader) return source;
  const { code } = transformSync(source.toString("utf8"), {
    loader,
    minify: true,
    target: [...BROWSER_TARGETS[loader]],
    charset: "utf8",
    legalComments: "none",
    sourcefile: name,
  });
  return Buffer.from(code);
}

/**
 * Fingerprints every file directly under `folder` (styles, scripts and icons alike, so the whole
 * of /assets/ can be cached for a year) and every bundle of `bundles`, as published (minified):
 * logical name → sources, hashed URL and bytes.
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
    const bytes = publishedBytes(name, assetBytes({ sources }));
    manifest[name] = { sources, url: `${ASSETS_URL}${hashedName(name, assetFingerprint(bytes))}`, bytes };
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
export function assetUrl(manifest: Record<string, Pick<Asset, "url">>, name: string): string {
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
    writeFileSync(target, asset.bytes);
  }
}
