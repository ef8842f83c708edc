import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../../lib/content/index.ts";
import {
  recordContent,
  recordPresence,
  type SearchRecordSource,
  searchPageSources,
  TITLE_SLOT,
  toCustomRecord,
  toRecordSource,
} from "../../../lib/search/records.ts";
import { markdownToText } from "../../../lib/search/text.ts";
import * as searchTokens from "../../../lib/search-protocol/index.ts";
import { articleFile, createFixtureSite } from "../../helpers/fixture.ts";

const site = createFixtureSite({
  "content/articles/2021/kjhz.md": articleFile(
    { title: "沪克科技合作", date: "2021-12-06 09:30", column: "工作动态", tags: ["区域合作"] },
    "第一段**加粗**。\n\n| 表 | 格 |\n| --- | --- |\n| 独山子 | 5G |\n",
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
  const content = loadCatalog({ root: site.root });
  const sources = searchPageSources(content).map(toRecordSource);

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
    expect(decoded.startsWith("沪克科技合作¶第一段加粗。")).toBe(true);
    expect(decoded).toContain("独山子");
    expect(decoded).toContain("区域合作");
    // The check refuses scripts in a body (lib/content/body-checks.ts); the index would drop one anyway.
    expect(markdownToText("第一段\n\n<script>alert(1)</script>\n")).not.toContain("alert");
  });

  it("pads the title to TITLE_SLOT positions with title marks and marks each block end, so positions tell title from body", () => {
    const content = recordContent("科技合作", "第一段\n第二段");
    const words = content.split(" ");
    const title = searchTokens.indexText("科技合作").split(" ");
    expect(words.slice(0, title.length)).toEqual(title);
    expect(words.slice(title.length, TITLE_SLOT)).toEqual(Array(TITLE_SLOT - title.length).fill("¶"));
    expect(words[TITLE_SLOT]).toBe("第一");
    expect(words).toContain("§");
    expect(searchTokens.decodeIndexText(content)).toBe("科技合作¶第一段\n第二段");
    const long = "很".repeat(TITLE_SLOT + 5);
    const padded = recordContent(long, "正文").split(" ");
    expect(padded.filter((word) => word === "¶")).toHaveLength(1);
  });

  it("finds, block by block, the presence keys of the whole text and of the title", () => {
    const source = { title: "“十四五”科技规划", text: "第一段 5G 基站\n第二段𠀀字\n\nSmart-City 项目" };
    const { keys, titleKeys, titleKey } = recordPresence(source);
    const whole = searchTokens.presenceKeys(source.text, searchTokens.presenceKeys(source.title));
    expect([...keys].sort()).toEqual([...whole].sort());
    expect([...titleKeys].sort()).toEqual([...searchTokens.presenceKeys(source.title)].sort());
    expect(titleKey).toBe(searchTokens.titleKey(source.title));
  });

  it("read Markdown as plain text, one line per block, entities decoded and scripts dropped", () => {
    expect(markdownToText("## 小标题\n\n甲&amp;乙 [链接](/a/)\n下一行\n\n<div>块<script>x()</script></div>\n")).toBe(
      "小标题\n甲&乙 链接 下一行\n块",
    );
  });
});
