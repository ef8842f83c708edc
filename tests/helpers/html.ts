import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, parseHTML } from "linkedom";

/** Parses a built HTML page, given its URL path, into a DOM document. */
export function readPage(siteDir: string, urlPath: string): Document {
  const file = urlPath.endsWith("/") ? path.join(siteDir, urlPath, "index.html") : path.join(siteDir, urlPath);
  return parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
}

/** Parses a built XML file (feed, sitemap). */
export function readXml(siteDir: string, urlPath: string): Document {
  return new DOMParser().parseFromString(
    readFileSync(path.join(siteDir, urlPath), "utf8"),
    "text/xml",
  ) as unknown as Document;
}

/** Every file of a built site, relative with forward slashes, sorted. */
export function listSiteFiles(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The SHA-256 of every file of a built site, by relative path. */
export function siteFileHashes(siteDir: string): Map<string, string> {
  return new Map(
    listSiteFiles(siteDir).map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(siteDir, file)))
        .digest("hex"),
    ]),
  );
}

/** One hash of a built site: every file's path and bytes, in path order. */
export function siteHash(siteDir: string): string {
  const hash = createHash("sha256");
  for (const file of listSiteFiles(siteDir)) hash.update(file).update(readFileSync(path.join(siteDir, file)));
  return hash.digest("hex");
}

/** The URL paths of every HTML page of a built site. */
export function listHtmlPages(siteDir: string): string[] {
  return listSiteFiles(siteDir)
    .filter((file) => file.endsWith(".html"))
    .map((file) => `/${file}`.replace(/index\.html$/, ""));
}

/** The `content` of `<meta name=…>`. */
export function metaContent(document: Document, name: string): string | null | undefined {
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute("content");
}

/** Text with whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}
