import { element } from "./dom.ts";

/** The live modes' own elements: the guide lines (十字光标) and the caption bar (大字幕). */
export interface Overlays {
  setCrosshair(on: boolean): void;
  setCaptions(on: boolean): void;
  /** Shows a text in the caption bar, when it is on. */
  showCaption(text: string): void;
}

/** The overlays of the page, none shown until their setting is on. */
export function createOverlays(): Overlays {
  const root = document.documentElement;
  let crossLines: HTMLElement[] | null = null;
  let captionBar: HTMLElement | null = null;
  let captionText: HTMLElement | null = null;

  function moveCross(event: MouseEvent) {
    if (!crossLines) return;
    const [across, down] = crossLines as [HTMLElement, HTMLElement];
    across.style.transform = `translateY(${event.clientY}px)`;
    down.style.transform = `translateX(${event.clientX}px)`;
    across.hidden = false;
    down.hidden = false;
  }

  return {
    setCrosshair(on) {
      if (on && !crossLines) {
        crossLines = ["a11y-cross a11y-cross-x", "a11y-cross a11y-cross-y"].map((name) => {
          const line = element("div", { class: `a11y-ui ${name}`, "aria-hidden": "true" });
          line.hidden = true;
          document.body.appendChild(line);
          return line;
        });
        document.addEventListener("mousemove", moveCross);
      } else if (!on && crossLines) {
        crossLines.forEach((line) => {
          line.remove();
        });
        crossLines = null;
        document.removeEventListener("mousemove", moveCross);
      }
    },
    setCaptions(on) {
      if (on && !captionBar) {
        captionBar = element("div", { class: "a11y-ui a11y-captions", "aria-hidden": "true" });
        captionText = element(
          "p",
          { class: "a11y-captions-text" },
          "大字幕：把鼠标移到文字上，或点一下文字，或用 Tab 键移动焦点",
        );
        captionBar.appendChild(captionText);
        document.body.appendChild(captionBar);
        root.setAttribute("data-captions", "");
      } else if (!on && captionBar) {
        captionBar.remove();
        captionBar = null;
        captionText = null;
        root.removeAttribute("data-captions");
      }
    },
    showCaption(text) {
      if (captionText && text) captionText.textContent = text;
    },
  };
}
