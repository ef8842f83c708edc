import { describe, expect, it } from "vitest";
import { excerptRange } from "../../../../lib/browser/search/excerpt-range.ts";

describe("excerptRange", () => {
  const cut = (text: string, hit: string, size = 20) => {
    const at = text.indexOf(hit);
    const range = excerptRange(text, at, at + hit.length, size);
    return text.slice(range.start, range.end);
  };

  it("never starts or ends inside a number or a Latin word", () => {
    const text = "开头很长的一段话没有标点符号一直写下去直到2021年是“十四五”开局之年全市推进5G网络建设";
    expect(cut(text, "开局", 14)).toMatch(/^(2021|“|开|年|是)/);
    expect(cut(text, "开局", 14)).not.toMatch(/^0?21年/);
    expect(cut(text, "推进", 8)).toMatch(/5G网络|5G$/);
  });

  it("keeps both halves of a quotation or bracket pair", () => {
    const text = "前面的文字很多很多很多很多很多“十四五”规划提出的目标要在年内完成";
    const excerpt = cut(text, "规划", 8);
    expect(excerpt.includes("”")).toBe(excerpt.includes("“"));
    const open = "今年我们提出了（关于开展科技创新工作的若干意见）这一文件";
    const start = cut(open, "提出", 10);
    expect(start.includes("（")).toBe(start.includes("）"));
  });

  it("stays in the hit's block and starts after a clause end when there is one nearby", () => {
    const text = "二、活动时间\n2026年5月20日至26日，在全市各区开展科技活动周";
    expect(cut(text, "全市", 16)).toMatch(/^(2026年|在全市)/);
    expect(cut(text, "活动时间", 60)).toContain("\n");
    expect(cut("甲乙丙，丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥", "庚辛", 12).startsWith("丁")).toBe(true);
  });
});
