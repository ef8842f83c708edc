import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const PHRASES = [
  "我市深入实施创新驱动发展战略",
  "科技型中小企业数量稳步增长",
  "推动石油石化产业链延链补链强链",
  "加快建设科技创新服务平台",
  "持续深化科技体制机制改革",
  "围绕“十四五”规划开展技术攻关",
  "组织开展科技特派员下乡服务",
  "加强知识产权创造保护和运用",
  "促进科技成果转移转化",
  "支持企业建设研发中心和重点实验室",
  "推进沪克川克区域科技合作",
  "培育国家高新技术企业",
  "开展全国科技活动周科普宣传",
  "完善科研仪器设备开放共享机制",
  "引进和培养高层次科技人才",
  "独山子区石化新材料项目顺利投产",
  "克拉玛依区数字经济产业园建设提速",
  "白碱滩区氢能示范项目开工",
  "乌尔禾区现代农业科技示范基地挂牌",
  "大数据知识图谱认知平台通过验收",
];
const HEADINGS = ["加强科技合作", "激发创新活力", "提升产业能力", "优化创新生态", "强化人才支撑", "深化开放协同"];
const COLUMNS = ["工作动态", "科技要闻", "政策文件", "区县动态"];

/** A small deterministic pseudo-random generator (mulberry32), so every run writes the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Markdown of synthetic article `index`: a title, a date over ten years, ~900 characters in three sections. */
export function syntheticArticle(index: number, random: () => number): { year: number; slug: string; text: string } {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const year = 2015 + (index % 10);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")} ${String(8 + (index % 10)).padStart(2, "0")}:${String(index % 60).padStart(2, "0")}`;
  const sections = [0, 1, 2].map((section) => {
    const paragraphs = [0, 1].map(() => `${Array.from({ length: 7 }, () => pick(PHRASES)).join("，")}。`);
    return `## ${HEADINGS[(index + section) % HEADINGS.length]}（第${section + 1}部分）\n\n${paragraphs.join("\n\n")}`;
  });
  const title = `${pick(PHRASES)}（第${index + 1}号）`;
  const text = `---\ntitle: ${title}\ndate: ${date}\ncolumn: ${COLUMNS[index % COLUMNS.length]}\n---\n\n${sections.join("\n\n")}\n`;
  return { year, slug: `article-${index + 1}`, text };
}

/**
 * Writes a deterministic synthetic site of `articles` articles (four columns, ten years) and one
 * notice per ten articles into `root`, with the given site file text.
 */
export function writeSyntheticCorpus(root: string, articles: number, siteFile: string): void {
  const random = seededRandom(20211206);
  mkdirSync(path.join(root, "_data"), { recursive: true });
  writeFileSync(path.join(root, "_data/site.yaml"), siteFile);
  for (let index = 0; index < articles; index++) {
    const { year, slug, text } = syntheticArticle(index, random);
    const folder = path.join(root, "content/articles", String(year));
    if (index < 10) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${slug}.md`), text);
  }
  const noticesByYear = new Map<number, string[]>();
  for (let index = 0; index < Math.floor(articles / 10); index++) {
    const year = 2015 + (index % 10);
    const entry = `- title: 关于开展第${index + 1}批科技计划项目申报工作的通知\n  date: ${year}-${String(1 + (index % 12)).padStart(2, "0")}-${String(1 + (index % 28)).padStart(2, "0")}\n  body: |\n    各有关单位：现组织开展第${index + 1}批科技计划项目申报工作。${PHRASES[index % PHRASES.length]}。\n`;
    noticesByYear.set(year, [...(noticesByYear.get(year) ?? []), entry]);
  }
  mkdirSync(path.join(root, "content/notices"), { recursive: true });
  for (const [year, entries] of noticesByYear)
    writeFileSync(path.join(root, `content/notices/${year}.yaml`), entries.join(""));
}

/**
 * The project's own article that holds the rare terms of the search queries (针状焦, 绿氢到绿碳 …),
 * copied into every bench corpus, with the attachment it links, so a query can find one real page
 * among the synthetic ones (issue 14: "10,000 generated articles + the seed article").
 */
export const SEED_FILES = ["content/articles/2021/kjcx-tdjjgzlfz.md", "content/files/2021/kjcx-gzzj-2021.pdf"] as const;

/** How many articles {@link copySeedFiles} adds to a corpus. */
export const SEED_ARTICLES = SEED_FILES.filter((file) => file.startsWith("content/articles/")).length;

/** Copies the seed article and its attachment from `projectDir` into the corpus at `root`. */
export function copySeedFiles(root: string, projectDir: string): void {
  for (const file of SEED_FILES) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    copyFileSync(path.join(projectDir, file), path.join(root, file));
  }
}
