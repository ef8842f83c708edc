import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUrls } from "../../../lib/inspect/online.ts";

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (url === "/ok") response.writeHead(200).end("ok");
    else if (url === "/moved") response.writeHead(301, { location: "/ok" }).end();
    else if (url === "/no-head") response.writeHead(request.method === "HEAD" ? 405 : 200).end();
    else if (url === "/slow") setTimeout(() => response.writeHead(200).end(), 10_000).unref();
    else response.writeHead(404).end("missing");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("--online link checks (against a server on 127.0.0.1 only)", () => {
  it("follows redirects, retries a refused HEAD with GET, reports 404s, timeouts and refused connections", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const results = await checkUrls(
      [
        `${origin}/ok`,
        `${origin}/moved`,
        `${origin}/no-head`,
        `${origin}/missing`,
        `${origin}/slow`,
        refused,
        `${origin}/ok`,
      ],
      { timeoutMs: 1500 },
    );
    expect(results.size).toBe(6);
    expect(results.get(`${origin}/ok`)).toMatchObject({ ok: true, status: 200 });
    expect(results.get(`${origin}/moved`)).toMatchObject({ ok: true, status: 200 });
    expect(results.get(`${origin}/no-head`)).toMatchObject({ ok: true, status: 200 });
    expect(results.get(`${origin}/missing`)).toMatchObject({ ok: false, status: 404 });
    expect(results.get(`${origin}/slow`)).toMatchObject({ ok: false, error: "1.5 秒内没有响应（超时）" });
    expect(results.get(refused)).toMatchObject({ ok: false, error: "连接被拒绝" });
  });
});
