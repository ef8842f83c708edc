import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type Expression, type ImportExpression, parse, type VariableDeclarator } from "acorn";
import { full } from "acorn-walk";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSite } from "../../lib/content/site.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { listHtmlPages, readPage, readXml } from "../helpers/html.ts";
import { sampleSite } from "../helpers/sample-site.ts";
import { builtSitemapPages, sitemapLocations } from "../helpers/sitemaps.ts";

/** The URLs a script's import() calls load: a string literal, or a variable the script sets to one (acorn-walk comes with Eleventy). */
function importedUrls(source: string): string[] {
  const strings = new Map<string, string[]>();
  const sources: Expression[] = [];
  full(parse(source, { ecmaVersion: 2020, sourceType: "script" }), (node) => {
    if (node.type === "ImportExpression") sources.push((node as ImportExpression).source);
    const { id, init } = node as VariableDeclarator;
    if (node.type === "VariableDeclarator" && id.type === "Identifier" && init?.type === "Literal")
      if (typeof init.value === "string") strings.set(id.name, [...(strings.get(id.name) ?? []), init.value]);
  });
  return sources.flatMap((argument) => {
    if (argument.type === "Literal" && typeof argument.value === "string") return [argument.value];
    return argument.type === "Identifier" ? (strings.get(argument.name) ?? []) : [];
  });
}

/*
 * Every link of a whole sample-site build: internal ones (pages, assets, attachments, feed,
 * sitemap, search index) must resolve to a file of the build, external ones must use a safe scheme.
 */

const SAFE_EXTERNAL = new Set(["http:", "https:", "mailto:", "tel:"]);
const LINK_ATTRIBUTES = ["href", "src", "action", "poster", "data"];
/** The page's QR code: a PNG drawn into the page, allowed by the CSP's `img-src data:` and nowhere else. */
const IMAGE_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

let siteDir: string;
let origin: string;

beforeAll(async () => {
  siteDir = sampleSite();
  origin = loadSite(PROJECT_DIR).url;
});

/** The file a site path is served from, as a static host does (`/x/` → `x/index.html`); null if none. */
function resolveSitePath(sitePath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(sitePath);
  } catch {
    return null;
  }
  const file = path.join(siteDir, decoded);
  if (!file.startsWith(siteDir)) return null;
  const candidate = decoded.endsWith("/") ? path.join(file, "index.html") : file;
  if (!existsSync(candidate)) return null;
  if (statSync(candidate).isDirectory()) return existsSync(path.join(candidate, "index.html")) ? candidate : null;
  return candidate;
}

/** A link found in the build and where it stands. */
interface FoundLink {
  from: string;
  target: string;
}

/** Checks links; returns one line per broken or unsafe link. */
function checkLinks(links: FoundLink[], pageIds: Map<string, Set<string>>): string[] {
  const problems: string[] = [];
  for (const { from, target } of links) {
    const base = new URL(from, `${origin}/`);
    let url: URL;
    try {
      url = new URL(target, base);
    } catch {
      problems.push(`${from}: unparsable link ${JSON.stringify(target)}`);
      continue;
    }
    if (url.origin !== origin) {
      if (!SAFE_EXTERNAL.has(url.protocol)) problems.push(`${from}: unsafe scheme in ${JSON.stringify(target)}`);
      continue;
    }
    if (!resolveSitePath(url.pathname)) {
      problems.push(`${from}: ${JSON.stringify(target)} does not resolve to a file of the build`);
      continue;
    }
    if (url.hash && url.pathname === base.pathname) {
      const ids = pageIds.get(url.pathname);
      if (ids && !ids.has(decodeURIComponent(url.hash.slice(1))))
        problems.push(`${from}: no element with id ${url.hash}`);
    }
  }
  return problems;
}

function htmlLinks(): { links: FoundLink[]; ids: Map<string, Set<string>> } {
  const links: FoundLink[] = [];
  const ids = new Map<string, Set<string>>();
  for (const pagePath of listHtmlPages(siteDir)) {
    const document = readPage(siteDir, pagePath);
    ids.set(pagePath, new Set([...document.querySelectorAll("[id]")].map((element) => element.id)));
    for (const element of document.querySelectorAll("*")) {
      for (const name of LINK_ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value === null || (name === "data" && element.tagName !== "OBJECT")) continue;
        if (name === "src" && element.tagName === "IMG" && IMAGE_DATA_URL.test(value)) continue;
        links.push({ from: pagePath, target: value });
      }
      const srcset = element.getAttribute("srcset");
      if (srcset) {
        for (const candidate of srcset.split(",")) {
          const target = candidate.trim().split(/\s+/)[0];
          if (target) links.push({ from: pagePath, target });
        }
      }
      if (element.tagName === "META" && /^(og:url|og:image)$/.test(element.getAttribute("property") ?? "")) {
        links.push({ from: pagePath, target: element.getAttribute("content") ?? "" });
      }
    }
  }
  return { links, ids };
}

describe("links of the built sample site", () => {
  it("resolves every internal href, src and action of every page and uses safe schemes elsewhere", () => {
    const { links, ids } = htmlLinks();
    expect(links.length).toBeGreaterThan(1000);
    expect(checkLinks(links, ids)).toEqual([]);
  });

  it("covers pages, hashed assets, attachments, the icons, the site map and the subscribe page", () => {
    const targets = new Set(htmlLinks().links.map((link) => link.target));
    const has = (pattern: RegExp) => [...targets].some((target) => pattern.test(target));
    expect(has(/^\/articles\/\d{4}\/[a-z0-9-]+\/$/)).toBe(true);
    expect(has(/^\/assets\/site\.[0-9a-f]{8}\.css$/)).toBe(true);
    expect(has(/^\/assets\/emblem\.[0-9a-f]{8}\.svg$/)).toBe(true);
    expect(has(/^\/files\//)).toBe(true);
    expect(targets.has("/feed.xml")).toBe(true);
    expect(targets.has("/sitemap/")).toBe(true);
    expect(targets.has("/subscribe/")).toBe(true);
    expect(targets.has("/favicon.ico")).toBe(true);
    expect(targets.has("/apple-touch-icon.png")).toBe(true);
    expect(targets.has("#main")).toBe(true);
  });

  it("finds broken and unsafe links when there are some", () => {
    const ids = new Map([["/", new Set(["main"])]]);
    const links = [
      "/no-such-page/",
      "/assets/site.css",
      "javascript:alert(1)",
      "#nowhere",
      `${origin}/missing/`,
      "/files/..%2F..%2Fetc/passwd",
    ].map((target) => ({ from: "/", target }));
    expect(checkLinks(links, ids)).toHaveLength(links.length);
    const good = ["/", "/about/", "#main", "/feed.xml", `${origin}/gzdt/`, "https://beian.miit.gov.cn/", "tel:0990"];
    expect(
      checkLinks(
        good.map((target) => ({ from: "/", target })),
        ids,
      ),
    ).toEqual([]);
  });

  it("resolves every sitemap location and every feed link", () => {
    const children = sitemapLocations(path.join(siteDir, "sitemap.xml"));
    const locs = [...children, ...builtSitemapPages(siteDir)];
    const feed = readXml(siteDir, "/feed.xml");
    const feedLinks = [...feed.querySelectorAll("link")].map((link) => link.getAttribute("href") ?? "");
    const feedIds = [...feed.querySelectorAll("entry > id")].map((id) => id.textContent ?? "");
    expect(locs.length).toBeGreaterThan(30);
    expect(feedLinks.length).toBeGreaterThan(10);
    const all = [...locs, ...feedLinks, ...feedIds].map((target) => ({ from: "/", target }));
    expect(all.every(({ target }) => target.startsWith(`${origin}/`))).toBe(true);
    expect(checkLinks(all, new Map())).toEqual([]);
  });

  it("resolves the sitemap named in robots.txt and the search index the search script imports", () => {
    const robots = readFileSync(path.join(siteDir, "robots.txt"), "utf8");
    const sitemapLine = /^Sitemap: (.+)$/m.exec(robots)?.[1] ?? "";
    expect(checkLinks([{ from: "/robots.txt", target: sitemapLine }], new Map())).toEqual([]);
    const searchPage = readPage(siteDir, "/search/");
    const script = searchPage.querySelector('script[src*="/assets/search-page."]')?.getAttribute("src") ?? "";
    const source = readFileSync(path.join(siteDir, script), "utf8");
    const imported = importedUrls(source);
    expect(imported).toEqual(["/pagefind/pagefind.js"]);
    expect(checkLinks([{ from: "/search/", target: imported[0] ?? "" }], new Map())).toEqual([]);
  });
});
