import { mkdirSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchMinutes, benchSearchOnly, benchSize, SetAside } from "../bench/bench-size.ts";
import { MarkerError } from "../bench/doc-results.ts";
import { availablePeers } from "../bench/peers.ts";
import { benchPhotos, photoTable } from "../bench/photos.ts";
import { FIRST_SEARCH_QUERIES, LIGHTHOUSE_QUERIES, type SearchQuery, selectQueries } from "../bench/queries.ts";
import { type SummaryWritten, writeSearchOnlyResult, writeSizeResult, writeSummary } from "../bench/results-folder.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";

const USAGE = `用法 (usage): npm run bench [-- --articles N | --sizes 1000,10000,100000] [--runs K] [--rebuild]
                       [--skip-first-search] [--skip-lighthouse] [--skip-peers] [--search-queries id,…] [--only-search]
                       [--unthrottled] [--http1] [--keep] [--work 目录] [--results 目录] [--doc 文件]
       npm run bench -- --summary-only [--results 目录] [--doc 文件]
       npm run bench -- --photos [--articles N] [--photo-width 像素] [--skip-lighthouse] [--keep] [--work 目录] [--results 目录]

生成 N 篇文章的合成站点（四个栏目、十年、每十篇一条通知，另加项目里的一篇真实文章），分别用完整构建、纯 Eleventy、
同类方案（纯 Eleventy 或 Hugo 之后跑 Pagefind 命令行）和单独的搜索索引构建，各跑 K 次（各自的进程），记录每一步的用时、整个进程树的内存峰值、输出大小、比值、改一篇文章后
的重建；再在 Chromium 里像手机读者那样测首次搜索（Slow 4G、CPU 降速 4 倍、每个查询一个新的浏览器配置），在最大的规模上
跑 Lighthouse（手机；有 10,000 篇这一档时也在 10,000 篇跑）；结果写到 bench/results/。详见 docs/scale.md。
Builds a synthetic archive with the full pipeline, bare Eleventy, the peers (Eleventy or Hugo + the Pagefind CLI)
and the search index alone, then measures the
first search on a phone (Slow 4G, 4x CPU) and runs Lighthouse at the largest size (and at 10,000); results in bench/results/.

  --articles N          文章数，默认 10000 (articles; default 10000)
  --sizes A,B,…         依次测几种规模 (several sizes in turn)
  --runs K              每种构建跑几次，取中位数，默认 3 (runs per build; median quoted)
  --rebuild             再测改一篇文章后的重建 (also time a rebuild after one article changed)
  --skip-first-search   不测浏览器里的首次搜索和 Lighthouse (skip the first search in Chromium and Lighthouse)
  --skip-lighthouse     不跑 Lighthouse (skip Lighthouse)
  --skip-peers          不测同类方案（纯 Eleventy + Pagefind 命令行、Hugo + Pagefind 命令行）
                        (skip the peers: bare Eleventy + the Pagefind CLI, Hugo + the Pagefind CLI)
  --search-queries id,… 只测这些查询 (only these queries): ${FIRST_SEARCH_QUERIES.map((query) => query.id).join(", ")}
  --only-search         只做一次完整构建，然后测搜索（不测纯 Eleventy、单独索引和重建），结果写 search-N.json
                        (one full build, then the search only; results in search-N.json/.md)
  --unthrottled         搜索不限速、不降 CPU (no network or CPU throttling for the search)
  --http1               用 HTTP/1.1 而不是 HTTPS + HTTP/2 提供站点 (serve HTTP/1.1 instead of HTTP/2)
  --photos              只测照片：约 30% 的文章带 1–3 张 4000×3000 的相机照片（每篇约 1.2 MB 磁盘），测图片阶段冷/热、
                        有无照片的完整构建、三张照片的文章在手机上的首屏流量和 Lighthouse；结果写 photos-N.json
                        (photos only: image stage cold and warm, builds with and without photos, the phone; photos-N.json)
  --photo-width 像素     照片的宽度，默认 4000（4000×3000）；2000（2000×1500）出同样的缩略图文件，冷构建快得多
                        (the photos' width, default 4000; 2000 gives the same renditions, encoded much faster)
  --keep                保留语料和输出 (keep the corpus and outputs)
  --work 目录           语料和输出放在这里，默认系统临时目录 (work folder)
  --results 目录        结果写到这里，默认 bench/results (results folder)
  --doc 文件            把结果表写进这个文档的 <!-- bench-results:start --> 和 <!-- bench-results:end --> 两行之间；
                        结果写到 bench/results 时默认 docs/scale.md，否则不写
                        (rewrite the results table between the two marker lines of this document; default
                        docs/scale.md when the results go to bench/results, else none)
  --summary-only        不测，只用结果目录里已有的结果重写 summary.md、scale.svg 和文档里的结果表
                        (measure nothing: rewrite summary.md, scale.svg and the document's table from the results there)
  -h, --help            显示本说明 (show this help)`;

/** The size whose Lighthouse run issue 14 sets targets for; it runs there and at the largest size. */
const LIGHTHOUSE_SIZE = 10_000;

const DEFAULT_RESULTS = path.join(PROJECT_DIR, "bench/results");

/** A path as the messages show it: from the current folder when it is inside it. */
const shown = (file: string) =>
  path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file);

/** Rewrites the summary of `resultsDir` (and the table of `doc`) and says so; exits 1 when there is nothing to sum up or a marker line is missing. */
function summarize(resultsDir: string, doc: string | undefined): void {
  let written: SummaryWritten;
  try {
    written = writeSummary(resultsDir, doc ? { doc, docShownAs: shown(doc) } : {});
  } catch (error) {
    if (!(error instanceof MarkerError)) throw error;
    console.error(
      `${error.message}\n${shown(resultsDir)} 的 summary.md 和 scale.svg 已写好，文档未改 (summary.md and scale.svg were written; the document was not)`,
    );
    process.exit(1);
  }
  if (written.sizes.length === 0) {
    console.error(`${shown(resultsDir)} 里没有 articles-N.json，没有可汇总的结果 (no results to sum up)`);
    process.exit(1);
  }
  const sizes = written.sizes.map((size) => size.toLocaleString("en-US")).join("、");
  const table = doc
    ? `；${shown(doc)} 的结果表${written.docChanged ? "已更新 (table updated)" : "未变 (table unchanged)"}`
    : "";
  console.error(`已汇总 ${sizes} 篇的结果到 ${shown(resultsDir)} 的 summary.md 和 scale.svg (summed up)${table}`);
}

/** `--photos`: the photo job (bench/photos.ts) at each size. */
async function benchPhotoSizes(sizes: number[], values: Record<string, unknown>): Promise<void> {
  const work = path.resolve(String(values.work));
  const results = path.resolve(String(values.results));
  for (const articles of sizes) {
    const result = await benchPhotos({
      articles,
      work,
      results,
      skipLighthouse: values["skip-lighthouse"] === true,
      ...(values["photo-width"] !== undefined ? { photoWidth: Number(values["photo-width"]) } : {}),
      log: (line) => console.error(line),
    });
    console.log(photoTable(result));
    if (values.keep !== true)
      for (const entry of readdirSync(work))
        if (entry.startsWith(`photos-${articles}`)) rmSync(path.join(work, entry), { recursive: true, force: true });
  }
  console.log(`结果已写入 (results written to) ${results}`);
}

async function main(): Promise<void> {
  const { values } = commandLineOrExit({
    usage: USAGE,
    options: {
      articles: { type: "string", default: "10000" },
      sizes: { type: "string" },
      runs: { type: "string", default: "3" },
      rebuild: { type: "boolean", default: false },
      // Outside the project: Eleventy skips input under gitignored folders such as .cache/.
      work: { type: "string", default: path.join(os.tmpdir(), "bureau-bench") },
      results: { type: "string", default: DEFAULT_RESULTS },
      doc: { type: "string" },
      "summary-only": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      "skip-first-search": { type: "boolean", default: false },
      "skip-lighthouse": { type: "boolean", default: false },
      "skip-peers": { type: "boolean", default: false },
      "search-queries": { type: "string" },
      "only-search": { type: "boolean", default: false },
      unthrottled: { type: "boolean", default: false },
      http1: { type: "boolean", default: false },
      photos: { type: "boolean", default: false },
      "photo-width": { type: "string" },
    },
  });
  const resultsDir = path.resolve(String(values.results));
  const doc = values.doc
    ? path.resolve(String(values.doc))
    : resultsDir === DEFAULT_RESULTS
      ? path.join(PROJECT_DIR, "docs/scale.md")
      : undefined;
  if (values["summary-only"]) {
    summarize(resultsDir, doc);
    return;
  }
  const sizes = String(values.sizes ?? values.articles)
    .split(",")
    .map((size) => Number(size.trim()));
  const runs = Number(values.runs);
  if (sizes.some((size) => !Number.isInteger(size) || size < 10) || !Number.isInteger(runs) || runs < 1) {
    console.error("--articles / --sizes 应为不小于 10 的整数，--runs 应为正整数 (whole numbers, at least 10 and 1)");
    process.exit(2);
  }
  if (values.photos === true) {
    const width = values["photo-width"];
    if (width !== undefined && !(Number.isInteger(Number(width)) && Number(width) >= 800)) {
      console.error("--photo-width 应为不小于 800 的整数 (a whole number of pixels, at least 800)");
      process.exit(2);
    }
    await benchPhotoSizes(sizes, values);
    return;
  }
  let queries: SearchQuery[];
  try {
    queries = selectQueries(values["search-queries"] as string | undefined);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const onlySearch = values["only-search"] === true;
  const firstSearch = values["skip-first-search"] !== true;
  if (onlySearch && !firstSearch) {
    console.error(
      "--only-search 与 --skip-first-search 不能同时用 (--only-search and --skip-first-search exclude each other)",
    );
    process.exit(2);
  }
  const lighthouse = firstSearch && values["skip-lighthouse"] !== true;
  const rebuild = values.rebuild === true && !onlySearch;
  const peers = values["skip-peers"] === true || onlySearch ? [] : availablePeers((line) => console.error(line));
  const largest = Math.max(...sizes);
  const minutes = benchMinutes(
    sizes,
    onlySearch ? 1 / 3 : runs,
    rebuild,
    {
      queries: firstSearch ? queries.length + 1 : 0,
      lighthouseRuns: lighthouse
        ? LIGHTHOUSE_QUERIES.length * new Set(sizes.filter((size) => size === largest || size === LIGHTHOUSE_SIZE)).size
        : 0,
    },
    peers.length,
  );
  const what = onlySearch ? "一次完整构建" : `每种构建 ${runs} 次${rebuild ? "，另测重建" : ""}`;
  const searchWhat = firstSearch
    ? `，以及浏览器里的首次搜索（${queries.length} 个查询${queries.length < FIRST_SEARCH_QUERIES.length ? "，部分" : ""}${values.unthrottled ? "，不限速" : "，Slow 4G"}）${lighthouse ? `和 ${[...new Set([largest, ...sizes.filter((size) => size === LIGHTHOUSE_SIZE)])].map((size) => size.toLocaleString("en-US")).join("、")} 篇时的 Lighthouse` : ""}`
    : "";
  console.error(
    `将测 ${sizes.map((size) => size.toLocaleString("en-US")).join("、")} 篇文章的合成站点，${what}${searchWhat}；` +
      `本机（2 核）约需 ${minutes} 分钟。--help 查看选项。` +
      `\n(bench: ${sizes.join(", ")} articles, ${onlySearch ? "one full build, then the search" : `${runs} run(s) each`}; about ${minutes} min on the 2-core machine)`,
  );
  const workDir = path.resolve(String(values.work));
  mkdirSync(workDir, { recursive: true });
  mkdirSync(resultsDir, { recursive: true });
  const setAside = new SetAside(path.join(workDir, `set-aside-${process.pid}`));
  const stage = (articles: number) => ({
    firstSearch,
    queries,
    // The issue's Lighthouse targets are for 10,000 articles; the largest size shows where it goes.
    lighthouse: lighthouse && (articles === largest || articles === LIGHTHOUSE_SIZE),
    throttle: values.unthrottled !== true,
    http2: values.http1 !== true,
  });
  for (const articles of sizes) {
    if (onlySearch) {
      const result = await benchSearchOnly(articles, workDir, setAside, (line) => console.error(line), stage(articles));
      console.log(writeSearchOnlyResult(resultsDir, result));
      if (values.keep !== true)
        for (const entry of [`corpus-${articles}`, `out-${articles}-search`]) setAside.put(path.join(workDir, entry));
      continue;
    }
    const result = await benchSize(
      articles,
      runs,
      rebuild,
      workDir,
      setAside,
      (line) => console.error(line),
      stage(articles),
      peers,
    );
    console.log(writeSizeResult(resultsDir, result));
    if (values.keep !== true)
      for (const entry of readdirSync(workDir))
        if (entry === `corpus-${articles}` || entry.startsWith(`out-${articles}-`))
          setAside.put(path.join(workDir, entry));
  }
  setAside.empty();
  console.log(`结果已写入 (results written to) ${resultsDir}`);
  summarize(resultsDir, doc);
}

await main();
