/** One thing wrong with one content file, located as precisely as the file allows. */
export interface ContentProblem {
  /** Path relative to the site root, with forward slashes. */
  file: string;
  /** 1-based line number, when the problem can be tied to one. */
  line?: number;
  /** The English key, e.g. `date` or `attachments[0].file`. */
  field?: string;
  /** What is wrong and how to fix it, in Chinese. */
  message: string;
}

/** Formats a problem as `path:line: field: message`, the form editors and CI logs read. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line ?? 1}: ${problem.field ?? "-"}: ${problem.message}`;
}

/** The summary line under a list of problems, in both languages: `共 2 个问题 (2 problems)。`. */
export function problemCountLine(count: number): string {
  return `共 ${count} 个问题 (${count} ${count === 1 ? "problem" : "problems"})。`;
}

/** Orders problems by file, then line, so each file's problems read top to bottom. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/** Thrown when any content file is invalid; carries every problem found, not just the first. */
export class ContentValidationError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    super(
      `内容校验失败 (content validation failed): ${problems.length} 个问题\n${problems.map(formatProblem).join("\n")}`,
    );
    this.name = "ContentValidationError";
    this.problems = problems;
  }
}

/** Runs one validation step: its value, or undefined with the problems it threw added to `problems`. */
export function collectProblems<T>(step: () => T, problems: ContentProblem[]): T | undefined {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

/** Finds a ContentValidationError anywhere in an error's `cause` chain (Eleventy wraps errors). */
export function findContentValidationError(error: unknown): ContentValidationError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof ContentValidationError) return current;
    current =
      (current as { cause?: unknown; originalError?: unknown }).cause ??
      (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}
