/** Text → sentences of at most 100 characters, so reading can pause, resume and be interrupted. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const parts = text.replace(/\s+/g, " ").match(/[^。！？!?；;…]+[。！？!?；;…]*[”’」』）)]*|[。！？!?；;…]+/g) || [];
  parts.forEach((whole) => {
    let part = whole.trim();
    while (part.length > 100) {
      const comma = Math.max(part.lastIndexOf("，", 99), part.lastIndexOf("、", 99), part.lastIndexOf(",", 99));
      const cut = comma > 20 ? comma + 1 : 100;
      out.push(part.slice(0, cut).trim());
      part = part.slice(cut).trim();
    }
    if (part) out.push(part);
  });
  return out;
}

/** What a voice says of its language: its `lang`, lower case, `_` as `-`. */
function normalLang(candidate: Pick<SpeechSynthesisVoice, "lang">): string {
  return String(candidate.lang || "")
    .replace("_", "-")
    .toLowerCase();
}

/**
 * A Mandarin voice: zh-CN first, then any other zh / cmn one; of each, a voice of the device
 * itself before one the browser synthesizes on its maker's servers (Chrome's "Google" voices).
 * None (undefined): the browser's default for lang zh-CN.
 */
export function mandarinVoice<Voice extends Pick<SpeechSynthesisVoice, "lang" | "localService">>(
  voices: readonly Voice[],
): Voice | undefined {
  const find = (test: (lang: string) => boolean) =>
    voices
      .filter((candidate) => test(normalLang(candidate)))
      .sort((a, b) => Number(b.localService === true) - Number(a.localService === true))[0];
  return (
    find((lang) => lang === "zh-cn") ||
    find((lang) => /^cmn/.test(lang) && !/tw|hk/.test(lang)) ||
    find((lang) => /^zh/.test(lang) && !/hk|yue/.test(lang))
  );
}
