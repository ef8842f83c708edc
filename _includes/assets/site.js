/*
 * 克拉玛依市科学技术局 — small page enhancements (plain ES2019, no dependencies).
 * Loaded with `defer` on every page. Without it the pages work; the article tools stay hidden.
 */
(() => {
  const STORAGE_KEY = "textSize";
  const SIZES = ["large", "medium", "small"];
  const root = document.documentElement;

  // localStorage may be missing or throw (WeChat, private browsing, disabled storage).
  function readStoredSize() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (_error) {
      return null;
    }
  }

  function storeSize(size) {
    try {
      window.localStorage.setItem(STORAGE_KEY, size);
    } catch (_error) {
      // Not remembered; the size still applies to this page.
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

  function init() {
    applySize(readStoredSize());

    document.querySelectorAll("[data-article-tools]").forEach((tools) => {
      tools.hidden = false;
    });

    sizeButtons().forEach((button) => {
      button.addEventListener("click", () => {
        storeSize(applySize(button.dataset.textSize));
      });
    });

    document.querySelectorAll("[data-print]").forEach((button) => {
      button.addEventListener("click", () => {
        window.print();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
