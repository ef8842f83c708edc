import { describe, expect, it } from "vitest";
import { highlightRanges } from "../../../../lib/browser/search/highlight.ts";
import { phraseKey, queryPhrases } from "../../../../lib/search-protocol/index.ts";

const marked = (text: string, query: string) =>
  highlightRanges(phraseKey(text), queryPhrases(query), query).map(([start, end]) => text.slice(start, end));

describe("highlightRanges", () => {
  it("marks every place the query stands verbatim, across punctuation and full-width letters", () => {
    expect(marked("“十四五”规划与十四五规划", "十四五规划")).toEqual(["十四五”规划", "十四五规划"]);
    expect(marked("推进５Ｇ网络建设", "5g网络")).toEqual(["５Ｇ网络"]);
  });

  it("marks each part of a query of several parts, in text order", () => {
    expect(marked("产业发展与科技合作", "科技 产业")).toEqual(["产业", "科技"]);
  });

  it("marks the query's words when no part stands verbatim", () => {
    expect(marked("科技部门开展合作", "科技合作")).toEqual(["科技", "合作"]);
    expect(marked("没有关系", "量子")).toEqual([]);
  });
});
