import { describe, expect, it } from "vitest";
import {
  adminCsp,
  CACHE,
  formatCsp,
  formatHeaders,
  type HeaderRule,
  headerRules,
  headersFor,
  matchesPattern,
  metaCsp,
  parseHeaders,
  SITE_CSP,
} from "../../../lib/publish/headers.ts";

const LAYOUT = {
  root: [
    "404.html",
    "_headers",
    "about/",
    "articles/",
    "assets/",
    "feed.xml",
    "files/",
    "gzdt/",
    "index.html",
    "notices/",
    "pagefind/",
    "robots.txt",
    "search/",
    "sitemap-articles-2021.xml",
    "sitemap-pages.xml",
    "sitemap.xml",
  ],
  pagefind: [
    "fragment/",
    "index/",
    "pagefind-entry.json",
    "pagefind-worker.js",
    "pagefind.js",
    "pagefind.zh-cn_638a6f2a848ca.pf_meta",
    "wasm.unknown.pagefind",
  ],
};

const single = (rules: HeaderRule[], requestPath: string, name: string) => {
  const values = headersFor(rules, requestPath)[name] ?? [];
  expect(values, `${name} of ${requestPath}`).toHaveLength(1);
  return values[0];
};

describe("formatCsp and metaCsp", () => {
  it("writes the strict policy, with frame-ancestors only in the header form", () => {
    expect(formatCsp(SITE_CSP)).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
    );
    expect(metaCsp()).toBe(formatCsp(SITE_CSP).replace("; frame-ancestors 'self'", ""));
  });
});

describe("matchesPattern", () => {
  it("matches exact paths and splats", () => {
    expect(matchesPattern("/", "/")).toBe(true);
    expect(matchesPattern("/", "/about/")).toBe(false);
    expect(matchesPattern("/*", "/")).toBe(true);
    expect(matchesPattern("/articles/*", "/articles/2021/x/")).toBe(true);
    expect(matchesPattern("/articles/*", "/articlesx")).toBe(false);
    expect(matchesPattern("/pagefind/pagefind.js", "/pagefind/pagefindxjs")).toBe(false);
  });
});

describe("headerRules", () => {
  const rules = headerRules(LAYOUT);

  it("gives every path exactly one Content-Security-Policy and one Cache-Control", () => {
    const paths = [
      "/",
      "/index.html",
      "/404.html",
      "/about/",
      "/articles/2021/kjcx/",
      "/gzdt/2/",
      "/notices/2024/0114-abcdef/",
      "/search/",
      "/feed.xml",
      "/sitemap.xml",
      "/sitemap-articles-2021.xml",
      "/sitemap-pages.xml",
      "/admin/",
      "/admin/config.yml",
    ];
    for (const requestPath of paths) {
      single(rules, requestPath, "Content-Security-Policy");
      single(rules, requestPath, "Cache-Control");
    }
  });

  it("gives the sitemap's children one rule between them, as pages", () => {
    expect(rules.filter((rule) => rule.path.startsWith("/sitemap-")).map((rule) => rule.path)).toEqual([
      "/sitemap-*.xml",
    ]);
    expect(single(rules, "/sitemap-articles-2021.xml", "Cache-Control")).toBe(CACHE.revalidate);
  });

  it("serves pages with the strict policy and a short, revalidated cache", () => {
    expect(single(rules, "/articles/2021/kjcx/", "Content-Security-Policy")).toBe(formatCsp(SITE_CSP));
    expect(single(rules, "/", "Cache-Control")).toBe(CACHE.revalidate);
  });

  it("caches fingerprinted files for a year and the unhashed search files briefly", () => {
    expect(single(rules, "/assets/site.3f2a9c1b.css", "Cache-Control")).toBe(CACHE.immutable);
    expect(single(rules, "/pagefind/fragment/zh-cn_54f2384.pf_fragment", "Cache-Control")).toBe(CACHE.immutable);
    expect(single(rules, "/pagefind/index/zh-cn_46b75c2.pf_index", "Cache-Control")).toBe(CACHE.immutable);
    expect(single(rules, "/pagefind/pagefind.zh-cn_638a6f2a848ca.pf_meta", "Cache-Control")).toBe(CACHE.immutable);
    for (const file of ["pagefind.js", "pagefind-entry.json", "pagefind-worker.js", "wasm.unknown.pagefind"]) {
      expect(single(rules, `/pagefind/${file}`, "Cache-Control")).toBe(CACHE.revalidate);
    }
    expect(single(rules, "/files/2021/a.pdf", "Cache-Control")).toBe(CACHE.revalidate);
  });

  it("gives /admin/ its own looser policy for the CMS, with no host outside the site until a back end is set", () => {
    const csp = single(rules, "/admin/", "Content-Security-Policy");
    expect(csp).toContain("connect-src 'self' data: blob:;");
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("font-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(single(rules, "/", "Content-Security-Policy")).not.toMatch(/https?:/);
  });

  it("lets /admin/ reach the configured Git host and nothing else", () => {
    const github = { name: "github", repo: "klmy-kjj/website", branch: "main" } as const;
    const directives = (backend: Parameters<typeof adminCsp>[0]) => {
      const policy = single(headerRules(LAYOUT, adminCsp(backend)), "/admin/", "Content-Security-Policy");
      return Object.fromEntries(
        (policy ?? "").split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]),
      );
    };
    expect(directives(github)).toMatchObject({
      "connect-src": ["'self'", "data:", "blob:", "https://api.github.com"],
      "img-src": ["'self'", "data:", "blob:", "https://*.githubusercontent.com", "https://api.github.com"],
      "font-src": ["'self'"],
    });
    expect(directives({ ...github, name: "gitea", base_url: "https://git.klmy.gov.cn", app_id: "abc" })).toMatchObject({
      "connect-src": ["'self'", "data:", "blob:", "https://git.klmy.gov.cn"],
      "img-src": ["'self'", "data:", "blob:", "https://git.klmy.gov.cn"],
    });
    expect(
      directives({
        ...github,
        name: "gitlab",
        base_url: "https://gitlab.klmy.gov.cn",
        api_root: "https://api.gitlab.klmy.gov.cn/api/v4",
        auth_type: "pkce",
        app_id: "abc",
      })["connect-src"],
    ).toEqual(["'self'", "data:", "blob:", "https://api.gitlab.klmy.gov.cn", "https://gitlab.klmy.gov.cn"]);
    expect(directives({ ...github, name: "gitlab" })["connect-src"]).toEqual([
      "'self'",
      "data:",
      "blob:",
      "https://gitlab.com",
    ]);
  });

  it("sends the security headers once on every path", () => {
    for (const requestPath of ["/", "/assets/site.css", "/pagefind/pagefind.js", "/admin/", "/missing"]) {
      expect(single(rules, requestPath, "X-Content-Type-Options")).toBe("nosniff");
      expect(single(rules, requestPath, "Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      expect(single(rules, requestPath, "X-Frame-Options")).toBe("SAMEORIGIN");
      expect(single(rules, requestPath, "Permissions-Policy")).toBe("camera=(), microphone=(), geolocation=()");
    }
  });

  it("leaves out the search rules when the site has no index", () => {
    const without = headerRules({ root: ["index.html"], pagefind: [] });
    expect(without.some((rule) => rule.path.startsWith("/pagefind/"))).toBe(false);
  });
});

describe("formatHeaders", () => {
  it("writes each path with its headers indented below", () => {
    const text = formatHeaders([{ path: "/assets/*", headers: { "Cache-Control": CACHE.immutable } }]);
    expect(text.split("\n").slice(1)).toEqual(["/assets/*", `  Cache-Control: ${CACHE.immutable}`, ""]);
  });
});

describe("parseHeaders", () => {
  it("reads back what formatHeaders writes", () => {
    const rules = headerRules(LAYOUT);
    expect(parseHeaders(formatHeaders(rules))).toEqual(rules);
  });

  it("fails on a header line before any path", () => {
    expect(() => parseHeaders("  Cache-Control: no-cache\n")).toThrow(/_headers/);
  });
});
