import type { ToolbarContext } from "./controls.ts";
import { describeTarget, targetOf } from "./pointer.ts";
import { sentences } from "./sentences.ts";

/**
 * 指读 and 大字幕: what the pointer rests on for 200 ms, or what takes the focus, is shown in the
 * caption bar and said. Only a pointer that moved: when reading scrolls the page under a pointer that
 * stayed put, the browser reports hovering over whatever came under it, which the reader did not point at.
 */
export function watchPointer(context: ToolbarContext): void {
  const { api, reader, overlays } = context;
  let hoverTimer = 0;
  let lastTarget: Element | null = null;
  let pointerX: number | null = null;
  let pointerY: number | null = null;

  const pointAt = (node: EventTarget | null, fromFocus: boolean) => {
    const current = api.settings;
    if (!current.captions && !(current.pointRead && reader.canSpeak)) return;
    const target = targetOf(node as Node | null);
    if (!target || (target === lastTarget && !fromFocus)) return;
    lastTarget = target;
    const text = describeTarget(target);
    if (!text) return;
    overlays.showCaption(text);
    if (current.pointRead && reader.canSpeak) {
      reader.start(
        sentences(text).map((sentence) => ({ text: sentence, element: target })),
        "point",
      );
    }
  };

  document.addEventListener("mousemove", (event) => {
    if (event.clientX === pointerX && event.clientY === pointerY) return;
    pointerX = event.clientX;
    pointerY = event.clientY;
    const target = event.target;
    window.clearTimeout(hoverTimer);
    hoverTimer = window.setTimeout(() => {
      pointAt(target, false);
    }, 200);
  });
  document.addEventListener("focusin", (event) => {
    window.clearTimeout(hoverTimer);
    pointAt(event.target, true);
  });
}
