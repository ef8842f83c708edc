import { blockOf, hiddenElement, isInline } from "./page-text.ts";

/** What 指读 and 大字幕 treat as one control. */
const CONTROL = "a[href], button, input, select, textarea, summary, [role='button']";

/** An element's accessible name as 指读 says it: its aria-label, its text, or the alt of an image in it. */
function nameOf(node: Element): string {
  const label = node.getAttribute("aria-label");
  if (label) return label;
  const text = (node.textContent as string).replace(/\s+/g, " ").trim();
  if (text) return text;
  const image = node.querySelector("img[alt]");
  return image ? (image.getAttribute("alt") as string) : "";
}

/** A form field's name: its label, its aria-label or its placeholder. */
function fieldName(node: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  if (node.labels && node.labels[0]) return nameOf(node.labels[0]);
  return node.getAttribute("aria-label") || node.getAttribute("placeholder") || "";
}

/** The element the reader points at: a control, an image, or the text block around the pointer. */
export function targetOf(node: Node | null): Element | null {
  const start = node && node.nodeType === 1 ? (node as Element) : node && node.parentElement;
  if (!start || start.closest(".a11y-captions, .a11y-cross") || !document.body.contains(start)) return null;
  const control = start.closest(CONTROL);
  if (control) return control;
  if (start.tagName === "IMG") return start;
  const cache = new Map<Element, boolean>();
  const block = blockOf(start, cache);
  if (!block || block === document.body || block === document.documentElement || block.tagName === "MAIN") return null;
  // Over the padding of a container (a list, a panel): nothing in particular.
  for (let child = block.firstElementChild; child; child = child.nextElementSibling) {
    if (!isInline(child, cache) && !hiddenElement(child)) return null;
  }
  return block;
}

/** What 指读 says and 大字幕 shows for a target. */
export function describeTarget(target: Element): string {
  const tag = target.tagName;
  if (tag === "A") return `链接：${nameOf(target)}`;
  if (tag === "IMG") return target.getAttribute("alt") ? `图片：${target.getAttribute("alt")}` : "";
  if (tag === "BUTTON" || target.getAttribute("role") === "button" || tag === "SUMMARY") {
    const state = target.getAttribute("aria-pressed");
    return `按钮：${nameOf(target)}${state === "true" ? "，已开启" : state === "false" ? "，未开启" : ""}`;
  }
  if (tag === "INPUT" || tag === "TEXTAREA") return `输入框：${fieldName(target as HTMLInputElement)}`;
  if (tag === "SELECT") {
    const select = target as HTMLSelectElement;
    const option = select.options[select.selectedIndex];
    return `选择框：${fieldName(select)}，${option ? (option.textContent as string).trim() : ""}`;
  }
  return (target.textContent as string).replace(/\s+/g, " ").trim();
}
