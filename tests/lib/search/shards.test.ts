import { describe, expect, it } from "vitest";
import type { SearchRecordSource } from "../../../lib/search/records.ts";
import {
  assignShardJobs,
  PRIMARY_SHARD,
  planShards,
  SHARD_FILTER,
  SHARD_SIZE,
  shardJobs,
  shardRecords,
} from "../../../lib/search/shards.ts";
import { LARGE_ARCHIVE_PAGES, SMALL_ARCHIVE_PAGES, searchWorkerCount } from "../../../lib/search/workers.ts";

describe("search shards", () => {
  const source = (index: number, date: string): SearchRecordSource => ({
    url: `/articles/${date.slice(0, 4)}/a${index}/`,
    title: `标题${index}`,
    text: "正文",
    date: `${date}T09:00:00+08:00`,
    type: "文章",
    column: "工作动态",
  });

  it("groups whole years oldest first up to the shard size, newest shard first, and cuts a large year oldest first", () => {
    const sources = [
      ...Array.from({ length: SHARD_SIZE + 5 }, (_, i) => source(i, `2021-0${1 + (i % 9)}-1${i % 10}`)),
      source(9999, "2019-05-05"),
    ];
    const shards = planShards(sources);
    expect(shards.map((shard) => [shard.name, shard.sources.length])).toEqual([
      ["y2021c1", 5],
      ["y2021c0", SHARD_SIZE],
      ["y2019", 1],
    ]);
    expect(shards.every((shard) => shardRecords(shard).every((record) => record.language === shard.language))).toBe(
      true,
    );
    expect(shards[0]?.language).toBe("und-x-y2021c1");
    expect(shardRecords(shards[2] as (typeof shards)[number])[0]?.filters?.[SHARD_FILTER]).toEqual(["y2019"]);
  });

  it("puts consecutive years in one shard while they fit, so a new article changes only its year's shard", () => {
    const years: [number, number][] = [
      [2016, 4],
      [2017, 3],
      [2018, 2],
      [2019, 6],
      [2020, 1],
      [2021, 2],
    ];
    const sources = years.flatMap(([year, count]) =>
      Array.from({ length: count }, (_, i) => source(year * 10 + i, `${year}-03-0${i + 1}`)),
    );
    const shards = planShards(sources, 7);
    expect(shards.map((shard) => [shard.name, shard.sources.length])).toEqual([
      ["y2021", 2],
      ["y2019-2020", 7],
      ["y2018", 2],
      ["y2016-2017", 7],
    ]);
    const withNew = planShards([...sources, source(99999, "2021-06-01")], 7);
    expect(withNew.map((shard) => shard.name)).toEqual(shards.map((shard) => shard.name));
    expect(withNew.slice(1)).toEqual(shards.slice(1));
    expect(withNew[0]?.sources).toHaveLength(3);
  });

  it("splits the newest shard's pages past its last whole hundred off as its open tail, so a new article leaves the rest as it was", () => {
    const year = (count: number, from = 0) =>
      Array.from({ length: count }, (_, i) => source(from + i, `2024-0${1 + Math.floor((from + i) / 100)}-01`));
    const older = Array.from({ length: 900 }, (_, i) => source(90000 + i, "2023-05-05"));
    const shape = (count: number) =>
      planShards([...older, ...year(count)], 1000, 100).map((shard) =>
        shard.open ? [shard.name, shard.sources.length, "open"] : [shard.name, shard.sources.length],
      );
    expect(shape(250)).toEqual([
      ["y2024t", 50, "open"],
      ["y2024", 200],
      ["y2023", 900],
    ]);
    expect(shape(300)).toEqual([
      ["y2024", 300],
      ["y2023", 900],
    ]);
    expect(shape(301)).toEqual([
      ["y2024t", 1, "open"],
      ["y2024", 300],
      ["y2023", 900],
    ]);
    const before = planShards([...older, ...year(250)], 1000, 100);
    const after = planShards([...older, ...year(250), ...year(1, 250)], 1000, 100);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]?.sources.at(-1)?.url).toBe("/articles/2024/a250/");
    expect(after[0]?.language).toBe("und-x-y2024t");
    expect(planShards(year(100), 1000, 100).map((shard) => [shard.name, shard.open])).toEqual([["y2024", undefined]]);
    expect(planShards(year(99), 1000, 100).map((shard) => [shard.name, shard.open])).toEqual([["y2024", true]]);
  });

  it("plans no shard for a site without articles", () => {
    expect(planShards([])).toEqual([]);
  });
});

describe("search shard jobs", () => {
  const job = (name: string, pages: number) => ({ name, shard: { sources: Array.from({ length: pages }) } });

  it("deals every job to exactly one thread, largest first to the lightest, each thread keeping the jobs' order", () => {
    const jobs = [job("a", 5), job("b", 1100), job("c", 1100), job("d", 900), job("e", 1100), job("f", 300)];
    const threads = assignShardJobs(jobs, 2);
    expect(threads.map((thread) => thread.map((item) => item.name))).toEqual([
      ["a", "b", "e"],
      ["c", "d", "f"],
    ]);
    const pages = threads.map((thread) => thread.reduce((sum, item) => sum + item.shard.sources.length, 0));
    expect(pages).toEqual([2205, 2300]);
  });

  it("uses no more threads than there are jobs, and one thread when asked for none", () => {
    expect(assignShardJobs([job("a", 3)], 2)).toHaveLength(1);
    expect(assignShardJobs([job("a", 3), job("b", 4)], 0).map((thread) => thread.length)).toEqual([2]);
  });

  it("writes the primary index (Pagefind's scripts, no page) and each shard into folders of their own", () => {
    const shards = planShards(
      [
        { url: "/a/", date: "2021-01-01T09:00:00+08:00" },
        { url: "/b/", date: "2019-01-01T09:00:00+08:00" },
      ].map((page) => ({ ...page, title: "标", markdown: "", extraText: [], type: "文章" as const })),
      1,
    );
    expect(shardJobs(shards, "/parts").map(({ primary, target }) => [primary, target])).toEqual([
      [true, "/parts/primary"],
      [false, "/parts/y2021"],
      [false, "/parts/y2019"],
    ]);
    expect(shardRecords(PRIMARY_SHARD)).toEqual([
      { url: "/search/", content: "index", language: "und-x-primary", meta: { title: "" } },
    ]);
  });

  it("writes an archive of up to SMALL_ARCHIVE_PAGES pages in the calling thread, with no worker", () => {
    expect(searchWorkerCount(34, 2)).toBe(0);
    expect(searchWorkerCount(SMALL_ARCHIVE_PAGES, 2)).toBe(0);
    expect(searchWorkerCount(SMALL_ARCHIVE_PAGES + 1, 2)).toBe(1);
  });

  it("starts one search worker for an archive of up to LARGE_ARCHIVE_PAGES pages, two for a larger one on two cores or more", () => {
    expect(searchWorkerCount(11000, 2)).toBe(1);
    expect(searchWorkerCount(LARGE_ARCHIVE_PAGES, 8)).toBe(1);
    expect(searchWorkerCount(LARGE_ARCHIVE_PAGES + 1, 2)).toBe(2);
    expect(searchWorkerCount(110000, 1)).toBe(1);
  });
});
