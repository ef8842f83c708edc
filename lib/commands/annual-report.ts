import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Catalog } from "../content/index.ts";

/** Where `npm run annual-report` writes the report of a year, relative to the site root. */
export const annualReportFile = (year: number) => `content/pages/xxgk/wzndbb-${year}.md`;

const TO_FILL = (where: string) => `待填写（${where}）`;

/**
 * The 政府网站工作年度报表 (国办函〔2018〕12号) of `year` as a Markdown page: every figure the
 * catalog knows (信息发布 total and per column, 专栏专题, 解读回应, 办事服务 and 互动交流 entries),
 * the others marked 待填写 with where to find them. A draft, for editors to check and publish.
 */
export function annualReportMarkdown(catalog: Catalog, year: number): string {
  const { site } = catalog;
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const articles = catalog.articles.filter((article) => inYear(article.date));
  const notices = catalog.notices.filter((notice) => inYear(notice.date));
  const perColumn = catalog.columns.map((listing) => ({
    name: listing.column.name,
    count: listing.articles.filter((article) => inYear(article.date)).length,
  }));
  const interpretations = articles.filter((article) => article.interprets).length;
  const rows: [string, string | number][] = [
    ["网站名称", site.name],
    ["首页网址", site.url],
    ["主办单位", site.footer.sponsor],
    ["政府网站标识码", site.id_code],
    ["ICP备案编号", site.footer.icp],
    ["公安机关备案号", site.footer.police_record.number],
    ["独立用户访问总量（个）", TO_FILL("CDN 或访问统计的年度独立访客数")],
    ["网站总访问量（次）", TO_FILL("CDN 访问日志的年度页面请求数")],
    ["信息发布总数（条）", articles.length + notices.length],
    ...perColumn.map(({ name, count }): [string, number] => [`其中：${name}（条）`, count]),
    ["其中：通知公告（条）", notices.length],
    ["专栏专题维护数量（个）", site.columns.length],
    ["专栏专题新开设数量（个）", TO_FILL("本年新增的栏目或专题")],
    ["解读回应：解读信息发布总数（条）", interpretations],
    ["解读回应：回应公众关注热点或重大舆情数量（次）", TO_FILL("宣传或舆情部门的记录")],
    ["办事服务：服务入口（个）", site.services.length],
    ["办事服务：注册用户数、办件量", TO_FILL("政务服务网的年度统计")],
    ["互动交流：渠道数量（个）", site.interaction.length],
    ["互动交流：收到留言数量、办结数量、平均办理时间", TO_FILL("局长信箱和 12345 平台的年度统计")],
    ["安全防护：安全检测评估次数、发现问题数量、问题整改数量", TO_FILL("网络安全检测报告")],
    ["移动新媒体：政务新媒体名称和发布量", TO_FILL("政务新媒体账号后台")],
    ["创新发展", TO_FILL("本年网站建设的新做法")],
  ];
  const table = rows.map(([name, value]) => `| ${name} | ${value} |`).join("\n");
  return `---
title: ${site.name}${year}年政府网站工作年度报表
summary: ${site.name}网站${year}年的信息发布、专栏专题、解读回应、办事服务和互动交流情况。
report: 网站年度报表
year: ${year}
draft: true
---

<!-- 由 npm run annual-report -- --year ${year} 生成：数字来自本站内容；「待填写」的项请按括号里的来源补齐，核对无误后删去 draft: true 再发布（${year + 1} 年 1 月 31 日前）。 -->

根据《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕47号）和《国务院办公厅秘书局关于印发政府网站与政务新媒体检查指标、监管工作年度考核指标的通知》的要求，现将${site.name}网站${year}年工作情况公布如下。

| 项目 | ${year}年 |
| --- | --- |
${table}
`;
}

/** Writes the report of `year` for editors to review; refuses to overwrite one already written. Returns its path. */
export function writeAnnualReport(root: string, catalog: Catalog, year: number): string {
  const file = annualReportFile(year);
  const target = path.join(root, file);
  if (existsSync(target)) throw new Error(`${file} 已经存在：要重新生成，请先删去它`);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, annualReportMarkdown(catalog, year));
  return file;
}
