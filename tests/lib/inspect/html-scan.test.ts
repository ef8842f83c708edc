import { describe, expect, it } from "vitest";
import { datedListEntries, decodeEntities, footerText, metaTags } from "../../../lib/inspect/html-scan.ts";

describe("reading built pages without a DOM", () => {
  it("decodes named and numeric character references", () => {
    expect(decodeEntities("A&amp;B &lt;&#x4e2d;&#22269;&gt; &quot;x&quot; &unknown;")).toBe('A&B <中国> "x" &unknown;');
  });

  it("reads head meta in any attribute order, the first of each name, not from the body", () => {
    const html =
      '<html><head><meta charset="utf-8"><meta content="标题 &amp; 副题" name="ArticleTitle"><meta name=SiteIDCode content=\'6502000011\'><meta name="ArticleTitle" content="第二个"></head><body><meta name="X" content="y"></body></html>';
    expect([...metaTags(html)]).toEqual([
      ["ArticleTitle", "标题 & 副题"],
      ["SiteIDCode", "6502000011"],
    ]);
  });

  it("reads the footer's text and the dated entries, leaving out the empty placeholder", () => {
    const html = `<footer><p>主办单位：<b>某局</b></p><a href="#">新ICP备05001034号</a></footer>
      <ul class="dated-list"><li><a href="/a/">甲 &amp; 乙</a> <time datetime="2024-05-20T00:00:00+08:00">2024-05-20</time></li>
      <li><a href="/b/">无日期</a></li><li class="empty">暂无文章</li></ul><ul class="other"><li>x</li></ul>`;
    expect(footerText(html)).toBe("主办单位： 某局 新ICP备05001034号");
    expect(datedListEntries(html)).toEqual([
      { text: "甲 & 乙 2024-05-20", datetime: "2024-05-20T00:00:00+08:00" },
      { text: "无日期", datetime: undefined },
    ]);
  });
});
