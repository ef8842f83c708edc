import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync, transformSync } from "esbuild";
import { ASSETS_URL, PROJECT_DIR, SEARCH_INDEX_URL, sha256 } from "../shared/index.ts";

/** One published asset: its source files (one, or the modules of a script bundle) and the content-hashed URL it is published under. */
export interface Asset {
  /** Absolute paths of the source files: the file itself, or every module of a script bundle. */
  sources: string[];
  /** The public URL, e.g. `/assets/site.3f2a9c1b.css`. */
  url: string;
  /** What is published: styles minified, scripts bundled and minified, icons as they are. */
  bytes: Buffer;
}

/**
 * What the minifier may write, for the oldest engines the pages are written for: WeChat's Android
 * browser (a Chromium-78 class engine) and, for styles, Safari 12 (WeChat on old iPhones). The scripts'
 * TypeScript is lowered to ES2019 (tests/lib/browser-syntax.test.ts checks the output). (esbuild will
 * not take a Safari before 14.1 for scripts: it cannot lower the destructuring the sources use, which
 * Safari 12 runs.)
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
 * The scripts the pages load: published name → the entry module of its bundle (lib/browser), relative
 * to the project. Each is bundled on its own; the only global between them is documented in
 * lib/browser/site-api.ts.
 */
export const BROWSER_SCRIPTS: Record<string, string> = {
  "site.js": "lib/browser/site/main.ts",
  "a11y-toolbar.js": "lib/browser/toolbar/main.ts",
  "search-page.js": "lib/browser/search/main.ts",
};

/**
 * A script bundle as published: the entry module and everything it imports, as one IIFE minified
 * for BROWSER_TARGETS (comments dropped, Chinese kept as UTF-8), with the modules it is made of.
 * buildSync, the synchronous form of esbuild.build, as the manifest is made while Eleventy is configured.
 */
export function bundleScript(entry: string): { bytes: Buffer; sources: string[] } {
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    write: false,
    metafile: true,
    minify: true,
    target: [...BROWSER_TARGETS.js],
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
    // The pages' scripts ran as sloppy scripts before they were TypeScript; esbuild would add "use strict" for tsconfig's strict.
    tsconfigRaw: { compilerOptions: { alwaysStrict: false } },
    // Pagefind's own script, published by the search stage and imported by the search page when it searches.
    external: [`${SEARCH_INDEX_URL}*`],
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild 没有输出「${entry}」(no bundle written)`);
  const workingDir = process.cwd();
  const sources = Object.keys(result.metafile.inputs).map((input) => path.resolve(workingDir, input));
  return { bytes: Buffer.from(output.contents), sources };
}

/** An asset's source bytes, read from its one source file. */
export function assetBytes(asset: Pick<Asset, "sources">): Buffer {
  return readFileSync(asset.sources[0] as string);
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
 * Fingerprints every file directly under `folder` (styles and icons, so the whole of /assets/ can be
 * cached for a year) and every script of `scripts` (name → entry module, relative to `projectDir`),
 * as published (minified): logical name → sources, hashed URL and bytes.
 */
export function assetManifest(
  folder: string,
  scripts: Record<string, string> = BROWSER_SCRIPTS,
  projectDir: string = PROJECT_DIR,
): AssetManifest {
  const manifest: AssetManifest = {};
  const add = (name: string, sources: string[], bytes: Buffer) => {
    manifest[name] = { sources, url: `${ASSETS_URL}${hashedName(name, assetFingerprint(bytes))}`, bytes };
  };
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith(".") && !(entry.name in scripts))
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const sources = [path.join(folder, name)];
    add(name, sources, publishedBytes(name, assetBytes({ sources })));
  }
  for (const [name, entry] of Object.entries(scripts)) {
    const { bytes, sources } = bundleScript(path.join(projectDir, entry));
    add(name, sources, bytes);
  }
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
