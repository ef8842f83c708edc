import type { SiteA11y } from "../site-api.ts";
import { each } from "./attributes.ts";

/** Plain-text mode hides images: their text alternative (「［图片：…］」) is added after each, shown in their place. */
export function addImageAlternatives(): void {
  each<HTMLImageElement>("main img[alt]", (image) => {
    const text = (image.getAttribute("alt") as string).trim();
    if (!text) return;
    const span = document.createElement("span");
    span.className = "plain-alt";
    span.textContent = `［图片：${text}］`;
    image.after(span);
  });
}

/** The page's own buttons: text size, contrast, the 无障碍 toggle and print. */
export function wireButtons(api: SiteA11y): void {
  each("button[data-text-size]", (button) => {
    button.addEventListener("click", () => {
      api.set({ textSize: button.dataset.textSize as SiteA11y["settings"]["textSize"] });
    });
  });
  each("button[data-contrast-toggle]", (button) => {
    button.addEventListener("click", () => {
      api.set({ contrast: api.settings.contrast === "normal" ? "high" : "normal" });
    });
  });
  each("button[data-a11y-toggle]", (button) => {
    button.addEventListener("click", () => {
      api.withToolbar((toolbar) => {
        toolbar.toggle();
      });
    });
  });
  each("[data-print]", (button) => {
    button.addEventListener("click", () => {
      window.print();
    });
  });
}

/** Whether a page is the search page with a query, which keeps room for its results so they push nothing on screen (CLS). */
export function isSearchWithQuery(location: Pick<Location, "pathname" | "search">): boolean {
  return /^\/search\/?$/.test(location.pathname) && /[?&]q=[^&]/.test(location.search);
}
