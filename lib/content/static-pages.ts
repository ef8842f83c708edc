import { checkBody } from "./body-checks.ts";
import type { LoadContext } from "./context.ts";
import { CONTENT_FOLDERS, listStaticPageFiles, readContentText } from "./files.ts";
import { splitFrontMatter } from "./front-matter.ts";
import type { StaticPage } from "./model.ts";
import { SLUG, staticPageSchema, validateWithSchema } from "./schema.ts";
import { plainTextSummary } from "./summary.ts";

/** Reads and validates every static page file (`content/pages/<slug>.md` → `/<slug>/`). */
export function loadStaticPages({ root, problems }: LoadContext): StaticPage[] {
  const pages: StaticPage[] = [];
  for (const file of listStaticPageFiles(root)) {
    const slug = file.slice(CONTENT_FOLDERS.staticPages.length + 1, -".md".length);
    if (!SLUG.test(slug)) {
      problems.push({ file, line: 1, message: "页面文件名只能用小写字母、数字和连字符" });
      continue;
    }
    const text = readContentText(root, file, problems);
    if (text === undefined) continue;
    const split = splitFrontMatter(text);
    if ("mistake" in split) {
      problems.push({ file, ...split.mistake });
      continue;
    }
    if (split.frontMatter.mistake) {
      problems.push({ file, ...split.frontMatter.mistake });
      continue;
    }
    const { data, problems: found } = validateWithSchema(staticPageSchema, split.frontMatter, file);
    problems.push(...found);
    if (!data) continue;
    checkBody(file, split.body, split.bodyLine, "body", problems);
    pages.push({
      title: data.title,
      summary: data.summary ?? plainTextSummary(split.body),
      body: split.body,
      bodyLine: split.bodyLine,
      url: `/${slug}/`,
      sourcePath: file,
    });
  }
  return pages;
}
