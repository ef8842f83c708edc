import type { ContentProblem } from "../content/index.ts";
import { FIELD_LABELS } from "../content/index.ts";
import type { InspectContext } from "./context.ts";
import { keyAbove } from "./sources.ts";
import { type CheckResult, checkResult, type Finding } from "./types.ts";
import type { AllowedPhrase, WordList, WrongForm } from "./word-list.ts";

/** A wrong form found in a line of text: its 0-based column and the entry it matches. */
export interface WordHit {
  column: number;
  form: WrongForm;
}

/** The wrong forms by their first character, longest first, so a line is scanned once. */
export type FormIndex = Map<string, WrongForm[]>;

/** Indexes the forms of a word list for {@link findWrongForms}. */
export function indexForms(forms: readonly WrongForm[]): FormIndex {
  const index: FormIndex = new Map();
  for (const form of forms) {
    const first = String.fromCodePoint(form.wrong.codePointAt(0) ?? 0);
    index.set(
      first,
      [...(index.get(first) ?? []), form].sort((a, b) => b.wrong.length - a.wrong.length),
    );
  }
  return index;
}

/** Whether an allowed phrase occurring in the line covers the span [start, end). */
function allowedAt(
  line: string,
  start: number,
  end: number,
  allow: readonly AllowedPhrase[],
): AllowedPhrase | undefined {
  for (const entry of allow) {
    for (let at = line.indexOf(entry.phrase); at >= 0; at = line.indexOf(entry.phrase, at + 1)) {
      if (at <= start && at + entry.phrase.length >= end) return entry;
      if (at > start) break;
    }
  }
  return undefined;
}

/**
 * The wrong forms in one line of text, left to right; at each place the longest form wins and the
 * scan goes on after it. A hit inside an allowed phrase is skipped and the phrase is passed to `used`.
 */
export function findWrongForms(
  line: string,
  index: FormIndex,
  allow: readonly AllowedPhrase[] = [],
  used: (entry: AllowedPhrase) => void = () => undefined,
): WordHit[] {
  const hits: WordHit[] = [];
  for (let column = 0; column < line.length; ) {
    const candidates = index.get(String.fromCodePoint(line.codePointAt(column) ?? 0));
    const form = candidates?.find((entry) => line.startsWith(entry.wrong, column));
    if (!form) {
      column += (line.codePointAt(column) ?? 0) > 0xffff ? 2 : 1;
      continue;
    }
    const end = column + form.wrong.length;
    const allowed = allowedAt(line, column, end, allow);
    if (allowed) used(allowed);
    else hits.push({ column, form });
    column = end;
  }
  return hits;
}

const label = (key: string) => (key && FIELD_LABELS[key] ? `「${FIELD_LABELS[key]}」(${key})` : key ? `(${key})` : "");

/** A source file to scan: which lines are Markdown body (from `bodyLine`), and which items are not published. */
interface ScanTarget {
  file: string;
  bodyLine?: number;
  /** The not-yet-published items of the file, by the line their entry starts on (none: the whole file). */
  pending: { line?: number; status: "draft" | "scheduled" }[];
}

/** The files the site is made of: the site file, and every article, notice file and page, drafts included. */
function scanTargets(context: InspectContext): ScanTarget[] {
  const { preview } = context;
  const targets = new Map<string, ScanTarget>();
  const target = (file: string, bodyLine?: number) => {
    const known = targets.get(file) ?? { file, bodyLine, pending: [] };
    targets.set(file, known);
    return known;
  };
  target("_data/site.yaml");
  for (const article of preview.articles) {
    const entry = target(article.sourcePath, article.bodyLine);
    if (article.status) entry.pending.push({ status: article.status });
  }
  for (const notice of preview.notices) {
    const entry = target(notice.sourcePath);
    if (notice.status) entry.pending.push({ line: notice.line, status: notice.status });
  }
  for (const page of preview.staticPages) target(page.sourcePath, page.bodyLine);
  return [...targets.values()];
}

/** Whether a hit on `line` of a file falls in a draft or scheduled item (its entry starts at or above the line, and no other entry does in between). */
function statusAt(target: ScanTarget, line: number, entryLines: readonly number[]): "draft" | "scheduled" | undefined {
  const entryStart = entryLines.filter((start) => start <= line).at(-1) ?? 1;
  return target.pending.find((item) => item.line === undefined || item.line === entryStart)?.status;
}

/**
 * 严重错误: every wrong or sensitive form of the word list in the site file, the articles, notices and
 * pages (titles, summaries, bodies, every line but YAML comments), with its file, line and correct
 * form. A failure in published content, a warning in drafts and scheduled items.
 */
export function checkWrongWords(
  context: InspectContext,
  list: WordList | undefined,
  listProblems: readonly ContentProblem[] = [],
  notes: readonly string[] = [],
): CheckResult {
  const findings: Finding[] = listProblems.map((problem) => ({
    severity: "fail",
    file: problem.file,
    line: problem.line,
    field: problem.field,
    message: `错敏字词表有误，无法检查：${problem.message}`,
  }));
  for (const note of notes) findings.push({ severity: "info", file: list?.file, line: 1, message: note });
  if (!list) return checkResult("wrong-words", "错敏字词表有误，未检查", findings);
  const index = indexForms(list.forms);
  const used = new Set<AllowedPhrase>();
  let files = 0;
  for (const target of scanTargets(context)) {
    files++;
    const lines = context.sources.lines(target.file);
    const yaml = target.file.endsWith(".yaml") || target.file.endsWith(".yml");
    const entryLines = yaml ? lines.flatMap((text, at) => (/^- /.test(text) ? [at + 1] : [])) : [];
    const allow = list.allow.filter((entry) => !entry.file || entry.file === target.file);
    lines.forEach((text, at) => {
      const line = at + 1;
      if ((yaml || (target.bodyLine && line < target.bodyLine)) && /^\s*#/.test(text)) return;
      for (const hit of findWrongForms(text, index, allow, (entry) => used.add(entry))) {
        const key = target.bodyLine && line >= target.bodyLine ? "body" : keyAbove(lines, line);
        const status = statusAt(target, line, entryLines);
        const note = hit.form.note ? `（${hit.form.note}）` : "";
        const where = label(key) ? `${label(key)} 中的` : "";
        const later = status ? `；这是${status === "draft" ? "草稿" : "定时发布的内容"}，发布前请改正` : "";
        findings.push({
          severity: status ? "warn" : "fail",
          file: target.file,
          line,
          field: key || undefined,
          message: `${where}「${hit.form.wrong}」应为「${hit.form.right}」${note}${later}`,
        });
      }
    });
  }
  for (const entry of list.allow)
    if (!used.has(entry))
      findings.push({
        severity: "info",
        file: list.file,
        line: entry.line,
        message: `允许项「${entry.phrase}」${entry.file ? `（限 ${entry.file}）` : ""}没有用到，可以删去`,
      });
  const hits = findings.filter((finding) => finding.severity !== "info" && finding.file !== list.file).length;
  const summary = `用词表 ${list.file} 的 ${list.forms.length} 个错误写法检查了 ${files} 个文件：${hits} 处错敏字`;
  return checkResult("wrong-words", summary, findings);
}
