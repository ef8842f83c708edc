import { readFileSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { parseContentDate } from "../shared/index.ts";
import type { LoadContext } from "./context.ts";
import type { Article, PolicyDocument } from "./model.ts";
import type { ContentProblem } from "./problems.ts";
import type { ArticleFrontMatter } from "./schema.ts";
import type { Column, Site } from "./site.ts";

/** Whether a column holds 政策文件: its type names 文件 (政策文件, 规范性文件). */
export const isPolicyColumn = (column: Pick<Column, "type">): boolean => column.type.includes("文件");

/** The keys that make an article of any column a 政策文件. */
const DOCUMENT_KEYS = [
  "validity",
  "validity_date",
  "replaced_by",
  "written_date",
  "organ",
  "topic",
  "normative",
] as const;

/** A site's 索引号 pattern: what it accepts, and the number it gives a year's nth document. */
export interface IndexPattern {
  pattern: string;
  /** The year and serial number of an 索引号 written to the pattern; undefined for one that is not. */
  read(value: string): { year: number; serial: number } | undefined;
  format(year: number, serial: number): string;
}

/** Compiles `11650200MB0000000X/{year}-{nnnnn}`: literal text, `{year}`, and `{n…}` (that many digits). */
export function compileIndexPattern(pattern: string): IndexPattern {
  const digits = /\{(n+)\}/.exec(pattern)?.[1]?.length ?? 1;
  const source = pattern
    .split(/(\{year\}|\{n+\})/)
    .map((part) =>
      part === "{year}"
        ? "(?<year>\\d{4})"
        : /^\{n+\}$/.test(part)
          ? `(?<serial>\\d{${digits}})`
          : part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"),
    )
    .join("");
  const regex = new RegExp(`^${source}$`);
  return {
    pattern,
    read(value) {
      const groups = regex.exec(value.trim())?.groups;
      return groups ? { year: Number(groups.year), serial: Number(groups.serial) } : undefined;
    },
    format: (year, serial) =>
      pattern.replace("{year}", String(year)).replace(/\{n+\}/, String(serial).padStart(digits, "0")),
  };
}

const dayOf = (value: string, zone: string) => (parseContentDate(value, zone) as DateTime).toISODate() as string;

/**
 * The 公文信息 of an article, when it is a 政策文件 (its column holds them, or it has one of their
 * keys), and the problems of its own keys: 有效性 and the keys that go with it, 成文日期 after the
 * publication, a 主题分类 the site does not list, an 索引号 off the site's pattern (checked for every
 * article that has one). `lineOf` gives the line of a key.
 */
export function policyDocumentOf(
  data: ArticleFrontMatter,
  site: Site,
  column: Column,
  file: string,
  lineOf: (key: string) => number,
  problems: ContentProblem[],
): PolicyDocument | undefined {
  const report = (field: string, message: string) => problems.push({ file, line: lineOf(field), field, message });
  const pattern = site.policy_documents.index_pattern;
  if (data.index_number && pattern && !compileIndexPattern(pattern).read(data.index_number))
    report(
      "index_number",
      `「索引号」「${data.index_number}」不符合本站的索引号格式 ${pattern}，应如 ${compileIndexPattern(pattern).format(2024, 1)}`,
    );
  const documentKeys = DOCUMENT_KEYS.filter((key) => data[key] !== undefined);
  if (data.interprets) {
    for (const key of documentKeys)
      report(key, `政策解读（写了 interprets）不写 ${key}：公文信息写在被解读的政策文件里`);
    return undefined;
  }
  if (!isPolicyColumn(column) && documentKeys.length === 0) return undefined;
  const validity = data.validity ?? "现行有效";
  const zone = site.time_zone;
  if (validity !== "现行有效" && !data.validity_date)
    report(
      "validity",
      `「有效性」是「${validity}」时要写 validity_date（${validity.slice(1)}的日期），如 validity_date: 2024-04-15`,
    );
  for (const key of ["validity_date", "replaced_by"] as const)
    if (validity === "现行有效" && data[key])
      report(key, `现行有效的文件不写 ${key}：文件修改、废止或失效时再写，同时把 validity 改成已修改、已废止或已失效`);
  if (data.written_date && dayOf(data.written_date, zone) > dayOf(data.date, zone))
    report(
      "written_date",
      `「成文日期」${dayOf(data.written_date, zone)} 晚于发布时间 ${dayOf(data.date, zone)}：成文日期是文件签发的日期，不会晚于发布`,
    );
  const topics = site.policy_documents.topics;
  if (data.topic && !topics.includes(data.topic))
    report(
      "topic",
      topics.length
        ? `「主题分类」「${data.topic}」不是本站的主题分类，可选：${topics.join("、")}`
        : `「主题分类」「${data.topic}」：站点配置里还没有主题分类（policy_documents.topics），请网站管理员先列出`,
    );
  return {
    indexNumber: data.index_number,
    topic: data.topic,
    organ: data.organ ?? site.defaults.organ ?? site.defaults.source,
    writtenDate: data.written_date && dayOf(data.written_date, zone),
    docNumber: data.doc_number,
    validity,
    validityDate: data.validity_date && dayOf(data.validity_date, zone),
    replacedBy: data.replaced_by ? { title: "", url: data.replaced_by } : undefined,
    normative: data.normative ?? false,
  };
}

/** The line of a top-level front-matter key in a file, read again only to place a problem; 1 when absent. */
function keyLine(root: string, file: string, key: string): number {
  try {
    const lines = readFileSync(path.join(root, file), "utf8").split("\n");
    const index = lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
    return index >= 0 ? index + 1 : 1;
  } catch {
    return 1;
  }
}

/**
 * Ties 政策文件 and 政策解读 together across the catalog (articles newest first): each `replaced_by`
 * and `interprets` must name a published article, whose title it takes; each document lists the
 * 解读 that name it; no two articles share an 索引号. What does not hold is a problem.
 */
export function linkPolicyDocuments({ root, problems }: LoadContext, articles: readonly Article[]): void {
  const byUrl = new Map(articles.map((article) => [article.url, article]));
  const missing = (article: Article, key: string, url: string, what: string) =>
    problems.push({
      file: article.sourcePath,
      line: keyLine(root, article.sourcePath, key),
      field: key,
      message: `「${key === "replaced_by" ? "替代文件" : "解读的文件"}」「${url}」不是本站已发布的文章（草稿和还没到时间的定时发布不算）：应写${what}的网址`,
    });
  for (const article of articles) {
    const replacement = article.document?.replacedBy;
    if (replacement) {
      const target = byUrl.get(replacement.url);
      if (target) replacement.title = target.title;
      else missing(article, "replaced_by", replacement.url, "修改或替代它的文件");
    }
    if (article.interprets) {
      const target = byUrl.get(article.interprets.url);
      if (!target) missing(article, "interprets", article.interprets.url, "被解读的政策文件");
      else {
        article.interprets.title = target.title;
        target.interpretations = [...(target.interpretations ?? []), { title: article.title, url: article.url }];
      }
    }
  }
  const owners = new Map<string, Article>();
  for (const article of [...articles].sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : 1))) {
    if (!article.indexNumber) continue;
    const owner = owners.get(article.indexNumber);
    if (!owner) owners.set(article.indexNumber, article);
    else
      problems.push({
        file: article.sourcePath,
        line: keyLine(root, article.sourcePath, "index_number"),
        field: "index_number",
        message: `「索引号」「${article.indexNumber}」与 ${owner.sourcePath} 重复：每个文件的索引号都不相同（npm run new 会自动编号）`,
      });
  }
}
