import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../lib/markdown.ts";

const render = (source: string) => parseHTML(`<div id="root">${createMarkdown().render(source)}</div>`).document;

describe("createMarkdown", () => {
  it("renders section headings and paragraphs", () => {
    const document = render("引言。\n\n## 加强科技合作\n\n正文。");
    expect(document.querySelector("h2")?.textContent).toBe("加强科技合作");
    expect(document.querySelectorAll("p")).toHaveLength(2);
  });

  it("keeps pasted tables", () => {
    const document = render('<table><tr><td colspan="2">单位</td></tr></table>');
    expect(document.querySelector("td")?.getAttribute("colspan")).toBe("2");
  });

  it("removes scripts, event handlers and javascript: links", () => {
    const document = render(
      '<script>alert(1)</script><img src="x.png" onerror="alert(1)"><a href="javascript:alert(1)">链接</a><iframe src="https://evil.example"></iframe>',
    );
    expect(document.querySelector("script, iframe")).toBeNull();
    expect(document.querySelector("img")?.hasAttribute("onerror")).toBe(false);
    expect(document.querySelector("a")?.hasAttribute("href")).toBe(false);
  });

  it("does not turn bare text into links", () => {
    expect(render("访问 www.example.gov.cn 了解").querySelector("a")).toBeNull();
  });
});
