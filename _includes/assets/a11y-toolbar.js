/*
 * 无障碍工具条 (accessibility toolbar) — plain ES2019, no dependencies, no request to anyone.
 * Loaded by site.js only when the reader opens the toolbar (the 无障碍 button or Alt+Shift+A), or
 * on page load when a saved setting needs it live (toolbar left open, 十字光标, 大字幕, 指读).
 * The settings themselves live in site.js (window.siteA11y), which applies them to <html>; this
 * file adds the toolbar, speech (the browser's own speechSynthesis, zh-CN), the caption bar and
 * the guide lines. Details: docs/accessibility.md.
 */
/* biome-ignore-all lint/complexity/useOptionalChain: WeChat's Chromium-78 class engine has no optional chaining */

(() => {
  const api = window.siteA11y;
  if (!api || api.toolbar) return;
  const doc = document;
  const root = doc.documentElement;
  const synth = window.speechSynthesis;
  const Utterance = window.SpeechSynthesisUtterance;
  const canSpeak = Boolean(
    synth && typeof synth.speak === "function" && typeof synth.cancel === "function" && Utterance,
  );

  const RATE_NAMES = { 0.75: "慢", 1: "中", 1.25: "快" };
  const RATE_ORDER = [0.75, 1, 1.25];
  const SCHEME_NAMES = { normal: "默认", high: "高对比度", yellow: "黑底黄字", blue: "蓝底白字" };
  const SCHEME_ORDER = ["normal", "high", "yellow", "blue"];
  const DEFAULTS = {
    textSize: "medium",
    contrast: "normal",
    zoom: 100,
    rate: 1,
    plain: false,
    cursor: false,
    crosshair: false,
    captions: false,
    pointRead: false,
  };
  /** What 连读 leaves out: navigation, forms, side columns, the QR code, the tools, hidden text. */
  const SKIP =
    "nav, form, aside, .aside-column, .article-tools, .qr-block, .a11y-ui, script, style, noscript, template, [hidden], [aria-hidden='true']";
  const CONTROL = "a[href], button, input, select, textarea, summary, [role='button']";

  let section = null;
  let toolbarElement = null;
  let statusElement = null;
  let captionBar = null;
  let captionText = null;
  let crossLines = null;
  let voice = null;
  let noChineseVoice = false;
  let hoverTimer = 0;
  let lastTarget = null;
  const buttons = {};
  const reader = { state: "idle", queue: [], index: 0, token: 0, marked: null, spoken: false };

  function element(tag, attributes, text) {
    const node = doc.createElement(tag);
    Object.keys(attributes || {}).forEach((name) => {
      node.setAttribute(name, attributes[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function settings() {
    return api.settings;
  }

  function say(message) {
    if (statusElement) statusElement.textContent = message;
  }

  // ---------- Speech ----------

  function normalLang(candidate) {
    return String(candidate.lang || "")
      .replace("_", "-")
      .toLowerCase();
  }

  /**
   * A Mandarin voice: zh-CN first, then any other zh / cmn one; of each, a voice of the device
   * itself before one the browser synthesizes on its maker's servers (Chrome's "Google" voices).
   * None: the browser's default for lang zh-CN.
   */
  function pickVoice() {
    const voices = (canSpeak && typeof synth.getVoices === "function" && synth.getVoices()) || [];
    const find = (test) =>
      voices
        .filter((candidate) => test(normalLang(candidate)))
        .sort((a, b) => Number(b.localService === true) - Number(a.localService === true))[0];
    voice =
      find((lang) => lang === "zh-cn") ||
      find((lang) => /^cmn/.test(lang) && !/tw|hk/.test(lang)) ||
      find((lang) => /^zh/.test(lang) && !/hk|yue/.test(lang)) ||
      null;
    noChineseVoice = voices.length > 0 && !voice;
  }

  /** Text → sentences of at most 100 characters, so reading can pause, resume and be interrupted. */
  function sentences(text) {
    const out = [];
    const parts = text.replace(/\s+/g, " ").match(/[^。！？!?；;…]+[。！？!?；;…]*[”’」』）)]*|[。！？!?；;…]+/g) || [];
    parts.forEach((whole) => {
      let part = whole.trim();
      while (part.length > 100) {
        const comma = Math.max(part.lastIndexOf("，", 99), part.lastIndexOf("、", 99), part.lastIndexOf(",", 99));
        const cut = comma > 20 ? comma + 1 : 100;
        out.push(part.slice(0, cut).trim());
        part = part.slice(cut).trim();
      }
      if (part) out.push(part);
    });
    return out;
  }

  function mark(target) {
    if (reader.marked) reader.marked.classList.remove("a11y-reading");
    reader.marked = target;
    if (!target) return;
    target.classList.add("a11y-reading");
    const box = target.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) target.scrollIntoView({ block: "center" });
  }

  function speakNext() {
    const item = reader.queue[reader.index];
    if (!item) {
      const finished = reader.state === "playing";
      reader.state = "idle";
      reader.queue = [];
      mark(null);
      syncSpeech();
      if (finished) say("朗读完毕");
      return;
    }
    reader.token += 1;
    const token = reader.token;
    const utterance = new Utterance(item.text);
    utterance.lang = "zh-CN";
    utterance.rate = settings().rate;
    if (voice) utterance.voice = voice;
    utterance.onend = () => {
      if (token !== reader.token) return;
      reader.spoken = true;
      reader.index += 1;
      speakNext();
    };
    // Our own cancel changed the token. Another error: nothing said yet means no usable voice (a
    // browser without any, as on Linux without speech-dispatcher); later, skip the sentence.
    utterance.onerror = () => {
      if (token !== reader.token) return;
      if (reader.spoken) {
        utterance.onend();
        return;
      }
      stopReading();
      say("朗读失败：浏览器找不到可用的语音。可以在系统设置里添加中文语音，或改用手机、电脑自带的朗读功能。");
    };
    if (reader.state === "playing") mark(item.element);
    showCaption(item.text);
    synth.speak(utterance);
  }

  /** Cancels whatever is being said; utterances already queued end silently (their token is old). */
  function silence() {
    reader.token += 1;
    if (canSpeak) synth.cancel();
  }

  function startReading(items, state) {
    silence();
    reader.spoken = false;
    reader.queue = items;
    reader.index = 0;
    reader.state = items.length ? state : "idle";
    if (items.length) speakNext();
    syncSpeech();
  }

  function pauseReading() {
    if (reader.state !== "playing") return;
    silence();
    reader.state = "paused";
    syncSpeech();
    say("已暂停，按“继续”接着读");
  }

  function resumeReading() {
    if (reader.state !== "paused") return;
    reader.state = "playing";
    speakNext();
    syncSpeech();
  }

  function stopReading() {
    if (reader.state === "idle") return;
    silence();
    reader.state = "idle";
    reader.queue = [];
    mark(null);
    syncSpeech();
  }

  function hiddenElement(node) {
    const style = window.getComputedStyle(node);
    return style.display === "none" || style.visibility === "hidden";
  }

  /** Part of the line around it: display inline (an inline-block such as a tag is a piece of its own). */
  function isInline(node, cache) {
    if (!cache.has(node)) {
      const display = window.getComputedStyle(node).display;
      cache.set(node, display === "inline" || display === "contents");
    }
    return cache.get(node);
  }

  function blockOf(node, cache) {
    let block = node;
    while (block && block !== doc.body && isInline(block, cache)) block = block.parentElement;
    return block;
  }

  /** 连读: the main text from the top (title, meta line, body …) as sentences, each with its block. */
  function pageSentences() {
    const main = doc.querySelector("main");
    const items = [];
    if (!main) return items;
    const cache = new Map();
    let block = null;
    let text = "";
    const flush = () => {
      sentences(text).forEach((sentence) => {
        items.push({ text: sentence, element: block });
      });
      text = "";
    };
    const walker = doc.createTreeWalker(main, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType !== 1) return NodeFilter.FILTER_ACCEPT;
        return node.matches(SKIP) || hiddenElement(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    while (walker.nextNode()) {
      const node = walker.currentNode;
      let piece = "";
      if (node.nodeType === 3) piece = node.nodeValue;
      else if (node.tagName === "IMG" && node.getAttribute("alt")) piece = `图片：${node.getAttribute("alt")}。`;
      if (!piece.trim()) continue;
      const owner = blockOf(node.nodeType === 3 ? node.parentElement : node, cache);
      if (owner !== block) {
        flush();
        block = owner;
      }
      text += piece;
    }
    flush();
    return items;
  }

  // ---------- 指读 and 大字幕: what the pointer or the focus is on ----------

  function nameOf(node) {
    const label = node.getAttribute("aria-label");
    if (label) return label;
    const text = node.textContent.replace(/\s+/g, " ").trim();
    if (text) return text;
    const image = node.querySelector("img[alt]");
    return image ? image.getAttribute("alt") : "";
  }

  function fieldName(node) {
    if (node.labels && node.labels[0]) return nameOf(node.labels[0]);
    return node.getAttribute("aria-label") || node.getAttribute("placeholder") || "";
  }

  /** The element the reader points at: a control, an image, or the text block around the pointer. */
  function targetOf(node) {
    const start = node && node.nodeType === 1 ? node : node && node.parentElement;
    if (!start || start.closest(".a11y-captions, .a11y-cross") || !doc.body.contains(start)) return null;
    const control = start.closest(CONTROL);
    if (control) return control;
    if (start.tagName === "IMG") return start;
    const cache = new Map();
    const block = blockOf(start, cache);
    if (!block || block === doc.body || block === doc.documentElement || block.tagName === "MAIN") return null;
    // Over the padding of a container (a list, a panel): nothing in particular.
    for (let child = block.firstElementChild; child; child = child.nextElementSibling) {
      if (!isInline(child, cache) && !hiddenElement(child)) return null;
    }
    return block;
  }

  /** What 指读 says and 大字幕 shows for a target. */
  function describe(target) {
    const tag = target.tagName;
    if (tag === "A") return `链接：${nameOf(target)}`;
    if (tag === "IMG") return target.getAttribute("alt") ? `图片：${target.getAttribute("alt")}` : "";
    if (tag === "BUTTON" || target.getAttribute("role") === "button" || tag === "SUMMARY") {
      const state = target.getAttribute("aria-pressed");
      return `按钮：${nameOf(target)}${state === "true" ? "，已开启" : state === "false" ? "，未开启" : ""}`;
    }
    if (tag === "INPUT" || tag === "TEXTAREA") return `输入框：${fieldName(target)}`;
    if (tag === "SELECT") {
      const option = target.options[target.selectedIndex];
      return `选择框：${fieldName(target)}，${option ? option.textContent.trim() : ""}`;
    }
    return target.textContent.replace(/\s+/g, " ").trim();
  }

  function showCaption(text) {
    if (captionText && text) captionText.textContent = text;
  }

  function pointAt(node, fromFocus) {
    const current = settings();
    if (!current.captions && !(current.pointRead && canSpeak)) return;
    const target = targetOf(node);
    if (!target || (target === lastTarget && !fromFocus)) return;
    lastTarget = target;
    const text = describe(target);
    if (!text) return;
    showCaption(text);
    if (current.pointRead && canSpeak) {
      startReading(
        sentences(text).map((sentence) => ({ text: sentence, element: target })),
        "point",
      );
    }
  }

  // ---------- 十字光标 and 大字幕 elements ----------

  function moveCross(event) {
    if (!crossLines) return;
    crossLines[0].style.transform = `translateY(${event.clientY}px)`;
    crossLines[1].style.transform = `translateX(${event.clientX}px)`;
    crossLines[0].hidden = false;
    crossLines[1].hidden = false;
  }

  function setCrosshair(on) {
    if (on && !crossLines) {
      crossLines = ["a11y-cross a11y-cross-x", "a11y-cross a11y-cross-y"].map((name) => {
        const line = element("div", { class: `a11y-ui ${name}`, "aria-hidden": "true" });
        line.hidden = true;
        doc.body.appendChild(line);
        return line;
      });
      doc.addEventListener("mousemove", moveCross);
    } else if (!on && crossLines) {
      crossLines.forEach((line) => {
        line.remove();
      });
      crossLines = null;
      doc.removeEventListener("mousemove", moveCross);
    }
  }

  function setCaptions(on) {
    if (on && !captionBar) {
      captionBar = element("div", { class: "a11y-ui a11y-captions", "aria-hidden": "true" });
      captionText = element(
        "p",
        { class: "a11y-captions-text" },
        "大字幕：把鼠标移到文字上，或点一下文字，或用 Tab 键移动焦点",
      );
      captionBar.appendChild(captionText);
      doc.body.appendChild(captionBar);
      root.setAttribute("data-captions", "");
    } else if (!on && captionBar) {
      captionBar.remove();
      captionBar = null;
      captionText = null;
      root.removeAttribute("data-captions");
    }
  }

  // ---------- The toolbar ----------

  function button(name, text, extra) {
    const node = element("button", Object.assign({ type: "button", "data-a11y": name, tabindex: "-1" }, extra), text);
    buttons[name] = node;
    return node;
  }

  function group(label, id, children) {
    const node = element("div", { class: "a11y-group", role: "group", "aria-labelledby": id });
    node.appendChild(element("span", { class: "a11y-group-label", id }, label));
    children.forEach((child) => {
      node.appendChild(child);
    });
    return node;
  }

  function build() {
    section = element("section", { class: "a11y-ui a11y-bar", id: "a11y-bar", "aria-label": "无障碍工具条" });
    section.hidden = true;
    const inner = element("div", { class: "wrap a11y-inner" });
    toolbarElement = element("div", { class: "a11y-toolbar", role: "toolbar", "aria-label": "无障碍工具" });
    const speechExtra = canSpeak ? {} : { "aria-disabled": "true", "aria-describedby": "a11y-no-speech" };
    const pointerOnly = { class: "a11y-pointer-only" };
    toolbarElement.appendChild(
      group("语音", "a11y-group-speech", [
        button("play", "连读", Object.assign({ "aria-pressed": "false" }, speechExtra)),
        button("pause", "暂停", speechExtra),
        button("stop", "停止", speechExtra),
        button("point", "指读", Object.assign({ "aria-pressed": "false" }, speechExtra)),
        button("rate", "语速：中", speechExtra),
      ]),
    );
    const level = element("span", { class: "a11y-level" }, "100%");
    toolbarElement.appendChild(
      group("显示", "a11y-group-view", [
        button("captions", "大字幕", { "aria-pressed": "false" }),
        button("crosshair", "十字光标", Object.assign({ "aria-pressed": "false" }, pointerOnly)),
        button("zoomOut", "缩小"),
        level,
        button("zoomIn", "放大"),
        button("scheme", "配色：默认"),
        button("plain", "纯文本", { "aria-pressed": "false" }),
        button("cursor", "大鼠标", Object.assign({ "aria-pressed": "false" }, pointerOnly)),
      ]),
    );
    const help = element("a", { href: "/accessibility/", tabindex: "-1", "data-a11y": "help" }, "说明");
    buttons.help = help;
    toolbarElement.appendChild(
      group("设置", "a11y-group-more", [button("reset", "重置"), help, button("close", "关闭")]),
    );
    buttons.level = level;
    inner.appendChild(toolbarElement);
    if (!canSpeak) {
      inner.appendChild(
        element(
          "p",
          { class: "a11y-note", id: "a11y-no-speech" },
          "您的浏览器不支持语音朗读，朗读按钮不可用。可以改用手机或电脑自带的朗读功能（如安卓“随选朗读”、苹果“朗读屏幕”）。",
        ),
      );
    }
    statusElement = element("p", { class: "a11y-status", role: "status" });
    inner.appendChild(statusElement);
    section.appendChild(inner);
    const skip = doc.querySelector(".skip-link");
    doc.body.insertBefore(section, skip ? skip.nextSibling : doc.body.firstChild);
    buttons.play.setAttribute("tabindex", "0");
    const opener = doc.querySelector("button[data-a11y-toggle]");
    if (opener) opener.setAttribute("aria-controls", "a11y-bar");

    toolbarElement.addEventListener("click", (event) => {
      const target = event.target.closest("[data-a11y]");
      if (!target || target.tagName !== "BUTTON") return;
      if (target.getAttribute("aria-disabled") === "true") return;
      act(target.getAttribute("data-a11y"));
    });
    toolbarElement.addEventListener("focusin", (event) => {
      if (items().indexOf(event.target) !== -1) rove(event.target, false);
    });
    toolbarElement.addEventListener("keydown", onToolbarKey);
    section.addEventListener("keydown", (event) => {
      if (event.key === "Escape" || event.key === "Esc") {
        event.preventDefault();
        toolbar.close(true);
      }
    });
  }

  /** The toolbar's controls that are shown (十字光标 and 大鼠标 are hidden on touch screens). */
  function items() {
    return [].slice.call(toolbarElement.querySelectorAll("[data-a11y]")).filter((node) => node.getClientRects().length);
  }

  /** Roving tabindex: the toolbar is one Tab stop; the arrow keys move inside it. */
  function rove(target, focus) {
    items().forEach((node) => {
      node.setAttribute("tabindex", node === target ? "0" : "-1");
    });
    if (focus) target.focus();
  }

  function onToolbarKey(event) {
    const list = items();
    const index = list.indexOf(doc.activeElement);
    if (index === -1) return;
    let next = -1;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (index + 1) % list.length;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = (index - 1 + list.length) % list.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = list.length - 1;
    if (next === -1) return;
    event.preventDefault();
    rove(list[next], true);
  }

  function cycle(list, value) {
    return list[(list.indexOf(value) + 1) % list.length];
  }

  function act(name) {
    const current = settings();
    const zooms = api.choices.zoom;
    if (name === "play") {
      api.set({ pointRead: false });
      const items = pageSentences();
      say(items.length ? "开始朗读正文" : "本页没有可朗读的正文");
      startReading(items, "playing");
    } else if (name === "pause") {
      if (reader.state === "paused") resumeReading();
      else pauseReading();
    } else if (name === "stop") {
      stopReading();
      say("已停止朗读");
    } else if (name === "point") {
      stopReading();
      api.set({ pointRead: !current.pointRead });
      say(current.pointRead ? "指读已关闭" : "指读已开启：把鼠标移到文字上，或用 Tab 键移动焦点，即可朗读");
    } else if (name === "rate") {
      api.set({ rate: cycle(RATE_ORDER, current.rate) });
    } else if (name === "captions" || name === "crosshair" || name === "plain" || name === "cursor") {
      const change = {};
      change[name] = !current[name];
      api.set(change);
    } else if (name === "zoomIn" || name === "zoomOut") {
      // api.choices.zoom runs from 100 up to 200.
      const index = zooms.indexOf(current.zoom) + (name === "zoomIn" ? 1 : -1);
      const zoom = zooms[Math.max(0, Math.min(zooms.length - 1, index))];
      api.set({ zoom });
      say(`页面缩放：${zoom}%`);
    } else if (name === "scheme") {
      const contrast = cycle(SCHEME_ORDER, current.contrast);
      api.set({ contrast });
      say(`配色：${SCHEME_NAMES[contrast]}`);
    } else if (name === "reset") {
      stopReading();
      api.set(DEFAULTS);
      say("已恢复默认设置");
    } else if (name === "close") {
      toolbar.close(true);
    }
  }

  function setPressed(name, on) {
    if (buttons[name]) buttons[name].setAttribute("aria-pressed", on ? "true" : "false");
  }

  function setDisabled(name, off) {
    if (!buttons[name]) return;
    if (off) buttons[name].setAttribute("aria-disabled", "true");
    else buttons[name].removeAttribute("aria-disabled");
  }

  function syncSpeech() {
    if (!section || !canSpeak) return;
    setPressed("play", reader.state === "playing" || reader.state === "paused");
    buttons.pause.textContent = reader.state === "paused" ? "继续" : "暂停";
    setDisabled("pause", reader.state !== "playing" && reader.state !== "paused");
    setDisabled("stop", reader.state === "idle");
  }

  /** Settings → the toolbar's buttons and the live modes. */
  function sync() {
    const current = settings();
    setCrosshair(current.crosshair);
    setCaptions(current.captions);
    if (!section) return;
    // Closed or opened in another tab: follow it (the toolbar's own open and close set this too).
    if (section.hidden === current.open) {
      if (!current.open) stopReading();
      section.hidden = !current.open;
    }
    setPressed("point", current.pointRead && canSpeak);
    setPressed("captions", current.captions);
    setPressed("crosshair", current.crosshair);
    setPressed("plain", current.plain);
    setPressed("cursor", current.cursor);
    if (canSpeak) buttons.rate.textContent = `语速：${RATE_NAMES[current.rate]}`;
    buttons.scheme.textContent = `配色：${SCHEME_NAMES[current.contrast]}`;
    buttons.level.textContent = `${current.zoom}%`;
    setDisabled("zoomIn", current.zoom >= 200);
    setDisabled("zoomOut", current.zoom <= 100);
    syncSpeech();
  }

  const toolbar = {
    /** Opens the toolbar; `focus`: moves the focus to its current control (as the button and shortcut do). */
    open(focus) {
      if (!section) {
        build();
        sync();
      }
      section.hidden = false;
      if (!settings().open) api.set({ open: true });
      api.apply();
      if (focus) rove(items().filter((node) => node.getAttribute("tabindex") === "0")[0] || items()[0], true);
    },
    /** Closes it; reading stops, every other setting stays. `focus`: back to the 无障碍 button. */
    close(focus) {
      stopReading();
      if (section) section.hidden = true;
      api.set({ open: false });
      const opener = doc.querySelector("button[data-a11y-toggle]");
      if (focus && opener) opener.focus();
    },
    toggle() {
      if (section && !section.hidden) toolbar.close(true);
      else toolbar.open(true);
    },
    isOpen() {
      return Boolean(section && !section.hidden);
    },
  };

  function start() {
    if (canSpeak) {
      pickVoice();
      if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", pickVoice);
      window.addEventListener("pagehide", () => {
        synth.cancel();
      });
    }
    // What the pointer rests on for 200 ms. Only a pointer that moved: when reading scrolls the page
    // under a pointer that stayed put, the browser reports hovering over whatever came under it,
    // which the reader did not point at.
    let pointerX = null;
    let pointerY = null;
    doc.addEventListener("mousemove", (event) => {
      if (event.clientX === pointerX && event.clientY === pointerY) return;
      pointerX = event.clientX;
      pointerY = event.clientY;
      const target = event.target;
      window.clearTimeout(hoverTimer);
      hoverTimer = window.setTimeout(() => {
        pointAt(target, false);
      }, 200);
    });
    doc.addEventListener("focusin", (event) => {
      window.clearTimeout(hoverTimer);
      pointAt(event.target, true);
    });
    // Esc outside the toolbar stops reading.
    doc.addEventListener("keydown", (event) => {
      if ((event.key === "Escape" || event.key === "Esc") && !(section && section.contains(event.target))) {
        stopReading();
      }
    });
    api.onChange(sync);
    sync();
    if (settings().open) toolbar.open(false);
    if (noChineseVoice) say("本机没有中文语音，朗读可能不清楚；可在系统设置里添加中文语音。");
    api.ready(toolbar);
  }

  // Start once the document is parsed and the toolbar's styles have loaded (no unstyled flash).
  const stylesheet = api.stylesheet;
  const styled = new Promise((resolve) => {
    if (!stylesheet || stylesheet.sheet) resolve();
    else {
      stylesheet.addEventListener("load", resolve);
      stylesheet.addEventListener("error", resolve);
    }
  });
  const parsed = new Promise((resolve) => {
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", resolve);
    else resolve();
  });
  Promise.all([styled, parsed]).then(start);
})();
