import { describe, expect, it } from "vitest";
import * as searchTokens from "../../../lib/search-protocol/index.ts";

describe("the shared search segmentation", () => {
  it("indexes a Chinese run as overlapping bigrams plus its last character", () => {
    expect(searchTokens.indexText("科技合作")).toBe("科技 技合 合作 作");
    expect(searchTokens.indexText("年")).toBe("年");
  });

  it("turns full-width letters and digits into half-width but keeps Chinese punctuation", () => {
    expect(searchTokens.indexText("２０２１年５Ｇ，好")).toBe("2021 年 5G， 好");
    expect(searchTokens.queryTokens("２０２１年５Ｇ")).toEqual(["2021", "年", "5g"]);
  });

  it("joins Chinese characters split by a blank, not those split by a block end or sentence punctuation", () => {
    expect(searchTokens.indexText("科技 合作")).toBe("科技 技合 合作 作");
    expect(searchTokens.indexText("科技\n合作")).toBe("科技 技 合作 作");
    expect(searchTokens.indexText("科技。合作")).toBe("科技 技 。 合作 作");
  });

  it("lets quotes and brackets inside a run join its bigrams, so 十四五规划 finds “十四五”规划", () => {
    expect(searchTokens.indexText("“十四五”规划")).toBe("“ 十四 四五 五”规 规划 划");
    expect(searchTokens.queryTokens("十四五规划")).toEqual(searchTokens.queryTokens("“十四五”规划"));
  });

  it("ends a run at its last Chinese character, leaving trailing quotes to the next word", () => {
    expect(searchTokens.indexText("规划”。下一")).toBe("规划 划 ”。 下一 一");
    expect(searchTokens.indexText("（独山子）区")).toBe("（ 独山 山子 子）区 区");
  });

  it("treats CJK Extension B characters (outside the BMP) as Chinese, each one character", () => {
    expect(searchTokens.indexText("𠀀𠀁字 abc")).toBe("𠀀𠀁 𠀁字 字 abc");
    expect(searchTokens.queryTokens("𠀁字")).toEqual(["𠀁字"]);
  });

  it("splits a query into parts at blanks, bigrams of one run following each other directly", () => {
    expect(searchTokens.queryParts("2021年 5G网络")).toEqual([
      [
        { token: "2021", step: 0 },
        { token: "年", step: 0 },
      ],
      [
        { token: "5g", step: 0 },
        { token: "网络", step: 0 },
      ],
    ]);
    expect(searchTokens.queryParts("新科澳")[0]).toEqual([
      { token: "新科", step: 0 },
      { token: "科澳", step: 1 },
    ]);
  });

  it("looks up every other bigram of a long run and its last, each character covered once at least", () => {
    const tokens = (query: string) => searchTokens.queryParts(query)[0]?.map((word) => [word.token, word.step]);
    expect(tokens("新科澳化")).toEqual([
      ["新科", 0],
      ["澳化", 2],
    ]);
    expect(tokens("石化新材料")).toEqual([
      ["石化", 0],
      ["新材", 2],
      ["材料", 1],
    ]);
    expect(tokens("克拉玛依市独山子区")).toEqual([
      ["克拉", 0],
      ["玛依", 2],
      ["市独", 2],
      ["山子", 2],
      ["子区", 1],
    ]);
  });

  it("decodes the indexed text back to readable text", () => {
    for (const text of ["推进沪克川克区域科技合作，“十四五”规划。", "克拉玛依市（试行）办法", "2021年5G网络建设"]) {
      expect(searchTokens.decodeIndexText(searchTokens.indexText(text))).toBe(text);
    }
    expect(searchTokens.decodeIndexText(searchTokens.indexText("第一段\n第二段"))).toBe("第一段 第二段");
    expect(searchTokens.decodeIndexText(searchTokens.indexText("Hello World 你好"))).toBe("Hello World你好");
  });

  it("compares phrases on letters and digits only, keeping each key character's place in the text", () => {
    const { key, positions } = searchTokens.phraseKey("“十四五”规划 5Ｇ");
    expect(key).toBe("十四五规划5g");
    expect(positions).toEqual([1, 2, 3, 5, 6, 8, 9]);
    expect(searchTokens.queryPhrases("“十四五”规划  ５Ｇ")).toEqual(["十四五规划", "5g"]);
  });
});
