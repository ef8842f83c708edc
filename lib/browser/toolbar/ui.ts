import { element } from "./dom.ts";

/** The toolbar's elements: its section, the toolbar itself, the status line and each control by name. */
export interface ToolbarUi {
  section: HTMLElement;
  toolbar: HTMLElement;
  status: HTMLElement;
  buttons: Record<string, HTMLElement>;
}

/** The toolbar's groups of controls (语音, 显示, 设置) and its status line, inserted after the skip link; hidden. */
export function buildToolbar(canSpeak: boolean): ToolbarUi {
  const buttons: Record<string, HTMLElement> = {};
  const button = (name: string, text: string, extra?: Record<string, string>) => {
    const node = element("button", Object.assign({ type: "button", "data-a11y": name, tabindex: "-1" }, extra), text);
    buttons[name] = node;
    return node;
  };
  const group = (label: string, id: string, children: HTMLElement[]) => {
    const node = element("div", { class: "a11y-group", role: "group", "aria-labelledby": id });
    node.appendChild(element("span", { class: "a11y-group-label", id }, label));
    children.forEach((child) => {
      node.appendChild(child);
    });
    return node;
  };
  const section = element("section", { class: "a11y-ui a11y-bar", id: "a11y-bar", "aria-label": "无障碍工具条" });
  section.hidden = true;
  const inner = element("div", { class: "wrap a11y-inner" });
  const toolbar = element("div", { class: "a11y-toolbar", role: "toolbar", "aria-label": "无障碍工具" });
  const speechExtra: Record<string, string> = canSpeak
    ? {}
    : { "aria-disabled": "true", "aria-describedby": "a11y-no-speech" };
  const pointerOnly = { class: "a11y-pointer-only" };
  toolbar.appendChild(
    group("语音", "a11y-group-speech", [
      button("play", "连读", Object.assign({ "aria-pressed": "false" }, speechExtra)),
      button("pause", "暂停", speechExtra),
      button("stop", "停止", speechExtra),
      button("point", "指读", Object.assign({ "aria-pressed": "false" }, speechExtra)),
      button("rate", "语速：中", speechExtra),
    ]),
  );
  const level = element("span", { class: "a11y-level" }, "100%");
  toolbar.appendChild(
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
  toolbar.appendChild(group("设置", "a11y-group-more", [button("reset", "重置"), help, button("close", "关闭")]));
  buttons.level = level;
  inner.appendChild(toolbar);
  if (!canSpeak) {
    inner.appendChild(
      element(
        "p",
        { class: "a11y-note", id: "a11y-no-speech" },
        "您的浏览器不支持语音朗读，朗读按钮不可用。可以改用手机或电脑自带的朗读功能（如安卓“随选朗读”、苹果“朗读屏幕”）。",
      ),
    );
  }
  const status = element("p", { class: "a11y-status", role: "status" });
  inner.appendChild(status);
  section.appendChild(inner);
  const skip = document.querySelector(".skip-link");
  document.body.insertBefore(section, skip ? skip.nextSibling : document.body.firstChild);
  (buttons.play as HTMLElement).setAttribute("tabindex", "0");
  const opener = document.querySelector("button[data-a11y-toggle]");
  if (opener) opener.setAttribute("aria-controls", "a11y-bar");
  return { section, toolbar, status, buttons };
}

/** The toolbar's controls that are shown (十字光标 and 大鼠标 are hidden on touch screens). */
export function shownControls(ui: ToolbarUi): HTMLElement[] {
  return Array.from(ui.toolbar.querySelectorAll<HTMLElement>("[data-a11y]")).filter(
    (node) => node.getClientRects().length,
  );
}

/** Roving tabindex: the toolbar is one Tab stop; `target` becomes it (and takes the focus when `focus`). */
export function rove(ui: ToolbarUi, target: HTMLElement | undefined, focus: boolean): void {
  shownControls(ui).forEach((node) => {
    node.setAttribute("tabindex", node === target ? "0" : "-1");
  });
  if (focus && target) target.focus();
}

/** The control an arrow key, Home or End moves to from control `index` of `count`; -1 for any other key. */
export function nextControl(key: string, index: number, count: number): number {
  if (key === "ArrowRight" || key === "ArrowDown") return (index + 1) % count;
  if (key === "ArrowLeft" || key === "ArrowUp") return (index - 1 + count) % count;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return -1;
}

/** Arrow keys, Home and End inside the toolbar move the focus among its controls. */
export function onToolbarKey(ui: ToolbarUi, event: KeyboardEvent): void {
  const list = shownControls(ui);
  const index = list.indexOf(document.activeElement as HTMLElement);
  if (index === -1) return;
  const next = nextControl(event.key, index, list.length);
  if (next === -1) return;
  event.preventDefault();
  rove(ui, list[next], true);
}

/** Sets a control's aria-pressed. */
export function setPressed(ui: ToolbarUi, name: string, on: boolean): void {
  const node = ui.buttons[name];
  if (node) node.setAttribute("aria-pressed", on ? "true" : "false");
}

/** Sets or removes a control's aria-disabled. */
export function setDisabled(ui: ToolbarUi, name: string, off: boolean): void {
  const node = ui.buttons[name];
  if (!node) return;
  if (off) node.setAttribute("aria-disabled", "true");
  else node.removeAttribute("aria-disabled");
}
