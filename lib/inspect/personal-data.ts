import type { InspectContext } from "./context.ts";
import { type CheckResult, checkResult, type Finding } from "./types.ts";

/** What marks a line, or the line below it, as holding no personal data: `<!-- 非个人信息 -->` or `# 非个人信息`. */
export const NOT_PERSONAL_MARK = "非个人信息";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_DIGITS = "10X98765432";

/** Whether 18 characters are a 居民身份证号 (GB 11643-1999): a real birth date and the ISO 7064 MOD 11-2 check digit. */
export function isResidentIdNumber(value: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/i.test(value)) return false;
  const birth = value.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll("-", "") !== birth) return false;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return CHECK_DIGITS[sum % 11] === value[17]?.toUpperCase();
}

/** One piece of personal data in a line: what it is, and the value shown masked. */
export interface PersonalDataHit {
  kind: "身份证号" | "手机号";
  masked: string;
}

const ID_CANDIDATE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
/** A mainland mobile number, 11 digits from 13–19, also written 138 1234 5678 or 138-1234-5678. */
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;

/** The 身份证号 with a valid check digit and the mainland 手机号 in one line of text. */
export function findPersonalData(line: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const match of line.matchAll(ID_CANDIDATE))
    if (isResidentIdNumber(match[0]))
      hits.push({ kind: "身份证号", masked: `${match[0].slice(0, 6)}********${match[0].slice(14)}` });
  const withoutIds = line.replace(ID_CANDIDATE, " ");
  for (const match of withoutIds.matchAll(MOBILE)) hits.push({ kind: "手机号", masked: `${match[1]}****${match[3]}` });
  return hits;
}

/**
 * 个人信息: a 身份证号 (18 digits, valid check digit) or a mainland 手机号 in the published text of
 * an article, a notice or a page (公示 lists are the usual place) is a failure at its file and line;
 * `非个人信息` in a comment on the line or the line above marks a false positive (a 服务热线 that looks
 * like a mobile number).
 */
export function checkPersonalData(context: InspectContext): CheckResult {
  const { content, sources } = context;
  const files = new Set<string>();
  for (const item of [...content.articles, ...content.notices, ...content.staticPages]) files.add(item.sourcePath);
  const findings: Finding[] = [];
  for (const file of [...files].sort()) {
    const lines = sources.lines(file);
    lines.forEach((text, at) => {
      if (text.includes(NOT_PERSONAL_MARK) || (lines[at - 1] ?? "").includes(NOT_PERSONAL_MARK)) return;
      for (const hit of findPersonalData(text))
        findings.push({
          severity: "fail",
          file,
          line: at + 1,
          message: `疑似${hit.kind}「${hit.masked}」：公开的页面不应有完整的${hit.kind}，请删去或只保留前后几位（如 ${hit.masked}）；确实不是个人信息时，在这一行或上一行加注释「${NOT_PERSONAL_MARK}」`,
        });
    });
  }
  return checkResult("personal-data", `检查了 ${files.size} 个文件：${findings.length} 处疑似个人信息`, findings);
}
