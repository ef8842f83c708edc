import path from "node:path";
import { parseArgs } from "node:util";
import { findContentValidationError, formatProblem } from "../lib/problems.ts";
import { addNotice, createArticle, currentTime, ScaffoldError, type ScaffoldResult } from "../lib/scaffold.ts";

const USAGE = `用法 (usage):
  npm run new -- article --title "标题" --column 工作动态 [--slug 英文短名] [--date "YYYY-MM-DD HH:mm"] [--root 目录]
  npm run new -- notice --title "标题" [--date YYYY-MM-DD] [--url 链接] [--root 目录]`;

/**
 * `npm run new -- article|notice --title "…" …`: scaffolds a new article file or adds a notice to
 * the year's notices file, then prints the file and the address the page will have.
 */
function main(): void {
  let result: ScaffoldResult;
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        title: { type: "string" },
        column: { type: "string" },
        slug: { type: "string" },
        date: { type: "string" },
        url: { type: "string" },
        root: { type: "string", default: "." },
      },
    });
    const [kind, ...extra] = positionals;
    const root = path.resolve(values.root);
    const now = currentTime();
    if (kind === "article" && extra.length === 0) {
      if (values.url !== undefined) throw new ScaffoldError("文章没有 --url 选项");
      result = createArticle({
        root,
        title: values.title,
        column: values.column,
        slug: values.slug,
        date: values.date,
        now,
      });
    } else if (kind === "notice" && extra.length === 0) {
      if (values.column !== undefined || values.slug !== undefined) {
        throw new ScaffoldError("通知公告没有 --column 和 --slug 选项");
      }
      result = addNotice({ root, title: values.title, date: values.date, url: values.url, now });
    } else {
      throw new ScaffoldError(kind ? `不认识的类型「${positionals.join(" ")}」，应为 article 或 notice` : "缺少类型");
    }
  } catch (error) {
    const invalid = findContentValidationError(error);
    if (error instanceof ScaffoldError) console.error(`${error.message}\n\n${USAGE}`);
    else if (invalid) {
      console.error("站点配置有问题，请先修正 (the site file is invalid):");
      for (const problem of invalid.problems) console.error(formatProblem(problem));
    } else if (error instanceof TypeError && "code" in error) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(error);
    process.exitCode = 1;
    return;
  }
  console.log(result.created ? `已创建 (created): ${result.file}` : `已添加到 (added to): ${result.file}`);
  console.log(`发布后的地址 (URL): ${result.url}  →  ${result.canonical}`);
  console.log("编辑好后运行 npm run check 检查，npm start 预览，然后提交 (commit) 并推送。");
}

main();
