/*
 * 站内搜索的排序与摘要 — the search page's pure logic, loaded with search-tokens.js before search.js
 * and imported by the tests in Node: how a page ranks from its words' positions, which shards to
 * read in which order and when the first results are final, and where an excerpt may start and end.
 * Defines globalThis.bureauSearchCore.
 */
(() => {
  /** Ranks, best first: the title is the query, the title holds it, the body holds it, its characters are scattered. */
  const TIER = { EXACT: 0, TITLE: 1, BODY: 2, SCATTERED: 3 };

  /** Positions where a chain of the part's words starts: each word `step` positions after the previous one. */
  function chainStarts(part, positions) {
    const starts = [];
    for (const start of positions.get(part[0].token) || []) {
      let current = start;
      let ok = true;
      for (let i = 1; i < part.length && ok; i++) {
        const next = positions.get(part[i].token) || [];
        const step = part[i].step;
        const found =
          step > 0
            ? next.indexOf(current + step) >= 0
              ? current + step
              : -1
            : next.find((position) => position > current && position <= current + 4);
        if (found === undefined || found < 0) ok = false;
        else current = found;
      }
      if (ok) starts.push(start);
    }
    return starts;
  }

  /**
   * A page's rank from the positions of its words (word → positions): TITLE when every part of the
   * query stands verbatim in the title (a chain starting below `titleSlot`), BODY when every part
   * stands verbatim somewhere, else SCATTERED. EXACT is decided on the page's own title text.
   */
  function pageTier(parts, positions, titleSlot) {
    let tier = TIER.TITLE;
    for (const part of parts) {
      const starts = chainStarts(part, positions);
      const partTier = starts.length === 0 ? TIER.SCATTERED : starts[0] < titleSlot ? TIER.TITLE : TIER.BODY;
      if (partTier > tier) tier = partTier;
    }
    return tier;
  }

  /** Whether a page's chain of a one-part query starts at its very first word: its title may be the query. */
  function startsWithQuery(parts, positions) {
    return parts.length === 1 && chainStarts(parts[0], positions).indexOf(0) >= 0;
  }

  /** A shard set from the presence file's spelling: `*` every shard, else indexes in base 36. */
  function decodeShardSet(text, total) {
    if (text === "*") return Array.from({ length: total }, (_, i) => i);
    return text ? text.split(",").map((part) => Number.parseInt(part, 36)) : [];
  }

  /** A presence line's chunk column as shard → chunk hash, the hashes given in the order of `shards`. */
  function decodeChunks(shards, text) {
    const chunks = new Map();
    if (!text) return chunks;
    text.split(",").forEach((hash, i) => {
      if (hash && i < shards.length) chunks.set(shards[i], hash);
    });
    return chunks;
  }

  /** The index chunks of shard `index` that hold `words`, by the presence map (`lookup`), each once. */
  function chunksOf(words, lookup, index) {
    const chunks = new Set();
    for (const word of words) {
      const entry = lookup(word);
      const chunk = entry && entry.chunks && entry.chunks.get(index);
      if (chunk) chunks.add(chunk);
    }
    return Array.from(chunks);
  }

  /**
   * The shards to read for a query, best first, each with the best rank it can hold: `lookup(key)` gives
   * a presence key's `{ all, title }` shard sets (undefined: no shard has it); a shard is a candidate when
   * it holds every part's looked-up words, can hold the parts verbatim when it holds all their bigrams,
   * in a title when its titles do. `exact` lists the shards with a title equal to the query, `allowed`
   * says which shards the filters leave (by year). Read by bound, then newest first; by date alone when
   * `byDate`.
   */
  function planReading(shardCount, parts, lookup, exact, allowed, byDate) {
    const has = (key, index, field) => {
      const entry = lookup(key);
      return Boolean(entry && entry[field].indexOf(index) >= 0);
    };
    const plan = [];
    for (let index = 0; index < shardCount; index++) {
      if (!allowed(index)) continue;
      if (!parts.every((part) => part.cover.every((key) => has(key, index, "all")))) continue;
      let bound = TIER.SCATTERED;
      if (exact.indexOf(index) >= 0) bound = TIER.EXACT;
      else if (parts.every((part) => part.all.every((key) => has(key, index, "title")))) bound = TIER.TITLE;
      else if (parts.every((part) => part.all.every((key) => has(key, index, "all")))) bound = TIER.BODY;
      plan.push({ index, bound: byDate ? 0 : bound });
    }
    return plan.sort((a, b) => a.bound - b.bound || a.index - b.index);
  }

  /** Orders ranked pages: by rank, then shard (newest first), then date within the shard (Pagefind's date score, higher is newer). */
  function compareRanked(a, b) {
    return a.tier - b.tier || a.shard - b.shard || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  /**
   * Whether the first `count` pages of `ranked` (sorted) can no longer change: every shard still to
   * read (`next` is the first of them, or undefined) can only give pages that rank after them.
   */
  function settled(ranked, count, next) {
    if (!next) return true;
    if (ranked.length < count) return false;
    const last = ranked[count - 1];
    return last.tier < next.bound || (last.tier === next.bound && last.shard < next.index);
  }

  const WORD_CHAR = /[\p{L}\p{N}]/u;
  const LATIN_OR_DIGIT = /[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A.%]/;
  const OPENERS = "“‘《「『（【〔〈(";
  const CLOSERS = "”’》」』）】〕〉)";
  const CLAUSE_END = /[。！？；，、：!?;,:]/;

  const splitsWord = (text, at) =>
    at > 0 && at < text.length && LATIN_OR_DIGIT.test(text[at - 1]) && LATIN_OR_DIGIT.test(text[at]);

  /**
   * Where an excerpt of about `size` characters around text[hitStart, hitEnd) starts and ends: inside
   * the hit's block (a line of the text) as far as it reaches, never inside a number or a Latin word,
   * never keeping one half of a quotation or bracket pair, and preferring a clause end as its start.
   */
  function excerptRange(text, hitStart, hitEnd, size) {
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
        if (CLAUSE_END.test(text[at - 1])) clause = at;
      for (let at = start + 1; at <= Math.min(hitStart, start + 6) && clause < 0; at++)
        if (CLAUSE_END.test(text[at - 1])) clause = at;
      if (clause >= 0) start = clause;
    }
    while (start > blockStart && splitsWord(text, start)) start--;
    while (end < blockEnd && splitsWord(text, end)) end++;
    // Pairs: a closer without its opener pulls the start back to the opener (or past the closer); an
    // opener without its closer pushes the end on to the closer (or back before the opener).
    const stack = [];
    for (let at = start; at < end; at++) {
      const opener = OPENERS.indexOf(text[at]);
      const closer = CLOSERS.indexOf(text[at]);
      if (opener >= 0) stack.push(at);
      else if (closer >= 0) {
        if (stack.length > 0 && OPENERS.indexOf(text[stack[stack.length - 1]]) === closer) stack.pop();
        else {
          const back = text.lastIndexOf(OPENERS[closer], start);
          if (back >= blockStart && start - back <= 30) start = back;
          else if (at < hitStart) start = at + 1;
        }
      }
    }
    if (stack.length > 0) {
      const open = stack[0];
      const close = text.indexOf(CLOSERS[OPENERS.indexOf(text[open])], end);
      if (close >= 0 && close < blockEnd && close - end <= 30) end = close + 1;
      else if (open >= hitEnd) end = open;
    }
    while (start < hitStart && CLAUSE_END.test(text[start])) start++;
    return { start, end, before: start > 0, after: end < text.length };
  }

  /** Whether a character is a letter or a digit (what excerpts count). */
  function isWordChar(char) {
    return WORD_CHAR.test(char);
  }

  globalThis.bureauSearchCore = {
    TIER,
    chainStarts,
    pageTier,
    startsWithQuery,
    decodeShardSet,
    decodeChunks,
    chunksOf,
    planReading,
    compareRanked,
    settled,
    excerptRange,
    isWordChar,
  };
})();
