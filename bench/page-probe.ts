/**
 * The page probe on the bench's side: bundles bench/probe/probe.ts (run in every page before its
 * own scripts) with its options, and reads what it recorded.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import type { Mark, ProbeOptions, ProbeState } from "./probe/marks.ts";

export type { Mark, ProbeOptions, ProbeState };

/** How long a page whose count never carries `data-complete` is watched before its first results count as complete. */
export const COMPLETE_GRACE_MS = 1500;

const PROBE_ENTRY = fileURLToPath(new URL("./probe/probe.ts", import.meta.url));

/**
 * The probe as one script for `addInitScript`: bench/probe/probe.ts bundled by esbuild, `options`
 * given to it as a JSON value (esbuild's `define`, typed on both sides by {@link ProbeOptions}).
 */
export async function pageProbe(options: ProbeOptions): Promise<string> {
  const bundle = await build({
    entryPoints: [PROBE_ENTRY],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2019",
    charset: "utf8",
    logLevel: "silent",
    define: { PROBE_OPTIONS: JSON.stringify(options) },
  });
  return (bundle.outputFiles[0] as { text: string }).text;
}

/** Waits for the probe's mark `field` of `query`, through navigations; its state then. */
export async function waitForMark(
  page: Page,
  query: string,
  field: "first" | "complete" | "idle",
  timeoutMs: number,
): Promise<ProbeState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await page.waitForFunction(
        ([wanted, name]) => {
          const state = (window as unknown as { __bench?: ProbeState }).__bench;
          return state?.marks[wanted]?.[name as "first"] !== undefined;
        },
        [query, field] as const,
        { timeout: Math.max(1, deadline - Date.now()), polling: 100 },
      );
      return (await page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench)) as ProbeState;
    } catch (error) {
      const message = String(error);
      if (Date.now() >= deadline || !/destroyed|navigat|closed/i.test(message) || /Target.*closed/.test(message))
        throw new Error(`「${query}」: no ${field} results within ${timeoutMs} ms (${message.split("\n")[0]})`);
    }
  }
}

/** The longest task and the time over 50 ms summed (blocking time) of the tasks that started in [from, to]. */
export function longTasks(state: ProbeState, from: number, to: number): { longestTaskMs: number; blockingMs: number } {
  const tasks = state.longTasks.filter((task) => task.start >= from - 1 && task.start <= to);
  return {
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((task) => task.duration))),
    blockingMs: Math.round(tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0)),
  };
}
