import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { indexNumbersInUse, nextIndexNumber } from "../../../lib/commands/index-number.ts";
import { createArticle } from "../../../lib/commands/scaffold.ts";
import {
  ARTICLE_BODY_PLACEHOLDER,
  ContentValidationError,
  compileIndexPattern,
  loadCatalog,
} from "../../../lib/content/index.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../../helpers/fixture.ts";

/* The sample site's pattern (_data/site.yaml: policy_documents.index_pattern). */
const PATTERN = compileIndexPattern("11650200MB0000000X/{year}-{nnnnn}");
const NOON_2024 = DateTime.fromISO("2024-06-15T04:00:00Z", { zone: "utc" });

let site: FixtureSite | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});

const policyArticle = (title: string, indexNumber: string, extra = "") =>
  articleFile(`title: ${title}\ndate: 2024-03-01\ncolumn: 政策文件\n${extra}index_number: ${indexNumber}`);

describe("nextIndexNumber", () => {
  it("gives one above the highest serial of the year, ignoring other years and numbers off the pattern", () => {
    const inUse = [
      "11650200MB0000000X/2024-00003",
      "11650200MB0000000X/2024-00011",
      "11650200MB0000000X/2025-00040",
      "000000000/2024-00099",
      "索引号待定",
    ];
    expect(nextIndexNumber(PATTERN, inUse, 2024)).toBe("11650200MB0000000X/2024-00012");
    expect(nextIndexNumber(PATTERN, inUse, 2025)).toBe("11650200MB0000000X/2025-00041");
  });

  it("starts a year without any at serial 1", () => {
    expect(nextIndexNumber(PATTERN, ["11650200MB0000000X/2023-00007"], 2024)).toBe("11650200MB0000000X/2024-00001");
  });
});

describe("indexNumbersInUse", () => {
  it("reads the index_number of every article file, quoted or not, and not a commented one or one in the body", () => {
    site = createFixtureSite({
      "content/articles/2024/a.md": policyArticle("甲", "11650200MB0000000X/2024-00002"),
      "content/articles/2024/b.md": policyArticle("乙", '"11650200MB0000000X/2024-00005"  # 科技局', "draft: true\n"),
      "content/articles/2023/c.md": articleFile(
        "title: 丙\ndate: 2023-03-01\ncolumn: 工作动态\n# index_number: 11650200MB0000000X/2024-00090",
        "index_number: 11650200MB0000000X/2024-00091\n",
      ),
    });
    expect(indexNumbersInUse(site.root).sort()).toEqual([
      "11650200MB0000000X/2024-00002",
      "11650200MB0000000X/2024-00005",
    ]);
  });
});

describe("npm run new for a 政策文件", () => {
  it("fills in the next free 索引号 of the publication year, one the check accepts once the body is written", () => {
    site = createFixtureSite({
      "content/articles/2024/a.md": policyArticle("甲", "11650200MB0000000X/2024-00002"),
      "content/articles/2024/b.md": policyArticle("乙", "11650200MB0000000X/2024-00007", "draft: true\n"),
    });
    const first = createArticle({ root: site.root, title: "科技计划管理办法", column: "政策文件", now: NOON_2024 });
    expect(first.indexNumber).toBe("11650200MB0000000X/2024-00008");
    const second = createArticle({ root: site.root, title: "科技奖励办法", column: "政策文件", now: NOON_2024 });
    expect(second.indexNumber).toBe("11650200MB0000000X/2024-00009");

    const file = path.join(site.root, second.file);
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^---\n(?:.*\n)*index_number: 11650200MB0000000X\/2024-00009\n/);
    expect(text).not.toContain("# index_number:");
    for (const created of [first.file, second.file]) {
      const absolute = path.join(site.root, created);
      writeFileSync(absolute, readFileSync(absolute, "utf8").replace(ARTICLE_BODY_PLACEHOLDER, "正文。"));
    }
    let problems: readonly unknown[] = [];
    try {
      loadCatalog({ root: site.root });
    } catch (error) {
      if (!(error instanceof ContentValidationError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([]);
  });

  it("gives no 索引号 to an article of another column, and keeps the commented hint", () => {
    site = createFixtureSite();
    const result = createArticle({ root: site.root, title: "科技活动周", column: "工作动态", now: NOON_2024 });
    expect(result.indexNumber).toBeUndefined();
    const text = readFileSync(path.join(site.root, result.file), "utf8");
    expect(text).toContain("# index_number:");
    expect(text).not.toMatch(/^index_number:/m);
  });
});
