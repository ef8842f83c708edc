import type { DateTime } from "luxon";
import { ARTICLES_URL, parseContentDate, toIsoWithOffset } from "../shared/index.ts";
import { checkBody } from "./body-checks.ts";
import { type LoadContext, leadImageOf, publicationStatus, resolveAttachments } from "./context.ts";
import { CONTENT_FOLDERS, listArticleFiles, readContentText } from "./files.ts";
import { splitFrontMatter } from "./front-matter.ts";
import type { Article } from "./model.ts";
import { policyDocumentOf } from "./policy.ts";
import { articleSchema, SLUG } from "./schema.ts";
import { validateWithSchema } from "./schema-messages.ts";
import type { Column } from "./site.ts";
import { plainTextSummary } from "./summary.ts";

/** An optional `updated` (更新时间), already validated, as ISO 8601 with the site's offset. */
export function revisedAt(updated: string | undefined, zone: string): string | undefined {
  return updated === undefined ? undefined : toIsoWithOffset(parseContentDate(updated, zone) as DateTime);
}

/** Reads and validates every article file; what is wrong goes to the context's problems. */
export function loadArticles(context: LoadContext): Article[] {
  const { root, site, problems } = context;
  const schema = articleSchema(
    site.columns.map((column) => column.name),
    site.time_zone,
  );
  const articles: Article[] = [];
  for (const file of listArticleFiles(root)) {
    const relative = file.slice(CONTENT_FOLDERS.articles.length + 1);
    const match = /^(\d{4})\/([^/]+)\.md$/.exec(relative);
    if (!match || !SLUG.test(match[2] ?? "")) {
      problems.push({
        file,
        line: 1,
        message: "文章应放在 content/articles/<年份>/<英文短名>.md，短名只用小写字母、数字和连字符",
      });
      continue;
    }
    const [, year, slug] = match;
    const text = readContentText(root, file, problems);
    if (text === undefined) continue;
    const split = splitFrontMatter(text);
    if ("mistake" in split) {
      problems.push({ file, ...split.mistake });
      continue;
    }
    const { frontMatter, body, bodyLine } = split;
    if (frontMatter.mistake) {
      problems.push({ file, ...frontMatter.mistake });
      continue;
    }
    const { data, problems: found } = validateWithSchema(schema, frontMatter, file);
    problems.push(...found);
    if (!data) continue;
    const published = parseContentDate(data.date, site.time_zone) as DateTime;
    if (String(published.year) !== year) {
      problems.push({
        file,
        line: frontMatter.lineOf(["date"]),
        field: "date",
        message: `发布时间的年份 ${published.year} 与文件所在的年份目录 ${year} 不一致`,
      });
      continue;
    }
    const attachments = resolveAttachments(
      context,
      file,
      data.attachments,
      (index) => frontMatter.lineOf(["attachments", index, "file"]),
      "attachments",
    );
    const image = data.image && leadImageOf(context, file, data.image, frontMatter.lineOf(["image", "file"]));
    // A draft may still hold the placeholder or anything else: it is not published.
    if (!data.draft) checkBody(file, body, bodyLine, "body", problems);
    const column = site.columns.find((entry) => entry.name === data.column) as Column;
    const document = policyDocumentOf(data, site, column, file, (key) => frontMatter.lineOf([key]), problems);
    const status = publicationStatus(data.draft, published, context);
    if (status && !context.preview) continue;
    articles.push({
      title: data.title,
      date: toIsoWithOffset(published),
      updated: revisedAt(data.updated, site.time_zone),
      column,
      source: data.source ?? site.defaults.source,
      region: data.region ?? site.defaults.region,
      summary: data.summary ?? plainTextSummary(body),
      tags: data.tags ?? [],
      attachments,
      docNumber: data.doc_number,
      indexNumber: data.index_number,
      ...(image ? { image } : {}),
      body,
      bodyLine,
      url: `${ARTICLES_URL}${year}/${slug}/`,
      sourcePath: file,
      status,
      document,
      interprets: data.interprets ? { title: "", url: data.interprets } : undefined,
    });
  }
  return articles;
}
