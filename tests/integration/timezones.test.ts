import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { siteFileHashes } from "../helpers/html.ts";

const run = promisify(execFile);
const parent = mkdtempSync(path.join(tmpdir(), "bureau-tz-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Builds the sample site in a new process whose clock runs in `zone`; returns each file's hash. */
async function buildUnder(zone: string): Promise<Map<string, string>> {
  const outputDir = path.join(parent, zone.replace("/", "-"));
  await run(
    process.execPath,
    [path.join(PROJECT_DIR, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", "--out", outputDir],
    {
      cwd: PROJECT_DIR,
      env: { ...process.env, TZ: zone },
    },
  );
  return siteFileHashes(outputDir);
}

describe("the build under different machine time zones", () => {
  it("writes a byte-identical _site under UTC, America/Los_Angeles and Asia/Shanghai", async () => {
    const utc = await buildUnder("UTC");
    const losAngeles = await buildUnder("America/Los_Angeles");
    const shanghai = await buildUnder("Asia/Shanghai");
    expect(utc.size).toBeGreaterThan(40);
    expect([...utc.keys()].some((file) => file.startsWith("pagefind/"))).toBe(true);
    expect(Object.fromEntries(losAngeles)).toEqual(Object.fromEntries(utc));
    expect(Object.fromEntries(shanghai)).toEqual(Object.fromEntries(utc));
  });
});
