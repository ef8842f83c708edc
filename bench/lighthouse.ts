/**
 * Lighthouse's mobile run of the search page (issue 24: performance ≥ 95, total blocking time
 * ≤ 150 ms, CLS ≤ 0.05 for a common and a rare query): Lighthouse 12's Node API, its default
 * (mobile) settings with simulated Slow 4G and 4× CPU, against Debian's Chromium started here with
 * a fresh profile for each run, the site served by the CDN-like server. Lighthouse's own network
 * calls stay off: the Node API never reports errors (Sentry is the CLI's, and only when asked) nor
 * checks for updates, Chromium's background networking is disabled, and the run's requests are
 * checked to stay on the local origin.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_FLAGS } from "../harness/chromium.ts";
import { serveSite } from "../harness/static-server.ts";
import { FIRST_SEARCH_QUERIES, LIGHTHOUSE_QUERIES, searchUrl } from "./queries.ts";
import type { LighthouseSample } from "./results.ts";

/** The Chromium binary: CHROMIUM_PATH (or CHROME_PATH, Lighthouse's own variable), else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? "/usr/bin/chromium";
}

/** Starts Chromium headless with remote debugging on a free port and a fresh profile. */
async function startChromium(spki: string | undefined): Promise<{ port: number; stop(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "lighthouse-profile-"));
  const child: ChildProcess = spawn(
    chromiumPath(),
    [
      "--headless=new",
      ...CHROMIUM_FLAGS,
      // The CDN-like server's throwaway certificate, trusted by its key as a valid one would be.
      ...(spki ? [`--ignore-certificate-errors-spki-list=${spki}`] : []),
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    // A process group of its own: Debian's chromium-headless-shell is a shell script that runs the
    // browser as its child, which a signal to the script alone would leave running (and holding
    // the stderr pipe open, so this process would never exit).
    { stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      signalGroup("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    signalGroup("SIGKILL");
    child.stderr?.destroy();
    // Chromium's helper processes may still be writing into the profile for a while: a profile
    // left behind in the temporary folder is no reason to lose the run's results.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
    } catch (error) {
      console.warn(
        `未能删除 Chromium 的临时配置 (could not remove the temporary profile) ${profile}: ${String(error)}`,
      );
    }
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
      child.stderr?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited with ${code}:\n${output}`));
      });
    });
    return { port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

type Audits = Record<string, { numericValue?: number } | undefined>;

/** One Lighthouse run of `url` in a Chromium of its own. */
export async function runLighthouse(url: string, id: string, label: string, spki?: string): Promise<LighthouseSample> {
  const { default: lighthouse } = await import("lighthouse");
  const chromium = await startChromium(spki);
  try {
    const result = await lighthouse(url, {
      port: chromium.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      disableFullPageScreenshot: true,
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audits = lhr.audits as unknown as Audits;
    const value = (name: string) => audits[name]?.numericValue ?? Number.NaN;
    const origin = new URL(url).origin;
    const requests =
      (lhr.audits["network-requests"]?.details as { items?: { url?: string }[] } | undefined)?.items?.map(
        (item) => item.url ?? "",
      ) ?? [];
    const offOrigin = [
      ...new Set(requests.filter((request) => /^(https?|wss?):/.test(request) && !request.startsWith(origin))),
    ];
    return {
      id,
      label,
      url: url.slice(origin.length),
      lighthouse: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      throttling: lhr.configSettings.throttlingMethod,
      performance: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
      tbtMs: Math.round(value("total-blocking-time")),
      cls: Math.round(value("cumulative-layout-shift") * 1000) / 1000,
      lcpMs: Math.round(value("largest-contentful-paint")),
      fcpMs: Math.round(value("first-contentful-paint")),
      speedIndexMs: Math.round(value("speed-index")),
      requests: requests.length,
      ...(offOrigin.length > 0 ? { offOrigin } : {}),
    };
  } finally {
    await chromium.stop();
  }
}

/**
 * Lighthouse's mobile run of the search page for each query id, against the site in `siteDir`
 * served like the CDN; undefined, with a message, when there is no Chromium.
 */
export async function runLighthouseSet(
  siteDir: string,
  ids: readonly string[] = LIGHTHOUSE_QUERIES,
  options: { http2?: boolean; log?: (line: string) => void } = {},
): Promise<LighthouseSample[] | undefined> {
  if (!existsSync(chromiumPath())) {
    options.log?.(`  Lighthouse skipped: no Chromium at ${chromiumPath()} (apt-get install -y chromium)`);
    return undefined;
  }
  const server = await serveSite(siteDir, { cdn: true, http2: options.http2 ?? true });
  try {
    const samples: LighthouseSample[] = [];
    for (const id of ids) {
      const query = FIRST_SEARCH_QUERIES.find((candidate) => candidate.id === id);
      if (!query) throw new Error(`unknown query id ${id}`);
      const sample = await runLighthouse(
        `${server.origin}${searchUrl(query)}`,
        id,
        `${query.query} (${query.label})`,
        server.spki,
      );
      samples.push(sample);
      options.log?.(
        `  Lighthouse ${query.query}: performance ${sample.performance}, TBT ${sample.tbtMs} ms, CLS ${sample.cls}, LCP ${sample.lcpMs} ms${sample.offOrigin ? `; off-origin requests: ${sample.offOrigin.join(" ")}` : ""}`,
      );
    }
    return samples;
  } finally {
    await server.close();
  }
}
