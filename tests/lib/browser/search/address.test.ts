import { describe, expect, it } from "vitest";
import { formAddress, readAddress } from "../../../../lib/browser/search/address.ts";
import { toCustomRecord } from "../../../../lib/search/records.ts";

describe("readAddress", () => {
  it("reads the query, the filters as Pagefind names them and the order", () => {
    expect(readAddress("?q=%20科技合作%20&column=工作动态&year=2024&type=&sort=date")).toEqual({
      query: "科技合作",
      filters: { 栏目: "工作动态", 年份: "2024" },
      values: { column: "工作动态", year: "2024", type: "", validity: "" },
      byDate: true,
    });
    expect(readAddress("")).toEqual({
      query: "",
      filters: {},
      values: { column: "", year: "", type: "", validity: "" },
      byDate: false,
    });
  });

  it("asks for filters the index writes, with the values a record has", () => {
    const record = toCustomRecord({
      url: "/news/1/",
      title: "标题",
      text: "正文",
      date: "2024-05-01T10:00:00+08:00",
      type: "文章",
      column: "工作动态",
      validity: "已废止",
    });
    const { filters } = readAddress("?q=a&column=工作动态&year=2024&type=文章&validity=已废止");
    for (const [name, value] of Object.entries(filters)) expect(record.filters?.[name]).toEqual([value]);
    expect(Object.keys(filters).sort()).toEqual(Object.keys(record.filters ?? {}).sort());
  });
});

describe("formAddress", () => {
  it("keeps the filled fields, trimmed, and drops the empty ones", () => {
    const entries: [string, string][] = [
      ["q", "  5G 网络 "],
      ["column", ""],
      ["year", "2023"],
      ["sort", " "],
    ];
    const address = formAddress("/search/", entries);
    expect(address).toBe("/search/?q=5G+%E7%BD%91%E7%BB%9C&year=2023");
    expect(readAddress(address.slice(address.indexOf("?"))).query).toBe("5G 网络");
  });
});
