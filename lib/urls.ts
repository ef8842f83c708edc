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
