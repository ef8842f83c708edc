import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decode } from "cborg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../lib/content/index.ts";
import { readPagefindMeta } from "../../lib/search/pagefind-meta.ts";
import { writeSearchIndex } from "../../lib/search/write-index.ts";
import { articleFile, createFixtureSite } from "../helpers/fixture.ts";

/* A repealed 政策文件, the one that replaces it and a news article, in the real Pagefind index. */
const site = createFixtureSite({
  "content/articles/2019/glbf.md": articleFile(
    [
      "title: 克拉玛依市科技计划项目管理办法",
      "date: 2019-04-10",
      "column: 政策文件",
      "validity: 已废止",
      "validity_date: 2024-05-20",
      "replaced_by: /articles/2024/glbf-2024/",
    ].join("\n"),
    "项目管理办法全文。\n",
  ),
  "content/articles/2024/glbf-2024.md": articleFile(
    { title: "克拉玛依市科技计划项目管理办法（2024年修订）", date: "2024-05-20", column: "政策文件" },
    "修订后的项目管理办法全文。\n",
  ),
  "content/articles/2024/hd.md": articleFile(
    { title: "科技活动周开幕", date: "2024-05-21", column: "工作动态" },
    "项目管理培训同日举行。\n",
  ),
});
const output = path.join(mkdtempSync(path.join(os.tmpdir(), "search-validity-")), "pagefind");
afterAll(() => {
  site.remove();
  rmSync(path.dirname(output), { recursive: true, force: true });
});
beforeAll(async () => {
  await writeSearchIndex(loadCatalog({ root: site.root }), output);
});

/** A Pagefind file: gzip, then Pagefind's signature, then the payload. */
const unpack = (file: string) => gunzipSync(readFileSync(file)).subarray("pagefind_dcd".length);

/** The shards of the index, as the manifest names them: folder and Pagefind language. */
function shards(): { folder: string; language: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(output, "shards.json"), "utf8"));
  return (manifest.shards as { path: string; language: string }[]).map((shard) => ({
    folder: path.join(output, shard.path.slice("/pagefind/".length)),
    language: shard.language,
  }));
}

/** Every page's fragment (url and meta) across the shards. */
function fragments(): { url: string; meta: Record<string, string> }[] {
  return shards().flatMap(({ folder }) =>
    readdirSync(path.join(folder, "fragment")).map((file) =>
      JSON.parse(unpack(path.join(folder, "fragment", file)).toString()),
    ),
  );
}

describe("the 有效性 of 政策文件 in the search index", () => {
  it("gives each 政策文件's result its 有效性 as meta, and nothing to other articles", () => {
    const byUrl = new Map(fragments().map((fragment) => [fragment.url, fragment.meta]));
    expect(byUrl.get("/articles/2019/glbf/")?.validity).toBe("已废止");
    expect(byUrl.get("/articles/2024/glbf-2024/")?.validity).toBe("现行有效");
    expect(byUrl.get("/articles/2024/hd/")).toBeDefined();
    expect(byUrl.get("/articles/2024/hd/")?.validity).toBeUndefined();
  });

  it("writes a 有效性 filter whose values are the 有效性 of the 政策文件 in each shard", () => {
    const values = new Set<string>();
    for (const { folder, language } of shards()) {
      const meta = readPagefindMeta(metaFile(folder), language);
      const hash = meta.filters.get("有效性");
      if (!hash) continue;
      const filter = decode(unpack(path.join(folder, `filter/${language}_${hash}.pf_filter`))) as unknown;
      for (const value of JSON.stringify(filter).matchAll(/现行有效|已修改|已废止|已失效/g)) values.add(value[0]);
    }
    expect([...values].sort()).toEqual(["已废止", "现行有效"]);
  });
});

/** A shard's Pagefind meta file. */
function metaFile(folder: string): string {
  const name = readdirSync(folder).find((file) => file.endsWith(".pf_meta"));
  if (!name) throw new Error(`no pf_meta in ${folder}`);
  return path.join(folder, name);
}
