import { describe, expect, it } from "vitest";
import { documentDate, markSalutation } from "../../../lib/render/filters/official-document.ts";
import { createMarkdown } from "../../../lib/shared/markdown.ts";

const render = (markdown: string) => markSalutation(createMarkdown().render(markdown));

describe("markSalutation", () => {
  it("sets a salutation that opens the body flush left", () => {
    expect(render("各区科技主管部门，各有关单位：\n\n现将有关事项通知如下。")).toBe(
      '<p class="doc-salutation">各区科技主管部门，各有关单位：</p>\n<p>现将有关事项通知如下。</p>\n',
    );
  });

  it("leaves a body alone that opens with a sentence, a list's lead-in, a heading or a salutation further down", () => {
    for (const body of [
      "根据有关规定，现予以公示：名单如下。",
      "现将有关事项通知如下：\n\n1. 申报范围",
      "## 一、申报范围\n\n各有关单位：",
      "正文。\n\n各有关单位：",
      "各有关单位：现组织申报。",
    ])
      expect(render(body)).not.toContain("doc-salutation");
  });

  it("only ever adds its own class, whatever the editor's HTML", () => {
    expect(render('<p class="doc-salutation" style="color:red">正文。</p>')).toBe("<p>正文。</p>");
  });
});

describe("documentDate", () => {
  it("writes a 成文日期 as official documents do, without leading zeros", () => {
    expect(documentDate("2024-01-05")).toBe("2024年1月5日");
    expect(documentDate("2023-11-15T00:00:00+08:00")).toBe("2023年11月15日");
  });
});
