import { cleanSettings, SETTINGS_KEY, type Settings } from "../settings.ts";
import type { SiteA11y, Toolbar } from "../site-api.ts";
import { applyToRoot, each } from "./attributes.ts";
import { loadSettings, type StorageSource, saveSettings } from "./store.ts";

/**
 * The settings API of a page (published as window.siteA11y): the saved settings, applied to <html> (`root`)
 * and the page's buttons, changed and saved by `set`, and the toolbar, loaded once when first needed
 * from the URLs in the site script's data-toolbar and data-toolbar-css attributes. Follows the
 * settings saved by another tab.
 */
export function createSiteA11y(root: Element, storage: StorageSource, script: Element | null): SiteA11y {
  const listeners: ((settings: Settings) => void)[] = [];
  const pending: ((toolbar: Toolbar) => void)[] = [];
  let requested = false;

  function apply() {
    const settings = api.settings;
    applyToRoot(root, settings);
    each("button[data-text-size]", (button) => {
      button.setAttribute("aria-pressed", String(button.dataset.textSize === settings.textSize));
    });
    each("button[data-contrast-toggle]", (button) => {
      button.setAttribute("aria-pressed", String(settings.contrast !== "normal"));
    });
    each("button[data-a11y-toggle]", (button) => {
      button.setAttribute("aria-expanded", String(Boolean(settings.open && api.toolbar)));
    });
  }

  function changed(settings: Settings) {
    api.settings = settings;
    apply();
    listeners.forEach((listener) => {
      listener(settings);
    });
  }

  function withToolbar(then?: (toolbar: Toolbar) => void) {
    if (then) pending.push(then);
    if (api.toolbar) api.ready(api.toolbar);
    if (requested || api.toolbar || !script || !script.getAttribute("data-toolbar")) return;
    requested = true;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = script.getAttribute("data-toolbar-css") as string;
    api.stylesheet = link;
    const element = document.createElement("script");
    element.src = script.getAttribute("data-toolbar") as string;
    element.onerror = () => {
      requested = false;
    };
    document.head.append(link, element);
  }

  const api: SiteA11y = {
    settings: loadSettings(storage),
    apply,
    withToolbar,
    set(changes) {
      const settings = cleanSettings(Object.assign({}, api.settings, changes));
      saveSettings(storage, settings);
      changed(settings);
    },
    onChange(listener) {
      listeners.push(listener);
    },
    ready(toolbar) {
      api.toolbar = toolbar;
      pending.splice(0).forEach((then) => {
        then(toolbar);
      });
      apply();
    },
  };
  // Settings changed in another tab.
  window.addEventListener("storage", (event) => {
    if (event.key === SETTINGS_KEY) changed(loadSettings(storage));
  });
  return api;
}
