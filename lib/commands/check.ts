import { loadCmsSettings } from "../cms/index.ts";
import {
  type Catalog,
  type ContentProblem,
  collectProblems,
  formatProblem,
  loadCatalog,
  problemCountLine,
  sortProblems,
} from "../content/index.ts";

/** The outcome of checking a site's content without building it. */
export interface CheckReport {
  problems: ContentProblem[];
  /** What `npm run check` prints, one problem a line, then a summary line. */
  output: string;
  exitCode: 0 | 1;
}

/**
 * Validates every content file of a site root, as the build does first, and the browser editor's
 * settings (`_data/cms.yaml`), and reports every problem at once.
 */
export function checkContent(root: string): CheckReport {
  const found: ContentProblem[] = [];
  const catalog: Catalog | undefined = collectProblems(() => loadCatalog({ root }), found);
  collectProblems(() => loadCmsSettings(root), found);
  if (catalog && found.length === 0) {
    return {
      problems: [],
      output: `内容检查通过 (content OK): ${catalog.articles.length} 篇文章，${catalog.notices.length} 条通知公告，${catalog.staticPages.length} 个页面`,
      exitCode: 0,
    };
  }
  const problems = sortProblems(found);
  return {
    problems,
    output: [...problems.map(formatProblem), problemCountLine(problems.length)].join("\n"),
    exitCode: 1,
  };
}
