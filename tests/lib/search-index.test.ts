import { afterAll, describe, expect, it } from "vitest";
import { loadContent } from "../../lib/content.ts";
import {
  assignShardJobs,
  LARGE_ARCHIVE_PAGES,
  markdownToText,
  planShards,
  type SearchRecordSource,
  SHARD_SIZE,
  searchRecordSources,
  searchWorkerCount,
  shardJobs,
  shardRecords,
  toCustomRecord,
} from "../../lib/search-index.ts";
import { searchTokens } from "../../lib/segment.ts";
import { articleFile, createFixtureSite } from "../helpers/fixture.ts";

const site = createFixtureSite({
  "content/articles/2021/kjhz.md": articleFile(
    { title: "沪克科技合作", date: "2021-12-06 09:30", column: "工作动态", tags: ["区域合作"] },
    "第一段**加粗**。\n\n<script>alert(1)</script>\n\n| 表 | 格 |\n| --- | --- |\n| 独山子 | 5G |\n",
  ),
  "content/articles/2020/old.md": articleFile({ title: "旧文章", date: "2020-01-02", column: "科技要闻" }),
  "content/notices/2021.yaml": [
    "- title: 关于申报项目的通知",
    "  date: 2021-03-01",
    "  body: 各有关单位：请按时申报。",
    "- title: 外部链接的通知",
    "  date: 2021-03-02",
    "  url: https://example.org/n",
    "",
  ].join("\n"),
});
afterAll(() => site.remove());

describe("search records", () => {
  const content = loadContent({ root: site.root });
  const sources = searchRecordSources(content);

  it("cover every article and every notice page, and nothing else, newest first", () => {
    expect(sources.map((source) => [source.url, source.type])).toEqual([
      ["/articles/2021/kjhz/", "文章"],
      [content.noticePages[0]?.pageUrl, "通知公告"],
      ["/articles/2020/old/", "文章"],
    ]);
  });

  it("carry the title, date, column and type as metadata and filters, and the date as sort key", () => {
    const record = toCustomRecord(sources[0] as SearchRecordSource);
    expect(record.meta).toEqual({ title: "沪克科技合作", date: "2021-12-06", type: "文章", column: "工作动态" });
    expect(record.filters).toEqual({ 类型: ["文章"], 年份: ["2021"], 栏目: ["工作动态"] });
    expect(record.sort).toEqual({ date: "202112060930" });
    const notice = toCustomRecord(sources[1] as SearchRecordSource);
    expect(notice.filters).toEqual({ 类型: ["通知公告"], 年份: ["2021"] });
  });

  it("index the title before the body, in the shared segmentation, with tags and table text", () => {
    const record = toCustomRecord(sources[0] as SearchRecordSource);
    expect(record.content.startsWith(`${searchTokens.indexText("沪克科技合作")} ¶ `)).toBe(true);
    const decoded = searchTokens.decodeIndexText(record.content);
    expect(decoded).toContain("第一段加粗。");
    expect(decoded).toContain("独山子");
    expect(decoded).toContain("区域合作");
    expect(decoded).not.toContain("alert");
  });

  it("read Markdown as plain text, one line per block, entities decoded and scripts dropped", () => {
    expect(markdownToText("## 小标题\n\n甲&amp;乙 [链接](/a/)\n下一行\n\n<div>块<script>x()</script></div>\n")).toBe(
      "小标题\n甲&乙 链接 下一行\n块",
    );
  });
});

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

  it("still writes one empty shard for a site without articles", () => {
    expect(planShards([]).map((shard) => shard.sources.length)).toEqual([0]);
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

  it("writes each shard into a folder of its own, the newest as the primary", () => {
    const shards = planShards(
      [
        { url: "/a/", date: "2021-01-01T09:00:00+08:00" },
        { url: "/b/", date: "2019-01-01T09:00:00+08:00" },
      ].map((page) => ({ ...page, title: "标", markdown: "", extraText: [], type: "文章" as const })),
      1,
    );
    expect(shardJobs(shards, "/parts").map(({ primary, target }) => [primary, target])).toEqual([
      [true, "/parts/y2021"],
      [false, "/parts/y2019"],
    ]);
  });

  it("starts one search worker for an archive of up to LARGE_ARCHIVE_PAGES pages, two for a larger one on two cores or more", () => {
    expect(searchWorkerCount(11000, 2)).toBe(1);
    expect(searchWorkerCount(LARGE_ARCHIVE_PAGES, 8)).toBe(1);
    expect(searchWorkerCount(LARGE_ARCHIVE_PAGES + 1, 2)).toBe(2);
    expect(searchWorkerCount(110000, 1)).toBe(1);
  });
});
