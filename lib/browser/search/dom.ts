/** Replaces a node's children (replaceChildren is newer than the engines that must see the messages). */
export function setContent(node: Element, children: (Node | string)[]): void {
  node.textContent = "";
  node.append(...children);
}

/** A new element with a class (none when empty) and text. */
export function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
