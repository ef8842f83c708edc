import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { cleanSettings } from "../../../../lib/browser/settings.ts";
import { applyToRoot } from "../../../../lib/browser/site/attributes.ts";
import { isSearchWithQuery } from "../../../../lib/browser/site/page.ts";

describe("applyToRoot", () => {
  it("sets an attribute of <html> for each setting away from its default, and removes it again", () => {
    const { document } = parseHTML("<html><body></body></html>");
    const root = document.documentElement;
    applyToRoot(root, cleanSettings({ textSize: "large", contrast: "yellow", zoom: 175, plain: true, cursor: true }));
    expect(root.getAttribute("data-text-size")).toBe("large");
    expect(root.getAttribute("data-contrast")).toBe("yellow");
    expect(root.getAttribute("data-zoom")).toBe("175");
    expect(root.getAttribute("data-plain")).toBe("");
    expect(root.getAttribute("data-cursor")).toBe("large");
    applyToRoot(root, cleanSettings(null));
    for (const name of ["data-text-size", "data-contrast", "data-zoom", "data-plain", "data-cursor"])
      expect(root.hasAttribute(name)).toBe(false);
  });
});

describe("isSearchWithQuery", () => {
  it("is true on /search/ with a non-empty q only", () => {
    expect(isSearchWithQuery({ pathname: "/search/", search: "?q=科技" })).toBe(true);
    expect(isSearchWithQuery({ pathname: "/search", search: "?year=2024&q=a" })).toBe(true);
    expect(isSearchWithQuery({ pathname: "/search/", search: "?q=" })).toBe(false);
    expect(isSearchWithQuery({ pathname: "/news/search/", search: "?q=a" })).toBe(false);
  });
});
