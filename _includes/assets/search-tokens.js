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
  const SEGMENT = new RegExp(`([${CJK}](?:[${QUOTES}]*[${CJK}])*)|(\\s+)|([^\\s${CJK}]+)`, "gu");
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

  /**
   * A run's overlapping bigrams (with any quote between their two characters), and for the index
   * its last character alone, so a query that starts with it (年5G) finds 去年5G.
   */
  function runTokens(run, tokens, forIndex) {
    const chars = Array.from(run);
    const han = [];
    chars.forEach((char, i) => {
      if (CJK_CHAR.test(char)) han.push(i);
    });
    if (han.length === 1) {
      tokens.push(run);
      return;
    }
    for (let i = 0; i + 1 < han.length; i++) {
      const pair = chars.slice(han[i], han[i + 1] + 1);
      tokens.push(forIndex ? pair.join("") : pair[0] + pair[pair.length - 1]);
    }
    if (forIndex) tokens.push(chars[han[han.length - 1]]);
  }

  /** The text Pagefind indexes: Chinese runs as bigrams plus their last character, other words as they are. */
  function indexText(text) {
    const tokens = [];
    for (const match of normalize(text).matchAll(SEGMENT)) {
      if (match[1]) runTokens(match[1], tokens, true);
      else if (match[3]) tokens.push(match[3]);
    }
    return tokens.join(" ");
  }

  /**
   * A query's parts (split on blanks), each the Pagefind words it needs in order, with `step`: 1 when
   * the word must follow the previous one directly (bigrams of one run), 0 when a few positions may
   * lie between (after a run's last-character token, punctuation).
   */
  function queryParts(query) {
    const parts = [];
    for (const part of String(query).normalize("NFKC").split(/\s+/)) {
      const words = [];
      for (const match of part.matchAll(SEGMENT)) {
        if (match[1]) {
          const run = [];
          runTokens(match[1], run, false);
          run.forEach((token, i) => {
            words.push({ token, step: i === 0 ? 0 : 1 });
          });
        } else if (match[3]) {
          const word = Array.from(match[3].toLowerCase())
            .filter((char) => KEY_CHAR.test(char) || char === "_")
            .join("");
          if (word) words.push({ token: word, step: 0 });
        }
      }
      if (words.length > 0) parts.push(words);
    }
    return parts;
  }

  /** The distinct Pagefind words of a query. */
  function queryTokens(query) {
    return [...new Set(queryParts(query).flatMap((part) => part.map((word) => word.token)))];
  }

  /** The readable text back from indexText's output (Latin spacing next to Chinese may differ). */
  function decodeIndexText(encoded) {
    let out = "";
    let inRun = false;
    let lastWasCjk = false;
    for (const token of String(encoded).split(" ")) {
      if (token === "") continue;
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
        if (out && !lastWasCjk) out += " ";
        out += token;
        inRun = false;
        lastWasCjk = false;
      }
    }
    return out;
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

  globalThis.bureauSearchTokens = {
    normalize,
    indexText,
    queryParts,
    queryTokens,
    decodeIndexText,
    phraseKey,
    queryPhrases,
  };
})();
