import { type PhraseKey, phraseKey, queryTokens } from "../../search-protocol/index.ts";
import { element } from "./dom.ts";

/** A range [start, end) of characters of a text. */
export type TextRange = [number, number];

/** Character ranges of a text (`keyInfo`, its comparison form) to mark: the query's parts, or its words when no part is there verbatim. */
export function highlightRanges(keyInfo: PhraseKey, phrases: readonly string[], query: string): TextRange[] {
  const ranges: TextRange[] = [];
  const mark = (needle: string) => {
    if (!needle) return;
    let at = keyInfo.key.indexOf(needle);
    while (at >= 0) {
      ranges.push([keyInfo.positions[at] as number, (keyInfo.positions[at + needle.length - 1] as number) + 1]);
      at = keyInfo.key.indexOf(needle, at + needle.length);
    }
  };
  phrases.forEach(mark);
  if (ranges.length === 0) for (const word of queryTokens(query)) mark(phraseKey(word).key);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Appends text[from, to) to `node`, the ranges inside it in <mark>, line breaks as a wide space. */
export function appendMarked(
  node: Element,
  text: string,
  ranges: readonly TextRange[],
  from: number,
  to: number,
): void {
  const add = (piece: string, marked: boolean) => {
    const shown = piece.replace(/\n+/g, "\u3000");
    if (shown) node.append(marked ? element("mark", "", shown) : shown);
  };
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= cursor || start >= to) continue;
    const s = Math.max(start, cursor);
    const e = Math.min(end, to);
    if (s > cursor) add(text.slice(cursor, s), false);
    add(text.slice(s, e), true);
    cursor = e;
  }
  if (cursor < to) add(text.slice(cursor, to), false);
}
