import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { copySeedFiles, SEED_ARTICLES, writeSyntheticCorpus } from "../harness/corpus.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";
import { measureFirstSearches } from "./first-search.ts";
import { chromiumPath, runLighthouseSet } from "./lighthouse.ts";
import { measureBuild } from "./measure.ts";
import type { PeerName } from "./peers.ts";
import { FIRST_SEARCH_QUERIES, LIGHTHOUSE_QUERIES, SECOND_SEARCH, type SearchQuery } from "./queries.ts";
import type { BuildSample, PageWeight, SearchMeasurement, SearchOnlyResult, SizeResult } from "./results.ts";
import { medianSample } from "./statistics.ts";

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
export class SetAside {
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

/** What the first-search stage of a bench size measures. */
export interface SearchStage {
  /** Measure the first searches in Chromium at all. */
  firstSearch: boolean;
  queries?: readonly SearchQuery[];
  /** Run Lighthouse on the search page too (the bench does at its largest size). */
  lighthouse: boolean;
  /** Slow 4G and the CPU slowdown (false: the machine's own speed). */
  throttle?: boolean;
  /** HTTPS with HTTP/2 (false: HTTP/1.1). */
  http2?: boolean;
}

/** Writes the corpus of `articles` synthetic articles plus the seed article into `root`; its time. */
function writeCorpus(root: string, articles: number, setAside: SetAside, log: (line: string) => void): number {
  setAside.put(root);
  const start = process.hrtime.bigint();
  writeSyntheticCorpus(root, articles, readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8"));
  copySeedFiles(root, PROJECT_DIR);
  const corpusMs = Number(process.hrtime.bigint() - start) / 1e6;
  log(`corpus of ${articles} articles + ${SEED_ARTICLES} seed article written in ${(corpusMs / 1000).toFixed(1)} s`);
  return corpusMs;
}

/** The first searches (and Lighthouse) on the built site `siteDir`; undefined when not asked for or without Chromium. */
export async function measureSearchStage(
  siteDir: string,
  stage: SearchStage,
  log: (line: string) => void,
): Promise<SearchMeasurement | undefined> {
  if (!stage.firstSearch) return undefined;
  if (!existsSync(chromiumPath())) {
    log(`  first search not measured: no Chromium at ${chromiumPath()} (apt-get install -y chromium)`);
    return undefined;
  }
  const queries = stage.queries ?? FIRST_SEARCH_QUERIES;
  const measurement = await measureFirstSearches(siteDir, {
    queries,
    second: queries.some((query) => query.id === SECOND_SEARCH.after) ? SECOND_SEARCH : null,
    throttle: stage.throttle ?? true,
    http2: stage.http2 ?? true,
    log,
  });
  if (stage.lighthouse) {
    const lighthouse = await runLighthouseSet(siteDir, LIGHTHOUSE_QUERIES, { http2: stage.http2 ?? true, log });
    if (lighthouse) measurement.lighthouse = lighthouse;
  }
  return measurement;
}

/**
 * Measures one corpus size: the corpus written, `runs` runs each of bare Eleventy, the `peers`
 * (bench/peers.ts), the full build and the search index alone (medians), the article page's
 * weight, the search stage and, with `rebuild`, rebuilds after one article changed.
 */
export async function benchSize(
  articles: number,
  runs: number,
  rebuild: boolean,
  workDir: string,
  setAside: SetAside,
  log: (line: string) => void,
  searchStage: SearchStage = { firstSearch: true, lighthouse: false },
  peers: readonly PeerName[] = [],
): Promise<SizeResult> {
  const root = path.join(workDir, `corpus-${articles}`);
  const output = (kind: string, run: number) => path.join(workDir, `out-${articles}-${kind}-${run + 1}`);
  const corpusMs = writeCorpus(root, articles, setAside, log);

  // Each build writes into a folder of its own: nothing is deleted until every build is measured.
  const fullRuns: BuildSample[] = [];
  const bareRuns: BuildSample[] = [];
  const indexRuns: BuildSample[] = [];
  const peerRuns = new Map<PeerName, BuildSample[]>(peers.map((peer) => [peer, []]));
  for (let run = 0; run < runs; run++) {
    for (const kind of ["bare", "full", "index", ...peers]) setAside.put(output(kind, run));
    bareRuns.push(await measureBuild("bare", root, output("bare", run)));
    log(`  run ${run + 1}/${runs} bare: ${((bareRuns.at(-1) as BuildSample).wallMs / 1000).toFixed(2)} s`);
    for (const [peer, samples] of peerRuns) {
      samples.push(await measureBuild(peer, root, output(peer, run)));
      log(`  run ${run + 1}/${runs} ${peer}: ${((samples.at(-1) as BuildSample).wallMs / 1000).toFixed(2)} s`);
    }
    // A cold build: no output to replace and no caches from earlier builds.
    setAside.put(path.join(root, ".cache"));
    fullRuns.push(await measureBuild("full", root, output("full", run)));
    log(`  run ${run + 1}/${runs} full: ${((fullRuns.at(-1) as BuildSample).wallMs / 1000).toFixed(2)} s`);
    indexRuns.push(await measureBuild("index", root, output("index", run)));
    log(
      `  run ${run + 1}/${runs} search index alone: ${((indexRuns.at(-1) as BuildSample).wallMs / 1000).toFixed(2)} s`,
    );
  }
  const fullOut = output("full", runs - 1);
  const full = medianSample(fullRuns);
  const bare = medianSample(bareRuns);
  if (bare.pages !== articles + SEED_ARTICLES)
    throw new Error(`bare Eleventy wrote ${bare.pages} pages for ${articles} + ${SEED_ARTICLES} articles`);
  const articlePage = articlePageWeight(root, fullOut);
  const search = await measureSearchStage(fullOut, searchStage, log);

  let rebuildResult: SizeResult["rebuild"];
  if (rebuild) {
    const rebuilds: BuildSample[] = [];
    for (let run = 0; run < runs; run++) {
      touchArticle(root, run);
      rebuilds.push(await measureBuild("full", root, fullOut));
      log(`  run ${run + 1}/${runs} rebuild: ${((rebuilds.at(-1) as BuildSample).wallMs / 1000).toFixed(2)} s`);
    }
    const rebuilt = medianSample(rebuilds);
    rebuildResult = { ...rebuilt, ratio: rebuilt.wallMs / bare.wallMs };
  }
  return {
    articles,
    seedArticles: SEED_ARTICLES,
    notices: Math.floor(articles / 10),
    runs,
    measuredAt: new Date().toISOString(),
    machine: machine(),
    corpusMs,
    full,
    bare,
    ratio: full.wallMs / bare.wallMs,
    ...(peerRuns.size > 0
      ? {
          peers: Object.fromEntries(
            [...peerRuns].map(([peer, samples]) => {
              const median = medianSample(samples);
              return [peer, { ...median, ratio: full.wallMs / median.wallMs }];
            }),
          ),
        }
      : {}),
    searchIndexAlone: medianSample(indexRuns),
    pagesPerSecond: full.pages / (full.wallMs / 1000),
    ...(rebuildResult ? { rebuild: rebuildResult } : {}),
    ...(articlePage ? { articlePage } : {}),
    ...(search
      ? {
          firstSearch: search.queries,
          ...(search.conditions ? { firstSearchConditions: search.conditions } : {}),
          ...(search.second ? { secondSearch: search.second } : {}),
          ...(search.lighthouse ? { lighthouse: search.lighthouse } : {}),
        }
      : {}),
  };
}

/**
 * One full build of the corpus of `articles` articles (no bare Eleventy, no index alone, no
 * rebuild), then its first searches and Lighthouse: the bench's search stage alone, for iterating
 * on the search client and index.
 */
export async function benchSearchOnly(
  articles: number,
  workDir: string,
  setAside: SetAside,
  log: (line: string) => void,
  searchStage: SearchStage,
): Promise<SearchOnlyResult> {
  const root = path.join(workDir, `corpus-${articles}`);
  const out = path.join(workDir, `out-${articles}-search`);
  writeCorpus(root, articles, setAside, log);
  setAside.put(out);
  const build = await measureBuild("full", root, out);
  log(`  full build: ${(build.wallMs / 1000).toFixed(2)} s, ${build.pages} pages`);
  const search = await measureSearchStage(out, searchStage, log);
  return {
    articles,
    seedArticles: SEED_ARTICLES,
    measuredAt: new Date().toISOString(),
    machine: machine(),
    build,
    ...(search ?? { queries: [] }),
  };
}

/**
 * A rough wall-clock estimate of a bench run on the 2-core build machine, from its earlier figures
 * (docs/scale.md): the builds (each of `peers` about as long as a full build), plus about 10 s per
 * throttled query and 45 s per Lighthouse run.
 */
export function benchMinutes(
  sizes: readonly number[],
  runs: number,
  rebuild: boolean,
  search: { queries: number; lighthouseRuns: number } = { queries: 0, lighthouseRuns: 0 },
  peers = 0,
): number {
  const perRun = (articles: number) => (articles / 1000) * (5.5 + articles / 25000);
  const seconds = sizes.reduce(
    (sum, articles) =>
      sum +
      runs * perRun(articles) * (1 + peers / 3) +
      (rebuild ? (runs * perRun(articles)) / 4 : 0) +
      30 +
      search.queries * 10,
    search.lighthouseRuns * 45,
  );
  return Math.max(1, Math.round(seconds / 60));
}
