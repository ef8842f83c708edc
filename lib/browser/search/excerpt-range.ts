const LATIN_OR_DIGIT = /[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A.%]/;
const OPENERS = "“‘《「『（【〔〈(";
const CLOSERS = "”’》」』）】〕〉)";
const CLAUSE_END = /[。！？；，、：!?;,:]/;

/** Where an excerpt may start and end in a text, and whether text is left out before and after it. */
export interface ExcerptRange {
  start: number;
  end: number;
  before: boolean;
  after: boolean;
}

const splitsWord = (text: string, at: number) =>
  at > 0 && at < text.length && LATIN_OR_DIGIT.test(text[at - 1] as string) && LATIN_OR_DIGIT.test(text[at] as string);

const isClauseEnd = (char: string | undefined) => CLAUSE_END.test(char as string);

/**
 * Where an excerpt of about `size` characters around text[hitStart, hitEnd) starts and ends: inside
 * the hit's block (a line of the text) as far as it reaches, never inside a number or a Latin word,
 * never keeping one half of a quotation or bracket pair, and preferring a clause end as its start.
 */
export function excerptRange(text: string, hitStart: number, hitEnd: number, size: number): ExcerptRange {
  const blockStart = text.lastIndexOf("\n", Math.max(0, hitStart - 1)) + 1;
  const nextBreak = text.indexOf("\n", hitEnd);
  let blockEnd = nextBreak < 0 ? text.length : nextBreak;
  let start = Math.max(blockStart, hitStart - Math.floor(size / 4));
  // A short block reads on into the next ones.
  while (blockEnd < text.length && blockEnd - start < size) {
    const following = text.indexOf("\n", blockEnd + 1);
    blockEnd = following < 0 ? text.length : following;
  }
  let end = Math.min(blockEnd, Math.max(hitEnd, start + size));
  if (start > blockStart) {
    let clause = -1;
    for (let at = start; at > Math.max(blockStart, start - 12) && clause < 0; at--)
      if (isClauseEnd(text[at - 1])) clause = at;
    for (let at = start + 1; at <= Math.min(hitStart, start + 6) && clause < 0; at++)
      if (isClauseEnd(text[at - 1])) clause = at;
    if (clause >= 0) start = clause;
  }
  while (start > blockStart && splitsWord(text, start)) start--;
  while (end < blockEnd && splitsWord(text, end)) end++;
  // Pairs: a closer without its opener pulls the start back to the opener (or past the closer); an
  // opener without its closer pushes the end on to the closer (or back before the opener).
  const stack: number[] = [];
  for (let at = start; at < end; at++) {
    const opener = OPENERS.indexOf(text[at] as string);
    const closer = CLOSERS.indexOf(text[at] as string);
    if (opener >= 0) stack.push(at);
    else if (closer >= 0) {
      if (stack.length > 0 && OPENERS.indexOf(text[stack[stack.length - 1] as number] as string) === closer)
        stack.pop();
      else {
        const back = text.lastIndexOf(OPENERS[closer] as string, start);
        if (back >= blockStart && start - back <= 30) start = back;
        else if (at < hitStart) start = at + 1;
      }
    }
  }
  const open = stack[0];
  if (open !== undefined) {
    const close = text.indexOf(CLOSERS[OPENERS.indexOf(text[open] as string)] as string, end);
    if (close >= 0 && close < blockEnd && close - end <= 30) end = close + 1;
    else if (open >= hitEnd) end = open;
  }
  while (start < hitStart && isClauseEnd(text[start])) start++;
  return { start, end, before: start > 0, after: end < text.length };
}
