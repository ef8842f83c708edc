import { checkBody } from "./body-checks.ts";
import { type LoadContext, publicationStatus } from "./context.ts";
import { CONTENT_FOLDERS, listStaticPageFiles, readContentText } from "./files.ts";
import { splitFrontMatter } from "./front-matter.ts";
import type { StaticPage } from "./model.ts";
import { SLUG, staticPageSchema } from "./schema.ts";
import { validateWithSchema } from "./schema-messages.ts";
import { plainTextSummary } from "./summary.ts";

/**
 * Reads and validates every static page file (`content/pages/<slug>.md` → `/<slug>/`, one folder
 * deep: `content/pages/xxgk/zn.md` → `/xxgk/zn/`); a draft is left out but in the preview.
 */
export function loadStaticPages(context: LoadContext): StaticPage[] {
  const { root, problems } = context;
  const pages: StaticPage[] = [];
  for (const file of listStaticPageFiles(root)) {
    const slug = file.slice(CONTENT_FOLDERS.staticPages.length + 1, -".md".length);
    const parts = slug.split("/");
    if (parts.length > 2 || !parts.every((part) => SLUG.test(part))) {
      problems.push({
        file,
        line: 1,
        message: "页面文件名只能用小写字母、数字和连字符，最多一层文件夹（如 content/pages/xxgk/zn.md）",
      });
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
    if ((data.report === undefined) !== (data.year === undefined)) {
      const key = data.report === undefined ? "year" : "report";
      problems.push({
        file,
        line: split.frontMatter.lineOf([key]),
        field: key,
        message: "年度报告要同时写 report（网站年度报表或信息公开年报）和 year（年度，如 2024）",
      });
      continue;
    }
    if (!data.draft) checkBody(file, split.body, split.bodyLine, "body", problems);
    const status = publicationStatus(data.draft, context.now.minus(1), context);
    if (status && !context.preview) continue;
    pages.push({
      title: data.title,
      summary: data.summary ?? plainTextSummary(split.body),
      body: split.body,
      bodyLine: split.bodyLine,
      url: `/${slug}/`,
      sourcePath: file,
      ...(data.report && data.year ? { report: { kind: data.report, year: data.year } } : {}),
      ...(status ? { status } : {}),
    });
  }
  return pages;
}
