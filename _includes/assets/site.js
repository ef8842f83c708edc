/*
 * 克拉玛依市科学技术局 — small page enhancements (plain ES2019, no dependencies).
 * Loaded in <head> without `defer` on every page, so the reader's remembered text size and
 * contrast apply before the first paint; the buttons are wired once the document is parsed.
 * Without it the pages work; the article tools and the contrast toggle stay hidden.
 */
(() => {
  const STORAGE_KEY = "textSize";
  const CONTRAST_KEY = "contrast";
  const SIZES = ["large", "medium", "small"];
  const root = document.documentElement;

  // localStorage may be missing or throw (WeChat, private browsing, disabled storage).
  function readStored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (_error) {
      return null;
    }
  }

  function store(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (_error) {
      // Not remembered; the setting still applies to this page.
    }
  }

  // Only buttons: <html> itself carries data-text-size once a size is chosen.
  function sizeButtons() {
    return document.querySelectorAll("button[data-text-size]");
  }

  function applySize(size) {
    const value = SIZES.indexOf(size) === -1 ? "medium" : size;
    if (value === "medium") {
      root.removeAttribute("data-text-size");
    } else {
      root.dataset.textSize = value;
    }
    sizeButtons().forEach((button) => {
      button.setAttribute("aria-pressed", button.dataset.textSize === value ? "true" : "false");
    });
    return value;
  }

  // High contrast (高对比度): <html data-contrast="high">, styled at the end of site.css.
  function contrastButtons() {
    return document.querySelectorAll("button[data-contrast-toggle]");
  }

  function applyContrast(value) {
    const high = value === "high";
    if (high) {
      root.dataset.contrast = "high";
    } else {
      root.removeAttribute("data-contrast");
    }
    contrastButtons().forEach((button) => {
      button.setAttribute("aria-pressed", high ? "true" : "false");
    });
    return high ? "high" : "normal";
  }

  function init() {
    applySize(readStored(STORAGE_KEY));
    applyContrast(readStored(CONTRAST_KEY));

    document.querySelectorAll("[data-article-tools], [data-contrast-toggle]").forEach((element) => {
      element.hidden = false;
    });

    sizeButtons().forEach((button) => {
      button.addEventListener("click", () => {
        store(STORAGE_KEY, applySize(button.dataset.textSize));
      });
    });

    contrastButtons().forEach((button) => {
      button.addEventListener("click", () => {
        store(CONTRAST_KEY, applyContrast(button.getAttribute("aria-pressed") === "true" ? "normal" : "high"));
      });
    });

    document.querySelectorAll("[data-print]").forEach((button) => {
      button.addEventListener("click", () => {
        window.print();
      });
    });
  }

  // Before the first paint: only <html> exists yet, and that is all these touch.
  applySize(readStored(STORAGE_KEY));
  applyContrast(readStored(CONTRAST_KEY));

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
