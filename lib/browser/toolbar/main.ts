/*
 * a11y-toolbar.js — 无障碍工具条 (the accessibility toolbar); no dependencies, no request to anyone.
 * Loaded by site.js only when the reader opens the toolbar (the 无障碍 button or Alt+Shift+A), or
 * on page load when a saved setting needs it live (toolbar left open, 十字光标, 大字幕, 指读).
 * The settings themselves live in site.js (window.siteA11y, lib/browser/site-api.ts), which applies
 * them to <html>; this bundle adds the toolbar, speech (the browser's own speechSynthesis, zh-CN),
 * the caption bar and the guide lines. Details: docs/accessibility.md.
 */
import type { Toolbar } from "../site-api.ts";
import { type Controls, createControls, type ToolbarContext } from "./controls.ts";
import { createOverlays } from "./overlays.ts";
import { watchPointer } from "./pointing.ts";
import { createReader } from "./speech.ts";
import { buildToolbar, onToolbarKey, rove, shownControls, type ToolbarUi } from "./ui.ts";

const api = window.siteA11y;
if (api && !api.toolbar) {
  const synth = window.speechSynthesis;
  const say = (message: string) => {
    if (context.ui) context.ui.status.textContent = message;
  };
  const overlays = createOverlays();
  const reader = createReader(synth, window.SpeechSynthesisUtterance, {
    rate: () => api.settings.rate,
    say,
    showCaption: overlays.showCaption,
    changed: () => controls.syncSpeech(),
  });

  const build = (): ToolbarUi => {
    const built = buildToolbar(reader.canSpeak);
    built.toolbar.addEventListener("click", (event) => {
      const target = (event.target as Element).closest("[data-a11y]");
      if (!target || target.tagName !== "BUTTON") return;
      if (target.getAttribute("aria-disabled") === "true") return;
      controls.act(target.getAttribute("data-a11y") as string);
    });
    built.toolbar.addEventListener("focusin", (event) => {
      const target = event.target as HTMLElement;
      if (shownControls(built).indexOf(target) !== -1) rove(built, target, false);
    });
    built.toolbar.addEventListener("keydown", (event) => onToolbarKey(built, event));
    built.section.addEventListener("keydown", (event) => {
      if (event.key === "Escape" || event.key === "Esc") {
        event.preventDefault();
        toolbar.close(true);
      }
    });
    return built;
  };

  const toolbar: Toolbar = {
    open(focus) {
      let ui = context.ui;
      if (!ui) {
        ui = context.ui = build();
        controls.sync();
      }
      ui.section.hidden = false;
      if (!api.settings.open) api.set({ open: true });
      api.apply();
      if (focus) {
        const shown = shownControls(ui);
        rove(ui, shown.filter((node) => node.getAttribute("tabindex") === "0")[0] || shown[0], true);
      }
    },
    close(focus) {
      reader.stop();
      if (context.ui) context.ui.section.hidden = true;
      api.set({ open: false });
      const opener = document.querySelector<HTMLElement>("button[data-a11y-toggle]");
      if (focus && opener) opener.focus();
    },
    toggle() {
      if (toolbar.isOpen()) toolbar.close(true);
      else toolbar.open(true);
    },
    isOpen() {
      return Boolean(context.ui && !context.ui.section.hidden);
    },
  };
  const context: ToolbarContext = { api, reader, overlays, toolbar, ui: null, say };
  const controls: Controls = createControls(context);

  const start = () => {
    if (reader.canSpeak) {
      reader.pickVoice();
      if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", reader.pickVoice);
      window.addEventListener("pagehide", () => {
        synth.cancel();
      });
    }
    watchPointer(context);
    // Esc outside the toolbar stops reading.
    document.addEventListener("keydown", (event) => {
      if (
        (event.key === "Escape" || event.key === "Esc") &&
        !(context.ui && context.ui.section.contains(event.target as Node))
      ) {
        reader.stop();
      }
    });
    api.onChange(controls.sync);
    controls.sync();
    if (api.settings.open) toolbar.open(false);
    if (reader.noChineseVoice()) say("本机没有中文语音，朗读可能不清楚；可在系统设置里添加中文语音。");
    api.ready(toolbar);
  };

  // Start once the document is parsed and the toolbar's styles have loaded (no unstyled flash).
  const stylesheet = api.stylesheet;
  const styled = new Promise((resolve) => {
    if (!stylesheet || stylesheet.sheet) resolve(0);
    else {
      stylesheet.addEventListener("load", () => resolve(0));
      stylesheet.addEventListener("error", () => resolve(0));
    }
  });
  const parsed = new Promise((resolve) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => resolve(0));
    else resolve(0);
  });
  Promise.all([styled, parsed]).then(start);
}
