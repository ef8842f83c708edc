/*
 * 克拉玛依市科学技术局 — page enhancements and the reader's settings (plain ES2019: WeChat's
 * Chromium-78 class engine). Loaded in <head> without `defer`, so the saved settings (localStorage
 * "a11y") are applied to <html> as attributes styled by site.css before the first paint. Loads the
 * 无障碍 toolbar (URLs in this element's data attributes) when it is opened, or at once when a
 * saved setting needs it live. Without this script the page works and its buttons stay hidden (data-needs-script).
 * See docs/accessibility.md.
 */
/* biome-ignore-all lint/complexity/useOptionalChain: WeChat's Chromium-78 class engine has no optional chaining */

(() => {
  const KEY = "a11y";
  const root = document.documentElement;
  const script = document.currentScript;
  // The first value of each is the default.
  const CHOICES = {
    textSize: ["medium", "large", "small"],
    contrast: ["normal", "high", "yellow", "blue"],
    zoom: [100, 125, 150, 175, 200],
    rate: [1, 0.75, 1.25],
  };
  const SWITCHES = ["plain", "cursor", "crosshair", "captions", "pointRead", "open"];
  const listeners = [];
  const pending = [];
  let requested = false;

  // localStorage may be missing or throw (WeChat, private browsing): then nothing is remembered.
  function storage(action) {
    try {
      return action(window.localStorage);
    } catch (_error) {
      return null;
    }
  }

  /** Anything stored → complete, valid settings. */
  function clean(data) {
    const settings = {};
    Object.keys(CHOICES).forEach((name) => {
      settings[name] = data && CHOICES[name].indexOf(data[name]) !== -1 ? data[name] : CHOICES[name][0];
    });
    SWITCHES.forEach((name) => {
      settings[name] = Boolean(data && data[name] === true);
    });
    return settings;
  }

  function save(settings) {
    storage((store) => {
      store.setItem(KEY, JSON.stringify(settings));
      store.removeItem("textSize");
      store.removeItem("contrast");
    });
  }

  /** The saved settings; the first time, those of the old text-size and contrast buttons. */
  function load() {
    let data = null;
    try {
      data = JSON.parse(storage((store) => store.getItem(KEY)) || "null");
    } catch (_error) {}
    if (data && typeof data === "object") return clean(data);
    const old = storage((store) => ({ textSize: store.getItem("textSize"), contrast: store.getItem("contrast") }));
    const settings = clean(old);
    if (old && (old.textSize || old.contrast)) save(settings);
    return settings;
  }

  function attribute(name, value) {
    if (value === null) root.removeAttribute(name);
    else root.setAttribute(name, value);
  }

  function each(selector, action) {
    document.querySelectorAll(selector).forEach(action);
  }

  /** Settings → attributes of <html> and the state of the page's own buttons. */
  function apply() {
    const settings = api.settings;
    attribute("data-text-size", settings.textSize === "medium" ? null : settings.textSize);
    attribute("data-contrast", settings.contrast === "normal" ? null : settings.contrast);
    attribute("data-zoom", settings.zoom === 100 ? null : String(settings.zoom));
    attribute("data-plain", settings.plain ? "" : null);
    attribute("data-cursor", settings.cursor ? "large" : null);
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

  function changed(settings) {
    api.settings = settings;
    apply();
    listeners.forEach((listener) => {
      listener(settings);
    });
  }

  /** Loads the toolbar's script and styles once, then runs `then(toolbar)`. */
  function withToolbar(then) {
    if (then) pending.push(then);
    if (api.toolbar) api.ready(api.toolbar);
    if (requested || api.toolbar || !script || !script.getAttribute("data-toolbar")) return;
    requested = true;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = script.getAttribute("data-toolbar-css");
    api.stylesheet = link;
    const element = document.createElement("script");
    element.src = script.getAttribute("data-toolbar");
    element.onerror = () => {
      requested = false;
    };
    document.head.append(link, element);
  }

  const api = {
    settings: load(),
    choices: CHOICES,
    apply,
    withToolbar,
    /** Changes, applies and remembers settings, and tells the toolbar. */
    set(changes) {
      const settings = clean(Object.assign({}, api.settings, changes));
      save(settings);
      changed(settings);
    },
    onChange(listener) {
      listeners.push(listener);
    },
    /** Called by a11y-toolbar.js once it is ready. */
    ready(toolbar) {
      api.toolbar = toolbar;
      pending.splice(0).forEach((then) => {
        then(toolbar);
      });
      apply();
    },
  };
  window.siteA11y = api;

  function init() {
    apply();
    // Plain-text mode hides images: their text alternative shows in their place.
    each("main img[alt]", (image) => {
      const text = image.getAttribute("alt").trim();
      if (!text) return;
      const span = document.createElement("span");
      span.className = "plain-alt";
      span.textContent = `［图片：${text}］`;
      image.after(span);
    });
    each("button[data-text-size]", (button) => {
      button.addEventListener("click", () => {
        api.set({ textSize: button.dataset.textSize });
      });
    });
    each("button[data-contrast-toggle]", (button) => {
      button.addEventListener("click", () => {
        api.set({ contrast: api.settings.contrast === "normal" ? "high" : "normal" });
      });
    });
    each("button[data-a11y-toggle]", (button) => {
      button.addEventListener("click", () => {
        withToolbar((toolbar) => {
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

  // Alt+Shift+A (by the key's place, whatever the layout): open the toolbar and focus it.
  document.addEventListener("keydown", (event) => {
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === "KeyA") {
      event.preventDefault();
      withToolbar((toolbar) => {
        toolbar.open(true);
      });
    }
  });

  // Settings changed in another tab.
  window.addEventListener("storage", (event) => {
    if (event.key === KEY) changed(load());
  });

  // Before the first paint: only <html> exists yet, and that is all this touches. data-script shows
  // the controls that need this script (data-needs-script) in the first layout, so nothing moves.
  root.setAttribute("data-script", "");
  apply();
  // A search page with a query keeps room for its results, so they push nothing on screen (CLS).
  if (/^\/search\/?$/.test(window.location.pathname) && /[?&]q=[^&]/.test(window.location.search)) {
    root.classList.add("search-pending");
  }
  const live = api.settings;
  if (live.open || live.crosshair || live.captions || live.pointRead || live.cursor) withToolbar();

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
