import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ContentProblem } from "../content/index.ts";
import { previewErrorPage } from "./error-page.ts";
import { contentType, resolveSiteFile, sendSiteFile } from "./static-files.ts";

/** Where the preview server answers for itself; nothing of the built site lives there. */
const PREVIEW_PATHS = { events: "/__preview/events", reloadScript: "/__preview/reload.js" } as const;

const RELOAD_SCRIPT = readFileSync(new URL("./reload-client.js", import.meta.url), "utf8");
const RELOAD_TAG = `<script src="${PREVIEW_PATHS.reloadScript}"></script>`;

/** The preview's web server: a built site, live reload, and the problems of a failed build in place of the pages. */
export interface PreviewServer {
  origin: string;
  /** Shows these problems in place of every page until called with none. */
  showProblems(problems: readonly ContentProblem[] | undefined): void;
  /** Tells every open page that a build finished (it reloads). */
  notifyBuild(): void;
  close(): Promise<void>;
}

/** Adds the reload script to a page of the built site, before `</body>`. */
function withReloadScript(html: string): string {
  const at = html.lastIndexOf("</body>");
  return at < 0 ? `${html}${RELOAD_TAG}` : `${html.slice(0, at)}${RELOAD_TAG}\n${html.slice(at)}`;
}

/**
 * Serves the site in `siteDir` on `host` (127.0.0.1 unless told otherwise: the preview shows
 * drafts) and `port` (0: any free port), with a server-sent event stream that reloads pages.
 */
export async function startPreviewServer(siteDir: string, host: string, port: number): Promise<PreviewServer> {
  const listeners = new Set<ServerResponse>();
  let problems: readonly ContentProblem[] | undefined;
  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (url === PREVIEW_PATHS.events) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      response.write("retry: 1000\n\n");
      listeners.add(response);
      request.on("close", () => listeners.delete(response));
      return;
    }
    if (url === PREVIEW_PATHS.reloadScript) {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" });
      response.end(RELOAD_SCRIPT);
      return;
    }
    const { file, found } = resolveSiteFile(siteDir, url);
    const isPage = contentType(file).startsWith("text/html");
    if (problems && isPage) {
      response.writeHead(500, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
      response.end(previewErrorPage(problems, PREVIEW_PATHS.reloadScript));
      return;
    }
    if (!isPage) {
      sendSiteFile(siteDir, request, response);
      return;
    }
    let html: string;
    try {
      html = readFileSync(file, "utf8");
    } catch {
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      response.end("正在构建，请稍候刷新 (building, reload in a moment)");
      return;
    }
    response.writeHead(found ? 200 : 404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
    response.end(withReloadScript(html));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    origin: `http://${shownHost}:${address.port}`,
    showProblems: (found) => {
      problems = found && found.length > 0 ? found : undefined;
    },
    notifyBuild: () => {
      for (const listener of listeners) listener.write("event: build\ndata: {}\n\n");
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const listener of listeners) listener.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
