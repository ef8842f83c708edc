import { existsSync, readdirSync } from "node:fs";
import { pinyin } from "pinyin-pro";

/** The longest slug `npm run new` makes up from a title. */
export const MAX_SLUG_LENGTH = 40;

const HAN = /\p{Script=Han}/u;

function hanSyllables(run: string, initials: boolean): string[] {
  const options = { toneType: "none", type: "array", v: true, nonZh: "removed" } as const;
  return initials ? pinyin(run, { ...options, pattern: "first" }) : pinyin(run, options);
}

/**
 * Splits a title into runs of Chinese characters and runs of ASCII letters and digits; anything
 * else (punctuation, spaces, 《》, 〔〕) only separates runs. Full-width letters and digits count as
 * ASCII (NFKC).
 */
function titleRuns(title: string): { text: string; han: boolean }[] {
  const runs: { text: string; han: boolean }[] = [];
  for (const char of title.normalize("NFKC")) {
    const han = HAN.test(char);
    const ascii = /[A-Za-z0-9]/.test(char);
    if (!han && !ascii) {
      runs.push({ text: "", han: false });
      continue;
    }
    const last = runs.at(-1);
    if (last?.text && last.han === han) last.text += char;
    else runs.push({ text: char, han });
  }
  return runs.filter((run) => run.text);
}

/** Cuts a slug to at most `max` characters, at a hyphen when there is one, never ending in `-`. */
export function shortenSlug(slug: string, max = MAX_SLUG_LENGTH): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const hyphen = cut.lastIndexOf("-");
  const shortened = hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, max);
  return shortened.replace(/-+$/, "");
}

/**
 * The slug for a title: the full pinyin, one hyphen between syllables (`绿色低碳` → `lv-se-di-tan`),
 * when that fits in 40 characters; otherwise the initials of each run of Chinese characters
 * (`以科技创新推动经济高质量发展` → `ykjcxtdjjgzlfz`). Digits and ASCII words of the title are kept,
 * lowercased, as words of their own. Empty when the title has nothing to spell.
 */
export function slugFromTitle(title: string, max = MAX_SLUG_LENGTH): string {
  const runs = titleRuns(title);
  const spell = (initials: boolean) =>
    runs
      .map((run) => (run.han ? hanSyllables(run.text, initials).join(initials ? "" : "-") : run.text))
      .map((word) => word.toLowerCase().replace(/[^a-z0-9-]/g, ""))
      .filter(Boolean)
      .join("-");
  const full = spell(false);
  return full.length <= max ? full : shortenSlug(spell(true), max);
}

/** `slug`, or `slug-2`, `slug-3`… whichever is not taken, kept within `max` characters. */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>, max = MAX_SLUG_LENGTH): string {
  if (!taken.has(slug)) return slug;
  for (let number = 2; ; number++) {
    const suffix = `-${number}`;
    const candidate = `${shortenSlug(slug, max - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The slugs already used in a folder of articles (file names without `.md`). */
export function slugsInFolder(folder: string): Set<string> {
  if (!existsSync(folder)) return new Set();
  return new Set(
    readdirSync(folder)
      .filter((name) => name.endsWith(".md"))
      .map((name) => name.slice(0, -".md".length)),
  );
}
