import { normalizeNewlines } from "../shared/index.ts";
import { parseYamlSource, type YamlSource } from "./yaml-source.ts";
import type { SyntaxMistake } from "./yaml-syntax.ts";

/** A Markdown file split into its YAML front matter and its body. */
export interface FrontMatterFile {
  frontMatter: YamlSource;
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
}

/** A line that is exactly the `---` fence. */
const FENCE = /^---[ \t]*$/;
/** A line meant as a fence but typed otherwise: dashes of another kind or count (`———`, `－－－`, `----`). */
const LOOKALIKE_FENCE = /^[ \t]*[-—–－―‐‑─━ー]{2,}[ \t]*$/;
/** A line that can belong to front matter: a key, an indented line, a list item or a `# ` comment. */
const YAML_LIKE = /^(?:[A-Za-z_][A-Za-z0-9_-]*[ \t]*[:：]|[ \t]+\S|-(?:[ \t]|$)|#(?!#))/;

const MESSAGES = {
  noOpening: "缺少开头的 ---：文件的第一行应是 ---，元数据（title、date 等字段）写在两行 --- 之间，然后才是正文",
  blankBeforeOpening: "文件开头多了空行：第一行就要写 ---，前面不能有空行或空格",
  lookalike: (written: string) =>
    `这一行应是三个英文短横线 ---，现在写的是「${written}」（中文破折号、全角符号或多写少写都不行）`,
  noClosing: "元数据（front matter）没有结尾的 ---：请在这一行的前面加一行 ---，把元数据和正文分开",
  noClosingAtEnd: "元数据（front matter）没有结尾的 ---：请在这一行的后面加一行 ---，再写正文",
} as const;

const shortened = (line: string) => {
  const chars = Array.from(line.trim());
  return chars.length > 8 ? `${chars.slice(0, 8).join("")}…` : chars.join("");
};

/**
 * Splits `---` fenced YAML front matter from a Markdown body. When the fences are missing or
 * mistyped, gives the one mistake to fix instead, at the line where the editor must look: the
 * first line for a missing opening fence, the line where the front matter seems to end (the first
 * line that is not YAML) for a missing closing one.
 */
export function splitFrontMatter(text: string): FrontMatterFile | { mistake: SyntaxMistake } {
  const lines = normalizeNewlines(text).split("\n");
  const first = lines[0] ?? "";
  if (!FENCE.test(first)) {
    if (LOOKALIKE_FENCE.test(first)) return { mistake: { line: 1, message: MESSAGES.lookalike(shortened(first)) } };
    const firstWritten = lines.findIndex((line) => line.trim() !== "");
    if (firstWritten > 0 && FENCE.test((lines[firstWritten] ?? "").trim()))
      return { mistake: { line: 1, message: MESSAGES.blankBeforeOpening } };
    return { mistake: { line: 1, message: MESSAGES.noOpening } };
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing < 0) return { mistake: missingClosing(lines) };

  const yamlText = lines.slice(1, closing).join("\n");
  const frontMatter = parseYamlSource(yamlText === "" ? "" : `${yamlText}\n`, 2);
  const mistakeLine = frontMatter.mistake?.line;
  if (mistakeLine !== undefined) {
    // Body text read as front matter: a `---` further down (a Markdown rule) was taken for the end.
    const index = mistakeLine - 1;
    if (!YAML_LIKE.test(lines[index] ?? "") && (lines[index - 1] ?? "").trim() === "")
      frontMatter.mistake = { line: mistakeLine, message: MESSAGES.noClosing };
  }
  return {
    frontMatter,
    body: lines.slice(closing + 1).join("\n"),
    bodyLine: closing + 2,
  };
}

/** Where a front matter opened on line 1 and never closed should end, and what to tell the editor. */
function missingClosing(lines: readonly string[]): SyntaxMistake {
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (LOOKALIKE_FENCE.test(line)) return { line: index + 1, message: MESSAGES.lookalike(shortened(line)) };
    if (line.trim() !== "" && !YAML_LIKE.test(line)) return { line: index + 1, message: MESSAGES.noClosing };
  }
  let last = lines.length - 1;
  while (last > 0 && (lines[last] ?? "").trim() === "") last--;
  return { line: last + 1, message: MESSAGES.noClosingAtEnd };
}
