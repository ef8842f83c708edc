import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../lib/content/index.ts";
import { writeSearchIndexInWorkers } from "../../lib/search/workers.ts";
import { writeSearchIndex } from "../../lib/search/write-index.ts";
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

describe("the search index written by worker threads", () => {
  it("is byte for byte the index written in one thread, with no folder of parts left beside it", async () => {
    const content = loadCatalog({ root: site.root });
    const inThread = path.join(outputs, "one/pagefind");
    const inWorkers = path.join(outputs, "two/pagefind");
    const single = await writeSearchIndex(content, inThread, { shardSize: 3 });
    const split = await writeSearchIndexInWorkers(content, inWorkers, { shardSize: 3, workers: 2 });
    expect(single.shards).toBe(5);
    expect({ ...split, finishedAt: 0 }).toEqual({ ...single, finishedAt: 0 });
    expect(split.finishedAt).toBeGreaterThan(Date.now() - 120_000);
    expect(siteFileHashes(inWorkers)).toEqual(siteFileHashes(inThread));
    expect(readdirSync(path.join(outputs, "two"))).toEqual(["pagefind"]);
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
