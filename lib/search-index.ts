import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import MarkdownIt from "markdown-it";
import * as pagefind from "pagefind";
import sanitizeHtml from "sanitize-html";
import type { SiteContent } from "./content.ts";
import { formatIsoDate } from "./dates.ts";
import { searchTokens } from "./segment.ts";

/**
 * The language the records are indexed under. Pagefind neither stems nor segments it, so the index
 * holds exactly the bigrams of lib/segment.ts; the search page asks for this index by name.
 */
export const SEARCH_LANGUAGE = "und";

const pagefindVersion: string = JSON.parse(
  readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), "../node_modules/pagefind/package.json"),
    "utf8",
  ),
).version;

/** Between the title and the body in a record's content (punctuation: a position, never a word). */
export const TITLE_SEPARATOR = "¶";

/** One page of the index, before segmentation. */
export interface SearchRecordSource {
  url: string;
  title: string;
  /** Plain text of the body (and tags, document number). */
  text: string;
  /** ISO date with offset. */
  date: string;
  type: "文章" | "通知公告";
  column?: string;
}

/** What writeSearchIndex wrote. */
export interface SearchIndexStats {
  pages: number;
  records: number;
  shards: number;
  bytes: number;
}

const BLOCK_END =
  /<\/(p|h[1-6]|li|dt|dd|td|th|tr|blockquote|pre|figcaption|caption|div|table|ul|ol|dl)>|<br\s*\/?>|<hr\s*\/?>/gi;

/** The plain text of body HTML, as the sanitizer would publish it: one line per block, entities decoded. */
export function htmlToText(html: string): string {
  const blocks = html.replace(/\s+/g, " ").replace(BLOCK_END, "$&\n");
  const stripped = sanitizeHtml(blocks, { allowedTags: [], allowedAttributes: {} });
  return stripped
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]*\n\s*/g, "\n")
    .trim();
}

const markdownParser = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * The plain text of a Markdown body, one line per block: markdown-it's tokens give the text with
 * entities decoded (much faster than rendering and sanitizing); raw HTML blocks go through the
 * sanitizer, so text the published page drops (scripts, styles) is not indexed either.
 */
export function markdownToText(markdown: string): string {
  const lines: string[] = [];
  for (const token of markdownParser.parse(markdown, {})) {
    if (token.type === "inline") {
      let line = "";
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") line += child.content;
        else if (child.type === "softbreak") line += " ";
        else if (child.type === "hardbreak") line += "\n";
        else if (child.type === "image") line += child.content;
        else if (child.type === "html_inline") line += child.content;
      }
      lines.push(/[<&]/.test(line) ? htmlToText(line) : line);
    } else if (token.type === "html_block") {
      lines.push(htmlToText(token.content));
    } else if (token.type === "code_block" || token.type === "fence") {
      lines.push(token.content);
    }
  }
  return lines.filter(Boolean).join("\n");
}

/** A page to index as the content gives it: Markdown not yet turned into text (done in the worker). */
export interface SearchPageSource {
  url: string;
  title: string;
  markdown: string;
  /** Text searched beside the body: attachment titles, tags, the document number. */
  extraText: string[];
  date: string;
  type: SearchRecordSource["type"];
  column?: string;
}

/** Every article and every notice page of the site, newest first, with its Markdown (cheap: no parsing). */
export function searchPageSources(content: SiteContent): SearchPageSource[] {
  const pages: SearchPageSource[] = content.articles.map((article) => ({
    url: article.url,
    title: article.title,
    markdown: article.body,
    extraText: [
      ...article.attachments.map((attachment) => attachment.title),
      article.tags.join(" "),
      article.docNumber ?? "",
    ],
    date: article.date,
    type: "文章",
    column: article.column.name,
  }));
  for (const notice of content.noticePages) {
    if (!notice.pageUrl) continue;
    pages.push({
      url: notice.pageUrl,
      title: notice.title,
      markdown: notice.body ?? "",
      extraText: notice.attachments.map((item) => item.title),
      date: notice.date,
      type: "通知公告",
    });
  }
  return pages.sort((a, b) => (a.date === b.date ? a.url.localeCompare(b.url) : a.date < b.date ? 1 : -1));
}

/** A page's search record source: its Markdown as plain text, with the extra text after it. */
export function toRecordSource(page: SearchPageSource): SearchRecordSource {
  const { markdown, extraText, ...rest } = page;
  return { ...rest, text: [markdownToText(markdown), ...extraText].filter(Boolean).join("\n") };
}

/** Every article and every notice page of the site, newest first, as search records. */
export function searchRecordSources(content: SiteContent): SearchRecordSource[] {
  return searchPageSources(content).map(toRecordSource);
}

/** The Pagefind custom record of a page: segmented content, display metadata, filters and sort key. */
export function toCustomRecord(source: SearchRecordSource): pagefind.CustomRecord {
  const day = formatIsoDate(source.date, "yyyy-MM-dd");
  const meta: Record<string, string> = { title: source.title, date: day, type: source.type };
  const filters: Record<string, string[]> = { 类型: [source.type], 年份: [day.slice(0, 4)] };
  if (source.column) {
    meta.column = source.column;
    filters.栏目 = [source.column];
  }
  return {
    url: source.url,
    content: `${searchTokens.indexText(source.title)} ${TITLE_SEPARATOR} ${searchTokens.indexText(source.text)}`,
    language: SEARCH_LANGUAGE,
    meta,
    filters,
    sort: { date: formatIsoDate(source.date, "yyyyMMddHHmm") },
  };
}

/** Records sent to Pagefind at once (its service indexes them concurrently). */
const BATCH = 200;

/**
 * Pages per shard. Pagefind holds a whole index in memory while it writes it (here about 100 MB
 * plus 180 MB per 1,000 pages), so the index is written as shards of at most this many pages, one
 * after the other, merged in the browser. Fewer, larger shards make a search lighter (each shard
 * loads one index chunk of about 20 KB per query word): at 10,000 articles, 20 shards of up to
 * 1,000 pages cost a first search 1.1–1.5 MB, 10 of up to 1,500 pages 0.7–1.0 MB, 5 of up to
 * 3,000 pages 0.5–0.6 MB but 640 MB for Pagefind instead of 330 MB.
 */
export const SHARD_SIZE = 1500;

/** Bumped when the records or the layout change, so cached shards of older builds are not reused. */
const FORMAT = "bigram-1";

/** What planShards needs of a page: its URL and date. */
export type ShardablePage = Pick<SearchRecordSource, "url" | "date">;

/** One shard of the index: a Pagefind language of its own, so result ids tell their shard. */
export interface SearchShard<Page extends ShardablePage = SearchRecordSource> {
  name: string;
  language: string;
  sources: Page[];
}

/** A shard's Pagefind records, made when the shard is written so only one shard's records are held at a time. */
export function shardRecords(shard: SearchShard): pagefind.CustomRecord[] {
  return shard.sources.map((source) => ({ ...toCustomRecord(source), language: shard.language }));
}

/** The shard manifest the search page reads from `/pagefind/shards.json`, primary shard first; empty for a site without pages to index. */
export interface ShardManifest {
  shards: { path: string; language: string }[];
}

/**
 * Splits the records into shards of whole years, grouped oldest first up to `shardSize` pages, and
 * returns them newest first; a year with more pages than that is a run of shards of its own, cut
 * oldest first. A new or edited article thus changes only the shard of its year.
 */
export function planShards<Page extends ShardablePage>(
  sources: readonly Page[],
  shardSize = SHARD_SIZE,
): SearchShard<Page>[] {
  const byYear = new Map<string, Page[]>();
  for (const source of sources) {
    const year = formatIsoDate(source.date, "yyyy");
    const inYear = byYear.get(year);
    if (inYear) inYear.push(source);
    else byYear.set(year, [source]);
  }
  const oldestFirst = (a: Page, b: Page) => (a.date === b.date ? a.url.localeCompare(b.url) : a.date < b.date ? -1 : 1);
  const shards: SearchShard<Page>[] = [];
  const add = (name: string, chunk: Page[]) =>
    shards.push({ name, language: `${SEARCH_LANGUAGE}-x-${name}`, sources: chunk });
  let group: { years: string[]; sources: Page[] } = { years: [], sources: [] };
  const closeGroup = () => {
    if (group.years.length === 0) return;
    const first = group.years[0] as string;
    const last = group.years.at(-1) as string;
    add(first === last ? `y${first}` : `y${first}-${last}`, group.sources);
    group = { years: [], sources: [] };
  };
  for (const year of [...byYear.keys()].sort()) {
    const inYear = (byYear.get(year) ?? []).sort(oldestFirst);
    if (inYear.length > shardSize) {
      closeGroup();
      for (let at = 0, cut = 0; at < inYear.length; at += shardSize, cut++)
        add(`y${year}c${cut}`, inYear.slice(at, at + shardSize));
      continue;
    }
    if (group.sources.length + inYear.length > shardSize) closeGroup();
    group.years.push(year);
    group.sources.push(...inYear);
  }
  closeGroup();
  if (shards.length === 0) add("empty", []);
  return shards.reverse();
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

/** Puts a cached shard in place by hard links (a copy across file systems): no file is ever rewritten in place. */
function linkTree(from: string, to: string, directory = true): void {
  if (directory) {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true }))
      linkTree(path.join(from, entry.name), path.join(to, entry.name), entry.isDirectory());
    return;
  }
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Links a cached shard into place; false (and nothing left behind) if another build removed it meanwhile. */
function linkCached(cached: string, target: string): boolean {
  try {
    linkTree(cached, target);
    return true;
  } catch {
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/**
 * Keeps a copy of a freshly written shard for later builds (the primary without its shard folders).
 * Best effort: a build of the same site running at the same time may store or prune it first.
 */
function storeInCache(written: string, cached: string, primary: boolean): void {
  const temporary = `${cached}.tmp-${process.pid}`;
  try {
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(temporary, { recursive: true });
    for (const entry of readdirSync(written, { withFileTypes: true })) {
      if (primary && entry.isDirectory() && !MERGED_SHARD_FILES.test(entry.name)) continue;
      linkTree(path.join(written, entry.name), path.join(temporary, entry.name), entry.isDirectory());
    }
    rmSync(cached, { recursive: true, force: true });
    renameSync(temporary, cached);
  } catch {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** The files a merged (non-primary) shard needs; Pagefind's scripts and wasm come from the primary. */
const MERGED_SHARD_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

/**
 * Sends a shard's records to a new Pagefind index and writes it into `target`; `whileWriting` runs
 * once Pagefind has been asked to write, so the caller's thread works while Pagefind does.
 */
async function writeShard(
  records: readonly pagefind.CustomRecord[],
  target: string,
  whileWriting: () => void = () => undefined,
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true });
  if (!index) throw new Error(`搜索索引创建失败 (pagefind createIndex): ${errors.join("; ")}`);
  for (let at = 0; at < records.length; at += BATCH) {
    const batch = records.slice(at, at + BATCH);
    const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    added.forEach((result, i) => {
      if (result.errors.length > 0)
        throw new Error(`搜索索引失败 (pagefind addCustomRecord) ${batch[i]?.url}: ${result.errors.join("; ")}`);
    });
  }
  const writing = index.writeFiles({ outputPath: target });
  whileWriting();
  const written = await writing;
  if (written.errors.length > 0)
    throw new Error(`搜索索引写入失败 (pagefind writeFiles): ${written.errors.join("; ")}`);
  await index.deleteIndex();
}

/** Where writeSearchIndex may keep shards for the next build. */
export interface SearchIndexOptions {
  /** A folder for shards keyed by a hash of their pages and `fingerprint`, or of their records (e.g. `<root>/.cache/search`); none: no cache. */
  cacheDir?: string;
  /** Pages a shard holds at most (default SHARD_SIZE). */
  shardSize?: number;
  /** Worker threads writing shards at once, each with a Pagefind process of its own (writeSearchIndexInWorkers). */
  workers?: number;
  /** The code's fingerprint, so cached shards are found from their pages (ShardCache). */
  fingerprint?: string;
}

/** What writeSearchIndex reports. */
export type SearchIndexResult = SearchIndexStats & { cachedShards: number };

/** One shard to write: its pages, whether it is the primary index, and the folder it is written to. */
export interface ShardJob {
  shard: SearchShard<SearchPageSource>;
  primary: boolean;
  target: string;
}

/** What writeShards did: the cache entries its shards use, and how many shards came from the cache. */
export interface ShardsWritten {
  used: string[];
  cachedShards: number;
}

/** Where writeShards finds and keeps cached shards. */
export interface ShardCache {
  /** The cache folder (e.g. `<root>/.cache/search`); none: no cache. */
  dir?: string;
  /**
   * A hash of the code that turns pages into records (lib/reuse.ts renderFingerprint): with it a
   * shard's cache entry is named from its pages, so a cached shard is used without making its
   * records; without it, from the records themselves.
   */
  fingerprint?: string;
}

/** A shard's cache entry, and its records made when first asked for (the Markdown's text, the segmentation). */
function prepareShard(job: ShardJob, cache: ShardCache) {
  const makeRecords = () => shardRecords({ ...job.shard, sources: job.shard.sources.map(toRecordSource) });
  let records = cache.fingerprint ? undefined : makeRecords();
  const inputs = cache.fingerprint ? `${cache.fingerprint}\n${JSON.stringify(job.shard)}` : JSON.stringify(records);
  const hash = createHash("sha256")
    .update(`${FORMAT}\n${pagefindVersion}\n${job.primary}\n${inputs}`)
    .digest("hex")
    .slice(0, 16);
  const entry = `${job.shard.name}-${hash}`;
  const cached = cache.dir ? path.join(cache.dir, entry) : undefined;
  return {
    job,
    entry,
    cached,
    isCached: () => cached !== undefined && existsSync(cached),
    records: () => {
      records ??= makeRecords();
      return records;
    },
  };
}

/**
 * Writes each job's shard into its folder, one after the other in this thread's Pagefind process,
 * or links it from the cache when its pages are unchanged. The next shard's records are made
 * while Pagefind writes the current one. A merged shard keeps only the files the browser merges.
 */
export async function writeShards(jobs: readonly ShardJob[], cache: ShardCache = {}): Promise<ShardsWritten> {
  const used: string[] = [];
  let cachedShards = 0;
  let next = jobs[0] ? prepareShard(jobs[0], cache) : undefined;
  for (let i = 0; next; i++) {
    const current = next;
    const prepareNext = () => {
      const following = jobs[i + 1];
      next = following ? prepareShard(following, cache) : undefined;
      if (next && !next.isCached()) next.records();
    };
    used.push(current.entry);
    if (current.isCached() && linkCached(current.cached as string, current.job.target)) {
      cachedShards++;
      prepareNext();
      continue;
    }
    const { target, primary } = current.job;
    rmSync(target, { recursive: true, force: true });
    await writeShard(current.records(), target, prepareNext);
    if (!primary) {
      for (const file of readdirSync(target)) {
        if (!MERGED_SHARD_FILES.test(file)) rmSync(path.join(target, file), { recursive: true, force: true });
      }
    }
    if (current.cached) storeInCache(target, current.cached, primary);
  }
  return { used, cachedShards };
}

/** Each shard of `shards` (newest first, the first the primary) as a job writing into `partsDir/<name>`. */
export function shardJobs(shards: readonly SearchShard<SearchPageSource>[], partsDir: string): ShardJob[] {
  return shards.map((shard, i) => ({ shard, primary: i === 0, target: path.join(partsDir, shard.name) }));
}

/**
 * Deals jobs out to `count` threads so that each writes about as many pages: the largest shard
 * first, each to the thread with the fewest pages so far. Every thread keeps the jobs' order.
 */
export function assignShardJobs<Job extends { shard: { sources: readonly unknown[] } }>(
  jobs: readonly Job[],
  count: number,
): Job[][] {
  const threads = Array.from({ length: Math.max(1, Math.min(count, jobs.length)) }, () => ({
    pages: 0,
    jobs: [] as number[],
  }));
  const bySize = jobs
    .map((job, i) => ({ i, pages: job.shard.sources.length }))
    .sort((a, b) => b.pages - a.pages || a.i - b.i);
  for (const { i, pages } of bySize) {
    const lightest = threads.reduce((best, thread) => (thread.pages < best.pages ? thread : best));
    lightest.jobs.push(i);
    lightest.pages += pages;
  }
  return threads.map((thread) => thread.jobs.sort((a, b) => a - b).map((i) => jobs[i] as Job));
}

/** The folder shards are written into before they are put in place: beside the index, never inside the site. */
function partsFolder(outputPath: string): string {
  return path.join(path.dirname(outputPath), `.${path.basename(outputPath)}-parts-${process.pid}`);
}

/**
 * Puts the written shards in place (the primary at `outputPath`, the others in sub-folders named
 * after them), writes `shards.json`, and prunes cache entries no shard uses any more.
 */
function assembleIndex(
  outputPath: string,
  partsDir: string,
  shards: readonly SearchShard<SearchPageSource>[],
  written: ShardsWritten,
  cacheDir: string | undefined,
): SearchIndexResult {
  rmSync(outputPath, { recursive: true, force: true });
  const manifest: ShardManifest = { shards: [] };
  for (const [i, shard] of shards.entries()) {
    const from = path.join(partsDir, shard.name);
    if (i === 0) {
      mkdirSync(path.dirname(outputPath), { recursive: true });
      renameSync(from, outputPath);
    } else renameSync(from, path.join(outputPath, shard.name));
    if (shard.sources.length > 0)
      manifest.shards.push({ path: i === 0 ? "/pagefind/" : `/pagefind/${shard.name}/`, language: shard.language });
  }
  rmSync(partsDir, { recursive: true, force: true });
  writeFileSync(path.join(outputPath, "shards.json"), `${JSON.stringify(manifest)}\n`);
  if (cacheDir && existsSync(cacheDir)) {
    const used = new Set(written.used);
    for (const entry of readdirSync(cacheDir)) {
      if (!used.has(entry)) rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
    }
  }
  const pages = shards.reduce((sum, shard) => sum + shard.sources.length, 0);
  return {
    pages,
    records: pages,
    shards: shards.length,
    cachedShards: written.cachedShards,
    bytes: folderBytes(outputPath),
  };
}

/**
 * Writes the Pagefind index of every article and notice page into `outputPath` (`<site>/pagefind`),
 * from the validated content rather than the built HTML, so it can run while Eleventy writes pages.
 * The newest shard is the primary index at `outputPath`, the others sit in sub-folders listed in
 * `shards.json`; a shard whose pages (or records) are unchanged since the last build is linked from the cache.
 * Runs in this thread; writeSearchIndexInWorkers spreads the same work over worker threads.
 */
export function writeSearchIndex(
  content: SiteContent,
  outputPath: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  return writeIndexFromShards(content, outputPath, options, (jobs, cache) =>
    writeShards(jobs, cache).finally(() => pagefind.close()),
  );
}

/**
 * What writeSearchIndex and writeSearchIndexInWorkers share: plans the shards, has `write` put them
 * into a parts folder beside the index, then assembles the index from it; the parts folder is gone
 * afterwards, whether or not the writing succeeded.
 */
async function writeIndexFromShards<Written extends ShardsWritten>(
  content: SiteContent,
  outputPath: string,
  options: SearchIndexOptions,
  write: (jobs: ShardJob[], cache: ShardCache, pages: number) => Promise<Written>,
): Promise<SearchIndexResult & Omit<Written, keyof ShardsWritten>> {
  const shards = planShards(searchPageSources(content), options.shardSize);
  const pages = shards.reduce((sum, shard) => sum + shard.sources.length, 0);
  const partsDir = partsFolder(outputPath);
  rmSync(partsDir, { recursive: true, force: true });
  try {
    const cache = { dir: options.cacheDir, fingerprint: options.fingerprint };
    const { used, cachedShards, ...rest } = await write(shardJobs(shards, partsDir), cache, pages);
    return { ...assembleIndex(outputPath, partsDir, shards, { used, cachedShards }, options.cacheDir), ...rest };
  } finally {
    rmSync(partsDir, { recursive: true, force: true });
  }
}

/**
 * The nice value of search workers and their Pagefind processes (Linux) when there are several:
 * they yield to Eleventy's rendering, and once it is done they have every core. A single worker is
 * not niced: it would leave a core idle after the rendering.
 */
export const SEARCH_NICE = 10;

/** Pages to index from which a second search worker pays for its memory (LARGE_ARCHIVE_PAGES). */
export const LARGE_ARCHIVE_PAGES = 22000;

/**
 * Worker threads writing search shards at once, each with a Pagefind process that keeps about
 * 340 MB (its high-water mark for a 1,100-page shard) for the whole build. One for an archive of up
 * to LARGE_ARCHIVE_PAGES pages: on two cores a second bought nothing measurable in a 10k build (the
 * cores are busy while Eleventy renders) and took its peak from 1.3 GB to 1.7 GB. Two for a larger
 * archive on two cores or more: the index then outlasts the rendering by minutes (at 100,000
 * articles 73 s of a 318 s build with one worker), time a second core can share, and 340 MB is
 * little beside such a build's 4 GB.
 */
export function searchWorkerCount(pages: number, cores = availableParallelism()): number {
  return pages > LARGE_ARCHIVE_PAGES && cores >= 2 ? 2 : 1;
}

/**
 * writeSearchIndex in worker threads (lib/search-worker.mjs), each with a Pagefind process of its
 * own writing its share of the shards (assignShardJobs): the Markdown's text, the segmentation and
 * Pagefind's work then use every core instead of waiting for Eleventy's rendering on the main
 * thread. `finishedAt` (epoch milliseconds) is when the last worker finished, however busy the
 * main thread was.
 */
export function writeSearchIndexInWorkers(
  content: SiteContent,
  outputPath: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexResult & { finishedAt: number }> {
  return writeIndexFromShards(content, outputPath, options, async (jobs, cache, pages) => {
    const threads = assignShardJobs(jobs, options.workers ?? searchWorkerCount(pages));
    const nice = threads.length > 1 ? SEARCH_NICE : 0;
    // Every worker is waited for, so none still writes into the parts folder when it is removed.
    const results = await Promise.allSettled(threads.map((share) => writeShardsInWorker(share, cache, nice)));
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    const done = results.map(
      (result) => (result as PromiseFulfilledResult<ShardsWritten & { finishedAt: number }>).value,
    );
    return {
      used: done.flatMap((result) => result.used),
      cachedShards: done.reduce((sum, result) => sum + result.cachedShards, 0),
      finishedAt: Math.max(...done.map((result) => result.finishedAt)),
    };
  });
}

/** writeShards in a worker thread of its own (so with a Pagefind process of its own). */
function writeShardsInWorker(
  jobs: ShardJob[],
  cache: ShardCache,
  nice: number,
): Promise<ShardsWritten & { finishedAt: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./search-worker.mjs", import.meta.url), {
      workerData: { jobs, cache, nice },
    });
    let settled = false;
    worker.on("message", (message: { written?: ShardsWritten; finishedAt?: number; error?: string }) => {
      settled = true;
      if (message.written) resolve({ ...message.written, finishedAt: message.finishedAt ?? Date.now() });
      else reject(new Error(message.error ?? "搜索索引失败 (search index failed)"));
    });
    worker.on("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`搜索索引线程意外退出 (search index worker exited with code ${code})`));
    });
  });
}
