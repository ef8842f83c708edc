import { seededRandom } from "../../harness/corpus.ts";

// Names that straddle word boundaries, mixed Chinese/Latin/digits, full-width forms and quotes.
const NAMES = [
  "克拉玛依新科澳化工有限公司",
  "独山子天利高新技术股份公司",
  "乌尔禾区世界魔鬼城景区",
  "白碱滩区金龙镇",
  "小拐乡现代农业示范园",
  "新疆油田勘探开发研究院",
  "沪克科技合作产业园",
  "2021年5G基站",
  "２０２２年６Ｇ试验网",
  "“十四五”规划",
  "《科技计划项目管理办法》",
  "CO2驱油技术",
  "NB-IoT物联网平台",
];
const FILLER = [
  "推进科技创新",
  "加强人才培养",
  "完善服务体系",
  "开展调研座谈",
  "落实各项任务",
  "召开专题会议",
  "合作推动产业升级",
  "科技部门加强指导",
  "建设现代化产业体系",
  "各区县积极参与",
  "强化企业创新主体地位",
  "园区配套设施",
  // Scattered characters of some queries: every bigram present, never the whole phrase.
  "签订科技合同",
  "金龙大道通车",
  "乌龙镇街道",
  "油田生产稳定",
  "稻田勘测",
  "地质勘探",
  "就业升温明显",
  "设备升级改造",
  "魔鬼鱼标本",
  "鬼城传说",
];
const COLUMNS = ["工作动态", "科技要闻", "政策文件", "区县动态"];

export const QUERIES = [
  "新科澳化",
  "澳化工",
  "天利高新",
  "区世界",
  "魔鬼城",
  "金龙镇",
  "拐乡现代",
  "油田勘探",
  "沪克科技合作产业园",
  "科技合作",
  "2021年 5G",
  "2021年5G基站",
  "２０２２年",
  "6G试验",
  "“十四五”规划",
  "十四五规划",
  "科技计划项目管理办法",
  "CO2驱油",
  "物联网平台",
  "产业升级",
];

export interface SourcePage {
  url: string;
  title: string;
  text: string;
  date: string;
  column: string;
  /** A 政策文件's 有效性 when it is not in force. */
  validity?: string;
}

/** A deterministic corpus of a few hundred articles and notice pages, with its pages' plain text. */
export function generateCorpus(): { files: Record<string, string>; pages: SourcePage[] } {
  const random = seededRandom(3);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const clause = () => (random() < 0.22 ? pick(NAMES) : pick(FILLER));
  const files: Record<string, string> = {};
  const pages: SourcePage[] = [];
  for (let index = 0; index < 240; index++) {
    const year = 2019 + (index % 6);
    const date = `${year}-${String(1 + (index % 12)).padStart(2, "0")}-${String(1 + (index % 27)).padStart(2, "0")}`;
    const title =
      index === 7 ? "沪克科技合作产业园" : `${pick(FILLER)}${random() < 0.3 ? pick(NAMES) : ""}第${index}期`;
    const paragraphs = [0, 1, 2].map(
      () => `${Array.from({ length: 3 + Math.floor(random() * 4) }, clause).join("，")}。`,
    );
    const body = `${paragraphs[0]}\n\n## ${pick(FILLER)}\n\n${paragraphs[1]}\n${paragraphs[2]}\n`;
    const column = COLUMNS[index % COLUMNS.length] as string;
    const slug = `a${index}`;
    const validity = index % 20 === 2 ? "已废止" : undefined;
    const validityLines = validity ? `validity: ${validity}\nvalidity_date: ${date}\n` : "";
    files[`content/articles/${year}/${slug}.md`] =
      `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\ncolumn: ${column}\n${validityLines}---\n${body}`;
    pages.push({ url: `/articles/${year}/${slug}/`, title, text: body, date, column, validity });
  }
  return { files, pages };
}

/** The comparison form of each clause: NFKC, lower case, letters and digits only; clauses split at sentence punctuation. */
function clauseKeys(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, "$1")
    .split(/[，。、；：？！,.;:?!#\s]+/u)
    .map((clause) => clause.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
}

function queryKeys(query: string): string[] {
  return query
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/)
    .map((part) => part.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
}

/** Pages whose title or body holds every part of the query (ground truth from the Markdown). */
export function expectedPages(pages: SourcePage[], query: string): Set<string> {
  const parts = queryKeys(query);
  return new Set(
    pages
      .filter((page) => {
        const clauses = [...clauseKeys(page.title), ...clauseKeys(page.text)];
        return parts.every((part) => clauses.some((clause) => clause.includes(part)));
      })
      .map((page) => page.url),
  );
}
