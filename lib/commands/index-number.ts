import { readFileSync } from "node:fs";
import path from "node:path";
import { type IndexPattern, listArticleFiles } from "../content/index.ts";

/** A top-level `index_number:` line of front matter, its value with the quotes and a trailing comment left out. */
const INDEX_NUMBER_LINE = /^index_number:[ \t]*(["']?)([^"'\n#]*?)\1[ \t]*(?:#.*)?$/m;

/**
 * The 索引号 the article files of a site already carry, drafts and scheduled ones included (a
 * number once given is never given again). Reads only each file's front matter, line by line: a
 * value this misreads is off the pattern, and `nextIndexNumber` skips it.
 */
export function indexNumbersInUse(root: string): string[] {
  const numbers: string[] = [];
  for (const file of listArticleFiles(root)) {
    const text = readFileSync(path.join(root, file), "utf8");
    const end = text.indexOf("\n---", 3);
    const value = INDEX_NUMBER_LINE.exec(end < 0 ? text : text.slice(0, end))?.[2]?.trim();
    if (value) numbers.push(value);
  }
  return numbers;
}

/** The 索引号 a new 政策文件 of `year` gets: one above the highest serial of that year by the pattern, 1 for the first. */
export function nextIndexNumber(pattern: IndexPattern, inUse: Iterable<string>, year: number): string {
  let highest = 0;
  for (const value of inUse) {
    const read = pattern.read(value);
    if (read?.year === year && read.serial > highest) highest = read.serial;
  }
  return pattern.format(year, highest + 1);
}
