import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { contentType } from "../shared/content-types.ts";

export { contentType };

/**
 * The file of a built site that answers a request path, as a static host resolves it (a folder
 * by its index.html), and whether it exists; a miss, or a path outside the site, is `404.html`.
 */
export function resolveSiteFile(siteDir: string, requestPath: string): { file: string; found: boolean } {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestPath, "http://localhost").pathname);
  } catch {
    return { file: path.join(siteDir, "404.html"), found: false };
  }
  let file = path.join(siteDir, pathname);
  if (file !== siteDir && !file.startsWith(`${siteDir}${path.sep}`))
    return { file: path.join(siteDir, "404.html"), found: false };
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
  return existsSync(file) ? { file, found: true } : { file: path.join(siteDir, "404.html"), found: false };
}

/** Answers a request with a file of a built site (404.html with status 404 for a miss), as a CDN would. */
export function sendSiteFile(siteDir: string, request: IncomingMessage, response: ServerResponse): void {
  const { file, found } = resolveSiteFile(siteDir, request.url ?? "/");
  response.writeHead(found ? 200 : 404, { "content-type": contentType(file) });
  if (request.method === "HEAD" || !existsSync(file)) response.end();
  else createReadStream(file).pipe(response);
}
