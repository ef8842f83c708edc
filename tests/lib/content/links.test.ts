import { describe, expect, it } from "vitest";
import { findBodyLinks, isSafeLink, linkScheme, sitePath } from "../../../lib/content/links.ts";

describe("findBodyLinks", () => {
  it("finds Markdown links, images and raw HTML href and src with their lines", () => {
    const body =
      '第一行 [a](/x/)\n\n![图](/files/p.png "标题")\n<a href="https://www.gov.cn/">b</a> <img src=/y.png>\n';
    expect(findBodyLinks(body)).toEqual([
      { target: "/x/", line: 1 },
      { target: "/files/p.png", line: 3 },
      { target: "https://www.gov.cn/", line: 4 },
      { target: "/y.png", line: 4 },
    ]);
  });

  it("keeps the whole quoted value of an HTML attribute, blanks included, so a split scheme is still seen", () => {
    const body = "<a href=\" java\tscript:alert(1)\">x</a>\n<a href=' javascript:alert(2)'>y</a>\n";
    const links = findBodyLinks(body);
    expect(links).toEqual([
      { target: " java\tscript:alert(1)", line: 1 },
      { target: " javascript:alert(2)", line: 2 },
    ]);
    for (const link of links) expect(isSafeLink(link.target)).toBe(false);
  });
});

describe("linkScheme and isSafeLink", () => {
  it("sees through case, entities, blanks and control characters", () => {
    for (const target of [
      "javascript:alert(1)",
      "JaVaScRiPt:x",
      "&#x6A;avascript:x",
      "&#106;avascript:x",
      " java\tscript:x",
      "java&Tab;script:x",
    ]) {
      expect(linkScheme(target), target).toBe("javascript");
      expect(isSafeLink(target), target).toBe(false);
    }
  });

  it("allows web, mail and phone links and relative links", () => {
    for (const target of [
      "https://x.gov.cn/",
      "http://x.gov.cn/",
      "mailto:a@b.cn",
      "tel:0990",
      "/a/",
      "a.html",
      "#top",
    ]) {
      expect(isSafeLink(target), target).toBe(true);
    }
    expect(isSafeLink("data:text/html,x")).toBe(false);
  });
});

describe("sitePath", () => {
  it("strips query and fragment and percent-decodes", () => {
    expect(sitePath("/files/%E9%80%9A%E7%9F%A5.pdf?v=1#p2")).toBe("/files/通知.pdf");
    expect(sitePath("https://x.gov.cn/")).toBeUndefined();
    expect(sitePath("//evil.example/")).toBeUndefined();
  });
});
