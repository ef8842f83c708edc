import { describe, expect, it } from "vitest";
import { indexTextWithKeys } from "../../../lib/search/record-keys.ts";
import { indexText, presenceKeys } from "../../../lib/search-protocol/index.ts";

/** Texts that take every branch of the segmentation: quotes inside a run, a character outside the BMP, Latin and digits, blanks. */
const TEXTS = [
  "克拉玛依市科学技术局召开“十四五”规划座谈会",
  "2024年5G基站建设 Smart-City 项目（第二期）验收",
  "𠀀𠀁字与「引号」之间　全角空格 ＡＢＣ１２３",
  "单",
  "",
  "only latin words, no Chinese at all",
];

describe("indexTextWithKeys", () => {
  it("gives the text indexText gives and adds the keys presenceKeys gives, for every kind of text", () => {
    for (const text of TEXTS) {
      const keys = new Set<string>();
      expect(indexTextWithKeys(text, keys), text).toBe(indexText(text));
      expect([...keys].sort(), text).toEqual([...presenceKeys(text)].sort());
    }
  });

  it("adds to the keys it is given, as presenceKeys does", () => {
    const keys = new Set(["已有"]);
    indexTextWithKeys("科技", keys);
    expect([...keys].sort()).toEqual([...presenceKeys("科技", new Set(["已有"]))].sort());
  });
});
