import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bucketCount, shardPresence, writePresenceMap } from "../../../lib/search/presence.ts";
import * as searchTokens from "../../../lib/search-protocol/index.ts";

const folder = mkdtempSync(path.join(tmpdir(), "presence-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the presence keys of the index and of a query", () => {
  it("cover every key a query needs whenever the text holds the query verbatim, whatever its quotes, width or case", () => {
    const texts = [
      "克拉玛依新科澳化工有限公司",
      "2021年5G基站建设",
      "“十四五”规划纲要",
      "２０２２年６Ｇ试验网",
      "CO2驱油技术",
    ];
    const queries = ["新科澳化", "澳化工", "2021年5G", "十四五规划", "2022年", "6G试验", "co2驱油", "驱"];
    for (const query of queries) {
      const text = texts.find((candidate) =>
        searchTokens.phraseKey(candidate).key.includes(searchTokens.phraseKey(query).key),
      );
      if (!text) throw new Error(`no text for ${query}`);
      const keys = searchTokens.presenceKeys(text);
      for (const part of searchTokens.queryPresence(query))
        for (const key of [...part.all, ...part.cover]) expect(keys.has(key), `${query}: ${key}`).toBe(true);
    }
  });
});

describe("shardPresence", () => {
  it("lists each key once, sorted, flagged t when a title holds it, b when only a body does, e for a whole title, with its pages", () => {
    const lines = shardPresence([
      { title: "科技合作", text: "产业升级" },
      { title: "人才", text: "科技人才" },
      { title: "人才", text: "科技人才科技" },
    ]).split("\n");
    expect(lines).toContain("科技\tt\t3");
    expect(lines).toContain("产业\tb\t1");
    expect(lines).toContain("技人\tb\t2");
    expect(lines).toContain(`${searchTokens.titleKey("科技合作")}\te\t1`);
    expect(lines).toContain(`${searchTokens.titleKey("人才")}\te\t2`);
    expect(lines.filter((line) => line.startsWith("科技\t"))).toHaveLength(1);
    expect(lines.slice(0, -1)).toEqual([...lines.slice(0, -1)].sort());
  });
});

describe("writePresenceMap", () => {
  it("merges the shards' lists into files the search page reads back by bucket, and removes the lists", () => {
    // Shard a has two index chunks (产 U+4EA7 … 其 U+5176, 合 U+5408 … 龙 U+9F99), b one, c none known.
    const chunks = [
      [
        { from: "产业", to: "其他", hash: "aaa1111" },
        { from: "合作", to: "龙", hash: "bbb2222" },
      ],
      [{ from: "0", to: "龙", hash: "ccc3333" }],
      [],
    ];
    const shards = ["a", "b", "c"].map((name, index) => {
      const file = path.join(folder, `${name}.tsv`);
      const titles = [
        [{ title: "科技合作", text: "产业" }],
        [
          { title: "产业", text: "科技合作" },
          { title: "科技", text: "别的" },
        ],
        [{ title: "其他", text: "别的" }],
      ][index] as { title: string; text: string }[];
      writeFileSync(file, shardPresence(titles));
      return { file, chunks: chunks[index] ?? [] };
    });
    mkdirSync(path.join(folder, "index"));
    const parts = writePresenceMap(path.join(folder, "index"), "/pagefind/", shards, 1);
    expect(parts.map(({ first, shards, buckets }) => ({ first, shards, buckets }))).toEqual([
      { first: 0, shards: 1, buckets: 1 },
      { first: 1, shards: 2, buckets: 8 },
    ]);
    for (const part of parts) expect(part.path).toMatch(/^\/pagefind\/presence-[0-9a-f]{10}\/$/);
    expect(readdirSync(folder).filter((name) => name.endsWith(".tsv"))).toEqual([]);
    const lookup = (key: string) => {
      const entry = searchTokens.mergePresenceEntries(
        parts.map((part) => {
          const file = path.join(
            folder,
            "index",
            part.path.split("/")[2] as string,
            `${searchTokens.presenceBucket(key, part.buckets)}.txt`,
          );
          return searchTokens.decodePresencePart(readFileSync(file, "utf8"), part).get(key);
        }),
      );
      return (
        entry && {
          all: entry.all,
          title: entry.title,
          chunks: Object.fromEntries(entry.chunks),
          pages: entry.all.map((shard) => searchTokens.pagesHolding(entry, shard)),
        }
      );
    };
    expect(lookup("科技")).toEqual({
      all: [0, 1],
      title: [0, 1],
      chunks: { 0: "bbb2222", 1: "ccc3333" },
      pages: [1, 2],
    });
    expect(lookup("产业")).toEqual({ all: [0, 1], title: [1], chunks: { 0: "aaa1111", 1: "ccc3333" }, pages: [1, 1] });
    expect(lookup("别的")).toEqual({ all: [1, 2], title: [], chunks: { 1: "ccc3333" }, pages: [1, 1] });
    expect(lookup(searchTokens.titleKey("其他"))?.all).toEqual([2]);
    expect(lookup("量子")).toBeUndefined();
  });

  it("keeps the older shards' part byte for byte when a page joins the open shard, or opens one", () => {
    const older = [[{ title: "产业", text: "科技合作" }], [{ title: "其他", text: "别的" }]];
    const write = (newest: { title: string; text: string }[], into: string) => {
      const sources = [...(newest.length > 0 ? [newest] : []), ...older].map((pages, index, all) => {
        const file = path.join(folder, `${into}-${index}.tsv`);
        writeFileSync(file, shardPresence(pages));
        const hash = pages === newest ? `new${newest.length}` : `old${index - all.length}`;
        return { file, chunks: [{ from: "0", to: "龙", hash }] };
      });
      mkdirSync(path.join(folder, into));
      const parts = writePresenceMap(path.join(folder, into), "/pagefind/", sources, newest.length > 0 ? 1 : 0);
      const files = (part: { path: string }) => {
        const dir = path.join(folder, into, part.path.split("/")[2] as string);
        return readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), "utf8")]);
      };
      return parts.map((part) => ({ path: part.path, files: files(part) }));
    };
    const before = write([{ title: "科技合作", text: "产业升级" }], "before");
    const after = write(
      [
        { title: "科技合作", text: "产业升级" },
        { title: "新的一篇", text: "科技人才和产业升级" },
      ],
      "after",
    );
    expect(after[1]).toEqual(before[1]);
    expect(after[0]?.path).not.toBe(before[0]?.path);
    const closed = write([], "closed");
    expect(closed).toHaveLength(1);
    expect(closed[0]).toEqual(before[1]);
  });

  it("sizes the map to about 4 KB a file", () => {
    expect(bucketCount(100)).toBe(8);
    expect(bucketCount(4096 * 100)).toBe(128);
  });
});
