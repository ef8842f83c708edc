import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, VIEWPORTS } from "../../harness/chromium.ts";
import { type StaticServer, serveSite } from "../../harness/static-server.ts";
import { buildToTemp } from "../helpers/build.ts";
import { articleFile, createFixtureSite, type FixtureSite } from "../helpers/fixture.ts";
import { readPage, readXml, textOf } from "../helpers/html.ts";

/*
 * Awkward but legitimate content: Windows line ends, a byte-order mark, full-width punctuation,
 * a 200-character title, a 5 MB article, 1,000 attachments, emoji and CJK Extension B characters.
 * One build of all of it must succeed and every page must read right.
 */

const EXT_B = "𠀀𪚥";
const EMOJI = "🎉👨‍👩‍👧🇨🇳";
const FULL_WIDTH_TITLE = "【通知】关于“科技创新”专项（第一期）的说明：请各单位认真阅读！？……";
const LONG_TITLE = (() => {
  const start = `${EMOJI}${EXT_B}关于`;
  const latin = "Supercalifragilisticexpialidocious".repeat(2);
  const filler = "加强科技创新推动经济高质量发展";
  let title = `${start}${latin}`;
  while (Array.from(title).length < 200) title += filler;
  return Array.from(title).slice(0, 200).join("");
})();
const EMOJI_TITLE = `科技周${EMOJI}${EXT_B}活动`;
const HUGE_MARKER = "最后一段：五兆字节正文的结尾。";
const ATTACHMENTS = 1000;

let site: FixtureSite;
let siteDir: string;
let cleanup: () => void;
let articleFiles: string[];

function fixture(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  files["content/articles/2023/crlf.md"] = articleFile(
    { title: "Windows 换行的文章", date: "2023-05-01", column: "工作动态", tags: ["换行"] },
    "第一段。\n\n## 小标题\n\n第二段。\n",
  ).replace(/\n/g, "\r\n");
  files["content/articles/2023/bom.md"] = `\uFEFF${articleFile(
    { title: "带字节顺序标记的文章", date: "2023-05-02", column: "工作动态" },
    "正文。\n",
  )}`;
  files["content/articles/2023/full-width.md"] = articleFile(
    { title: FULL_WIDTH_TITLE, date: "2023-05-03", column: "工作动态", source: "市科技局（办公室）" },
    "全角标点：，。；：？！“”‘’（）【】《》——……\n",
  );
  files["content/articles/2023/long-title.md"] = articleFile(
    {
      title: LONG_TITLE,
      date: "2023-05-04",
      column: "工作动态",
      source: `${"克拉玛依市科学技术局".repeat(4)}${EMOJI}`,
      region: "克拉玛依市独山子区克拉玛依区白碱滩区乌尔禾区",
    },
    `正文里的表情${EMOJI}和扩展B区汉字${EXT_B}。\n\n${"Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(3)}\n`,
  );
  files["content/articles/2023/emoji.md"] = articleFile(
    { title: EMOJI_TITLE, date: "2023-05-05", column: "科技要闻", tags: [`表情${EMOJI}`, EXT_B] },
    `活动现场${EMOJI}热闹非凡，${EXT_B}两个字也能显示。\n`,
  );
  const paragraph = `${"科技创新是引领发展的第一动力，".repeat(40)}\n\n`;
  const huge = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(paragraph)));
  files["content/articles/2023/huge.md"] = articleFile(
    { title: "五兆字节的文章", date: "2023-05-06", column: "政策文件" },
    `${huge}${HUGE_MARKER}\n`,
  );
  const attachmentLines: string[] = [];
  for (let index = 1; index <= ATTACHMENTS; index++) {
    const name = `f${String(index).padStart(4, "0")}.txt`;
    files[`content/files/many/${name}`] = `附件 ${index}\n`;
    attachmentLines.push(`  - title: 附件${index}`, `    file: many/${name}`);
  }
  files["content/articles/2023/many.md"] = articleFile(
    ["title: 一千个附件", "date: 2023-05-07", "column: 区县动态", "attachments:", ...attachmentLines].join("\n"),
  );
  files["content/notices/2023.yaml"] = [
    `- title: ${JSON.stringify(`通知${EMOJI}${EXT_B}`)}`,
    "  date: 2023-05-08",
    "  body: |",
    "    通知正文。",
  ]
    .join("\n")
    .replace(/\n/g, "\r\n");
  return files;
}

beforeAll(async () => {
  const files = fixture();
  articleFiles = Object.keys(files).filter((file) => file.startsWith("content/articles/"));
  site = createFixtureSite(files);
  // Without the Pagefind index: indexing 5 MB of Chinese text alone takes Pagefind about 20 s.
  const build = await buildToTemp(site.root, { searchIndex: false });
  siteDir = build.outputDir;
  cleanup = build.cleanup;
});

afterAll(() => {
  cleanup?.();
  site?.remove();
});

describe("building awkward content", () => {
  it("builds all of it in one go, a page for every article", () => {
    expect(articleFiles).toHaveLength(7);
    for (const file of articleFiles) {
      const page = path.join(siteDir, file.replace(/^content\//, "").replace(/\.md$/, "/index.html"));
      expect(existsSync(page), file).toBe(true);
    }
  });

  it("reads files with Windows line ends and a byte-order mark", () => {
    const crlf = readPage(siteDir, "/articles/2023/crlf/");
    expect(textOf(crlf.querySelector("h1"))).toBe("Windows 换行的文章");
    expect(textOf(crlf.querySelector(".article-body h2"))).toBe("小标题");
    expect(crlf.querySelector(".article-body")?.innerHTML).not.toContain("\r");
    expect([...crlf.querySelectorAll(".tag")].map(textOf)).toEqual(["换行"]);
    expect(textOf(readPage(siteDir, "/articles/2023/bom/").querySelector("h1"))).toBe("带字节顺序标记的文章");
    const notices = readPage(siteDir, "/notices/");
    expect(textOf(notices.querySelector(".list-page a"))).toBe(`通知${EMOJI}${EXT_B}`);
  });

  it("keeps full-width punctuation, emoji and Extension B characters intact everywhere", () => {
    const fullWidth = readPage(siteDir, "/articles/2023/full-width/");
    expect(textOf(fullWidth.querySelector("h1"))).toBe(FULL_WIDTH_TITLE);
    expect(textOf(fullWidth.querySelector(".article-body p"))).toBe("全角标点：，。；：？！“”‘’（）【】《》——……");
    const emoji = readPage(siteDir, "/articles/2023/emoji/");
    expect(textOf(emoji.querySelector("h1"))).toBe(EMOJI_TITLE);
    expect(emoji.querySelector('meta[name="ArticleTitle"]')?.getAttribute("content")).toBe(EMOJI_TITLE);
    expect([...emoji.querySelectorAll(".tag")].map(textOf)).toEqual([`表情${EMOJI}`, EXT_B]);
    expect(textOf(emoji.querySelector(".article-body p"))).toBe(`活动现场${EMOJI}热闹非凡，${EXT_B}两个字也能显示。`);
    const feedTitles = [...readXml(siteDir, "/feed.xml").querySelectorAll("entry > title")].map(textOf);
    expect(feedTitles).toContain(EMOJI_TITLE);
    expect(feedTitles).toContain(LONG_TITLE);
  });

  it("shows a 200-character title whole", () => {
    expect(Array.from(LONG_TITLE)).toHaveLength(200);
    const page = readPage(siteDir, "/articles/2023/long-title/");
    expect(textOf(page.querySelector("h1"))).toBe(LONG_TITLE);
    expect(page.querySelector("title")?.textContent).toBe(`${LONG_TITLE} - 克拉玛依市科学技术局`);
  });

  it("renders a 5 MB article to its last paragraph", () => {
    const page = readPage(siteDir, "/articles/2023/huge/");
    const paragraphs = page.querySelectorAll(".article-body p");
    expect(paragraphs.length).toBeGreaterThan(2000);
    expect(textOf(paragraphs[paragraphs.length - 1])).toBe(HUGE_MARKER);
    expect(Array.from(page.querySelector('meta[name="description"]')?.getAttribute("content") ?? "").length).toBe(121);
  });

  it("lists and copies 1,000 attachments", () => {
    const page = readPage(siteDir, "/articles/2023/many/");
    const links = [...page.querySelectorAll(".attachments a")];
    expect(links).toHaveLength(ATTACHMENTS);
    expect(links[999]?.getAttribute("href")).toBe("/files/many/f1000.txt");
    expect(textOf(links[999])).toBe("附件1000");
    expect(readdirSync(path.join(siteDir, "files/many"))).toHaveLength(ATTACHMENTS);
  });
});

describe("awkward content in the browser", () => {
  let server: StaticServer | undefined;

  afterAll(() => server?.close());

  it("fits the long-title and emoji pages into a phone screen without horizontal scrolling", async () => {
    server = await serveSite(siteDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: VIEWPORTS.phone });
      for (const url of ["/articles/2023/long-title/", "/articles/2023/emoji/", "/gzdt/", "/"]) {
        await page.goto(`${server.origin}${url}`);
        const layout = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          title: document.querySelector("h1")?.textContent ?? "",
        }));
        expect(layout.overflow, url).toBeLessThanOrEqual(0);
        if (url === "/articles/2023/long-title/") expect(layout.title).toBe(LONG_TITLE);
      }
    } finally {
      await browser.close();
    }
  });
});
