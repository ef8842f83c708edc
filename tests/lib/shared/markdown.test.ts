import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../../lib/shared/markdown.ts";

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

  it("keeps site images with an alt and drops images from other sites or without a safe source", () => {
    const document = render(
      '![图](/files/a.png)\n\n<img src="/files/b.png" width="100%" height="20">\n\n<img src="https://evil.example/x.png">\n\n<IMG SRC="JaVaScRiPt:alert(1)">',
    );
    const images = [...document.querySelectorAll("img")];
    expect(images.map((image) => image.getAttribute("src"))).toEqual(["/files/a.png", "/files/b.png"]);
    expect(images.map((image) => image.getAttribute("alt"))).toEqual(["图", ""]);
    expect(images[1]?.hasAttribute("width")).toBe(false);
    expect(images[1]?.getAttribute("height")).toBe("20");
  });

  it("turns a level-one heading into h2, since the page title is the only h1", () => {
    const document = render("# 一级标题");
    expect(document.querySelector("h1")).toBeNull();
    expect(document.querySelector("h2")?.textContent).toBe("一级标题");
  });

  it("drops style, class and id attributes from pasted Word tables", () => {
    const document = render(
      '<table style="width:100%" class="MsoTable"><tr><td id="x" style="color:red">单位</td></tr></table>',
    );
    expect(document.querySelector("[style], [class], td[id]")).toBeNull();
  });

  it("does not turn bare text into links", () => {
    expect(render("访问 www.example.gov.cn 了解").querySelector("a")).toBeNull();
  });
});
