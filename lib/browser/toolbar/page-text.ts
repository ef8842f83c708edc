import { sentences } from "./sentences.ts";
import type { ReadingItem } from "./speech.ts";

/** What 连读 leaves out: navigation, forms, side columns, the QR code, the tools, hidden text. */
const SKIP =
  "nav, form, aside, .aside-column, .article-tools, .qr-block, .a11y-ui, script, style, noscript, template, [hidden], [aria-hidden='true']";

/** Whether an element is not shown (display none or visibility hidden). */
export function hiddenElement(node: Element): boolean {
  const style = window.getComputedStyle(node);
  return style.display === "none" || style.visibility === "hidden";
}

/** Part of the line around it: display inline (an inline-block such as a tag is a piece of its own). */
export function isInline(node: Element, cache: Map<Element, boolean>): boolean {
  let inline = cache.get(node);
  if (inline === undefined) {
    const display = window.getComputedStyle(node).display;
    inline = display === "inline" || display === "contents";
    cache.set(node, inline);
  }
  return inline;
}

/** The block an element is part of: itself, or its nearest ancestor that is not inline (at most <body>). */
export function blockOf(node: Element | null, cache: Map<Element, boolean>): Element | null {
  let block = node;
  while (block && block !== document.body && isInline(block, cache)) block = block.parentElement;
  return block;
}

/** 连读: the main text from the top (title, meta line, body …) as sentences, each with its block. */
export function pageSentences(): ReadingItem[] {
  const main = document.querySelector("main");
  const items: ReadingItem[] = [];
  if (!main) return items;
  const cache = new Map<Element, boolean>();
  let block: Element | null = null;
  let text = "";
  const flush = () => {
    sentences(text).forEach((sentence) => {
      items.push({ text: sentence, element: block });
    });
    text = "";
  };
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType !== 1) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      return element.matches(SKIP) || hiddenElement(element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  while (walker.nextNode()) {
    const node = walker.currentNode;
    let piece = "";
    if (node.nodeType === 3) piece = node.nodeValue as string;
    else if ((node as Element).tagName === "IMG" && (node as Element).getAttribute("alt"))
      piece = `图片：${(node as Element).getAttribute("alt")}。`;
    if (!piece.trim()) continue;
    const owner = blockOf(node.nodeType === 3 ? node.parentElement : (node as Element), cache);
    if (owner !== block) {
      flush();
      block = owner;
    }
    text += piece;
  }
  flush();
  return items;
}
