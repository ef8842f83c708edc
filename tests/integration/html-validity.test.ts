import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSiteFiles } from "../helpers/html.ts";
import { sampleSite } from "../helpers/sample-site.ts";

const VNU_JAR = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

interface NuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** A page the checker must fault, checked in the same run, so a silent checker cannot pass. */
const BROKEN_PAGE = '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><p><div></p></body></html>';

let scratch: string;
let siteDir: string;
let htmlFiles: string[];
let messages: NuMessage[];

/** Runs the W3C Nu HTML Checker once (one JVM) over every file; it reports JSON on stderr. */
async function runNuChecker(files: string[]): Promise<NuMessage[]> {
  const run = promisify(execFile);
  const output = await run("java", ["-jar", VNU_JAR, "--format", "json", "--errors-only", ...files], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? "" }));
  return (JSON.parse(output.stderr) as { messages: NuMessage[] }).messages;
}

const fileOf = (message: NuMessage) => decodeURIComponent(new URL(message.url).pathname);

beforeAll(async () => {
  siteDir = sampleSite();
  htmlFiles = listSiteFiles(siteDir)
    .filter((file) => file.endsWith(".html"))
    .map((file) => path.join(siteDir, file));
  scratch = mkdtempSync(path.join(tmpdir(), "bureau-vnu-"));
  writeFileSync(path.join(scratch, "broken.html"), BROKEN_PAGE);
  messages = await runNuChecker([...htmlFiles, path.join(scratch, "broken.html")]);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the W3C Nu HTML Checker over the sample site", () => {
  it("checks every page of the site", () => {
    expect(htmlFiles.length).toBeGreaterThanOrEqual(40);
  });

  it("faults a broken page checked in the same run", () => {
    expect(messages.filter((message) => fileOf(message).endsWith("/broken.html")).length).toBeGreaterThan(0);
  });

  it("reports zero errors on every page", () => {
    const errors = messages
      .filter((message) => !fileOf(message).endsWith("/broken.html"))
      .map(
        (message) =>
          `${path.relative(siteDir, fileOf(message))}:${message.lastLine ?? "?"}: ${message.type}: ${message.message}` +
          (message.extract ? `\n    ${message.extract.replace(/\n/g, " ")}` : ""),
      );
    expect(errors.join("\n"), "Nu checker errors").toBe("");
  });
});
