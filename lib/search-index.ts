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

/** One shard of the index: a Pagefind language of its own, so result ids tell their shard. */
export interface SearchShard {
  name: string;
  language: string;
  sources: SearchRecordSource[];
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
export function planShards(sources: readonly SearchRecordSource[], shardSize = SHARD_SIZE): SearchShard[] {
  const byYear = new Map<string, SearchRecordSource[]>();
  for (const source of sources) {
    const year = formatIsoDate(source.date, "yyyy");
    const inYear = byYear.get(year);
    if (inYear) inYear.push(source);
    else byYear.set(year, [source]);
  }
  const oldestFirst = (a: SearchRecordSource, b: SearchRecordSource) =>
    a.date === b.date ? a.url.localeCompare(b.url) : a.date < b.date ? -1 : 1;
  const shards: SearchShard[] = [];
  const add = (name: string, chunk: SearchRecordSource[]) =>
    shards.push({ name, language: `${SEARCH_LANGUAGE}-x-${name}`, sources: chunk });
  let group: { years: string[]; sources: SearchRecordSource[] } = { years: [], sources: [] };
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

async function writeShard(records: readonly pagefind.CustomRecord[], target: string): Promise<void> {
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
  const written = await index.writeFiles({ outputPath: target });
  if (written.errors.length > 0)
    throw new Error(`搜索索引写入失败 (pagefind writeFiles): ${written.errors.join("; ")}`);
  await index.deleteIndex();
}

/** Where writeSearchIndex may keep shards for the next build. */
export interface SearchIndexOptions {
  /** A folder for shards keyed by a hash of their records (e.g. `<root>/.cache/search`); none: no cache. */
  cacheDir?: string;
  /** Pages a shard holds at most (default SHARD_SIZE). */
  shardSize?: number;
}

/** What writeSearchIndex reports. */
export type SearchIndexResult = SearchIndexStats & { cachedShards: number };

/**
 * Writes the Pagefind index of every article and notice page into `outputPath` (`<site>/pagefind`),
 * from the validated content rather than the built HTML, so it can run while Eleventy writes pages.
 * The newest shard is the primary index at `outputPath`, the others sit in sub-folders listed in
 * `shards.json`; a shard whose records are unchanged since the last build is copied from the cache.
 */
export function writeSearchIndex(
  content: SiteContent,
  outputPath: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  return writeSearchIndexFromSources(searchRecordSources(content), outputPath, options);
}

/**
 * writeSearchIndex in a worker thread (lib/search-worker.mjs): the Markdown's text, the segmentation
 * and the records sent to Pagefind then use the second core instead of waiting for Eleventy's
 * rendering on the main thread. `finishedAt` (epoch milliseconds) is when the worker finished,
 * however busy the main thread was.
 */
export function writeSearchIndexInWorker(
  content: SiteContent,
  outputPath: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexResult & { finishedAt: number }> {
  const pages = searchPageSources(content);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./search-worker.mjs", import.meta.url), {
      workerData: { pages, outputPath, options },
    });
    let settled = false;
    worker.on("message", (message: { stats?: SearchIndexResult; finishedAt?: number; error?: string }) => {
      settled = true;
      if (message.stats) resolve({ ...message.stats, finishedAt: message.finishedAt ?? Date.now() });
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

/** writeSearchIndex over records already taken from the content (what the worker thread runs). */
export async function writeSearchIndexFromSources(
  sources: readonly SearchRecordSource[],
  outputPath: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  const shards = planShards(sources, options.shardSize);
  const manifest: ShardManifest = { shards: [] };
  const used = new Set<string>();
  let cachedShards = 0;
  // A fresh folder: no stale shard survives, and files hard-linked from the cache are never written through.
  rmSync(outputPath, { recursive: true, force: true });
  try {
    for (const [i, shard] of shards.entries()) {
      const target = i === 0 ? outputPath : path.join(outputPath, shard.name);
      if (shard.sources.length > 0)
        manifest.shards.push({ path: i === 0 ? "/pagefind/" : `/pagefind/${shard.name}/`, language: shard.language });
      const records = shardRecords(shard);
      const hash = createHash("sha256")
        .update(`${FORMAT}\n${pagefindVersion}\n${i === 0}\n${JSON.stringify(records)}`)
        .digest("hex")
        .slice(0, 16);
      const cached = options.cacheDir ? path.join(options.cacheDir, `${shard.name}-${hash}`) : undefined;
      used.add(`${shard.name}-${hash}`);
      if (cached && existsSync(cached) && linkCached(cached, target)) {
        cachedShards++;
        continue;
      }
      await writeShard(records, target);
      if (i > 0) {
        for (const entry of readdirSync(target)) {
          if (!MERGED_SHARD_FILES.test(entry)) rmSync(path.join(target, entry), { recursive: true, force: true });
        }
      }
      if (cached) storeInCache(target, cached, i === 0);
    }
  } finally {
    await pagefind.close();
  }
  writeFileSync(path.join(outputPath, "shards.json"), `${JSON.stringify(manifest)}\n`);
  if (options.cacheDir && existsSync(options.cacheDir)) {
    for (const entry of readdirSync(options.cacheDir)) {
      if (!used.has(entry)) rmSync(path.join(options.cacheDir, entry), { recursive: true, force: true });
    }
  }
  return {
    pages: sources.length,
    records: sources.length,
    shards: shards.length,
    cachedShards,
    bytes: folderBytes(outputPath),
  };
}
