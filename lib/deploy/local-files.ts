import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type HeaderRule, headersFor, PRECOMPRESSED_EXTENSIONS, parseHeaders } from "../publish/index.ts";
import { ASSETS_URL, contentType, sha256 } from "../shared/index.ts";

/** The object metadata a file is uploaded with: what a static host would send for its path. */
export interface ObjectHeaders {
  contentType: string;
  cacheControl?: string;
  contentEncoding?: string;
}

/** One file of the built folder as the deploy sees it. */
export interface LocalFile {
  /** Path relative to the built folder, forward slashes: `articles/2024/a/index.html`. */
  path: string;
  /** Absolute path on disk. */
  file: string;
  size: number;
  headers: ObjectHeaders;
  /** SHA-256 of the bytes and the headers: equal digests, nothing to upload. */
  digest: string;
}

/**
 * Files of the build that stay out of the bucket: `_headers` (object storage does not read it; its
 * headers become each object's metadata) and the `.gz` copies of assets, which only nginx's
 * `gzip_static` serves. An object store answers a request with the object of that name and never
 * picks `x.css.gz` for `x.css`, so the copies would be dead weight; the CDN compresses instead
 * (智能压缩 / gzip and Brotli at the edge), and Pagefind's files are gzip data it unpacks itself.
 */
export function isLeftOut(relativePath: string): boolean {
  if (relativePath === "_headers") return true;
  const assets = ASSETS_URL.slice(1);
  return (
    relativePath.startsWith(assets) &&
    PRECOMPRESSED_EXTENSIONS.some((extension) => relativePath.endsWith(`${extension}.gz`))
  );
}

/** The headers `_headers` gives a request path, with the content type a host sends for its extension. */
export function objectHeaders(rules: readonly HeaderRule[], relativePath: string): ObjectHeaders {
  const headers = headersFor(rules, `/${relativePath}`);
  const pick = (name: string) => headers[name]?.join(", ");
  const result: ObjectHeaders = { contentType: contentType(relativePath) };
  const cacheControl = pick("Cache-Control");
  const contentEncoding = pick("Content-Encoding");
  if (cacheControl) result.cacheControl = cacheControl;
  if (contentEncoding) result.contentEncoding = contentEncoding;
  return result;
}

/** The digest the manifest keeps for a file: its bytes' hash and its headers, so a header change uploads again. */
export function objectDigest(bodyHash: string, headers: ObjectHeaders): string {
  return sha256(
    bodyHash,
    "\0",
    headers.contentType,
    "\0",
    headers.cacheControl ?? "",
    "\0",
    headers.contentEncoding ?? "",
  ).slice(0, 32);
}

/**
 * Every file of a built folder that goes into the bucket, sorted by path, with the headers its
 * `_headers` gives it and its digest. Throws when the folder has no `_headers` (not a finished build).
 */
export function readBuiltFolder(siteDir: string): LocalFile[] {
  const headersFile = path.join(siteDir, "_headers");
  if (!existsSync(headersFile))
    throw new Error(`${siteDir}: 不是完整的构建结果（没有 _headers），请先运行 npm run build (not a finished build)`);
  const rules = parseHeaders(readFileSync(headersFile, "utf8"));
  const files: LocalFile[] = [];
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relativePath = path.relative(siteDir, file).split(path.sep).join("/");
    if (isLeftOut(relativePath)) continue;
    const body = readFileSync(file);
    const headers = objectHeaders(rules, relativePath);
    files.push({ path: relativePath, file, size: body.length, headers, digest: objectDigest(sha256(body), headers) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
