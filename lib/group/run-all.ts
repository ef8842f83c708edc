import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import type { GroupSite } from "./group-file.ts";

/** How one site's child process ended. */
export interface SiteRun {
  site: GroupSite;
  /** The child's exit code; 1 when it could not start or was killed. */
  exitCode: number;
  seconds: number;
}

/** Where the runs' output goes, a line at a time. */
export type LineWriter = (line: string, stream: "stdout" | "stderr") => void;

/** The sites the caller runs in its own process instead of children, and how: output lines to `write`, resolving with the exit code. */
export interface InProcessRuns {
  has(site: GroupSite): boolean;
  run(site: GroupSite, write: LineWriter): Promise<number>;
}

export interface RunAllOptions {
  /** The command for one site: the program, its arguments and (default `env`) its environment. */
  command(site: GroupSite): { program: string; args: string[]; env?: NodeJS.ProcessEnv };
  /** Children at once; default the number of cores, never more than the sites. */
  concurrency?: number;
  /** Where the children's output goes, a line at a time, each prefixed with `[name] `. */
  write?: LineWriter;
  env?: NodeJS.ProcessEnv;
  /** Sites run in this process (each takes one of the `concurrency` places while it runs), sparing each a process start. */
  inProcess?: InProcessRuns;
}

/** Writes a child's output on, a whole line at a time, each prefixed with the site's name. */
function prefixLines(site: GroupSite, stream: "stdout" | "stderr", write: RunAllOptions["write"]) {
  let pending = "";
  return {
    data(chunk: Buffer) {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) write?.(`[${site.name}] ${line}`, stream);
    },
    end() {
      if (pending) write?.(`[${site.name}] ${pending}`, stream);
    },
  };
}

/** Runs one site's command as a child process; resolves when it exits, never rejects. */
function runOne(site: GroupSite, options: RunAllOptions): Promise<SiteRun> {
  const started = performance.now();
  const { program, args, env } = options.command(site);
  return new Promise((resolve) => {
    const child = spawn(program, args, { env: env ?? options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    const out = prefixLines(site, "stdout", options.write);
    const err = prefixLines(site, "stderr", options.write);
    child.stdout.on("data", out.data);
    child.stderr.on("data", err.data);
    const done = (exitCode: number) => {
      out.end();
      err.end();
      resolve({ site, exitCode, seconds: (performance.now() - started) / 1000 });
    };
    child.on("error", (error) => {
      options.write?.(`[${site.name}] ${error.message}`, "stderr");
      done(1);
    });
    child.on("close", (code) => done(code ?? 1));
  });
}

/** Runs a site in this process, its lines prefixed with its name; resolves when it is done, never rejects. */
async function runHere(site: GroupSite, here: InProcessRuns, write: LineWriter | undefined): Promise<SiteRun> {
  const started = performance.now();
  const prefixed: LineWriter = (text, stream) => {
    for (const line of text.split("\n")) write?.(`[${site.name}] ${line}`, stream);
  };
  let exitCode = 1;
  try {
    exitCode = await here.run(site, prefixed);
  } catch (error) {
    prefixed(error instanceof Error ? (error.stack ?? error.message) : String(error), "stderr");
  }
  return { site, exitCode, seconds: (performance.now() - started) / 1000 };
}

/**
 * Runs a command for each site, at most `concurrency` sites at once: in child processes side by
 * side, but for the sites `inProcess` has, run in this process once the first children have
 * started; a site that fails does not stop the others. Resolves with each site's run, in the group's order.
 */
export async function runForEachSite(sites: readonly GroupSite[], options: RunAllOptions): Promise<SiteRun[]> {
  const limit = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), sites.length));
  const runs: SiteRun[] = new Array(sites.length);
  const { inProcess } = options;
  const isLocal = (index: number) => inProcess?.has(sites[index] as GroupSite) ?? false;
  const indexes = sites.map((_, index) => index);
  const queue = [...indexes.filter((index) => !isLocal(index)), ...indexes.filter(isLocal)];
  const slot = async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      const site = sites[index] as GroupSite;
      runs[index] =
        inProcess && isLocal(index) ? await runHere(site, inProcess, options.write) : await runOne(site, options);
    }
  };
  await Promise.all(Array.from({ length: limit }, slot));
  return runs;
}

/** The summary after `--all`: one line for the group, then one per site, ✓ or ✗ with its exit code. */
export function formatGroupSummary(verb: string, runs: readonly SiteRun[]): string {
  const failed = runs.filter((run) => run.exitCode !== 0);
  const head =
    failed.length === 0
      ? `站群${verb}完成 (all ${runs.length} sites ok): ${runs.length} 个站点全部成功`
      : `站群${verb}有 ${failed.length} 个站点失败 (${failed.length} of ${runs.length} sites failed): ${failed.map((run) => run.site.name).join("、")}`;
  const lines = runs.map((run) =>
    run.exitCode === 0
      ? `  ✓ ${run.site.name} (${run.site.root}) ${run.seconds.toFixed(1)}s`
      : `  ✗ ${run.site.name} (${run.site.root}) 失败，退出码 ${run.exitCode} (exit ${run.exitCode}) ${run.seconds.toFixed(1)}s`,
  );
  return [head, ...lines].join("\n");
}
