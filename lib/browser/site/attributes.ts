import type { Settings } from "../settings.ts";

/** Settings → the attributes of <html> (`root`) that site.css styles them by; a default removes its attribute. */
export function applyToRoot(root: Element, settings: Settings): void {
  const attribute = (name: string, value: string | null) => {
    if (value === null) root.removeAttribute(name);
    else root.setAttribute(name, value);
  };
  attribute("data-text-size", settings.textSize === "medium" ? null : settings.textSize);
  attribute("data-contrast", settings.contrast === "normal" ? null : settings.contrast);
  attribute("data-zoom", settings.zoom === 100 ? null : String(settings.zoom));
  attribute("data-plain", settings.plain ? "" : null);
  attribute("data-cursor", settings.cursor ? "large" : null);
}

/** Runs `action` on every element of the document matching `selector`. */
export function each<Found extends Element = HTMLElement>(selector: string, action: (element: Found) => void): void {
  document.querySelectorAll<Found>(selector).forEach(action);
}
