/**
 * Finds the repository paths and symbols that the docs and the code comments name, and reports those
 * that do not exist. The rules (tests/docs/references.test.ts runs them over the repository):
 *
 * - **Sources.** `README.md` and the `.md` files under `docs/` except `docs/notes/` (a log, true on its date); the
 *   comments of `.ts`, `.mjs` and `.js` files in `lib/`, `harness/`, `bench/`, `scripts/`, `tests/`
 *   and `.eleventy.ts` (read with Babel's parser, so strings and regular expressions are not
 *   comments), and the `#` comments of the shell scripts there.
 * - **A path** starts with `lib/`, `tests/`, `bench/`, `scripts/`, `harness/`, `docs/`, `_includes/`,
 *   `_data/`, `content/` right after a character that cannot be part of a path (so `../lib/x.ts` and
 *   `pagefind_web_js/lib/x.ts` are not ours), runs to a space, quote, backtick, bracket, comma, colon,
 *   semicolon, `#` or `|` (Chinese punctuation too), loses trailing dots, and is checked only when
 *   it ends with an extension (`.ts`) or a slash (`lib/search/`): `lib/build` is a word, not a path.
 *   It must exist relative to the repository root.
 * - **Patterns.** A path with `*` (any name), `**` (any folders) or a placeholder `<…>` (one name or a
 *   part of one, `articles-<N>.json`) must match at least one file or folder. A path with an ellipsis
 *   (`lib/…/x.ts`) is prose and not checked.
 * - **Editors' examples.** Under `content/` the docs show files an editor would write
 *   (`content/articles/2024/a.md:2: …`), so only the folder right under it (`content/articles/`) must exist.
 * - **Generated output** is never checked: anything under `bench/results/`, and `_site/`, `.cache/`
 *   (no prefix above, so never matched).
 * - **Markdown links** `[text](target)` with a relative target are checked from the document's
 *   folder; an `#anchor` into a Markdown file must be one of its headings as GitHub names them.
 * - **A symbol** is checked in two forms only: `path#name` and `` `name` in `path` `` (also `of`,
 *   `from`; `name()` and a plain path after the word allowed), where the path is a `.ts`, `.mjs` or
 *   `.js` file that exists. The file must declare `name` (a function, class, const, let, var, type,
 *   interface or enum of that name, or a name in an export list).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@babel/parser";

/** One name that does not resolve: where it is written and what is wrong, `file:line: name: 说明`. */
export interface Problem {
  file: string;
  line: number;
  name: string;
  message: string;
}

/** A stretch of text to check and the line of the file it starts on. */
export interface TextPart {
  text: string;
  line: number;
}

const PREFIXES = ["lib", "tests", "bench", "scripts", "harness", "docs", "_includes", "_data", "content"];
const GENERATED = ["bench/results/"];
const SOURCE_EXTENSIONS = [".ts", ".mjs", ".js"];
const STOP = "\\s`'\"()\\[\\]{},;:#|，。、；：（）「」《》！？";
const PATH = new RegExp(`(?<![\\w./\\-@~$])(?:${PREFIXES.join("|")})/(?:<[^<>\\s/]+>|[^${STOP}<>])*`, "gu");
const SYMBOL_BEFORE_PATH = /`([A-Za-z_$][\w$]*)(?:\(\))?`\s+(?:in|of|from)\s+`?$/;
const SYMBOL_AFTER_PATH = /^#([A-Za-z_$][\w$]*)/;
const MARKDOWN_LINK = /\]\(([^()\s]+)\)/g;
const SKIPPED_DIRS = new Set(["node_modules", ".git", "_site", ".cache"]);

const lineAt = (text: string, index: number) => text.slice(0, index).split("\n").length - 1;

/** Every file and folder under `root` (relative, `/`-separated, folders with a trailing slash), output folders left out. */
export function listTree(root: string, dir = ""): string[] {
  const entries: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (SKIPPED_DIRS.has(entry.name)) continue;
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) entries.push(`${relative}/`, ...listTree(root, relative));
    else entries.push(relative);
  }
  return entries;
}

/** The docs and code files whose names are checked, by the rules of this module's doc comment. */
export function referenceSources(tree: readonly string[]): { docs: string[]; code: string[] } {
  const docs = tree.filter(
    (file) =>
      file === "README.md" || (file.startsWith("docs/") && file.endsWith(".md") && !file.startsWith("docs/notes/")),
  );
  const code = tree.filter(
    (file) =>
      file === ".eleventy.ts" ||
      (["lib/", "harness/", "bench/", "scripts/", "tests/"].some((dir) => file.startsWith(dir)) &&
        [...SOURCE_EXTENSIONS, ".sh"].some((extension) => file.endsWith(extension)) &&
        !file.startsWith("bench/results/")),
  );
  return { docs, code };
}

/** The comments of a TypeScript or JavaScript file, each with the line it starts on (0-based). */
export function scriptComments(text: string): TextPart[] {
  const { comments } = parse(text, { sourceType: "module", plugins: ["typescript"], errorRecovery: true });
  return (comments ?? []).map((comment) => ({ text: comment.value, line: (comment.loc?.start.line ?? 1) - 1 }));
}

/** The `#` comments of a shell script (not the `#!` line), each with its line (0-based). */
export function shellComments(text: string): TextPart[] {
  return text.split("\n").flatMap((line, index) => {
    const at = line.search(/(^|\s)#(?!!)/);
    return at === -1 || /^#!/.test(line) ? [] : [{ text: line.slice(at), line: index }];
  });
}

/** A path as written, with its trailing dots removed; undefined when the rules say it is not checked. */
function checkedPath(written: string): string | undefined {
  const trimmed = written.replace(/\.+$/, "");
  if (trimmed.includes("…")) return undefined;
  if (!trimmed.endsWith("/") && !/\.[A-Za-z0-9]+$/.test(trimmed.split("/").pop() ?? "")) return undefined;
  if (GENERATED.some((prefix) => trimmed.startsWith(prefix))) return undefined;
  const examples = /^content\/[^/]+\//.exec(trimmed);
  return examples ? examples[0] : trimmed;
}

/** A regular expression for a path with `*`, `**` or `<…>`; undefined for a plain path. */
function patternOf(pathText: string): RegExp | undefined {
  if (!/[*<]/.test(pathText)) return undefined;
  const source = pathText
    .split(/(\*\*\/?|\*|<[^<>]+>)/)
    .map((part) => {
      if (part.startsWith("**")) return "(?:.*/)?";
      if (part === "*") return "[^/]*";
      if (part.startsWith("<")) return "[^/]+";
      return part.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}$`);
}

/** Whether `pathText` (relative to the root) names an existing file or folder of `tree`. */
function exists(pathText: string, tree: ReadonlySet<string>): boolean {
  const pattern = patternOf(pathText);
  if (pattern) return [...tree].some((entry) => pattern.test(entry));
  return tree.has(pathText) || (!pathText.endsWith("/") && tree.has(`${pathText}/`));
}

/** Whether the source file declares `name`. */
export function declares(source: string, name: string): boolean {
  const escaped = name.replace(/\$/g, "\\$");
  const declaration = new RegExp(
    `(?:^|[^\\w$.])(?:function\\*?|class|interface|type|enum|const|let|var)\\s+${escaped}(?![\\w$])`,
  );
  const exportList = new RegExp(`export\\s*(?:type\\s*)?\\{[^}]*(?<![\\w$])${escaped}(?![\\w$])[^}]*\\}`);
  return declaration.test(source) || exportList.test(source);
}

/** The anchors of a Markdown document's headings, as GitHub makes them (`## Where the time goes` → `where-the-time-goes`). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? undefined : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  for (const match of markdown.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(match[1] as string);
  return anchors;
}

/** The problems of one stretch of text of `file`: missing paths, missing symbols, broken relative links. */
export function checkText(root: string, tree: ReadonlySet<string>, file: string, part: TextPart): Problem[] {
  const problems: Problem[] = [];
  const report = (index: number, name: string, message: string) =>
    problems.push({ file, line: part.line + lineAt(part.text, index) + 1, name, message });
  for (const match of part.text.matchAll(PATH)) {
    const written = checkedPath(match[0]);
    if (!written) continue;
    if (!exists(written, tree)) {
      report(match.index, written, "路径不存在 (no such file or folder in the repository)");
      continue;
    }
    if (!SOURCE_EXTENSIONS.some((extension) => written.endsWith(extension)) || patternOf(written)) continue;
    const after = part.text.slice(match.index + match[0].length);
    const name = SYMBOL_AFTER_PATH.exec(after)?.[1] ?? SYMBOL_BEFORE_PATH.exec(part.text.slice(0, match.index))?.[1];
    if (name && !declares(readFileSync(path.join(root, written), "utf8"), name))
      report(match.index, `${written}#${name}`, `${written} 里没有声明 ${name} (the file declares no such name)`);
  }
  if (file.endsWith(".md"))
    for (const match of part.text.matchAll(MARKDOWN_LINK)) {
      const [target = "", anchor] = (match[1] as string).split("#");
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("/")) continue;
      const resolved = target ? path.posix.normalize(path.posix.join(path.posix.dirname(file), target)) : file;
      if (resolved.startsWith("..") || GENERATED.some((prefix) => resolved.startsWith(prefix))) continue;
      if (!existsSync(path.join(root, resolved)))
        report(match.index, target, "链接的文件不存在 (the link's file does not exist)");
      else if (
        anchor &&
        resolved.endsWith(".md") &&
        !headingAnchors(readFileSync(path.join(root, resolved), "utf8")).has(anchor)
      )
        report(match.index, `${target}#${anchor}`, "链接的标题不存在 (no heading with that anchor)");
    }
  return problems.sort((a, b) => a.line - b.line);
}

/** Every problem of the docs and code comments of the repository at `root`, in file order. */
export function checkReferences(root: string): Problem[] {
  const treeList = listTree(root);
  const tree = new Set(treeList);
  const { docs, code } = referenceSources(treeList);
  const problems: Problem[] = [];
  for (const file of docs) {
    problems.push(...checkText(root, tree, file, { text: readFileSync(path.join(root, file), "utf8"), line: 0 }));
  }
  for (const file of code) {
    const text = readFileSync(path.join(root, file), "utf8");
    const parts = file.endsWith(".sh") ? shellComments(text) : scriptComments(text);
    for (const part of parts) problems.push(...checkText(root, tree, file, part));
  }
  return problems;
}

/** One line per problem, as a failing test shows them: `file:line: name: 说明 (English)`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((problem) => `${problem.file}:${problem.line}: ${problem.name}: ${problem.message}`).join("\n");
}
