import { spawn } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { writeSyntheticCorpus } from "../bench/corpus.ts";
import { measureFirstSearches } from "../bench/first-search.ts";
import {
  type BuildSample,
  medianSample,
  type PageWeight,
  type SizeResult,
  scaleChart,
  sizeTable,
  summaryTable,
} from "../bench/report.ts";
import { buildNodeFlags } from "../lib/build/index.ts";

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
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
function runChild(
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
function folderSize(folder: string): { files: number; bytes: number } {
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

const BENCH_SCRIPTS = { full: "full-build.ts", bare: "bare-build.ts", index: "index-build.ts" } as const;

async function measure(kind: keyof typeof BENCH_SCRIPTS, root: string, out: string): Promise<BuildSample> {
  const script = path.join(PROJECT_DIR, "bench", BENCH_SCRIPTS[kind]);
  const { wallMs, peakRssBytes, output } = await runChild(script, [root, out]);
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

/** The gzipped weight of article-1's page with its stylesheets, and whether it reads without scripts. */
function articlePageWeight(root: string, out: string): PageWeight | undefined {
  const year = readdirSync(path.join(root, "content/articles")).sort()[0];
  const url = `/articles/${year}/article-1/`;
  const file = path.join(out, url, "index.html");
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file);
  const text = html.toString("utf8");
  const stylesheets = [...text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
    .map((match) => /href="([^"]+)"/.exec(match[0])?.[1])
    .filter((href): href is string => Boolean(href?.startsWith("/")));
  const cssGzip = stylesheets.reduce(
    (sum, href) => sum + gzipSync(readFileSync(path.join(out, href)), { level: 9 }).length,
    0,
  );
  const htmlGzip = gzipSync(html, { level: 9 }).length;
  const source = readFileSync(path.join(root, `content/articles/${year}/article-1.md`), "utf8");
  const firstParagraph = source.split("\n").find((line) => line && !/^(---|#|\w+:)/.test(line)) ?? "";
  return {
    url,
    htmlGzip,
    cssGzip,
    totalGzip: htmlGzip + cssGzip,
    scripts: (text.match(/<script\b/g) ?? []).length,
    bodyTextInHtml: firstParagraph.length > 0 && text.includes(firstParagraph.slice(0, 20)),
  };
}

/** Changes one article's text in place, as an editor's one-line fix would. */
function touchArticle(root: string, run: number): void {
  const year = readdirSync(path.join(root, "content/articles")).sort()[0];
  appendFileSync(path.join(root, `content/articles/${year}/article-1.md`), `\n更正：第${run + 1}次修订。\n`);
}

function machine(): SizeResult["machine"] {
  return {
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

/**
 * Folders moved out of the way instead of deleted while builds are measured, and deleted after the
 * last measurement. On this machine's ext4 (mounted without a journal), creating files is several
 * times slower for minutes after many were deleted: the inode allocator skips each recently
 * deleted inode one by one. Deleting one build's 23,000 files just before the next build made that
 * build's directories and files cost more CPU than its rendering (bare Eleventy at 10k: 1.5 s of
 * system time after a quiet minute, 12.6 s right after a deletion).
 */
class SetAside {
  private count = 0;
  constructor(private readonly folder: string) {}

  /** Moves `target` (if it exists) into the set-aside folder. */
  put(target: string): void {
    if (!existsSync(target)) return;
    mkdirSync(this.folder, { recursive: true });
    renameSync(target, path.join(this.folder, String(this.count++)));
  }

  /** Deletes everything set aside. */
  empty(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }
}

async function benchSize(
  articles: number,
  runs: number,
  rebuild: boolean,
  workDir: string,
  setAside: SetAside,
  log: (line: string) => void,
  firstSearch = true,
): Promise<SizeResult> {
  const root = path.join(workDir, `corpus-${articles}`);
  const output = (kind: string, run: number) => path.join(workDir, `out-${articles}-${kind}-${run + 1}`);
  setAside.put(root);
  const start = process.hrtime.bigint();
  writeSyntheticCorpus(root, articles, readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8"));
  const corpusMs = Number(process.hrtime.bigint() - start) / 1e6;
  log(`corpus of ${articles} articles written in ${(corpusMs / 1000).toFixed(1)} s`);

  // Each build writes into a folder of its own: nothing is deleted until every build is measured.
  const fullRuns: BuildSample[] = [];
  const bareRuns: BuildSample[] = [];
  const indexRuns: BuildSample[] = [];
  for (let run = 0; run < runs; run++) {
    for (const kind of ["bare", "full", "index"]) setAside.put(output(kind, run));
    bareRuns.push(await measure("bare", root, output("bare", run)));
    log(`  run ${run + 1}/${runs} bare: ${((bareRuns.at(-1) as BuildSample).wallMs / 1000).toFixed(2)} s`);
    // A cold build: no output to replace and no caches from earlier builds.
    setAside.put(path.join(root, ".cache"));
    fullRuns.push(await measure("full", root, output("full", run)));
    log(`  run ${run + 1}/${runs} full: ${((fullRuns.at(-1) as BuildSample).wallMs / 1000).toFixed(2)} s`);
    indexRuns.push(await measure("index", root, output("index", run)));
    log(
      `  run ${run + 1}/${runs} search index alone: ${((indexRuns.at(-1) as BuildSample).wallMs / 1000).toFixed(2)} s`,
    );
  }
  const fullOut = output("full", runs - 1);
  const full = medianSample(fullRuns);
  const bare = medianSample(bareRuns);
  if (bare.pages !== articles) throw new Error(`bare Eleventy wrote ${bare.pages} pages for ${articles} articles`);
  const articlePage = articlePageWeight(root, fullOut);
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  let firstSearches: SizeResult["firstSearch"];
  if (firstSearch && existsSync(chromium)) {
    firstSearches = await measureFirstSearches(fullOut);
    for (const search of firstSearches)
      log(`  first search ${search.query}: ${search.results} results, ${(search.bytes / 1024).toFixed(0)} KB`);
  } else if (firstSearch) {
    log(`  first search not measured: no Chromium at ${chromium} (apt-get install -y chromium)`);
  }

  let rebuildResult: SizeResult["rebuild"];
  if (rebuild) {
    const rebuilds: BuildSample[] = [];
    for (let run = 0; run < runs; run++) {
      touchArticle(root, run);
      rebuilds.push(await measure("full", root, fullOut));
      log(`  run ${run + 1}/${runs} rebuild: ${((rebuilds.at(-1) as BuildSample).wallMs / 1000).toFixed(2)} s`);
    }
    const rebuilt = medianSample(rebuilds);
    rebuildResult = { ...rebuilt, ratio: rebuilt.wallMs / bare.wallMs };
  }
  return {
    articles,
    notices: Math.floor(articles / 10),
    runs,
    measuredAt: new Date().toISOString(),
    machine: machine(),
    corpusMs,
    full,
    bare,
    ratio: full.wallMs / bare.wallMs,
    searchIndexAlone: medianSample(indexRuns),
    pagesPerSecond: full.pages / (full.wallMs / 1000),
    ...(rebuildResult ? { rebuild: rebuildResult } : {}),
    ...(articlePage ? { articlePage } : {}),
    ...(firstSearches ? { firstSearch: firstSearches } : {}),
  };
}

/** Rewrites the summary table and chart from every per-size result in the results folder. */
function writeSummary(resultsDir: string): void {
  const results = readdirSync(resultsDir)
    .filter((name) => /^articles-\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(path.join(resultsDir, name), "utf8")) as SizeResult);
  if (results.length === 0) return;
  writeFileSync(path.join(resultsDir, "summary.md"), summaryTable(results));
  writeFileSync(path.join(resultsDir, "scale.svg"), scaleChart(results));
}

/**
 * `npm run bench [-- --articles N | --sizes 1000,10000,50000,100000] [--runs K] [--rebuild]`:
 * generates the synthetic corpus, builds it with the full pipeline and with bare Eleventy (each
 * build in its own process), and writes bench/results/articles-<N>.json and .md, summary.md and
 * scale.svg.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "10000" },
      sizes: { type: "string" },
      runs: { type: "string", default: "3" },
      rebuild: { type: "boolean", default: false },
      // Outside the project: Eleventy skips input under gitignored folders such as .cache/.
      work: { type: "string", default: path.join(os.tmpdir(), "bureau-bench") },
      results: { type: "string", default: path.join(PROJECT_DIR, "bench/results") },
      keep: { type: "boolean", default: false },
      "skip-first-search": { type: "boolean", default: false },
    },
  });
  const sizes = (values.sizes ?? values.articles).split(",").map((size) => Number(size.trim()));
  const runs = Number(values.runs);
  if (sizes.some((size) => !Number.isInteger(size) || size < 10) || !Number.isInteger(runs) || runs < 1)
    throw new Error("--articles/--sizes must be whole numbers ≥ 10 and --runs a whole number ≥ 1");
  const workDir = path.resolve(values.work);
  const resultsDir = path.resolve(values.results);
  mkdirSync(workDir, { recursive: true });
  mkdirSync(resultsDir, { recursive: true });
  const setAside = new SetAside(path.join(workDir, `set-aside-${process.pid}`));
  for (const articles of sizes) {
    const result = await benchSize(
      articles,
      runs,
      values.rebuild,
      workDir,
      setAside,
      (line) => console.error(line),
      !values["skip-first-search"],
    );
    const base = path.join(resultsDir, `articles-${articles}`);
    writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${base}.md`, sizeTable(result));
    console.log(sizeTable(result));
    if (!values.keep)
      for (const entry of readdirSync(workDir))
        if (entry === `corpus-${articles}` || entry.startsWith(`out-${articles}-`))
          setAside.put(path.join(workDir, entry));
  }
  setAside.empty();
  writeSummary(resultsDir);
  console.log(`结果已写入 (results written to) ${resultsDir}`);
}

await main();
