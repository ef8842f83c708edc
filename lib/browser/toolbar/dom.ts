/** A new element with attributes and text. */
export function element(tag: string, attributes?: Record<string, string>, text?: string): HTMLElement {
  const node = document.createElement(tag);
  Object.keys(attributes || {}).forEach((name) => {
    node.setAttribute(name, (attributes as Record<string, string>)[name] as string);
  });
  if (text) node.textContent = text;
  return node;
}
