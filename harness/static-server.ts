import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server } from "node:http";
import { createSecureServer, type Http2ServerRequest } from "node:http2";
import type { AddressInfo, Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { contentType, resolveSiteFile, sendSiteFile } from "../lib/preview/static-files.ts";
import { type HeaderRule, headersFor, parseHeaders } from "../lib/publish/headers.ts";
import { writeTestCertificate } from "./certificate.ts";

/** A static file server for a built site on 127.0.0.1 (404.html for misses). */
export interface StaticServer {
  origin: string;
  /** What the CDN-like server sent (only with `cdn: true`). */
  stats?: CdnStats;
  /**
   * With `http2`: the base64 SHA-256 of the certificate's public key, for Chromium's
   * `--ignore-certificate-errors-spki-list`, which makes it trust the certificate as valid (with
   * `ignoreHTTPSErrors` or `--ignore-certificate-errors` instead, Chromium keeps nothing from the
   * site in its HTTP cache).
   */
  spki?: string;
  close(): Promise<void>;
}

/** How a site is served: plain files over HTTP/1.1 (the default), or as the production CDN / nginx sends them. */
export interface ServeOptions {
  /** The server closes by itself after this long at the latest (default 10 minutes). */
  lifetimeMs?: number;
  /**
   * Serve like deploy/nginx/site.conf or a CDN: text gzip-encoded when the browser accepts it (the
   * build's `.gz` copy when there is one, else compressed once at level 5 and kept in memory),
   * Pagefind's own files as written (gzip data already, no Content-Encoding), the headers of the
   * site's `_headers` file (Cache-Control, CSP…), ETag and 304 answers; `/_headers` and dot files 404.
   */
  cdn?: boolean;
  /** With `cdn`: HTTPS with HTTP/2 (a throwaway self-signed certificate for 127.0.0.1, made with openssl), as the production server speaks; HTTP/1.1 stays possible through ALPN. */
  http2?: boolean;
}

/** Counts of what a CDN-like server answered, for checks that the browser really used it. */
export interface CdnStats {
  requests: number;
  /** Requests that came over HTTP/2. */
  http2Requests: number;
  /** Responses sent with Content-Encoding: gzip. */
  gzipped: number;
  /** 304 Not Modified answers. */
  notModified: number;
  /** Response body bytes sent (what crossed the wire, less headers and framing). */
  bodyBytes: number;
}

/** Content types nginx compresses here (`gzip_types` of deploy/nginx/site.conf, plus text/html, which nginx always compresses). */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|atom\+xml)\b|image\/svg\+xml\b)/;
/** nginx's `gzip_min_length` and `gzip_comp_level` in deploy/nginx/site.conf. */
const GZIP_MIN_LENGTH = 256;
const GZIP_LEVEL = 5;

const isGzip = (body: Buffer) => body.length > 2 && body[0] === 0x1f && body[1] === 0x8b;

interface CachedFile {
  key: string;
  body: Buffer;
  gzip: Buffer | undefined;
  type: string;
  compressible: boolean;
  etag: string;
  lastModified: string;
}

/** Whether an If-None-Match header names this ETag (compared weakly, as for a GET). */
function etagMatches(ifNoneMatch: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/** The parts of an HTTP/1.1 or HTTP/2 compatibility response the CDN handler uses. */
interface Reply {
  writeHead(status: number, headers: OutgoingHttpHeaders): unknown;
  end(body: Buffer | string): unknown;
}

/**
 * A request handler that answers as a CDN in front of the built site in `siteDir` would (see
 * {@link ServeOptions.cdn}), and the counts of what it sent.
 */
export function cdnHandler(siteDir: string): {
  handle(request: IncomingMessage | Http2ServerRequest, response: Reply): void;
  stats: CdnStats;
} {
  const headersFile = path.join(siteDir, "_headers");
  // Read again when the file changes, as a CDN applies a new deploy's headers: a server may be
  // started on an empty folder whose site is built afterwards (the 站群 test needs the origins first).
  let headerRules: { key: string; rules: HeaderRule[] } = { key: "", rules: [] };
  const currentRules = (): HeaderRule[] => {
    const stat = existsSync(headersFile) ? statSync(headersFile) : undefined;
    const key = stat ? `${stat.size}-${stat.mtimeMs}-${stat.ino}` : "";
    if (key !== headerRules.key)
      headerRules = { key, rules: stat ? parseHeaders(readFileSync(headersFile, "utf8")) : [] };
    return headerRules.rules;
  };
  const cache = new Map<string, CachedFile>();
  const stats: CdnStats = { requests: 0, http2Requests: 0, gzipped: 0, notModified: 0, bodyBytes: 0 };

  function load(file: string): CachedFile {
    const stat = statSync(file);
    const key = `${stat.size}-${stat.mtimeMs}`;
    const cached = cache.get(file);
    if (cached?.key === key) return cached;
    const body = readFileSync(file);
    const type = contentType(file);
    const compressible = COMPRESSIBLE.test(type) && !isGzip(body);
    let gzip: Buffer | undefined;
    if (compressible && existsSync(`${file}.gz`)) gzip = readFileSync(`${file}.gz`);
    else if (compressible && body.length >= GZIP_MIN_LENGTH) gzip = gzipSync(body, { level: GZIP_LEVEL });
    const etag = `"${Math.floor(stat.mtimeMs / 1000).toString(16)}-${stat.size.toString(16)}"`;
    const entry: CachedFile = {
      key,
      body,
      gzip: gzip && gzip.length < body.length ? gzip : undefined,
      type,
      compressible,
      // nginx weakens the ETag of a response it compresses on the fly.
      etag: gzip ? `W/${etag}` : etag,
      lastModified: stat.mtime.toUTCString(),
    };
    cache.set(file, entry);
    return entry;
  }

  function handle(request: IncomingMessage | Http2ServerRequest, response: Reply): void {
    stats.requests++;
    if (request.httpVersionMajor === 2) stats.http2Requests++;
    const url = request.url ?? "/";
    let pathname = "/";
    try {
      pathname = decodeURIComponent(new URL(url, "http://localhost").pathname);
    } catch {
      // resolveSiteFile answers 404 for an address it cannot read.
    }
    const hidden = pathname === "/_headers" || pathname.split("/").some((part) => part.startsWith("."));
    const { file, found } = hidden
      ? { file: path.join(siteDir, "404.html"), found: false }
      : resolveSiteFile(siteDir, url);
    const headers: OutgoingHttpHeaders = Object.fromEntries(
      Object.entries(headersFor(currentRules(), pathname)).map(([name, values]) => [
        name.toLowerCase(),
        values.join(", "),
      ]),
    );
    if (!existsSync(file)) {
      response.writeHead(404, { ...headers, "content-type": "text/plain; charset=utf-8" });
      response.end("");
      return;
    }
    const entry = load(file);
    headers["content-type"] = entry.type;
    headers["last-modified"] = entry.lastModified;
    if (found) headers.etag = entry.etag;
    if (entry.compressible) headers.vary = "Accept-Encoding";
    const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    const body = acceptsGzip && entry.gzip ? entry.gzip : entry.body;
    if (body === entry.gzip) headers["content-encoding"] = "gzip";
    if (found && etagMatches(String(request.headers["if-none-match"] ?? ""), entry.etag)) {
      stats.notModified++;
      delete headers["content-encoding"];
      response.writeHead(304, headers);
      response.end("");
      return;
    }
    headers["content-length"] = String(body.length);
    response.writeHead(found ? 200 : 404, headers);
    if (request.method === "HEAD") {
      response.end("");
      return;
    }
    if (headers["content-encoding"]) stats.gzipped++;
    stats.bodyBytes += body.length;
    response.end(body);
  }

  return { handle, stats };
}

/** A throwaway self-signed certificate for 127.0.0.1 and localhost (openssl, P-256, one day) and its SPKI hash. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer; spki: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cdn-cert-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    const spki = writeTestCertificate(cert, key, "IP:127.0.0.1,DNS:localhost");
    return { key: readFileSync(key), cert: readFileSync(cert), spki };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serves `siteDir` on a free loopback port; it closes by itself after `lifetimeMs` at the latest.
 * A number as the second argument is the lifetime (plain serving); see {@link ServeOptions}.
 */
export async function serveSite(siteDir: string, options: number | ServeOptions = {}): Promise<StaticServer> {
  const {
    lifetimeMs = 10 * 60_000,
    cdn = false,
    http2 = false,
  } = typeof options === "number" ? { lifetimeMs: options } : options;
  const sockets = new Set<Socket>();
  let server: Server | ReturnType<typeof createSecureServer>;
  let stats: CdnStats | undefined;
  let spki: string | undefined;
  if (cdn) {
    const handler = cdnHandler(siteDir);
    stats = handler.stats;
    if (http2) {
      const { key, cert, spki: hash } = selfSignedCertificate();
      spki = hash;
      server = createSecureServer({ key, cert, allowHTTP1: true }, (request, response) =>
        handler.handle(request, response),
      );
    } else server = createServer((request, response) => handler.handle(request, response));
  } else {
    server = createServer((request, response) => sendSiteFile(siteDir, request, response));
  }
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const timer = setTimeout(() => server.close(), lifetimeMs);
  timer.unref();
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${cdn && http2 ? "https" : "http"}://127.0.0.1:${port}`,
    ...(stats ? { stats } : {}),
    ...(spki ? { spki } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
