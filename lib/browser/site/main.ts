/*
 * site.js — page enhancements and the reader's settings, on every page. Loaded in <head> without
 * `defer`, so the saved settings (localStorage "a11y") are applied to <html> as attributes styled by
 * site.css before the first paint. Loads the 无障碍 toolbar (URLs in this script's data attributes)
 * when it is opened, or at once when a saved setting needs it live. Without this script the page
 * works and its buttons stay hidden (data-needs-script). See docs/accessibility.md.
 */
import { createSiteA11y } from "./api.ts";
import { addImageAlternatives, isSearchWithQuery, wireButtons } from "./page.ts";

const root = document.documentElement;
const api = createSiteA11y(root, () => window.localStorage, document.currentScript);
window.siteA11y = api;

// Alt+Shift+A (by the key's place, whatever the layout): open the toolbar and focus it.
document.addEventListener("keydown", (event) => {
  if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === "KeyA") {
    event.preventDefault();
    api.withToolbar((toolbar) => {
      toolbar.open(true);
    });
  }
});

// Before the first paint: only <html> exists yet, and that is all this touches. data-script shows
// the controls that need this script (data-needs-script) in the first layout, so nothing moves.
root.setAttribute("data-script", "");
api.apply();
if (isSearchWithQuery(window.location)) root.classList.add("search-pending");
const live = api.settings;
if (live.open || live.crosshair || live.captions || live.pointRead || live.cursor) api.withToolbar();

function init() {
  api.apply();
  addImageAlternatives();
  wireButtons(api);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
