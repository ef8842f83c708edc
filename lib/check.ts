import { loadContent } from "./content.ts";
import { type ContentProblem, ContentValidationError, formatProblem } from "./problems.ts";

/** The outcome of checking a site's content without building it. */
export interface CheckReport {
  problems: ContentProblem[];
  /** What `npm run check` prints, one problem a line, then a summary line. */
  output: string;
  exitCode: 0 | 1;
}

/** Validates every content file of a site root, as the build does first, and reports every problem. */
export function checkContent(root: string): CheckReport {
  try {
    const content = loadContent({ root });
    return {
      problems: [],
      output: `内容检查通过 (content OK): ${content.articles.length} 篇文章，${content.notices.length} 条通知公告，${content.pages.length} 个页面`,
      exitCode: 0,
    };
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    const problems = [...error.problems];
    return {
      problems,
      output: [...problems.map(formatProblem), `共 ${problems.length} 个问题 (${problems.length} problems)。`].join(
        "\n",
      ),
      exitCode: 1,
    };
  }
}
