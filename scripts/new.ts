import {
  commandLineOrExit,
  type ScaffoldResult,
  SITE_OPTION,
  SITE_USAGE,
  siteTargetOrExit,
} from "../lib/commands/index.ts";
import { addNotice, createArticle, currentTime, ScaffoldError } from "../lib/commands/scaffold.ts";
import { findContentValidationError, formatProblem } from "../lib/content/index.ts";

const USAGE = `用法 (usage):
  npm run new -- article --title "标题" --column 工作动态 [--slug 英文短名] [--date "YYYY-MM-DD HH:mm"] [--site 站点名] [--root 目录]
  npm run new -- notice --title "标题" [--date YYYY-MM-DD] [--url 链接] [--site 站点名] [--root 目录]

新建一篇文章（content/articles/<年份>/<拼音短名>.md），或在当年的通知公告文件里加一条通知；时间默认为现在（北京时间）。
Creates an article file, or adds a notice to the year's notices file, dated now in the site's time zone.

${SITE_USAGE}`;

const { values, positionals } = commandLineOrExit({
  usage: USAGE,
  allowPositionals: true,
  options: {
    title: { type: "string" },
    column: { type: "string" },
    slug: { type: "string" },
    date: { type: "string" },
    url: { type: "string" },
    root: { type: "string", default: "." },
    ...SITE_OPTION,
  },
});
const option = (name: string) => values[name] as string | undefined;

/**
 * `npm run new -- article|notice --title "…" …`: scaffolds a new article file or adds a notice to
 * the year's notices file, then prints the file and the address the page will have.
 */
function main(): void {
  let result: ScaffoldResult;
  try {
    const [kind, ...extra] = positionals;
    const root = siteTargetOrExit(option("root") ?? ".", option("site")).site.dir;
    const now = currentTime();
    if (kind === "article" && extra.length === 0) {
      if (option("url") !== undefined) throw new ScaffoldError("文章没有 --url 选项");
      result = createArticle({
        root,
        title: option("title"),
        column: option("column"),
        slug: option("slug"),
        date: option("date"),
        now,
      });
    } else if (kind === "notice" && extra.length === 0) {
      if (option("column") !== undefined || option("slug") !== undefined) {
        throw new ScaffoldError("通知公告没有 --column 和 --slug 选项");
      }
      result = addNotice({ root, title: option("title"), date: option("date"), url: option("url"), now });
    } else {
      throw new ScaffoldError(kind ? `不认识的类型「${positionals.join(" ")}」，应为 article 或 notice` : "缺少类型");
    }
  } catch (error) {
    const invalid = findContentValidationError(error);
    if (error instanceof ScaffoldError) console.error(`${error.message}\n\n${USAGE}`);
    else if (invalid) {
      console.error("站点配置有问题，请先修正 (the site file is invalid):");
      for (const problem of invalid.problems) console.error(formatProblem(problem));
    } else console.error(error);
    process.exitCode = 1;
    return;
  }
  console.log(result.created ? `已创建 (created): ${result.file}` : `已添加到 (added to): ${result.file}`);
  console.log(`发布后的地址 (URL): ${result.url}  →  ${result.canonical}`);
  if (result.indexNumber) console.log(`索引号 (index_number): ${result.indexNumber}（按本站格式取当年下一个顺序号）`);
  if (result.placeholder) console.log("正文现在是占位文字「（请在这里写……）」：换成正文之前检查不会通过，也不会发布。");
  console.log("编辑好后运行 npm run check 检查，npm start 预览，然后提交 (commit) 并推送。");
}

main();
