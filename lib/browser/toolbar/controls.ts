import { CONTRASTS, DEFAULTS, RATE_NAMES, RATE_ORDER, SCHEME_NAMES, type Settings, ZOOMS } from "../settings.ts";
import type { SiteA11y, Toolbar } from "../site-api.ts";
import type { Overlays } from "./overlays.ts";
import { pageSentences } from "./page-text.ts";
import type { Reader } from "./speech.ts";
import { setDisabled, setPressed, type ToolbarUi } from "./ui.ts";

/** What the toolbar's controls act on: the settings, the reader, the overlays, the toolbar and its elements once built. */
export interface ToolbarContext {
  api: SiteA11y;
  reader: Reader;
  overlays: Overlays;
  toolbar: Toolbar;
  /** The toolbar's elements, once it is built. */
  ui: ToolbarUi | null;
  say(message: string): void;
}

/** The value after `value` in `list`, round to the first. */
export function cycle<Value>(list: readonly Value[], value: Value): Value {
  return list[(list.indexOf(value) + 1) % list.length] as Value;
}

/** The zoom level 放大 (`step` 1) or 缩小 (−1) goes to from `zoom`, within ZOOMS (100 to 200). */
export function zoomStep(zoom: Settings["zoom"], step: number): Settings["zoom"] {
  const index = ZOOMS.indexOf(zoom) + step;
  return ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, index))] as Settings["zoom"];
}

/** The toolbar's controls over a context. */
export interface Controls {
  /** What a control (by its data-a11y name) does. */
  act(name: string): void;
  /** The reader's state → the speech buttons (连读 pressed, 暂停 or 继续, what is disabled). */
  syncSpeech(): void;
  /** Settings → the toolbar's buttons and the live modes. */
  sync(): void;
}

/** What the toolbar's controls do, and how they show the settings and the reader's state. */
export function createControls(context: ToolbarContext): Controls {
  const { api, reader, overlays, say } = context;

  function act(name: string) {
    const current = api.settings;
    if (name === "play") {
      api.set({ pointRead: false });
      const items = pageSentences();
      say(items.length ? "开始朗读正文" : "本页没有可朗读的正文");
      reader.start(items, "playing");
    } else if (name === "pause") {
      if (reader.state() === "paused") reader.resume();
      else reader.pause();
    } else if (name === "stop") {
      reader.stop();
      say("已停止朗读");
    } else if (name === "point") {
      reader.stop();
      api.set({ pointRead: !current.pointRead });
      say(current.pointRead ? "指读已关闭" : "指读已开启：把鼠标移到文字上，或用 Tab 键移动焦点，即可朗读");
    } else if (name === "rate") {
      api.set({ rate: cycle(RATE_ORDER, current.rate) });
    } else if (name === "captions" || name === "crosshair" || name === "plain" || name === "cursor") {
      api.set({ [name]: !current[name] });
    } else if (name === "zoomIn" || name === "zoomOut") {
      const zoom = zoomStep(current.zoom, name === "zoomIn" ? 1 : -1);
      api.set({ zoom });
      say(`页面缩放：${zoom}%`);
    } else if (name === "scheme") {
      const contrast = cycle(CONTRASTS, current.contrast);
      api.set({ contrast });
      say(`配色：${SCHEME_NAMES[contrast]}`);
    } else if (name === "reset") {
      reader.stop();
      api.set(DEFAULTS);
      say("已恢复默认设置");
    } else if (name === "close") {
      context.toolbar.close(true);
    }
  }

  function syncSpeech() {
    const ui = context.ui;
    const state = reader.state();
    if (!ui || !reader.canSpeak) return;
    setPressed(ui, "play", state === "playing" || state === "paused");
    (ui.buttons.pause as HTMLElement).textContent = state === "paused" ? "继续" : "暂停";
    setDisabled(ui, "pause", state !== "playing" && state !== "paused");
    setDisabled(ui, "stop", state === "idle");
  }

  function sync() {
    const current = api.settings;
    overlays.setCrosshair(current.crosshair);
    overlays.setCaptions(current.captions);
    const ui = context.ui;
    if (!ui) return;
    // Closed or opened in another tab: follow it (the toolbar's own open and close set this too).
    if (ui.section.hidden === current.open) {
      if (!current.open) reader.stop();
      ui.section.hidden = !current.open;
    }
    setPressed(ui, "point", current.pointRead && reader.canSpeak);
    setPressed(ui, "captions", current.captions);
    setPressed(ui, "crosshair", current.crosshair);
    setPressed(ui, "plain", current.plain);
    setPressed(ui, "cursor", current.cursor);
    if (reader.canSpeak) (ui.buttons.rate as HTMLElement).textContent = `语速：${RATE_NAMES[current.rate]}`;
    (ui.buttons.scheme as HTMLElement).textContent = `配色：${SCHEME_NAMES[current.contrast]}`;
    (ui.buttons.level as HTMLElement).textContent = `${current.zoom}%`;
    setDisabled(ui, "zoomIn", current.zoom >= 200);
    setDisabled(ui, "zoomOut", current.zoom <= 100);
    syncSpeech();
  }

  return { act, syncSpeech, sync };
}
