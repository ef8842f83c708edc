import { describe, expect, it } from "vitest";
import { escapeHtml, normalizeNewlines } from "../../../lib/shared/index.ts";

describe("escapeHtml", () => {
  it("turns the five characters HTML gives meaning to into character references and leaves Chinese alone", () => {
    expect(escapeHtml(`科学技术局 <测试> & "引号" '单引号'`)).toBe(
      "科学技术局 &#60;测试&#62; &#38; &#34;引号&#34; &#39;单引号&#39;",
    );
  });
});

describe("normalizeNewlines", () => {
  it("drops a byte-order mark and turns CRLF and CR into LF, one line for one line", () => {
    expect(normalizeNewlines("\uFEFFa\r\nb\rc\n")).toBe("a\nb\nc\n");
  });
});
