import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "../lib/build.ts";
import { findContentValidationError, formatProblem } from "../lib/problems.ts";

/**
 * `npm run build [-- --root DIR --out DIR --no-search]`: validate, render and index the site
 * (by default the one in the current folder) into its _site/.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      root: { type: "string", default: "." },
      out: { type: "string" },
      "no-search": { type: "boolean", default: false },
    },
  });
  const started = Date.now();
  try {
    const result = await buildSite({
      root: path.resolve(values.root),
      outputDir: values.out && path.resolve(values.out),
      searchIndex: !values["no-search"],
    });
    const stages = Object.entries(result.timings)
      .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)}s`)
      .join(", ");
    console.log(
      `构建完成 (build done): ${result.pages} 个页面，${result.indexedPages} 个页面进入搜索索引，用时 ${((Date.now() - started) / 1000).toFixed(2)}s（${stages}）→ ${result.outputDir}`,
    );
  } catch (error) {
    const invalid = findContentValidationError(error);
    if (invalid) {
      console.error(`内容校验失败，未生成任何页面，_site 保持原样 (content validation failed, nothing written):`);
      for (const problem of invalid.problems) console.error(formatProblem(problem));
      console.error(`共 ${invalid.problems.length} 个问题。`);
    } else {
      console.error("构建失败 (build failed)，_site 保持原样：");
      console.error(error);
    }
    process.exitCode = 1;
  }
}

await main();
