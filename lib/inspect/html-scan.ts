/**
 * Reads the few parts of a built page the inspection checks (head meta, footer text, dated list
 * entries) straight from the HTML our own templates write. A DOM parser costs about 1.5 ms of CPU a
 * page even for the head alone, minutes at 100,000 pages; the integration test holds these readers
 * to linkedom's reading of every page of the sample site.
 */

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the character references an HTML text or attribute value may carry. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#")
      return String.fromCodePoint(
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The attributes of one start tag (`<meta name="a" content="b">`), names lower-cased, values decoded. */
export function tagAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/\s([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = (match[1] ?? "").toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ""));
  }
  return attributes;
}

/** The `<meta name content>` pairs of a page's head, the first of each name. */
export function metaTags(html: string): Map<string, string> {
  const headEnd = html.search(/<\/head\s*>/i);
  const head = headEnd < 0 ? html : html.slice(0, headEnd);
  const metas = new Map<string, string>();
  for (const match of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = tagAttributes(match[0].replace(/^<meta/i, ""));
    const name = attributes.get("name");
    if (name !== undefined && !metas.has(name)) metas.set(name, attributes.get("content") ?? "");
  }
  return metas;
}

/** The text of an HTML fragment: tags dropped, references decoded, whitespace collapsed. */
export function textOf(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/** The text of a page's first `<footer>`, or "" when it has none. */
export function footerText(html: string): string {
  const start = html.search(/<footer\b/i);
  if (start < 0) return "";
  const end = html.indexOf("</footer>", start);
  return textOf(html.slice(start, end < 0 ? html.length : end));
}

/** An entry of a dated list (`<ul class="dated-list">`): its text and its `<time datetime>`, if any. */
export interface DatedEntry {
  text: string;
  datetime?: string;
}

/** The entries of every dated list of a page, leaving out the `empty` placeholder (暂无文章). */
export function datedListEntries(html: string): DatedEntry[] {
  const entries: DatedEntry[] = [];
  for (const list of html.matchAll(/<ul\b([^>]*)>([\s\S]*?)<\/ul>/gi)) {
    if (!(tagAttributes(list[1] ?? "").get("class") ?? "").split(/\s+/).includes("dated-list")) continue;
    for (const item of (list[2] ?? "").matchAll(/<li\b([^>]*)>([\s\S]*?)<\/li>/gi)) {
      if ((tagAttributes(item[1] ?? "").get("class") ?? "").split(/\s+/).includes("empty")) continue;
      const time = /<time\b[^>]*>/i.exec(item[2] ?? "");
      const datetime = time ? tagAttributes(time[0].replace(/^<time/i, "")).get("datetime") : undefined;
      entries.push({ text: textOf(item[2] ?? ""), datetime });
    }
  }
  return entries;
}
