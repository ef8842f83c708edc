import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Preview, startPreview } from "../../lib/preview/index.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";

let site: FixtureSite;
let preview: Preview;
const logged: string[] = [];
const articlePath = "content/articles/2023/kjhz.md";

async function fetchPage(pagePath: string): Promise<{ status: number; document: Document; html: string }> {
  const response = await fetch(`${preview.origin}${pagePath}`);
  const html = await response.text();
  return { status: response.status, html, document: parseHTML(html).document as unknown as Document };
}

beforeAll(async () => {
  site = createFixtureSite({
    [articlePath]: articleFile({ title: "科技合作", date: "2023-05-01", column: "工作动态" }),
    "content/articles/2023/draft.md": articleFile({
      title: "草稿",
      date: "2023-06-01",
      column: "工作动态",
      draft: true,
    }),
  });
  preview = await startPreview({ root: site.root, port: 0, log: (line) => logged.push(line), settleMs: 50 });
});

afterAll(async () => {
  await preview?.close();
  site?.remove();
});

describe("npm start (the preview)", () => {
  it("listens on 127.0.0.1 and serves the site built by the build's stages, with drafts and live reload", async () => {
    expect(new URL(preview.origin).hostname).toBe("127.0.0.1");
    const draft = await fetchPage("/articles/2023/draft/");
    expect(draft.status).toBe(200);
    expect(draft.document.querySelector(".preview-banner")?.textContent).toContain("草稿");
    expect(draft.document.querySelector('script[src="/__preview/reload.js"]')).not.toBeNull();
    const index = await fetch(`${preview.origin}/pagefind/shards.json`);
    expect(index.status).toBe(200);
    expect(logged.some((line) => line.startsWith("预览已更新 (preview built)"))).toBe(true);
  });

  it("shows a content error in the browser with file and line, without a stack trace, and recovers once fixed", async () => {
    const file = path.join(site.root, articlePath);
    const good = readFileSync(file, "utf8");
    const built = preview.nextBuild();
    writeFileSync(file, good.replace("2023-05-01", "2023-13-01"));
    await built;
    const broken = await fetchPage("/gzdt/");
    expect(broken.status).toBe(500);
    const problems = [...broken.document.querySelectorAll("li code")].map((node) => node.textContent);
    expect(problems).toEqual([expect.stringMatching(/^content\/articles\/2023\/kjhz\.md:3: date: .*2023-13-01/)]);
    expect(logged.some((line) => line.startsWith(`${articlePath}:3: date:`))).toBe(true);
    expect(logged.some((line) => /^\s+at /.test(line))).toBe(false);

    const fixed = preview.nextBuild();
    writeFileSync(file, good);
    await fixed;
    const page = await fetchPage("/gzdt/");
    expect(page.status).toBe(200);
    expect([...page.document.querySelectorAll(".list-page a")].map((link) => link.textContent)).toEqual([
      "草稿",
      "科技合作",
    ]);
  });
});
