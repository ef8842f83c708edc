import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decode } from "cborg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../lib/content/index.ts";
import { readPagefindMeta } from "../../lib/search/pagefind-meta.ts";
import { CALLER_NICE, startSearchWorkers, writeSearchIndexInWorkers } from "../../lib/search/workers.ts";
import { type SearchIndexStats, writeSearchIndex } from "../../lib/search/write-index.ts";
import { SEARCH_FILTERS } from "../../lib/search-protocol/index.ts";
import { articleFile, createFixtureSite } from "../helpers/fixture.ts";
import { siteFileHashes } from "../helpers/html.ts";

const years = [2019, 2020, 2021, 2022, 2023];
const site = createFixtureSite(
  Object.fromEntries(
    years.flatMap((year) =>
      [1, 2, 3].map((n) => [
        `content/articles/${year}/a${n}.md`,
        articleFile(
          { title: `${year}年第${n}篇科技动态`, date: `${year}-0${n}-1${n} 09:30`, column: "工作动态" },
          `${year}年独山子区石化新材料项目第${n}期顺利投产。\n`,
        ),
      ]),
    ),
  ),
);
const outputs = mkdtempSync(path.join(os.tmpdir(), "search-index-"));
afterAll(() => {
  site.remove();
  rmSync(outputs, { recursive: true, force: true });
});

const inThread = path.join(outputs, "one/pagefind");
let single: SearchIndexStats;
beforeAll(async () => {
  single = await writeSearchIndex(loadCatalog({ root: site.root }), inThread, { shardSize: 3 });
});

/** The words of a Pagefind index chunk (gzip, Pagefind's signature, then CBOR whose first item lists `[word, …]`). */
function chunkWords(file: string): Set<string> {
  const data = decode(gunzipSync(readFileSync(file)).subarray("pagefind_dcd".length)) as [[string, ...unknown[]][]];
  return new Set(data[0].map(([word]) => word));
}

describe("the index chunks and filter files the search page fetches ahead of Pagefind", () => {
  it("names each shard's files of the search's filters as its Pagefind meta does, each file there", () => {
    const manifest = JSON.parse(readFileSync(path.join(inThread, "shards.json"), "utf8"));
    const shards = manifest.shards as {
      path: string;
      language: string;
      meta: string;
      filters?: Record<string, string>;
    }[];
    const names = new Set<string>();
    for (const shard of shards) {
      const folder = path.join(inThread, shard.path.slice(10));
      const { filters } = readPagefindMeta(path.join(folder, shard.meta), shard.language);
      const expected = Object.values(SEARCH_FILTERS).filter((name) => filters.has(name));
      expect(Object.keys(shard.filters ?? {}).sort()).toEqual(expected.sort());
      for (const [name, hash] of Object.entries(shard.filters ?? {})) {
        expect(hash).toBe(filters.get(name));
        expect(existsSync(path.join(folder, `filter/${shard.language}_${hash}.pf_filter`))).toBe(true);
        names.add(name);
      }
    }
    expect([...names]).toEqual(expect.arrayContaining(["栏目", "年份", "类型"]));
  });

  it("names, for each word of each shard, the chunk that holds it, and each shard's filter file", () => {
    const manifest = JSON.parse(readFileSync(path.join(inThread, "shards.json"), "utf8"));
    const shards = manifest.shards as { path: string; language: string; filter: string }[];
    expect(shards).toHaveLength(5);
    const folder = (shard: { path: string }, sub: string) => path.join(inThread, shard.path.slice(10), sub);
    for (const shard of shards)
      expect(existsSync(folder(shard, `filter/${shard.language}_${shard.filter}.pf_filter`))).toBe(true);
    const wordsOf = shards.map((shard) => {
      const words = new Map<string, Set<string>>();
      for (const file of readdirSync(folder(shard, "index")))
        words.set(file, chunkWords(path.join(folder(shard, "index"), file)));
      return words;
    });
    const parts = manifest.presence as { path: string; first: number; shards: number }[];
    expect(parts.map(({ first, shards: count }) => [first, count])).toEqual([
      [0, 1],
      [1, shards.length - 1],
    ]);
    let checked = 0;
    for (const part of parts) {
      const presence = path.join(inThread, part.path.slice(10));
      for (const line of readdirSync(presence).flatMap((file) =>
        readFileSync(path.join(presence, file), "utf8").split("\n"),
      )) {
        const [key = "", all = "", , chunks = ""] = line.split("\t");
        if (!line || key.startsWith("=")) continue;
        const inPart =
          all === "*"
            ? Array.from({ length: part.shards }, (_, i) => i)
            : all.split(",").map((cell) => Number.parseInt(cell, 36));
        const holding = inPart.map((shard) => shard + part.first);
        const named = chunks.split(",");
        for (const [i, shard] of holding.entries()) {
          const inChunks = [...(wordsOf[shard]?.entries() ?? [])]
            .filter(([, words]) => words.has(key))
            .map(([name]) => name);
          // A key that is no word of the index (a single character, a Latin prefix) has no chunk to be in.
          if (inChunks.length === 0) continue;
          expect(inChunks, `${key} in shard ${shard}`).toEqual([`${shards[shard]?.language}_${named[i]}.pf_index`]);
          checked++;
        }
      }
    }
    // Every shard holds 石化, 新材, 材料… (the body of every article): 140 words and shards here.
    expect(checked).toBeGreaterThan(100);
  });
});

describe("the search index written by worker threads", () => {
  it("is byte for byte the index written in one thread, with no folder of parts left beside it", async () => {
    const content = loadCatalog({ root: site.root });
    const inWorkers = path.join(outputs, "two/pagefind");
    // `finishedAt` is on the clock every thread shares (lib/pipeline/timer.ts): between the call and its end.
    const epochNow = () => performance.timeOrigin + performance.now();
    const called = epochNow();
    const split = await writeSearchIndexInWorkers(content, inWorkers, { shardSize: 3, workers: 2 });
    const returned = epochNow();
    expect(single.shards).toBe(5);
    expect({ ...split, finishedAt: 0 }).toEqual({ ...single, finishedAt: 0 });
    expect(split.finishedAt).toBeGreaterThan(called);
    expect(split.finishedAt).toBeLessThanOrEqual(returned);
    expect(siteFileHashes(inWorkers)).toEqual(siteFileHashes(inThread));
    expect(readdirSync(path.join(outputs, "two"))).toEqual(["pagefind"]);
  });

  it("is the same index written in the calling thread when asked for no worker", async () => {
    const inCaller = path.join(outputs, "none/pagefind");
    const written = await writeSearchIndexInWorkers(loadCatalog({ root: site.root }), inCaller, {
      shardSize: 3,
      workers: 0,
    });
    expect({ ...written, finishedAt: 0 }).toEqual({ ...single, finishedAt: 0 });
    expect(siteFileHashes(inCaller)).toEqual(siteFileHashes(inThread));
  });

  it("takes unchanged shards from the cache, rewrites only the changed year's shard, and prunes stale entries", async () => {
    const cacheDir = path.join(outputs, "cache");
    const options = { shardSize: 3, workers: 2, cacheDir };
    const first = await writeSearchIndexInWorkers(loadCatalog({ root: site.root }), path.join(outputs, "c1"), options);
    // The five year shards and the primary index (Pagefind's scripts), each cached.
    expect(first.cachedShards).toBe(0);
    expect(readdirSync(cacheDir)).toHaveLength(6);
    const again = await writeSearchIndexInWorkers(loadCatalog({ root: site.root }), path.join(outputs, "c2"), options);
    expect(again.cachedShards).toBe(6);
    expect(siteFileHashes(path.join(outputs, "c2"))).toEqual(siteFileHashes(path.join(outputs, "c1")));

    site.write({
      "content/articles/2020/a2.md": articleFile(
        { title: "2020年第2篇科技动态（更正）", date: "2020-02-12 09:30", column: "工作动态" },
        "更正后的正文。\n",
      ),
    });
    const edited = await writeSearchIndexInWorkers(loadCatalog({ root: site.root }), path.join(outputs, "c3"), options);
    expect(edited.cachedShards).toBe(5);
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(6);
    expect(entries.filter((entry) => entry.startsWith("y2020-"))).toHaveLength(1);
    const fresh = await writeSearchIndex(loadCatalog({ root: site.root }), path.join(outputs, "c4"), {
      shardSize: 3,
    });
    expect(fresh.cachedShards).toBe(0);
    expect(siteFileHashes(path.join(outputs, "c3"))).toEqual(siteFileHashes(path.join(outputs, "c4")));
    expect(existsSync(path.join(outputs, `.c3-parts-${process.pid}`))).toBe(false);
  });
});

describe("search workers started before the catalog is loaded", () => {
  it("write the same index as one thread once given their shards", async () => {
    const started = startSearchWorkers(2);
    const content = loadCatalog({ root: site.root });
    const early = path.join(outputs, "early/pagefind");
    const written = await writeSearchIndexInWorkers(content, early, { shardSize: 3, started });
    const reference = path.join(outputs, "early-reference/pagefind");
    const inOneThread = await writeSearchIndex(content, reference, { shardSize: 3 });
    expect({ ...written, finishedAt: 0 }).toEqual({ ...inOneThread, finishedAt: 0 });
    expect(written.shards).toBe(5);
    expect(siteFileHashes(early)).toEqual(siteFileHashes(reference));
    expect(readdirSync(path.join(outputs, "early"))).toEqual(["pagefind"]);
  });

  it("are stopped by close, and an index asked of a stopped worker fails with no parts left", async () => {
    const started = startSearchWorkers(1);
    started.close();
    const stopped = path.join(outputs, "stopped/pagefind");
    await expect(
      writeSearchIndexInWorkers(loadCatalog({ root: site.root }), stopped, { shardSize: 3, started }),
    ).rejects.toThrow(/搜索索引线程意外退出/);
    expect(existsSync(path.join(outputs, "stopped"))).toBe(false);
  });
});

describe("the calling thread's priority while one search worker writes", () => {
  it.runIf(os.platform() === "linux")(
    "yields CALLER_NICE to the worker and is set back once the index is written",
    async () => {
      const before = os.getPriority();
      const writing = writeSearchIndexInWorkers(loadCatalog({ root: site.root }), path.join(outputs, "niced"), {
        shardSize: 3,
        workers: 1,
      });
      const during = os.getPriority();
      await writing;
      expect(during).toBe(Math.min(19, before + CALLER_NICE));
      expect(os.getPriority()).toBe(before);
    },
  );
});

describe("the search cache keyed by the code's fingerprint", () => {
  it("finds unchanged shards from their pages, and none once the code that makes the records changed", async () => {
    const cacheDir = path.join(outputs, "fingerprinted");
    const content = loadCatalog({ root: site.root });
    const options = { shardSize: 3, workers: 1, cacheDir, fingerprint: "code-a" };
    const first = await writeSearchIndexInWorkers(content, path.join(outputs, "f1"), options);
    const again = await writeSearchIndexInWorkers(content, path.join(outputs, "f2"), options);
    const newCode = await writeSearchIndexInWorkers(content, path.join(outputs, "f3"), {
      ...options,
      fingerprint: "code-b",
    });
    expect([first.cachedShards, again.cachedShards, newCode.cachedShards]).toEqual([0, 6, 0]);
    expect(siteFileHashes(path.join(outputs, "f2"))).toEqual(siteFileHashes(path.join(outputs, "f1")));
    expect(siteFileHashes(path.join(outputs, "f3"))).toEqual(siteFileHashes(path.join(outputs, "f1")));
  });
});
