import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type CmsBackend, gitEndpoints } from "../cms/index.ts";
import { ADMIN_URL, ASSETS_URL, FILES, FIXED_PAGES, SEARCH_INDEX_URL } from "../shared/index.ts";

/** A Content-Security-Policy as directive name → source list. */
export type CspDirectives = Record<string, readonly string[]>;

/**
 * The site's policy: everything from the site itself; scripts only from files (no inline script,
 * no eval) except WebAssembly compilation for Pagefind; no inline styles; no plugins; forms and
 * `<base>` only to the site; framed only by the site.
 */
export const SITE_CSP: CspDirectives = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'self'"],
};

const origin = (url: string) => new URL(url).origin;

/**
 * The Git-based CMS under /admin/: its own script bundle (which evaluates code and injects styles),
 * its fonts served from the site (lib/cms/sveltia.ts rewrites the bundle's jsDelivr
 * addresses), and no third-party host but the configured Git host: its REST API (and, for GitLab
 * and Gitea/Forgejo, the instance where the sign-in token is fetched), and its images (GitHub
 * serves file previews and avatars from githubusercontent.com). Without a back end (the setup page
 * and the preview's local repository mode) nothing outside the site. Editors only: the public pages
 * keep SITE_CSP.
 */
export function adminCsp(backend?: CmsBackend): CspDirectives {
  const git: string[] = [];
  const images: string[] = [];
  if (backend) {
    const { apiRoot, baseUrl } = gitEndpoints(backend);
    git.push(origin(apiRoot));
    if (backend.name === "github") images.push("https://*.githubusercontent.com");
    else if (baseUrl) git.push(origin(baseUrl));
    images.push(...git);
  }
  const unique = (sources: string[]) => [...new Set(sources)];
  return {
    ...SITE_CSP,
    "script-src": ["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": unique(["'self'", "data:", "blob:", ...images]),
    // data: and blob: are Sveltia's own images and previews, read with fetch.
    "connect-src": unique(["'self'", "data:", "blob:", ...git]),
    "font-src": ["'self'"],
  };
}

/** The /admin/ policy of a site whose `_data/cms.yaml` names no repository yet: nothing outside the site. */
export const ADMIN_CSP: CspDirectives = adminCsp();

/** Directives a `<meta http-equiv>` policy cannot carry: browsers ignore them there. */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors", "report-uri", "sandbox"];

/** Serialises a policy: `default-src 'self'; script-src …`. */
export function formatCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/** The policy for the `<meta http-equiv="Content-Security-Policy">` of every page. */
export function metaCsp(directives: CspDirectives = SITE_CSP): string {
  return formatCsp(
    Object.fromEntries(Object.entries(directives).filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name))),
  );
}

/** Response headers every path gets. */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "SAMEORIGIN",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** Cache-Control values: a year for content-hashed files, five minutes then revalidate for the rest. */
export const CACHE = {
  immutable: "public, max-age=31536000, immutable",
  revalidate: "public, max-age=300, must-revalidate",
} as const;

/** One block of a `_headers` file: a path pattern (`*` matches anything) and its headers. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/** What `_headers` needs to know about a built site: the entries of its root and of /pagefind/. */
export interface SiteLayout {
  /** Names at the site root; folders end with `/` (`articles/`, `feed.xml`). */
  root: readonly string[];
  /** Names directly under /pagefind/, folders ending with `/`; empty without a search index. */
  pagefind: readonly string[];
  /** The names directly under each shard folder of /pagefind/ (`y2020/` → `fragment/`, `pagefind-entry.json`, …). */
  shards?: Readonly<Record<string, readonly string[]>>;
}

/** What a site's `_headers` adds for its 站群. */
export interface GroupHeaders {
  /** `Access-Control-Allow-Origin` of /pagefind/*, so the other sites' search pages can read the index (searchCorsOrigin). */
  searchCorsOrigin?: string;
  /** The search page's policy, SITE_CSP with the peers' origins to read their index (searchPageCsp); SITE_CSP by default. */
  searchCsp?: CspDirectives;
}

/** Root entries with rules of their own rather than the page rule. */
const SPECIAL_ROOT = new Set([
  ...[ASSETS_URL, SEARCH_INDEX_URL, FILES.url, ADMIN_URL].map((folder) => folder.slice(1)),
  "_headers",
]);
/** A child of the sitemap index at the site root: `sitemap-articles-2024.xml`. */
const SITEMAP_CHILD = /^sitemap-[^/]+\.xml$/;
/** Pagefind folders whose file names carry a content hash (the presence map's folder is named after its own). */
const HASHED_PAGEFIND_FOLDERS = new Set(["fragment/", "index/", "filter/"]);

/** Whether an entry of a Pagefind folder never changes under its name: hashed folders, page lists, the presence map. */
function isHashedPagefindEntry(entry: string): boolean {
  return HASHED_PAGEFIND_FOLDERS.has(entry) || entry.endsWith(".pf_meta") || /^presence-[0-9a-f]+\/$/.test(entry);
}

/** A Pagefind shard folder under /pagefind/ (one of the index's parts, not Pagefind's own folders). */
function isShardFolder(entry: string): boolean {
  return entry.endsWith("/") && !isHashedPagefindEntry(entry);
}

/**
 * The `_headers` rules of a built site (Netlify and Cloudflare Pages format). Both hosts apply
 * every rule whose pattern matches and Cloudflare joins repeated headers with commas, which
 * would turn two Content-Security-Policy values into two policies that both apply. So only the
 * security headers sit on the catch-all `/*`; Content-Security-Policy and Cache-Control come
 * from exactly one rule for any path: one per root entry of the site, one for /admin/*.
 */
export function headerRules(
  layout: SiteLayout,
  admin: CspDirectives = ADMIN_CSP,
  group: GroupHeaders = {},
): HeaderRule[] {
  const page = { "Content-Security-Policy": formatCsp(SITE_CSP), "Cache-Control": CACHE.revalidate };
  const searchPage = { ...page, "Content-Security-Policy": formatCsp(group.searchCsp ?? SITE_CSP) };
  const searchEntry = FIXED_PAGES.search.slice(1);
  const rules: HeaderRule[] = [{ path: "/*", headers: { ...SECURITY_HEADERS } }];
  const entries = [...layout.root].filter((entry) => !SPECIAL_ROOT.has(entry)).sort();
  if (entries.includes("index.html")) rules.push({ path: "/", headers: page });
  // The sitemap's children (lib/render/sitemaps.ts), one a section and year: one rule for all.
  const sitemapChild = (entry: string) => SITEMAP_CHILD.test(entry);
  if (entries.some(sitemapChild)) rules.push({ path: "/sitemap-*.xml", headers: page });
  for (const entry of entries.filter((name) => !sitemapChild(name)))
    rules.push({
      path: entry.endsWith("/") ? `/${entry}*` : `/${entry}`,
      headers: entry === searchEntry ? searchPage : page,
    });
  rules.push({ path: `${ASSETS_URL}*`, headers: { "Cache-Control": CACHE.immutable } });
  if (layout.root.includes(FILES.url.slice(1)))
    rules.push({ path: `${FILES.url}*`, headers: { "Cache-Control": CACHE.revalidate } });
  const pagefindRules = (folder: string, names: readonly string[]) => {
    for (const entry of [...names].sort()) {
      if (folder === SEARCH_INDEX_URL && isShardFolder(entry) && layout.shards?.[entry]) {
        pagefindRules(`${folder}${entry}`, layout.shards[entry] ?? []);
        continue;
      }
      const cache = isHashedPagefindEntry(entry) ? CACHE.immutable : CACHE.revalidate;
      rules.push({
        path: `${folder}${entry.endsWith("/") ? `${entry}*` : entry}`,
        headers: { "Cache-Control": cache },
      });
    }
  };
  pagefindRules(SEARCH_INDEX_URL, layout.pagefind);
  if (group.searchCorsOrigin && layout.pagefind.length > 0)
    rules.push({
      path: `${SEARCH_INDEX_URL}*`,
      headers: { "Access-Control-Allow-Origin": group.searchCorsOrigin },
    });
  rules.push({
    path: `${ADMIN_URL}*`,
    headers: { "Content-Security-Policy": formatCsp(admin), "Cache-Control": "no-cache" },
  });
  return rules;
}

/** Writes rules in the `_headers` format: the path, then its headers indented on the lines below. */
export function formatHeaders(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) =>
    [rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n"),
  );
  return `# Generated by lib/publish/headers.ts at build time: do not edit.\n${blocks.join("\n")}\n`;
}

/** Reads a `_headers` file back into rules: comments and blank lines skipped, `name: value` lines indented. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const separator = line.indexOf(":");
    const rule = rules.at(-1);
    if (!rule || separator < 0) throw new Error(`_headers: cannot read the line 「${line}」`);
    rule.headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return rules;
}

/** Whether a `_headers` path pattern matches a request path; `*` matches any run of characters. */
export function matchesPattern(pattern: string, requestPath: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`).test(requestPath);
}

/**
 * The headers a host serves for a request path, as Cloudflare Pages combines them: every
 * matching rule applies, and a header set by several rules gets all their values, comma-joined.
 */
export function headersFor(rules: readonly HeaderRule[], requestPath: string): Record<string, string[]> {
  const combined: Record<string, string[]> = {};
  for (const rule of rules) {
    if (!matchesPattern(rule.path, requestPath)) continue;
    for (const [name, value] of Object.entries(rule.headers)) combined[name] = [...(combined[name] ?? []), value];
  }
  return combined;
}

/** Lists a folder as a {@link SiteLayout} wants it: file names, and folder names ending in `/`. */
function listEntries(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? `${entry.name}/` : entry.name,
    );
  } catch {
    return [];
  }
}

/**
 * Writes `<siteDir>/_headers` for a fully built site (pages, assets and search index in place),
 * with `admin` as the policy of /admin/ (adminCsp of the site's CMS back end) and the CORS header
 * of /pagefind/ when the site is one of a 站群.
 */
export function writeHeadersFile(
  siteDir: string,
  admin: CspDirectives = ADMIN_CSP,
  group: GroupHeaders = {},
): HeaderRule[] {
  const pagefind = listEntries(path.join(siteDir, SEARCH_INDEX_URL));
  const shards = Object.fromEntries(
    pagefind.filter(isShardFolder).map((entry) => [entry, listEntries(path.join(siteDir, SEARCH_INDEX_URL, entry))]),
  );
  const rules = headerRules({ root: listEntries(siteDir), pagefind, shards }, admin, group);
  writeFileSync(path.join(siteDir, "_headers"), formatHeaders(rules));
  return rules;
}
