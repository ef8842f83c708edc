import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../lib/commands/check.ts";
import { ContentValidationError, formatProblem } from "../../lib/content/index.ts";
import { buildSite } from "../../lib/pipeline/index.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { listSiteFiles, siteHash } from "../helpers/html.ts";

/*
 * A symbolic link committed into the content (git stores links) must never publish what it points
 * at: a file of the build machine outside the repository, a folder of them, or a Markdown file read
 * from elsewhere. The build refuses each by name before reading anything and leaves _site as it was.
 */

const LINK =
  "这是符号链接（symbolic link）：网站只读取仓库里的普通文件，不会跟随链接去读取或发布它指向的文件。请删掉这个链接，把文件本身放到这里";
const SECRET = "CI_RUNNER_TOKEN=not-for-the-public";

let site: FixtureSite;
let outside: string;
let outputDir: string;
let publishedHash: string;

beforeAll(async () => {
  outside = mkdtempSync(path.join(tmpdir(), "bureau-outside-"));
  writeFileSync(path.join(outside, "credentials"), `${SECRET}\n`);
  mkdirSync(path.join(outside, "etc"));
  writeFileSync(path.join(outside, "etc/passwd"), `${SECRET}\n`);
  // Invalid front matter: read as an article, it would be reported as a syntax mistake instead.
  writeFileSync(path.join(outside, "article.md"), `---\ntitle：${SECRET}\n---\n`);
  site = createFixtureSite({
    "content/articles/2024/a.md": articleFile(
      {
        title: "有附件的文章",
        date: "2024-03-01",
        column: "工作动态",
        attachments: [{ title: "报告", file: "2024/report.pdf" }],
      },
      "正文。\n",
    ),
    "content/files/2024/report.pdf": "%PDF-1.4\n",
  });
  outputDir = path.join(site.root, "_site");
  await buildSite({ root: site.root, outputDir, cacheDir: path.join(site.root, ".cache") });
  publishedHash = siteHash(outputDir);
  rmSync(path.join(site.root, "content/files/2024/report.pdf"));
  symlinkSync(path.join(outside, "credentials"), path.join(site.root, "content/files/2024/report.pdf"));
  symlinkSync(path.join(outside, "etc"), path.join(site.root, "content/files/etc"));
  symlinkSync(path.join(outside, "article.md"), path.join(site.root, "content/articles/2024/linked.md"));
});

afterAll(() => {
  site?.remove();
  if (outside) rmSync(outside, { recursive: true, force: true });
});

describe("symbolic links in the content", () => {
  it("fail the check with one error naming each link, the linked Markdown file never read", () => {
    const report = checkContent(site.root);
    expect(report.exitCode).toBe(1);
    expect(report.problems.map(formatProblem)).toEqual([
      `content/articles/2024/linked.md:1: -: ${LINK}`,
      `content/files/2024/report.pdf:1: -: ${LINK}`,
      `content/files/etc:1: -: ${LINK}`,
    ]);
    expect(report.output).not.toContain(SECRET);
  });

  it("fail the build before anything is written, leaving the published site byte for byte", async () => {
    const build = buildSite({ root: site.root, outputDir, cacheDir: path.join(site.root, ".cache") });
    await expect(build).rejects.toBeInstanceOf(ContentValidationError);
    await expect(build).rejects.toThrow("content/files/etc:1: -: 这是符号链接");
    expect(siteHash(outputDir)).toBe(publishedHash);
    expect(listSiteFiles(outputDir).filter((file) => file.startsWith("files/"))).toEqual(["files/2024/report.pdf"]);
  });
});
