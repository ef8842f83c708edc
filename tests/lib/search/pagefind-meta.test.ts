import { describe, expect, it } from "vitest";
import { chunkFinder, compareCodePoints, type IndexChunk } from "../../../lib/search/pagefind-meta.ts";

describe("compareCodePoints", () => {
  it("orders strings as the bytes of their UTF-8, astral characters after U+FF01", () => {
    const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    const words = ["１", "𠀀", "科技", "科", "a", "", "ab", "\uE000", "龙", "𪚥字", "，"];
    const sorted = [...words].sort(compareCodePoints);
    expect(sorted).toEqual([...words].sort(utf8Order));
    // JavaScript's own order puts the astral 𠀀 (a surrogate pair) before U+E000 and U+FF11.
    expect([...words].sort()).not.toEqual(sorted);
    expect(compareCodePoints("科技", "科技")).toBe(0);
  });
});

describe("chunkFinder", () => {
  // As Pagefind writes them: the bounds are the shortest prefixes that tell neighbouring words apart
  // (the last word of x_2 is 保护, written 保).
  const chunks: IndexChunk[] = [
    { from: "一", to: "产业", hash: "x_1" },
    { from: "人才", to: "保", hash: "x_2" },
    { from: "克", to: "科技", hash: "x_3" },
    { from: "科普", to: "𠀀", hash: "x_4" },
  ];

  it("names the chunk whose range holds each key, walking keys in order", () => {
    const chunkOf = chunkFinder(chunks);
    expect(["一", "产业", "人才", "克", "创新", "科技", "科普", "龙", "𠀀"].map(chunkOf)).toEqual([
      "x_1",
      "x_1",
      "x_2",
      "x_3",
      "x_3",
      "x_3",
      "x_4",
      "x_4",
      "x_4",
    ]);
  });

  it("names the chunk whose upper bound starts a word past its range, where Pagefind looks again", () => {
    const chunkOf = chunkFinder(chunks);
    expect(chunkOf("保护")).toBe("x_2");
    expect(chunkOf("保护区")).toBe("x_2");
    expect(chunkOf("克")).toBe("x_3");
  });

  it("names no chunk for a key between two ranges or past the last, and starts over for a key out of order", () => {
    const chunkOf = chunkFinder(chunks);
    expect(chunkOf("亭")).toBe("");
    expect(chunkOf("𠀁")).toBe("");
    expect(chunkOf("a保")).toBe("");
    expect(chunkOf("人才")).toBe("x_2");
  });
});
