import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sendSiteFile } from "../../lib/preview/index.ts";

/** A static file server for a built site on 127.0.0.1, like a CDN would serve it (404.html for misses). */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `siteDir` on a free loopback port; it closes by itself after `lifetimeMs` at the latest. */
export async function serveSite(siteDir: string, lifetimeMs = 10 * 60_000): Promise<StaticServer> {
  const server: Server = createServer((request, response) => sendSiteFile(siteDir, request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const timer = setTimeout(() => server.close(), lifetimeMs);
  timer.unref();
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
