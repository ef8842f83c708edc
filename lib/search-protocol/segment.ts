/*
 * 站内搜索的分词 — the segmentation shared by the index build (lib/search) and the search page
 * (lib/browser/search). Chinese runs become overlapping character bigrams, so any substring of two or
 * more characters is found whatever the word boundaries; the same code turns a query into the same tokens.
 */

const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3005\\u3007";
/** Quotes and brackets inside a Chinese run do not break it: 十四五规划 finds “十四五”规划. */
export const QUOTES = "“”‘’「」『』《》〈〉（）【】〔〕()\"'";
const CJK_CHAR = new RegExp(`^[${CJK}]$`, "u");
/** A token that starts and ends with a Chinese character (a bigram, or one character). */
export const CJK_TOKEN = new RegExp(`^[${CJK}].*[${CJK}]$|^[${CJK}]$`, "u");
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t\\u00a0\\u3000]+(?=[${CJK}])`, "gu");
/** A letter or a digit: what a comparison key or a Latin key keeps. */
export const KEY_CHAR = /[\p{L}\p{N}]/u;

const NOT_PUNCTUATION = /[^\p{P}\p{S}\s]+/gu;
const foldRun = (run: string) => run.normalize("NFKC");

/**
 * NFKC on everything but punctuation (full-width letters and digits become half-width, while
 * the text keeps its Chinese punctuation for excerpts); blanks between Chinese characters dropped.
 */
export function normalize(text: string): string {
  return String(text).replace(NOT_PUNCTUATION, foldRun).replace(SPACE_BETWEEN_CJK, "$1");
}

const CJK_KIND = 1;
const SPACE_KIND = 2;
const QUOTE_KIND = 3;
const OTHER_KIND = 4;
const SPACE_CHAR = /^\s$/u;
const QUOTE_CHAR = new RegExp(`^[${QUOTES}]$`, "u");
// The kind of each code point of the Basic Multilingual Plane, worked out once (0: not yet).
const bmpKinds = new Uint8Array(0x10000);

/** What a code point is to the segmentation: Chinese (CJK), blank, quote or anything else. */
function charKind(codePoint: number): number {
  if (codePoint > 0xffff) return CJK_CHAR.test(String.fromCodePoint(codePoint)) ? CJK_KIND : OTHER_KIND;
  let kind = bmpKinds[codePoint] as number;
  if (kind === 0) {
    const char = String.fromCharCode(codePoint);
    if (CJK_CHAR.test(char)) kind = CJK_KIND;
    else if (SPACE_CHAR.test(char)) kind = SPACE_KIND;
    else if (QUOTE_CHAR.test(char)) kind = QUOTE_KIND;
    else kind = OTHER_KIND;
    bmpKinds[codePoint] = kind;
  }
  return kind;
}

const isCjk = (codePoint: number) => charKind(codePoint) === CJK_KIND;

/**
 * Splits text into Chinese runs (Chinese characters, with quotes between two of them, as the
 * pattern `[CJK]([QUOTES]*[CJK])*`) and other words, dropping blanks; a hand-written scanner
 * because it runs over every character of the archive.
 */
export function eachSegment(text: string, onRun: (run: string) => void, onWord: (word: string) => void): void {
  const length = text.length;
  let at = 0;
  while (at < length) {
    const codePoint = text.codePointAt(at) as number;
    const kind = charKind(codePoint);
    let end = at + (codePoint > 0xffff ? 2 : 1);
    if (kind === CJK_KIND) {
      let scan = end;
      while (scan < length) {
        const next = text.codePointAt(scan) as number;
        const nextKind = charKind(next);
        if (nextKind !== CJK_KIND && nextKind !== QUOTE_KIND) break;
        scan += next > 0xffff ? 2 : 1;
        if (nextKind === CJK_KIND) end = scan;
      }
      onRun(text.slice(at, end));
    } else if (kind === SPACE_KIND) {
      while (end < length && charKind(text.charCodeAt(end)) === SPACE_KIND) end++;
    } else {
      while (end < length) {
        const next = text.codePointAt(end) as number;
        const nextKind = charKind(next);
        if (nextKind === CJK_KIND || nextKind === SPACE_KIND) break;
        end += next > 0xffff ? 2 : 1;
      }
      onWord(text.slice(at, end));
    }
    at = end;
  }
}

/**
 * A run's overlapping bigrams (with any quote between their two characters), added to `tokens`,
 * and for the index (`forIndex`) its last character alone, so a query that starts with it (年5G) finds 去年5G.
 */
export function runTokens(run: string, tokens: string[], forIndex: boolean): void {
  let previousStart = -1;
  let previousEnd = -1;
  let count = 0;
  for (let at = 0; at < run.length; ) {
    const codePoint = run.codePointAt(at) as number;
    const end = at + (codePoint > 0xffff ? 2 : 1);
    if (isCjk(codePoint)) {
      if (count > 0)
        tokens.push(
          forIndex ? run.slice(previousStart, end) : run.slice(previousStart, previousEnd) + run.slice(at, end),
        );
      previousStart = at;
      previousEnd = end;
      count++;
    }
    at = end;
  }
  if (count === 1) tokens.push(run);
  else if (forIndex) tokens.push(run.slice(previousStart, previousEnd));
}

/** A Latin or digit word as queries and presence keys spell it: lower case, letters, digits and "_" only. */
export function latinKey(word: string): string {
  return Array.from(String(word).toLowerCase())
    .filter((char) => KEY_CHAR.test(char) || char === "_")
    .join("");
}

/** Latin keys longer than this are cut: a query word is looked up by its first LATIN_KEY_LENGTH characters. */
export const LATIN_KEY_LENGTH = 24;
