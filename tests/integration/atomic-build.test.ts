import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../lib/pipeline/index.ts";
import { recoverInterruptedBuild } from "../../lib/publish/index.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { buildToTemp } from "../helpers/build.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { listSiteFiles, readPage, siteHash, textOf } from "../helpers/html.ts";

let site: FixtureSite;

beforeAll(() => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 400; index++) {
    files[`content/articles/2023/a${index}.md`] = articleFile(
      {
        title: `文章${index}`,
        date: `2023-0${(index % 9) + 1}-1${index % 10}`,
        column: index % 2 ? "工作动态" : "科技要闻",
      },
      `## 小标题\n\n${"科技创新推动高质量发展。".repeat(40)}\n`,
    );
  }
  site = createFixtureSite(files);
});

afterAll(() => site?.remove());

describe("the atomic build", () => {
  it("leaves the previous _site exactly as it was when the build is killed mid-way, and the next build tidies up", async () => {
    const outputDir = path.join(site.root, "_site");
    await buildSite({ root: site.root, searchIndex: false });
    const before = siteHash(outputDir);
    site.write({
      "content/articles/2023/a0.md": articleFile({ title: "改过的标题", date: "2023-01-10", column: "科技要闻" }),
    });

    const child = spawn(
      process.execPath,
      [
        path.join(PROJECT_DIR, "node_modules/tsx/dist/cli.mjs"),
        path.join(PROJECT_DIR, "scripts/build.ts"),
        "--root",
        site.root,
      ],
      {
        stdio: "ignore",
        detached: true,
      },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const staging = () => readdirSync(site.root).filter((entry) => entry.startsWith("_site.staging-"));
    const deadline = Date.now() + 60_000;
    while (staging().length === 0 && child.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // tsx runs the build in a child process of its own: kill the whole group.
    process.kill(-(child.pid as number), "SIGKILL");
    await exited;
    expect(staging(), "the kill came while the build was writing").toHaveLength(1);
    expect(siteHash(outputDir)).toBe(before);

    await buildSite({ root: site.root, searchIndex: false });
    expect(readdirSync(site.root).filter((entry) => entry.startsWith("_site"))).toEqual(["_site"]);
    expect(textOf(readPage(outputDir, "/articles/2023/a0/").querySelector("h1"))).toBe("改过的标题");
  });

  it("puts the previous site back when a kill fell between the two renames of the swap", () => {
    const parent = createFixtureSite();
    try {
      const outputDir = path.join(parent.root, "_site");
      mkdirSync(outputDir);
      writeFileSync(path.join(outputDir, "index.html"), "已发布");
      renameSync(outputDir, `${outputDir}.retired-4242`);
      mkdirSync(`${outputDir}.staging-4242`);
      recoverInterruptedBuild(outputDir);
      expect(readFileSync(path.join(outputDir, "index.html"), "utf8")).toBe("已发布");
      expect(readdirSync(parent.root).filter((entry) => entry.startsWith("_site"))).toEqual(["_site"]);
    } finally {
      parent.remove();
    }
  });
});

describe("reproducible builds", () => {
  it("gives a byte-identical site, search index included, from a copy whose files were written in another order", async () => {
    const copy = createFixtureSite();
    try {
      const sources = ["_data", "content"].flatMap((folder) =>
        listSiteFiles(path.join(PROJECT_DIR, folder)).map((file) => `${folder}/${file}`),
      );
      for (const file of [...sources].reverse()) {
        mkdirSync(path.dirname(path.join(copy.root, file)), { recursive: true });
        cpSync(path.join(PROJECT_DIR, file), path.join(copy.root, file));
      }
      const first = await buildToTemp(PROJECT_DIR);
      const second = await buildToTemp(copy.root);
      try {
        expect(listSiteFiles(second.outputDir)).toEqual(listSiteFiles(first.outputDir));
        expect(siteHash(second.outputDir)).toBe(siteHash(first.outputDir));
      } finally {
        first.cleanup();
        second.cleanup();
      }
    } finally {
      copy.remove();
    }
  });
});

describe("the preview build", () => {
  it("shows drafts and scheduled articles with a banner that a real build leaves out", async () => {
    const preview = createFixtureSite({
      "content/articles/2023/draft.md": articleFile({
        title: "草稿文章",
        date: "2023-01-01",
        column: "工作动态",
        draft: true,
      }),
      "content/articles/2099/future.md": articleFile({
        title: "定时文章",
        date: "2099-01-01 08:00",
        column: "工作动态",
      }),
    });
    try {
      const outputDir = path.join(preview.root, "preview");
      await buildSite({ root: preview.root, outputDir, preview: true });
      expect(textOf(readPage(outputDir, "/articles/2023/draft/").querySelector(".preview-banner"))).toContain("草稿");
      expect(textOf(readPage(outputDir, "/articles/2099/future/").querySelector(".preview-banner"))).toContain(
        "定时发布：本页将于 2099-01-01 08:00",
      );
      expect(existsSync(path.join(outputDir, "pagefind/pagefind.js"))).toBe(true);

      const { outputDir: published } = await buildSite({ root: preview.root, searchIndex: false });
      expect(existsSync(path.join(published, "articles/2023/draft/index.html"))).toBe(false);
      expect(existsSync(path.join(published, "articles/2099/future/index.html"))).toBe(false);
    } finally {
      preview.remove();
    }
  });
});
