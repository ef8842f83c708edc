import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildResult, buildSite } from "../../lib/pipeline/index.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { siteFileHashes } from "../helpers/html.ts";

/** How many detail pages a build carried over from the last one. */
const carriedOver = (result: BuildResult) => result.carriedOver.articles + result.carriedOver.notices;

let site: FixtureSite;
let outputs: string;

beforeAll(() => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 23; index++)
    files[`content/articles/2022/b${index}.md`] = articleFile(
      { title: `分批文章${index}`, date: `2022-0${(index % 9) + 1}-2${index % 8}`, column: "工作动态" },
      `第${index}篇的正文。\n`,
    );
  files["content/notices/2022.yaml"] =
    "- title: 关于分批渲染的通知\n  date: 2022-05-01\n  body: |\n    各有关单位：请知悉。\n";
  site = createFixtureSite(files);
  outputs = mkdtempSync(path.join(tmpdir(), "bureau-runs-"));
});

afterAll(() => {
  site?.remove();
  rmSync(outputs, { recursive: true, force: true });
});

describe("a build rendered in several Eleventy runs", () => {
  it("writes the same site, file for file, as a build in one run", async () => {
    const oneRun = await buildSite({ root: site.root, outputDir: path.join(outputs, "one"), searchIndex: false });
    const manyRuns = await buildSite({
      root: site.root,
      outputDir: path.join(outputs, "many"),
      searchIndex: false,
      detailPagesPerRun: 5,
    });
    expect(oneRun.renderRuns).toBe(1);
    expect(manyRuns.renderRuns).toBe(5);
    expect(manyRuns.pages).toBe(oneRun.pages);
    const one = siteFileHashes(path.join(outputs, "one"));
    const many = siteFileHashes(path.join(outputs, "many"));
    expect([...many.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [file, hash] of one) expect(many.get(file), file).toBe(hash);
  });

  it("carries every page of a build in several runs over to the next build", async () => {
    const outputDir = path.join(outputs, "again");
    const first = await buildSite({ root: site.root, outputDir, searchIndex: false, detailPagesPerRun: 4 });
    expect(carriedOver(first)).toBe(0);
    const second = await buildSite({ root: site.root, outputDir, searchIndex: false, detailPagesPerRun: 4 });
    expect(carriedOver(second)).toBe(24);
    expect(second.pages).toBe(first.pages);
  });
});
