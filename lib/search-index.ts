import { readdirSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

/**
 * Writes the Pagefind index of a built site into `<siteDir>/pagefind/`. Only elements marked
 * `data-pagefind-body` (articles and notices) are indexed; the rest of the site is skipped.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
  if (!index) throw new Error(`搜索索引创建失败 (pagefind createIndex): ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`搜索索引失败 (pagefind addDirectory): ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    if (written.errors.length > 0)
      throw new Error(`搜索索引写入失败 (pagefind writeFiles): ${written.errors.join("; ")}`);
    return { pages: readdirSync(path.join(siteDir, "pagefind", "fragment")).length };
  } finally {
    await pagefind.close();
  }
}
