import { isMap, isPair, isScalar, LineCounter, type Node, parseDocument } from "yaml";

export type YamlPath = ReadonlyArray<string | number>;

/** A parsed YAML text that can say on which line each value and key stands. */
export interface YamlSource {
  value: unknown;
  /** Syntax errors, with 1-based lines in the enclosing file. */
  errors: { line: number; message: string }[];
  /** The line of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: YamlPath): number;
  /** The line of the key `key` inside the mapping at `path`. */
  keyLineOf(path: YamlPath, key: string): number;
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

  const lines = text.split("\n");
  const lastContentLine = (offset: number) => {
    let line = Math.min(lineCounter.linePos(offset).line, lines.length);
    while (line > 1 && (lines[line - 1] ?? "").trim() === "") line--;
    return line + firstLine - 1;
  };
  const errors = document.errors.map((error) => ({
    line: lastContentLine(error.pos[0]),
    message: error.message.split("\n")[0] ?? error.message,
  }));
  const value = errors.length === 0 ? document.toJS({ maxAliasCount: 100 }) : undefined;
  return { value, errors, lineOf, keyLineOf };
}
