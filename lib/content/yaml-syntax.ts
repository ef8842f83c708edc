import type { LineCounter, YAMLError } from "yaml";
import { CHINESE_KEYS, MESSAGES } from "./yaml-messages.ts";

/**
 * The one syntax mistake of a YAML text (a notices file, a front matter, a settings file) that an
 * editor should fix first, in plain Chinese, at the line to look at. A mistake usually makes the
 * YAML parser report several errors, in English and often lines away from the cause; so the raw
 * lines are scanned first for the mistakes editors really make (a tab, a full-width colon, a stray
 * indent, a quote or bracket left open…), and only when none explains the parser's error is its
 * first error translated from its code.
 */
export interface SyntaxMistake {
  /** 1-based line in the enclosing file. */
  line: number;
  /** The key written on that line, when there is one. */
  field?: string;
  message: string;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*([:：])(.*)$/;
const CHINESE_KEY = /^([\u4e00-\u9fff]{2,6})[ \t]*[:：]/;
const BLOCK_SCALAR = /^[|>][-+1-9]*[ \t]*(?:#.*)?$/;
const SPECIAL_START = /^[*&!@`%]/;

interface Level {
  col: number;
  kind: "map" | "seq";
  /** The last key written at this level, to name in a message. */
  key?: string;
}

interface Entry {
  col: number;
  kind: "map" | "seq";
  key?: string;
}

interface Hit extends SyntaxMistake {
  /** Found only because the parser failed: legal in some YAML, so reported only then. */
  onError: boolean;
}

/**
 * A list written at the same indent as its key (`tags:` then `- 科技` below it, not indented) ends
 * at the next key of that mapping: drops that list's level when `next` is such a key.
 */
function popCompactSequence(levels: Level[], next: Entry): void {
  const [below, last] = levels.slice(-2);
  if (
    next.kind === "map" &&
    last?.kind === "seq" &&
    last.col === next.col &&
    below?.kind === "map" &&
    below.col === next.col
  )
    levels.pop();
}

/** Where a quoted scalar starting at `value[0]` ends (index after the closing quote), or -1 when it does not on this line. */
function quoteEnd(value: string): number {
  const quote = value[0];
  for (let index = 1; index < value.length; index++) {
    const char = value[index];
    if (quote === '"' && char === "\\") {
      index++;
      continue;
    }
    if (char === quote) {
      if (quote === "'" && value[index + 1] === "'") {
        index++;
        continue;
      }
      return index + 1;
    }
  }
  return -1;
}

/** The bracket depth of a flow collection after `text`, quotes skipped, starting from `depth`. */
function flowDepth(text: string, depth: number): number {
  let quote = "";
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = "";
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === "[" || char === "{") depth++;
    else if (char === "]" || char === "}") depth--;
    else if (char === "#" && depth <= 0) break;
  }
  return depth;
}

/** A plain value without its trailing comment (` #…`). */
function withoutComment(value: string): string {
  const index = value.search(/(^|[ \t])#/);
  return (index < 0 ? value : value.slice(0, index)).trim();
}

/**
 * Scans the lines of a YAML text for the mistakes editors make. Returns them in line order, each
 * marked with whether it is certain (`onError: false`: never correct YAML for this site's files) or
 * only explains a parser error.
 */
function scanLines(lines: readonly string[], firstLine: number): Hit[] {
  const hits: Hit[] = [];
  const hit = (index: number, onError: boolean, message: string, field?: string) =>
    hits.push({ line: index + firstLine, field, message, onError });

  const levels: Level[] = [];
  /** Set after `key:` or `-` with nothing after it: the next line may be indented deeper. */
  let pending: { col: number; kind: "map" | "seq" } | undefined;
  /** Inside a block scalar (`body: |`): lines more indented than `parent` are its text. */
  let block: { parent: number; key: string; indent?: number } | undefined;
  /** The key of a block scalar that the current line has just ended. */
  let endedBlock: string | undefined;
  /** Inside a quoted value or flow collection that goes on past its line. */
  let open: { kind: "quote" | "flow"; char: string; depth: number; col: number; line: number; key: string } | undefined;

  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? "";
    const leading = /^[ \t]*/.exec(text)?.[0] ?? "";
    const content = text.slice(leading.length);
    const spaces = /^ */.exec(text)?.[0].length ?? 0;
    if (content === "") continue;
    endedBlock = undefined;

    if (block) {
      if (spaces > block.parent) {
        block.indent ??= spaces;
        if (leading.slice(0, block.indent).includes("\t")) hit(index, false, MESSAGES.tab);
        continue;
      }
      if (leading.includes("\t") && leading.indexOf("\t") <= block.parent) {
        hit(index, false, MESSAGES.tab);
        continue;
      }
      endedBlock = block.key;
      block = undefined;
    }

    if (open) {
      if (spaces > open.col || (open.kind === "flow" && /^[\]}]/.test(content))) {
        if (open.kind === "quote") {
          if (quoteEnd(`${open.char}${content}`) >= 0) open = undefined;
        } else {
          open.depth = flowDepth(content, open.depth);
          if (open.depth <= 0) open = undefined;
        }
        continue;
      }
      const [openChar, closeChar] =
        open.kind === "quote" ? [open.char, open.char] : [open.char, open.char === "[" ? "]" : "}"];
      hit(
        open.line,
        true,
        open.kind === "quote"
          ? MESSAGES.unclosedQuote(open.key, openChar)
          : MESSAGES.unclosedBracket(open.key, openChar, closeChar),
        open.key || undefined,
      );
      open = undefined;
    }

    if (content.startsWith("#")) continue;
    if (/^(?:---|\.\.\.)[ \t]*$/.test(text)) {
      hit(index, true, MESSAGES.multipleDocuments);
      continue;
    }
    if (leading.includes("\t")) {
      hit(index, false, MESSAGES.tab, KEY.exec(content.replace(/^-[ \t]+/, ""))?.[1]);
      continue;
    }

    // The entries a line opens: `- ` (a list item) and/or `key:` (a mapping key).
    const entries: Entry[] = [];
    let rest = content;
    let col = spaces;
    const dash = /^-(?:([ \t]+)|$)/.exec(rest);
    if (dash) {
      entries.push({ col, kind: "seq" });
      col += 1 + (dash[1]?.length ?? 0);
      rest = rest.slice(dash[0].length);
    }
    const key = KEY.exec(rest);
    let keyName = "";
    let value: string | undefined;
    if (key) {
      keyName = key[1] ?? "";
      entries.push({ col, kind: "map", key: keyName });
      const after = key[3] ?? "";
      if (key[2] === "：") hit(index, false, MESSAGES.fullWidthColon(keyName), keyName);
      else if (after !== "" && !/^[ \t]/.test(after)) hit(index, true, MESSAGES.missingSpace(keyName), keyName);
      value = after;
    } else if (dash) {
      value = rest;
    }

    // Where the line stands: a continuation of a value, or an entry that must line up.
    const top = levels.at(-1);
    if (entries.length === 0) {
      const deeper = pending ? spaces > pending.col : top !== undefined && spaces > top.col;
      if (deeper) continue;
      const chinese = CHINESE_KEY.exec(content);
      const known = chinese ? CHINESE_KEYS[chinese[1] ?? ""] : undefined;
      if (chinese && known) hit(index, false, MESSAGES.chineseKey(chinese[1] ?? "", known), known);
      else if (endedBlock) hit(index, true, MESSAGES.blockText(endedBlock), endedBlock);
      else {
        const word = /^([A-Za-z_][A-Za-z0-9_-]*)(?:[ \t]|$)/.exec(content)?.[1];
        hit(index, true, word ? MESSAGES.missingColon(word) : MESSAGES.notKeyValue, word);
      }
      pending = undefined;
      continue;
    }

    const first = entries[0] as Entry;
    const name = keyName;
    const fits =
      pending &&
      (first.col > pending.col || (first.col === pending.col && first.kind === "seq" && pending.kind === "map"));
    if (!fits) {
      let popped: Level | undefined;
      while ((levels.at(-1)?.col ?? -1) > first.col) popped = levels.pop();
      popCompactSequence(levels, first);
      const current = levels.at(-1);
      if (!current) {
        if (first.col > 0) hit(index, true, MESSAGES.strayIndent(name, popped?.key, 0), keyName || undefined);
      } else if (current.col === first.col && current.kind !== first.kind) {
        if (first.kind === "map" && popped)
          hit(index, true, MESSAGES.misaligned(name, popped.key, popped.col, true), keyName || undefined);
        else if (first.kind === "seq") hit(index, true, MESSAGES.seqMisplaced);
        else hit(index, true, MESSAGES.generic, keyName || undefined);
      } else if (current.col < first.col) {
        if (popped) hit(index, true, MESSAGES.misaligned(name, popped.key, popped.col), keyName || undefined);
        else hit(index, true, MESSAGES.strayIndent(name, current.key, current.col), keyName || undefined);
      }
    }
    // Keep the levels as the line leaves them.
    while ((levels.at(-1)?.col ?? -1) > first.col) levels.pop();
    popCompactSequence(levels, first);
    for (const entry of entries) {
      const last = levels.at(-1);
      if (last && last.col === entry.col && last.kind === entry.kind) last.key = entry.key ?? last.key;
      else levels.push({ ...entry });
    }
    pending = undefined;

    // The value after `key:` or `- `.
    const trimmed = (value ?? "").trim();
    const plain = withoutComment(trimmed);
    const owner = entries.at(-1) as Entry;
    if (plain === "") {
      pending = { col: owner.col, kind: owner.kind };
    } else if (BLOCK_SCALAR.test(trimmed)) {
      block = { parent: owner.col, key: keyName };
    } else if (trimmed.startsWith('"') || trimmed.startsWith("'")) {
      const end = quoteEnd(trimmed);
      if (end < 0)
        open = { kind: "quote", char: trimmed[0] ?? '"', depth: 0, col: first.col, line: index, key: keyName };
      else if (withoutComment(trimmed.slice(end)) !== "")
        hit(index, true, MESSAGES.quoteInside(keyName, trimmed[0] ?? '"'), keyName || undefined);
    } else if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
      const depth = flowDepth(trimmed, 0);
      if (depth > 0) open = { kind: "flow", char: trimmed[0] ?? "[", depth, col: first.col, line: index, key: keyName };
    } else if (SPECIAL_START.test(trimmed)) {
      hit(index, false, MESSAGES.specialStart(keyName, trimmed[0] ?? ""), keyName || undefined);
    } else if (keyName && /:([ \t]|$)/.test(plain)) {
      hit(index, true, MESSAGES.colonInValue(keyName), keyName);
    }
  }
  if (open) {
    const close = open.kind === "quote" ? open.char : open.char === "[" ? "]" : "}";
    hit(
      open.line,
      true,
      open.kind === "quote"
        ? MESSAGES.unclosedQuote(open.key, open.char)
        : MESSAGES.unclosedBracket(open.key, open.char, close),
      open.key || undefined,
    );
  }
  return hits.sort((a, b) => a.line - b.line);
}

/** The key written at an offset of the text (the start of a duplicate key), if any. */
function keyAt(text: string, offset: number): string | undefined {
  return /^([A-Za-z_][A-Za-z0-9_-]*)/.exec(text.slice(offset))?.[1];
}

/** The parser's first error in plain Chinese, from its code rather than its English text. */
function fromParserError(error: YAMLError, text: string): { message: string; field?: string } {
  switch (error.code) {
    case "DUPLICATE_KEY": {
      const key = keyAt(text, error.pos[0]);
      return { message: MESSAGES.duplicateKey(key ?? "这个字段"), field: key };
    }
    case "TAB_AS_INDENT":
      return { message: MESSAGES.tab };
    case "MULTIPLE_DOCS":
      return { message: MESSAGES.multipleDocuments };
    case "BAD_DQ_ESCAPE":
      return { message: MESSAGES.badEscape };
    default:
      return { message: MESSAGES.generic };
  }
}

/**
 * The one syntax mistake to report for a YAML text, or undefined when there is none. `errors` are
 * the parser's errors for the same text, `lineCounter` its line counter, and `firstLine` the line
 * of the enclosing file on which the text starts.
 */
export function findSyntaxMistake(
  text: string,
  errors: readonly YAMLError[],
  lineCounter: LineCounter,
  firstLine = 1,
): SyntaxMistake | undefined {
  const lines = text.split("\n");
  const firstError = [...errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  // A parser error can stand a line before its cause (an indented line read as part of a key).
  let limit = Number.POSITIVE_INFINITY;
  if (firstError) {
    let line = lineCounter.linePos(firstError.pos[0]).line;
    while (line < lines.length && /^\s*(#.*)?$/.test(lines[line] ?? "")) line++;
    limit = line + 1 + firstLine - 1;
  }
  const hit = scanLines(lines, firstLine).find((entry) => !entry.onError || (firstError && entry.line <= limit));
  if (hit) return { line: hit.line, field: hit.field, message: hit.message };
  if (!firstError) return undefined;
  let line = Math.min(lineCounter.linePos(firstError.pos[0]).line, lines.length);
  while (line > 1 && (lines[line - 1] ?? "").trim() === "") line--;
  return { line: line + firstLine - 1, ...fromParserError(firstError, text) };
}
