import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import { connect, createServer, type Server } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTestCertificate } from "../../harness/certificate.ts";
import { launchChromium } from "../../harness/chromium.ts";
import { loadCatalog } from "../../lib/content/index.ts";
import { ADMIN_CSP, CACHE, formatCsp, SECURITY_HEADERS, SITE_CSP } from "../../lib/publish/headers.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { buildToTemp } from "../helpers/build.ts";
import { createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";

/**
 * Debian's real nginx (scripts/test.sh installs it) serving a built sample site with the shipped
 * deploy/nginx/site.conf, changed only in its ports, paths and certificate: on 127.0.0.1 with free
 * ports, a prefix folder of its own, a certificate made here, stopped in afterAll and by `timeout`.
 */
const NGINX = "/usr/sbin/nginx";
const LIFETIME_SECONDS = 120;

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let fixture: FixtureSite;
let build: Awaited<ReturnType<typeof buildToTemp>>;
let nginx: ChildProcess | undefined;
let prefix: string;
let origin: string;
let httpPort: number;

async function freePort(host: string): Promise<number | undefined> {
  const server: Server = createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(undefined));
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Replaces `from` outside comments, where it must appear exactly `times` times, so a drifted file fails loudly. */
function substitute(conf: string, from: string, to: string, times = 1): string {
  let count = 0;
  const lines = conf.split("\n").map((line) => {
    if (line.trimStart().startsWith("#")) return line;
    count += line.split(from).length - 1;
    return line.split(from).join(to);
  });
  if (count !== times) throw new Error(`deploy/nginx/site.conf: expected ${times}× «${from}», found ${count}`);
  return lines.join("\n");
}

function get(pathname: string, headers: Record<string, string> = {}, port?: number): Promise<Response> {
  const url = port ? `http://127.0.0.1:${port}${pathname}` : `${origin}${pathname}`;
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions = { headers, rejectUnauthorized: false, agent: false };
    const onResponse = (response: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    };
    const request = port ? http.get(url, options, onResponse) : https.get(url, options, onResponse);
    request.on("error", reject);
    request.setTimeout(5000, () => request.destroy(new Error(`timeout: ${url}`)));
  });
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (nginx?.exitCode !== null && nginx?.exitCode !== undefined) break;
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => socket.end(() => resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = existsSync(path.join(prefix, "error.log")) ? readFileSync(path.join(prefix, "error.log"), "utf8") : "";
  throw new Error(`nginx did not start:\n${log}`);
}

beforeAll(async () => {
  // The sample content with three articles a page, so column lists have archive pages.
  fixture = createFixtureSite();
  cpSync(path.join(PROJECT_DIR, "content"), path.join(fixture.root, "content"), { recursive: true });
  const siteFile = readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8").replace(
    "page_size: 20",
    "page_size: 3",
  );
  writeFileSync(path.join(fixture.root, "_data/site.yaml"), siteFile);
  build = await buildToTemp(fixture.root);

  prefix = path.join(path.dirname(build.outputDir), "nginx");
  const conf = path.join(prefix, "conf");
  mkdirSync(path.join(conf, "snippets"), { recursive: true });
  for (const folder of ["body", "proxy", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(path.join(prefix, "tmp", folder), { recursive: true });
  writeTestCertificate(path.join(conf, "cert.pem"), path.join(conf, "key.pem"), "IP:127.0.0.1,IP:::1,DNS:localhost");

  const httpsPort = (await freePort("127.0.0.1")) as number;
  httpPort = (await freePort("127.0.0.1")) as number;
  const ipv6 = (await freePort("::1")) !== undefined;
  let site = readFileSync(path.join(PROJECT_DIR, "deploy/nginx/site.conf"), "utf8");
  site = substitute(site, "__SERVER_NAME__", "localhost", 2);
  site = substitute(site, "__SITE_ROOT__", build.outputDir);
  site = substitute(site, "__SSL_CERTIFICATE__", path.join(conf, "cert.pem"));
  site = substitute(site, "__SSL_CERTIFICATE_KEY__", path.join(conf, "key.pem"));
  site = substitute(site, "listen 443 ssl http2;", `listen 127.0.0.1:${httpsPort} ssl http2;`);
  site = substitute(site, "listen 80;", `listen 127.0.0.1:${httpPort};`);
  // IPv6 is shipped; a sandbox without an IPv6 loopback drops those two lines.
  site = substitute(site, "listen [::]:443 ssl http2;", ipv6 ? `listen [::1]:${httpsPort} ssl http2;` : "");
  site = substitute(site, "listen [::]:80;", ipv6 ? `listen [::1]:${httpPort};` : "");
  writeFileSync(path.join(conf, "site.conf"), site);
  cpSync(path.join(PROJECT_DIR, "deploy/nginx/group-origins.conf"), path.join(conf, "group-origins.conf"));
  cpSync(
    path.join(PROJECT_DIR, "deploy/nginx/security-headers.conf"),
    path.join(conf, "snippets/kjj-security-headers.conf"),
  );
  const tmp = (name: string) => path.join(prefix, "tmp", name);
  writeFileSync(
    path.join(conf, "nginx.conf"),
    `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
pid ${path.join(prefix, "nginx.pid")};
error_log ${path.join(prefix, "error.log")} warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path ${tmp("body")};
    proxy_temp_path ${tmp("proxy")};
    fastcgi_temp_path ${tmp("fastcgi")};
    uwsgi_temp_path ${tmp("uwsgi")};
    scgi_temp_path ${tmp("scgi")};
    include group-origins.conf;
    include site.conf;
}
`,
  );
  nginx = spawn(
    "timeout",
    [
      String(LIFETIME_SECONDS),
      NGINX,
      "-p",
      `${prefix}/`,
      "-c",
      path.join(conf, "nginx.conf"),
      "-e",
      path.join(prefix, "error.log"),
      "-g",
      "daemon off;",
    ],
    { stdio: "ignore" },
  );
  origin = `https://127.0.0.1:${httpsPort}`;
  await waitForPort(httpsPort);
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx?.once("exit", resolve));
    nginx.kill("SIGTERM");
    await exited;
  }
  build?.cleanup();
  fixture?.remove();
});

const pageHeaders = (response: Response) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(response.headers[name.toLowerCase()], name).toBe(value);
  expect(response.headers["strict-transport-security"]).toBe("max-age=31536000");
};

describe("the shipped nginx configuration on Debian's nginx", () => {
  it("serves each page type with status 200, the page CSP, five-minute caching and the security headers", async () => {
    const content = loadCatalog({ root: fixture.root });
    const pages = [
      "/",
      content.articles[0]?.url,
      "/zcwj/1/",
      "/notices/",
      content.noticePages[0]?.pageUrl,
      "/search/",
      "/about/",
    ];
    for (const page of pages) {
      const response = await get(page as string);
      expect(response.status, page).toBe(200);
      expect(response.headers["content-type"], page).toBe("text/html; charset=utf-8");
      expect(response.headers["content-security-policy"], page).toBe(formatCsp(SITE_CSP));
      expect(response.headers["cache-control"], page).toBe(CACHE.revalidate);
      pageHeaders(response);
    }
    for (const [file, type] of [
      ["/feed.xml", "text/xml; charset=utf-8"],
      ["/sitemap.xml", "text/xml; charset=utf-8"],
      ["/robots.txt", "text/plain; charset=utf-8"],
    ]) {
      const response = await get(file as string);
      expect(response.status, file).toBe(200);
      expect(response.headers["content-type"], file).toBe(type);
      expect(response.headers["cache-control"], file).toBe(CACHE.revalidate);
    }
  });

  it("caches fingerprinted assets and Pagefind's hashed files for a year, its entry and attachments for five minutes", async () => {
    const assets = readdirSync(path.join(build.outputDir, "assets"));
    const css = assets.find((name) => name.endsWith(".css")) as string;
    const asset = await get(`/assets/${css}`);
    expect(asset.status).toBe(200);
    expect(asset.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(asset.headers["cache-control"]).toBe(CACHE.immutable);
    expect(asset.headers["content-security-policy"]).toBeUndefined();
    pageHeaders(asset);
    const pagefind = readdirSync(path.join(build.outputDir, "pagefind"));
    const fragment = readdirSync(path.join(build.outputDir, "pagefind/fragment"))[0];
    const meta = pagefind.find((name) => name.endsWith(".pf_meta"));
    expect((await get(`/pagefind/fragment/${fragment}`)).headers["cache-control"]).toBe(CACHE.immutable);
    expect((await get(`/pagefind/${meta}`)).headers["cache-control"]).toBe(CACHE.immutable);
    for (const file of ["/pagefind/pagefind-entry.json", "/pagefind/pagefind.js"]) {
      const response = await get(file);
      expect(response.status, file).toBe(200);
      expect(response.headers["cache-control"], file).toBe(CACHE.revalidate);
    }
    const attachment = await get("/files/2024/kjjh-cbxm-sbs-2024.pdf");
    expect(attachment.status).toBe(200);
    expect(attachment.headers["content-type"]).toBe("application/pdf");
    expect(attachment.headers["cache-control"]).toBe(CACHE.revalidate);
  });

  it("lets the group's other sites read /pagefind/ across origins, and no other origin", async () => {
    for (const file of ["/pagefind/pagefind-entry.json", "/pagefind/pagefind.js"]) {
      const peer = await get(file, { origin: "https://kgxj.klmyq.gov.cn" });
      expect(peer.headers["access-control-allow-origin"], file).toBe("https://kgxj.klmyq.gov.cn");
      expect(peer.headers.vary, file).toContain("Origin");
      const stranger = await get(file, { origin: "https://example.com" });
      expect(stranger.headers["access-control-allow-origin"], file).toBeUndefined();
    }
    const fragment = readdirSync(path.join(build.outputDir, "pagefind/fragment"))[0];
    const hashed = await get(`/pagefind/fragment/${fragment}`, { origin: "https://kjj.klmy.gov.cn" });
    expect(hashed.headers["access-control-allow-origin"]).toBe("https://kjj.klmy.gov.cn");
    expect(
      (await get("/", { origin: "https://kgxj.klmyq.gov.cn" })).headers["access-control-allow-origin"],
    ).toBeUndefined();
  });

  it("sends the build's precompressed .gz for assets, compresses pages on the fly, and neither without Accept-Encoding", async () => {
    const assets = readdirSync(path.join(build.outputDir, "assets"));
    for (const name of assets.filter((entry) => /\.(css|js)$/.test(entry))) {
      const response = await get(`/assets/${name}`, { "accept-encoding": "gzip" });
      expect(response.headers["content-encoding"], name).toBe("gzip");
      expect(response.body.equals(readFileSync(path.join(build.outputDir, "assets", `${name}.gz`))), name).toBe(true);
    }
    const home = await get("/", { "accept-encoding": "gzip" });
    expect(home.headers["content-encoding"]).toBe("gzip");
    expect(home.headers.vary).toBe("Accept-Encoding");
    expect(gunzipSync(home.body).toString("utf8")).toBe(readFileSync(path.join(build.outputDir, "index.html"), "utf8"));
    const script = await get("/pagefind/pagefind.js", { "accept-encoding": "gzip" });
    expect(script.headers["content-encoding"]).toBe("gzip");
    expect((await get("/")).headers["content-encoding"]).toBeUndefined();
  });

  it("answers a missing page with status 404 and the 404 page, hides _headers, and redirects /gzdt to /gzdt/", async () => {
    const missing = await get("/no-such-page/");
    expect(missing.status).toBe(404);
    expect(missing.body.toString("utf8")).toBe(readFileSync(path.join(build.outputDir, "404.html"), "utf8"));
    expect(missing.headers["content-security-policy"]).toBe(formatCsp(SITE_CSP));
    expect((await get("/_headers")).status).toBe(404);
    const redirect = await get("/gzdt");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe("/gzdt/");
    pageHeaders(redirect);
    const plain = await get("/gzdt/", {}, httpPort);
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe("https://127.0.0.1/gzdt/");
  });

  it("answers a symbolic link in the published folder with 403 or 404, never its target (disable_symlinks on)", async () => {
    const secret = path.join(prefix, "outside-secret.txt");
    writeFileSync(secret, "build machine secret\n");
    symlinkSync(secret, path.join(build.outputDir, "files/leak.txt"));
    symlinkSync(prefix, path.join(build.outputDir, "files/leak-folder"));
    for (const address of ["/files/leak.txt", "/files/leak-folder/outside-secret.txt"]) {
      const response = await get(address);
      expect([403, 404], address).toContain(response.status);
      expect(response.body.toString("utf8"), address).not.toContain("build machine secret");
    }
    expect((await get("/files/2024/kjjh-cbxm-sbs-2024.pdf")).status).toBe(200);
  });

  it("gives /admin/ its own CSP, no caching and noindex", async () => {
    const admin = await get("/admin/");
    expect(admin.status).toBe(200);
    expect(admin.headers["content-security-policy"]).toBe(formatCsp(ADMIN_CSP));
    expect(admin.headers["cache-control"]).toBe("no-cache");
    expect(admin.headers["x-robots-tag"]).toBe("noindex, nofollow");
    pageHeaders(admin);
  });

  it("speaks HTTP/2 (ALPN h2)", async () => {
    const session = http2.connect(origin, { rejectUnauthorized: false });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const request = session.request({ ":path": "/" });
        request.on("response", (headers) => resolve(Number(headers[":status"])));
        request.on("error", reject);
        request.resume();
      });
      expect(status).toBe(200);
      expect(session.alpnProtocol).toBe("h2");
    } finally {
      session.close();
    }
  });

  it("runs a search in Chromium through nginx", async () => {
    const browser = await launchChromium(["--ignore-certificate-errors"]);
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/search/?q=${encodeURIComponent("科技")}`);
      await page.waitForSelector(".search-count", { timeout: 15_000 });
      expect(await page.textContent(".search-count")).toMatch(/^找到 [1-9]\d* 条结果$/);
    } finally {
      await browser.close();
    }
  });
});
