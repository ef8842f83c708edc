import { CJK_TOKEN, eachSegment, normalize, runTokens } from "./segment.ts";

/** Between a record's title and its body (punctuation: a position of its own, never a word); repeated to pad the title to the title slot. */
export const TITLE_MARK = "¶";
/** Between two blocks of a record's body (a heading and the next paragraph): a position of its own, never a word. */
export const BLOCK_MARK = "§";

/** The text Pagefind indexes: Chinese runs as bigrams plus their last character, other words as they are. */
export function indexText(text: string): string {
  const tokens: string[] = [];
  eachSegment(
    normalize(text),
    (run) => runTokens(run, tokens, true),
    (word) => tokens.push(word),
  );
  return tokens.join(" ");
}

/**
 * The readable text back from a record's content (indexText's output joined with the marks):
 * the title marks become one "¶", a block mark a line break (Latin spacing next to Chinese may differ).
 */
export function decodeIndexText(encoded: string): string {
  let out = "";
  let inRun = false;
  let lastWasCjk = false;
  for (const token of String(encoded).split(" ")) {
    if (token === "") continue;
    if (token === TITLE_MARK || token === BLOCK_MARK) {
      const mark = token === TITLE_MARK ? TITLE_MARK : "\n";
      if (!out.endsWith(mark)) out = `${out.replace(/\n$/, "")}${mark}`;
      inRun = false;
      lastWasCjk = false;
      continue;
    }
    if (CJK_TOKEN.test(token)) {
      const chars = Array.from(token);
      const single = chars.length === 1;
      if (inRun) {
        if (single) inRun = false;
        else out += chars.slice(1).join("");
      } else {
        if (lastWasCjk) out += " ";
        out += token;
        inRun = !single;
      }
      lastWasCjk = true;
    } else {
      if (out && !lastWasCjk && !/[\n¶]$/.test(out)) out += " ";
      out += token;
      inRun = false;
      lastWasCjk = false;
    }
  }
  return out;
}
