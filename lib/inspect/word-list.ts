import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ContentProblem } from "../content/index.ts";
import { parseYamlSource, text, validateWithSchema } from "../content/index.ts";
import { normalizeNewlines } from "../shared/index.ts";

/** Where a site keeps its list of wrong and sensitive forms (错敏字词表), relative to its root. */
export const WORD_LIST_FILE = "_data/wrong-words.yaml";

const forms = z.union([text, z.array(text).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

const wordEntry = z.strictObject({ wrong: forms, right: text, note: text.optional() }).superRefine((entry, context) => {
  entry.wrong.forEach((wrong, index) => {
    if (entry.right.includes(wrong))
      context.addIssue({
        code: "custom",
        path: ["wrong", index],
        message: `「${wrong}」是正确写法「${entry.right}」的一部分，正确的文字也会被当作错误`,
      });
  });
});

/** The schema of the word list: `words` (wrong forms and their correct form) and `allow` (phrases that are not errors). */
export const wordListSchema = z.strictObject({
  words: z.array(wordEntry).default([]),
  allow: z.array(z.strictObject({ phrase: text, file: text.optional() })).default([]),
});

/** One wrong form with the form to use instead, and the line of its entry in the list. */
export interface WrongForm {
  wrong: string;
  right: string;
  note?: string;
  line: number;
}

/** A phrase that contains a wrong form but is right (a false hit), anywhere or in one file only. */
export interface AllowedPhrase {
  phrase: string;
  file?: string;
  line: number;
}

/** A validated word list. */
export interface WordList {
  file: string;
  forms: WrongForm[];
  allow: AllowedPhrase[];
}

/** The outcome of reading a word list: the list, or the problems that kept it from being used. */
export interface WordListResult {
  list?: WordList;
  problems: ContentProblem[];
}

/**
 * Reads and validates a word list file (`file` relative to `root`). Problems are located like the
 * content check's: a YAML error, an unknown key, a wrong form inside its own correct form, a wrong
 * form listed twice, or a wrong form that is part of another entry's correct form.
 */
export function loadWordList(root: string, file: string = WORD_LIST_FILE): WordListResult {
  const absolute = path.join(root, file);
  if (!existsSync(absolute)) return { problems: [{ file, line: 1, message: "找不到错敏字词表文件" }] };
  const yaml = parseYamlSource(normalizeNewlines(readFileSync(absolute, "utf8")));
  if (yaml.mistake) return { problems: [{ file, ...yaml.mistake }] };
  const { data, problems } = validateWithSchema(wordListSchema, yaml, file);
  if (!data) return { problems };
  const forms: WrongForm[] = [];
  const seen = new Map<string, number>();
  data.words.forEach((entry, entryIndex) => {
    entry.wrong.forEach((wrong, index) => {
      const line = yaml.lineOf(["words", entryIndex, "wrong", ...(entry.wrong.length > 1 ? [index] : [])]);
      const earlier = seen.get(wrong);
      if (earlier !== undefined) {
        problems.push({
          file,
          line,
          field: `words[${entryIndex}].wrong`,
          message: `「${wrong}」在第 ${earlier} 行已列过`,
        });
        return;
      }
      seen.set(wrong, line);
      forms.push({ wrong, right: entry.right, note: entry.note, line });
    });
  });
  for (const form of forms) {
    const host = data.words.find((entry) => entry.right.includes(form.wrong));
    if (host)
      problems.push({
        file,
        line: form.line,
        field: "wrong",
        message: `「${form.wrong}」也出现在正确写法「${host.right}」里，正确的文字会被当作错误：请改用更长的错误写法`,
      });
  }
  const allow = data.allow.map((entry, index) => ({ ...entry, line: yaml.lineOf(["allow", index]) }));
  if (problems.length > 0) return { problems };
  return { list: { file, forms, allow }, problems: [] };
}
