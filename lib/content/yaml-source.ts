import { isMap, isPair, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import { findSyntaxMistake, type SyntaxMistake } from "./yaml-syntax.ts";

export type YamlPath = ReadonlyArray<string | number>;

/** A parsed YAML text that can say on which line each value and key stands. */
export interface YamlSource {
  /** The parsed value; undefined when the text has a syntax mistake. */
  value: unknown;
  /**
   * The one syntax mistake to fix first, in plain Chinese, with its 1-based line in the enclosing
   * file (lib/content/yaml-syntax.ts); undefined when the text is valid.
   */
  mistake?: SyntaxMistake;
  /** The line of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: YamlPath): number;
  /** The line of the key `key` inside the mapping at `path`. */
  keyLineOf(path: YamlPath, key: string): number;
  /** The line on which the text at `path` begins: the line after `|` or `>` for a block of text. */
  textLineOf(path: YamlPath): number;
}

/**
 * Parses YAML 1.2 with the core schema (dates stay strings, so no time zone can creep in) and
 * duplicate keys rejected. `firstLine` is the line of the file on which the YAML text starts.
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: "core", uniqueKeys: true, lineCounter, prettyErrors: false });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const nodeLine = (node: unknown): number | undefined => {
    const range = (node as Node | null | undefined)?.range;
    return range ? toFileLine(range[0]) : undefined;
  };

  const lineOf = (path: YamlPath): number => {
    for (let length = path.length; length >= 0; length--) {
      const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
      const line = nodeLine(node);
      if (line !== undefined) return line;
    }
    return firstLine;
  };

  const keyLineOf = (path: YamlPath, key: string): number => {
    const container = path.length === 0 ? document.contents : document.getIn(path, true);
    if (isMap(container)) {
      for (const pair of container.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) {
          return nodeLine(pair.key) ?? lineOf(path);
        }
      }
    }
    return lineOf(path);
  };

  const textLineOf = (path: YamlPath): number => {
    const node = document.getIn(path, true);
    const block = isScalar(node) && (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED");
    return lineOf(path) + (block ? 1 : 0);
  };

  let mistake = findSyntaxMistake(text, document.errors, lineCounter, firstLine);
  let value: unknown;
  if (!mistake) {
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch {
      // An alias (`*name`) without its anchor: the scan names the value that starts with `*`.
      mistake = {
        line: firstLine,
        message: "YAML 的别名（以 * 开头的值）找不到对应的 &：请把以 * 开头的值用引号括起来",
      };
    }
  }
  return { value, mistake, lineOf, keyLineOf, textLineOf };
}
