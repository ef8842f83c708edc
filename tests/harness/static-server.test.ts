import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { connect } from "node:http2";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, serveSite } from "../../harness/static-server.ts";
import { formatHeaders, headerRules } from "../../lib/publish/headers.ts";

let site: string;
const page = `<!doctype html><title>搜索</title>${"<p>站内搜索</p>".repeat(100)}`;
const indexChunk = gzipSync(Buffer.from("pagefind index chunk ".repeat(50)));

beforeAll(() => {
  site = mkdtempSync(path.join(os.tmpdir(), "cdn-site-"));
  const write = (file: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), content);
  };
  write("search/index.html", page);
  write("404.html", "<!doctype html><title>404</title>");
  write("assets/site.abc123.css", "body { color: #222; }\n".repeat(40));
  write("assets/site.abc123.css.gz", gzipSync(Buffer.from("body { color: #222; }\n".repeat(40)), { level: 9 }));
  write("pagefind/index/und_abc.pf_index", indexChunk);
  write("pagefind/pagefind-entry.json", JSON.stringify({ version: "1.6.0", languages: {} }).repeat(20));
  write(".secret", "no");
  write(
    "_headers",
    formatHeaders(
      headerRules({
        root: ["search/", "404.html", "assets/", "pagefind/"],
        pagefind: ["index/", "pagefind-entry.json"],
      }),
    ),
  );
});

afterAll(() => rmSync(site, { recursive: true, force: true }));

/** GET over HTTP/1.1, raw bytes (no decompression). */
function fetchRaw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      }).on("error", reject);
    },
  );
}

describe("serveSite with cdn: true (HTTP/1.1)", () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(site, { cdn: true });
  });
  afterAll(() => server.close());

  it("gzips a page for a browser that accepts gzip, with the page's _headers and Vary", async () => {
    const response = await fetchRaw(`${server.origin}/search/?q=x`, { "accept-encoding": "gzip, br" });
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers.vary).toBe("Accept-Encoding");
    expect(response.headers["cache-control"]).toBe("public, max-age=300, must-revalidate");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(gunzipSync(response.body).toString()).toBe(page);
    expect(response.body.length).toBeLessThan(Buffer.byteLength(page) / 5);
    const plain = await fetchRaw(`${server.origin}/search/`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
  });

  it("sends the build's .gz of an asset, cached for a year", async () => {
    const response = await fetchRaw(`${server.origin}/assets/site.abc123.css`, { "accept-encoding": "gzip" });
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.body.length).toBe(gzipSync(Buffer.from("body { color: #222; }\n".repeat(40)), { level: 9 }).length);
  });

  it("sends Pagefind's gzip files as written, without Content-Encoding, and gzips its JSON", async () => {
    const chunk = await fetchRaw(`${server.origin}/pagefind/index/und_abc.pf_index`, { "accept-encoding": "gzip" });
    expect(chunk.headers["content-encoding"]).toBeUndefined();
    expect(chunk.body.equals(indexChunk)).toBe(true);
    expect(chunk.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const entry = await fetchRaw(`${server.origin}/pagefind/pagefind-entry.json?ts=1`, { "accept-encoding": "gzip" });
    expect(entry.headers["content-encoding"]).toBe("gzip");
    expect(entry.headers["cache-control"]).toBe("public, max-age=300, must-revalidate");
  });

  it("answers a matching If-None-Match with 304 and an empty body", async () => {
    const first = await fetchRaw(`${server.origin}/search/`, { "accept-encoding": "gzip" });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await fetchRaw(`${server.origin}/search/`, { "accept-encoding": "gzip", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(server.stats?.notModified).toBeGreaterThanOrEqual(1);
  });

  it("hides _headers and dot files, and answers a miss with 404.html", async () => {
    for (const address of ["/_headers", "/.secret", "/nowhere/"]) {
      const response = await fetchRaw(`${server.origin}${address}`);
      expect(response.status, address).toBe(404);
      expect(response.body.toString()).toContain("<title>404</title>");
    }
  });
});

describe("serveSite with cdn and http2", () => {
  it("speaks HTTP/2 over TLS with a certificate whose key hash it gives", async () => {
    const server = await serveSite(site, { cdn: true, http2: true });
    try {
      expect(server.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(server.spki).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      const client = connect(server.origin, { rejectUnauthorized: false });
      const { status, encoding } = await new Promise<{ status: number; encoding: unknown }>((resolve, reject) => {
        const request = client.request({ ":path": "/search/", "accept-encoding": "gzip" });
        request.on("response", (headers) =>
          resolve({ status: Number(headers[":status"]), encoding: headers["content-encoding"] }),
        );
        request.on("error", reject);
        request.resume();
      });
      client.close();
      expect(status).toBe(200);
      expect(encoding).toBe("gzip");
      expect(server.stats?.http2Requests).toBe(1);
    } finally {
      await server.close();
    }
  });
});
