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
  /** 政府信息公开: the entries 国办公开办函〔2019〕61号 names, each a page of this site or a link. */
  publicInformation: "/xxgk/",
  /** 互动交流 (咨询建言) and 办事服务: the platforms the site links to. */
  interaction: "/hdjl/",
  services: "/bsfw/",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  /** Requested by browsers even without a link; made from _includes/assets/emblem.svg by scripts/icons.ts. */
  favicon: "/favicon.ico",
  /** The icon iOS uses for a page saved to the home screen (and requests without a link). */
  touchIcon: "/apple-touch-icon.png",
  robots: "/robots.txt",
  notFound: "/404.html",
} as const;

/**
 * The national government website supervision platform's 「我为政府网站找错」 page, which every page
 * of a government site links to with its 网站标识码 and its own address (国办发〔2017〕47号).
 */
export const JIUCUO_PAGE = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html";

/** The 「我为政府网站找错」 link of one page: the platform's page with `site_code` and the page's canonical `url`. */
export function jiucuoUrl(siteCode: string, pageUrl: string): string {
  return `${JIUCUO_PAGE}?site_code=${encodeURIComponent(siteCode)}&url=${encodeURIComponent(pageUrl)}`;
}

/** The `site_code` of a link to the 「我为政府网站找错」 page, "" when it has none; undefined for any other link. */
export function jiucuoSiteCode(link: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    return undefined;
  }
  if (`${parsed.origin}${parsed.pathname}` !== JIUCUO_PAGE) return undefined;
  return parsed.searchParams.get("site_code") ?? "";
}

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
