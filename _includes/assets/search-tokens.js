/*
 * 站内搜索的分词 — the one segmentation shared by the index build (lib/segment.ts) and the search page.
 * Chinese runs become overlapping character bigrams, so any substring of two or more characters is
 * found whatever the word boundaries; the same code turns a query into the same tokens.
 * Loaded as a classic script in the browser and imported for its side effect in Node: it defines
 * globalThis.bureauSearchTokens.
 */
(() => {
  const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3005\\u3007";
  // Quotes and brackets inside a Chinese run do not break it: 十四五规划 finds “十四五”规划.
  const QUOTES = "“”‘’「」『』《》〈〉（）【】〔〕()\"'";
  const CJK_CHAR = new RegExp(`^[${CJK}]$`, "u");
  const CJK_TOKEN = new RegExp(`^[${CJK}].*[${CJK}]$|^[${CJK}]$`, "u");
  const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t\\u00a0\\u3000]+(?=[${CJK}])`, "gu");
  const KEY_CHAR = /[\p{L}\p{N}]/u;

  const NOT_PUNCTUATION = /[^\p{P}\p{S}\s]+/gu;
  const foldRun = (run) => run.normalize("NFKC");

  /**
   * NFKC on everything but punctuation (full-width letters and digits become half-width, while
   * the text keeps its Chinese punctuation for excerpts); blanks between Chinese characters dropped.
   */
  function normalize(text) {
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
  function charKind(codePoint) {
    if (codePoint > 0xffff) return CJK_CHAR.test(String.fromCodePoint(codePoint)) ? CJK_KIND : OTHER_KIND;
    let kind = bmpKinds[codePoint];
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

  const isCjk = (codePoint) => charKind(codePoint) === CJK_KIND;

  /**
   * Splits text into Chinese runs (Chinese characters, with quotes between two of them, as the
   * pattern `[CJK]([QUOTES]*[CJK])*`) and other words, dropping blanks; a hand-written scanner
   * because it runs over every character of the archive.
   */
  function eachSegment(text, onRun, onWord) {
    const length = text.length;
    let at = 0;
    while (at < length) {
      const codePoint = text.codePointAt(at);
      const kind = charKind(codePoint);
      let end = at + (codePoint > 0xffff ? 2 : 1);
      if (kind === CJK_KIND) {
        let scan = end;
        while (scan < length) {
          const next = text.codePointAt(scan);
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
          const next = text.codePointAt(end);
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
   * A run's overlapping bigrams (with any quote between their two characters), and for the index
   * its last character alone, so a query that starts with it (年5G) finds 去年5G.
   */
  function runTokens(run, tokens, forIndex) {
    let previousStart = -1;
    let previousEnd = -1;
    let count = 0;
    for (let at = 0; at < run.length; ) {
      const codePoint = run.codePointAt(at);
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

  /** The text Pagefind indexes: Chinese runs as bigrams plus their last character, other words as they are. */
  function indexText(text) {
    const tokens = [];
    eachSegment(
      normalize(text),
      (run) => runTokens(run, tokens, true),
      (word) => tokens.push(word),
    );
    return tokens.join(" ");
  }

  /**
   * Which of a run's n bigrams a query looks up: every other one and the last (0, 2, 4 … n − 1),
   * enough to cover each character, so a query loads about half the index chunks of all its bigrams.
   */
  function coveringBigrams(count) {
    const picked = [];
    for (let i = 0; i < count; i += 2) picked.push(i);
    if (count > 1 && picked[picked.length - 1] !== count - 1) picked.push(count - 1);
    return picked;
  }

  /**
   * A query's parts (split on blanks), each the Pagefind words it needs in order, with `step`: n ≥ 1
   * when the word must come exactly n positions after the previous one (bigrams of one run), 0 when
   * a few positions may lie between (after a run's last-character token, punctuation).
   */
  function queryParts(query) {
    const parts = [];
    for (const part of String(query).normalize("NFKC").split(/\s+/)) {
      const words = [];
      eachSegment(
        part,
        (text) => {
          const run = [];
          runTokens(text, run, false);
          let previous = -1;
          for (const i of coveringBigrams(run.length)) {
            words.push({ token: run[i], step: previous < 0 ? 0 : i - previous });
            previous = i;
          }
        },
        (text) => {
          const word = latinKey(text);
          if (word) words.push({ token: word, step: 0 });
        },
      );
      if (words.length > 0) parts.push(words);
    }
    return parts;
  }

  /** The distinct Pagefind words of a query. */
  function queryTokens(query) {
    return [...new Set(queryParts(query).flatMap((part) => part.map((word) => word.token)))];
  }

  /** Between a record's title and its body (punctuation: a position of its own, never a word); repeated to pad the title to TITLE_SLOT positions. */
  const TITLE_MARK = "¶";
  /** Between two blocks of a record's body (a heading and the next paragraph): a position of its own, never a word. */
  const BLOCK_MARK = "§";

  /**
   * The readable text back from a record's content (indexText's output joined with the marks):
   * the title marks become one "¶", a block mark a line break (Latin spacing next to Chinese may differ).
   */
  function decodeIndexText(encoded) {
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

  /** A Latin or digit word as queries and presence keys spell it: lower case, letters, digits and "_" only. */
  function latinKey(word) {
    return Array.from(String(word).toLowerCase())
      .filter((char) => KEY_CHAR.test(char) || char === "_")
      .join("");
  }

  /** Latin keys longer than this are cut: a query word is looked up by its first LATIN_KEY_LENGTH characters. */
  const LATIN_KEY_LENGTH = 24;
  const QUOTE_RUN = new RegExp(`[${QUOTES}]`, "gu");

  /**
   * What a text holds for the presence map: each Chinese bigram (quotes inside dropped), the first
   * character of each (a one-character query matches words starting with it) and each run's last
   * character, and every prefix of each Latin or digit word (Pagefind matches words by their start).
   */
  function presenceKeys(text, keys = new Set()) {
    eachSegment(
      normalize(text),
      (run) => {
        const tokens = [];
        runTokens(run, tokens, true);
        for (const token of tokens) {
          const key = token.replace(QUOTE_RUN, "");
          keys.add(key);
          keys.add(String.fromCodePoint(key.codePointAt(0)));
        }
      },
      (word) => {
        const key = latinKey(word).slice(0, LATIN_KEY_LENGTH);
        for (let length = 1; length <= key.length; length++) keys.add(key.slice(0, length));
      },
    );
    return keys;
  }

  /**
   * The presence keys a query needs, per part: `all`, every bigram (and one-character or Latin word)
   * of the part, which a page holding the part verbatim must hold; `cover`, the Pagefind words the
   * search looks up, which any matching page holds.
   */
  function queryPresence(query) {
    const parts = [];
    for (const part of String(query).normalize("NFKC").split(/\s+/)) {
      const all = [];
      const cover = [];
      eachSegment(
        part,
        (text) => {
          const run = [];
          runTokens(text, run, false);
          all.push(...run);
          for (const i of coveringBigrams(run.length)) cover.push(run[i]);
        },
        (text) => {
          const key = latinKey(text).slice(0, LATIN_KEY_LENGTH);
          if (key) {
            all.push(key);
            cover.push(key);
          }
        },
      );
      if (cover.length > 0) parts.push({ all: [...new Set(all)], cover: [...new Set(cover)] });
    }
    return parts;
  }

  /** FNV-1a (32 bits) of a string's UTF-16 code units, as eight hex digits. */
  function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, "0");
  }

  /** Which of `count` (a power of two) presence files holds a key. */
  function presenceBucket(key, count) {
    return Number.parseInt(fnv1a(key), 16) & (count - 1);
  }

  /**
   * The comparison form of a text: letters and digits only, lower-cased, with `positions[i]` the
   * index in `text` of key character i (for highlighting the original).
   */
  function phraseKey(text) {
    let key = "";
    const positions = [];
    const source = String(text);
    let index = 0;
    for (const char of source) {
      const folded = char.normalize("NFKC").toLowerCase();
      if (KEY_CHAR.test(folded)) {
        for (const part of folded) {
          key += part;
          positions.push(index);
        }
      }
      index += char.length;
    }
    return { key, positions };
  }

  /** The parts of a query that must each appear verbatim (split on blanks), in comparison form. */
  function queryPhrases(query) {
    return String(query)
      .normalize("NFKC")
      .split(/\s+/)
      .map((part) => phraseKey(part).key)
      .filter(Boolean);
  }

  /** The presence key of a whole title (or a whole query): "=" and the FNV-1a of its comparison form. */
  function titleKey(text) {
    return `=${fnv1a(phraseKey(text).key)}`;
  }

  globalThis.bureauSearchTokens = {
    TITLE_MARK,
    BLOCK_MARK,
    normalize,
    indexText,
    queryParts,
    queryTokens,
    decodeIndexText,
    phraseKey,
    queryPhrases,
    latinKey,
    presenceKeys,
    queryPresence,
    presenceBucket,
    titleKey,
  };
})();
