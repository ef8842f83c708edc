import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { buildNodeFlags } from "../lib/pipeline/index.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";
import type { BuildSample } from "./results.ts";

const SAMPLE_INTERVAL_MS = 50;

/** The summed resident memory of a process and all its descendants, read from /proc. */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096;
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a TypeScript file in a child Node with the build's flags (buildNodeFlags); returns its last JSON line, time and peak memory. */
export function runChild(
  script: string,
  args: string[],
): Promise<{ wallMs: number; peakRssBytes: number; output: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [...buildNodeFlags(args[0] as string), "--import", "tsx", script, ...args], {
      cwd: PROJECT_DIR,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, SAMPLE_INTERVAL_MS);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) {
        reject(new Error(`${path.basename(script)} exited with ${code}:\n${stderr}\n${stdout}`));
        return;
      }
      const last = stdout
        .trim()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .at(-1);
      if (!last) {
        reject(new Error(`${path.basename(script)} printed no result:\n${stdout}\n${stderr}`));
        return;
      }
      resolve({ wallMs, peakRssBytes: peak, output: JSON.parse(last) });
    });
  });
}

/** The number of files and bytes under a folder. */
export function folderSize(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(folder, { recursive: true, encoding: "utf8" })) {
    const stat = statSync(path.join(folder, entry));
    if (stat.isFile()) {
      files++;
      bytes += stat.size;
    }
  }
  return { files, bytes };
}

/** The bench's kinds of build: the script of each and the arguments it takes after `<root> <out>`. */
const BENCH_SCRIPTS = {
  full: ["full-build.ts"],
  bare: ["bare-build.ts"],
  index: ["index-build.ts"],
  "eleventy-pagefind": ["peer-build.ts", "eleventy-pagefind"],
  "hugo-pagefind": ["peer-build.ts", "hugo-pagefind"],
} as const;

/** A kind of build measureBuild runs. */
export type BuildKind = keyof typeof BENCH_SCRIPTS;

/** Runs one kind of build of the corpus in `root` into `out`, in a process of its own: time, peak memory, what it wrote. */
export async function measureBuild(kind: BuildKind, root: string, out: string): Promise<BuildSample> {
  const [script, ...extra] = BENCH_SCRIPTS[kind];
  const { wallMs, peakRssBytes, output } = await runChild(path.join(PROJECT_DIR, "bench", script), [
    root,
    out,
    ...extra,
  ]);
  if (!existsSync(out)) throw new Error(`${kind} build wrote nothing to ${out}`);
  const { files, bytes } = folderSize(out);
  return {
    wallMs,
    peakRssBytes,
    pages: Number(output.pages),
    ...(output.indexedPages !== undefined ? { indexedPages: Number(output.indexedPages) } : {}),
    timings: output.timings as Record<string, number>,
    outputBytes: bytes,
    outputFiles: files,
  };
}
