import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { GetObjectCommand, ListObjectsCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type S3ObjectEvent, type S3Server, startS3Server } from "../../harness/s3-server.ts";
import { testClient } from "../helpers/bucket.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

let dir: string;
let server: S3Server;
const events: S3ObjectEvent[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "s3-server-"));
  server = await startS3Server(dir, ["b"], 0, (event) => events.push(event));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("startS3Server", () => {
  it("announces no object for an upload its client cut short, and serves the next one", async () => {
    const client = testClient(server.endpoint);
    const abort = new AbortController();
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent >= 4) return;
        sent++;
        this.push(Buffer.alloc(64 * 1024, 1));
        // The client gives up once part of the body is on the wire, as a killed deploy does.
        if (sent === 4) setTimeout(() => abort.abort(), 200);
      },
    });
    await expect(
      client.send(new PutObjectCommand({ Bucket: "b", Key: "cut.bin", Body: body, ContentLength: 1024 * 1024 }), {
        abortSignal: abort.signal,
      }),
    ).rejects.toThrow();
    await client.send(new PutObjectCommand({ Bucket: "b", Key: "whole.txt", Body: "完整" }));
    // s3rver keeps the part that came under the key (a real store keeps nothing), but no event says it was
    // stored: the killed deploy's test (tests/integration/deploy.test.ts) tells finished uploads by their event.
    const listed = await client.send(new ListObjectsCommand({ Bucket: "b" }));
    expect((listed.Contents ?? []).map((object) => object.Key)).toContain("whole.txt");
    const whole = await client.send(new GetObjectCommand({ Bucket: "b", Key: "whole.txt" }));
    expect(await whole.Body?.transformToString()).toBe("完整");
    expect(events.filter((event) => event.key === "cut.bin")).toEqual([]);
    expect(events.map((event) => [event.eventName.split(":")[0], event.key])).toEqual([["ObjectCreated", "whole.txt"]]);
  });
});
