import { normalizeNewlines } from "../shared/index.ts";
import { parseYamlSource, type YamlSource } from "./yaml-source.ts";

/** A Markdown file split into its YAML front matter and its body. */
export interface FrontMatterFile {
  frontMatter: YamlSource;
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/** Splits `---` fenced YAML front matter from a Markdown body; null when the file has none. */
export function splitFrontMatter(text: string): FrontMatterFile | null {
  const normalized = normalizeNewlines(text);
  const match = FRONT_MATTER.exec(normalized);
  if (!match) return null;
  return {
    frontMatter: parseYamlSource(match[1] ?? "", 2),
    body: normalized.slice(match[0].length),
    bodyLine: match[0].split("\n").length - (match[0].endsWith("\n") ? 0 : 1),
  };
}
