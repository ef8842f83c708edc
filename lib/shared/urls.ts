/**
 * The addresses the site is made of: its canonical URLs, the fixed pages every build writes, where
 * attachment files are published, and the link schemes a reader may be sent to.
 */

/**
 * The absolute canonical URL of a site path: the origin plus the path, percent-encoded where
 * needed. This is exactly what `<link rel="canonical">` and the QR code carry.
 */
export function canonicalUrl(origin: string, pagePath: string): string {
  return new URL(pagePath, `${origin}/`).href;
}

/** The host name of the site's origin, for the `SiteDomain` meta. */
export function siteDomain(origin: string): string {
  return new URL(origin).host;
}

/** The pages every build writes whatever the content, by name: their site paths. */
export const FIXED_PAGES = {
  home: "/",
  notices: "/notices/",
  search: "/search/",
  accessibility: "/accessibility/",
  /** 网站地图 for readers: every column, the notices, the pages; /sitemap.xml is for search engines. */
  siteMap: "/sitemap/",
  /** How to subscribe to the feed, in Chinese: browsers show /feed.xml as raw XML or download it. */
  subscribe: "/subscribe/",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  /** Requested by browsers even without a link; made from _includes/assets/emblem.svg by scripts/icons.ts. */
  favicon: "/favicon.ico",
  /** The icon iOS uses for a page saved to the home screen (and requests without a link). */
  touchIcon: "/apple-touch-icon.png",
  robots: "/robots.txt",
  notFound: "/404.html",
} as const;

/** Where article pages are published: `/articles/<YYYY>/<slug>/`. */
export const ARTICLES_URL = "/articles/";

/** Attachment and image files: kept in `folder` of the site root, published under `url`. */
export const FILES = { folder: "content/files", url: "/files/" } as const;

/** The link schemes a page may send a reader to (besides site paths). */
export const SAFE_LINK_SCHEMES = ["http", "https", "mailto", "tel"] as const;

/** Where the build publishes styles, scripts and icons under content-hashed names (cached for a year). */
export const ASSETS_URL = "/assets/";

/** Where the search index (Pagefind) is published. */
export const SEARCH_INDEX_URL = "/pagefind/";

/** Where the browser CMS is published. */
export const ADMIN_URL = "/admin/";

/** Top-level folders of the site that the build writes itself, so no column may take them as its slug. */
export const RESERVED_FOLDERS: readonly string[] = [
  ARTICLES_URL,
  ...Object.values(FIXED_PAGES),
  FILES.url,
  ASSETS_URL,
  SEARCH_INDEX_URL,
  ADMIN_URL,
].flatMap((sitePath) => /^\/([a-z0-9-]+)\/$/.exec(sitePath)?.slice(1) ?? []);
