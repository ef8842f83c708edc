/** A new element with attributes and text. */
export function element(tag: string, attributes?: Record<string, string>, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const name in attributes) node.setAttribute(name, attributes[name] as string);
  if (text) node.textContent = text;
  return node;
}
