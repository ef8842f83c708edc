import { SAFE_LINK_SCHEMES } from "../shared/index.ts";

/** A link target written in a Markdown body, with the body line it stands on (1-based). */
export interface BodyLink {
  target: string;
  line: number;
}

const MARKDOWN_LINK = /!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)/g;
const HTML_LINK = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const SAFE_SCHEMES = new Set<string>(SAFE_LINK_SCHEMES);

/** Every link and image target of a Markdown body, in Markdown or raw HTML syntax. */
export function findBodyLinks(markdown: string): BodyLink[] {
  const links: BodyLink[] = [];
  const lineStarts = [0];
  for (let index = markdown.indexOf("\n"); index >= 0; index = markdown.indexOf("\n", index + 1)) {
    lineStarts.push(index + 1);
  }
  const lineAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  for (const pattern of [MARKDOWN_LINK, HTML_LINK]) {
    for (const match of markdown.matchAll(pattern)) {
      links.push({ target: match[1] ?? match[2] ?? match[3] ?? "", line: lineAt(match.index ?? 0) });
    }
  }
  return links.sort((a, b) => a.line - b.line);
}

/** The scheme of a link (`javascript`, `https`), ignoring case, blanks and control characters; "" for relative links. */
export function linkScheme(target: string): string {
  const cleaned = Array.from(decodeEntities(target))
    .filter((character) => {
      const code = character.codePointAt(0) ?? 0;
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join("")
    .toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1] ?? "";
}

/** Whether a link target uses a scheme a reader's browser can follow safely (or none). */
export function isSafeLink(target: string): boolean {
  const scheme = linkScheme(target);
  return scheme === "" || SAFE_SCHEMES.has(scheme);
}

/** The site path a link points at (`/a/b/` from `/a/b/?x#y`, percent-decoded), or undefined for other links. */
export function sitePath(target: string): string | undefined {
  if (!target.startsWith("/") || target.startsWith("//")) return undefined;
  const path = target.replace(/[?#].*$/, "");
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n");
}
