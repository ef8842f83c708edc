import { describe, expect, it } from "vitest";
import { canonicalUrl, siteDomain } from "../../../lib/shared/urls.ts";

describe("canonicalUrl", () => {
  it("joins the origin and the path", () => {
    expect(canonicalUrl("https://kjj.klmy.gov.cn", "/articles/2021/a/")).toBe(
      "https://kjj.klmy.gov.cn/articles/2021/a/",
    );
  });

  it("percent-encodes characters that are not allowed in a URL", () => {
    expect(canonicalUrl("https://kjj.klmy.gov.cn", "/files/通知 1.pdf")).toBe(
      "https://kjj.klmy.gov.cn/files/%E9%80%9A%E7%9F%A5%201.pdf",
    );
  });

  it("does not encode twice", () => {
    expect(canonicalUrl("https://x.gov.cn", "/a%20b/")).toBe("https://x.gov.cn/a%20b/");
  });
});

describe("siteDomain", () => {
  it("is the host of the origin", () => {
    expect(siteDomain("https://kjj.klmy.gov.cn")).toBe("kjj.klmy.gov.cn");
  });
});
