import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

/** The sitemaps.org schemas the project ships (deploy/schemas/). */
export const SITEMAP_SCHEMAS = {
  urlset: path.join(PROJECT_DIR, "deploy/schemas/sitemap.xsd"),
  sitemapindex: path.join(PROJECT_DIR, "deploy/schemas/siteindex.xsd"),
} as const;

/**
 * Validates an XML file with `xmllint --schema` (Debian's libxml2-utils, which scripts/test.sh
 * installs) against the schema of the root element it should have; gives xmllint's complaints,
 * empty when the file is valid.
 */
export function sitemapSchemaErrors(file: string, root: keyof typeof SITEMAP_SCHEMAS): string {
  const found = /^(?:<\?xml[^>]*\?>\s*)?<([\w:-]+)/.exec(readFileSync(file, "utf8"))?.[1];
  if (found !== root) return `${file}: root element <${found}>, not <${root}>`;
  const run = spawnSync("xmllint", ["--noout", "--schema", SITEMAP_SCHEMAS[root], file], { encoding: "utf8" });
  if (run.error)
    throw new Error(`xmllint is missing (Debian's libxml2-utils; scripts/test.sh installs it): ${run.error.message}`);
  return run.status === 0 ? "" : run.stderr.trim();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The `<loc>` of every element of a sitemap or sitemap index file (whose validity the schema checks). */
export function sitemapLocations(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) =>
    (match[1] as string).replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] as string),
  );
}

/** Every page URL a built site's sitemaps list: the index at /sitemap.xml followed to each child. */
export function builtSitemapPages(siteDir: string): string[] {
  return sitemapLocations(path.join(siteDir, "sitemap.xml")).flatMap((child) =>
    sitemapLocations(path.join(siteDir, new URL(child).pathname)),
  );
}
