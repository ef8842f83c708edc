import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { BODY_SIZES, type ImagePlan, replacePictures, shareImage } from "../../../lib/images/index.ts";
import { planPicture } from "../../../lib/images/plan.ts";
import { createMarkdown } from "../../../lib/shared/index.ts";

const photo = planPicture("/files/2024/会议.jpg", "/site/content/files/2024/会议.jpg", {
  key: "ab".repeat(32),
  kind: "photo",
  format: "jpeg",
  width: 4000,
  height: 3000,
});
const plan: ImagePlan = {
  pictures: new Map([[photo.source, photo]]),
  leads: new Map([["/articles/2024/a/", { source: photo.source, alt: "会议现场" }]]),
};
const render = (markdown: string) =>
  parseHTML(`<main>${replacePictures(createMarkdown().render(markdown), plan)}</main>`).document;

describe("replacePictures", () => {
  it("turns a photo alone in its paragraph into a figure with its description as the caption and 查看原图", () => {
    const document = render("![局领导调研 <科技> 企业](/files/2024/会议.jpg)\n");
    const figure = document.querySelector("figure.photo");
    expect(document.querySelector("p")).toBeNull();
    expect(figure?.querySelector("figcaption")?.textContent).toBe(
      "局领导调研 <科技> 企业 查看原图：局领导调研 <科技> 企业",
    );
    expect(figure?.querySelector("figcaption a")?.getAttribute("href")).toBe("/files/2024/%E4%BC%9A%E8%AE%AE.jpg");
    const source = figure?.querySelector("picture source");
    expect(source?.getAttribute("type")).toBe("image/webp");
    expect(source?.getAttribute("sizes")).toBe(BODY_SIZES);
    expect(
      source
        ?.getAttribute("srcset")
        ?.split(", ")
        .map((entry) => entry.split(" ")[1]),
    ).toEqual(["480w", "720w", "1080w", "1440w"]);
    const img = figure?.querySelector("picture img");
    expect(img?.getAttribute("alt")).toBe("局领导调研 <科技> 企业");
    expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["2000", "1500"]);
    expect(img?.getAttribute("src")).toMatch(/^\/files\/2024\/%E4%BC%9A%E8%AE%AE\.abababab\.720\.jpg$/);
  });

  it("loads the body's first photo eagerly, with high priority near the top, and every other lazily", () => {
    const images = [
      ...render("开头一句。\n\n![一](/files/2024/会议.jpg)\n\n![二](/files/2024/会议.jpg)\n").querySelectorAll("img"),
    ];
    expect(images.map((img) => [img.getAttribute("loading"), img.getAttribute("fetchpriority")])).toEqual([
      [null, "high"],
      ["lazy", null],
    ]);
    const late = render(`${"很长的一段正文。".repeat(20)}\n\n![一](/files/2024/会议.jpg)\n`).querySelector("img");
    expect([late?.getAttribute("loading"), late?.getAttribute("fetchpriority")]).toEqual([null, null]);
  });

  it("gives a photo inside text a picture without a figure, and leaves other images alone", () => {
    const document = render("文字 ![图](/files/2024/会议.jpg) 文字 ![别的](/files/2024/其他.jpg)\n");
    expect(document.querySelector("figure")).toBeNull();
    expect(document.querySelector("p picture img")?.getAttribute("alt")).toBe("图");
    expect(document.querySelectorAll("p > img")).toHaveLength(1);
  });
});

describe("shareImage", () => {
  it("takes a JPEG of at least 300 × 300 of the lead photo, else the site's image, as absolute addresses", () => {
    const site = { path: "/share.jpg", width: 600, height: 600 };
    expect(shareImage(plan, "https://kjj.example.gov.cn", "/articles/2024/a/", site)).toEqual({
      url: "https://kjj.example.gov.cn/files/2024/%E4%BC%9A%E8%AE%AE.abababab.720.jpg",
      width: 720,
      height: 540,
    });
    expect(shareImage(plan, "https://kjj.example.gov.cn", undefined, site)).toEqual({
      url: "https://kjj.example.gov.cn/share.jpg",
      width: 600,
      height: 600,
    });
  });
});
