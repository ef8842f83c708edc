/*
 * What editors read when a file fails its schema: the Chinese names of the keys and one located
 * message per failure.
 */
import type { z } from "zod";
import type { ContentProblem } from "./problems.ts";
import type { YamlSource } from "./yaml-source.ts";

/** Chinese names of every key an editor can write, shown beside the English key in messages. */
export const FIELD_LABELS: Record<string, string> = {
  title: "标题",
  date: "发布时间",
  updated: "更新时间",
  column: "栏目",
  source: "来源",
  region: "适用地",
  summary: "摘要",
  tags: "主题词",
  attachments: "附件",
  file: "附件文件",
  draft: "草稿",
  doc_number: "文号",
  index_number: "索引号",
  url: "链接",
  body: "正文",
  name: "名称",
  slug: "英文短名",
  type: "栏目类型",
  description: "描述",
  keywords: "关键词",
  time_zone: "时区",
  id_code: "网站标识码",
  language: "语言",
  sponsor: "主办单位",
  organizer: "承办单位",
  icp: "ICP备案号",
  code: "备案编号",
  number: "备案号",
  page_size: "每页条数",
  update_every: "更新周期",
  warn_days_before: "提前提醒天数",
  notices_update_every: "通知公告更新周期",
  wrong: "错误写法",
  right: "正确写法",
  phrase: "允许的词语",
  signature: "落款",
  organ: "发文机关",
  "signature.date": "成文日期",
  image: "题图",
  "image.file": "题图文件",
  alt: "图片说明",
  validity: "有效性",
  validity_date: "有效性变更日期",
  replaced_by: "替代文件",
  written_date: "成文日期",
  topic: "主题分类",
  normative: "规范性文件",
  interprets: "解读的文件",
  report: "年度报告",
  year: "年度",
  jiucuo_site_code: "找错网站标识码",
  interaction: "互动交流",
  services: "办事服务",
  public_information: "政府信息公开",
  guide: "政府信息公开指南",
  rules: "政府信息公开制度",
  proactive: "法定主动公开内容",
  annual_reports: "政府信息公开年报",
  application: "依申请公开",
  policy_documents: "政策文件",
  topics: "主题分类",
  index_pattern: "索引号格式",
  interpretation_within: "解读期限",
};

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  number: "数字",
  boolean: "布尔值（true 或 false）",
  array: "列表（每项以 - 开始）",
  object: "键值对",
};

/** Joins a path the way editors read it: `attachments[0].file`. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((joined, part) => {
    if (typeof part === "number") return `${joined}[${part}]`;
    return joined ? `${joined}.${String(part)}` : String(part);
  }, "");
}

/** The Chinese name of the key at the end of a path: `signature.date` before `date`. */
function labelOf(path: ReadonlyArray<PropertyKey>): string {
  const keys = path.filter((part): part is string => typeof part === "string");
  const [parent, last] = keys.slice(-2).length === 2 ? keys.slice(-2) : [undefined, keys.at(-1)];
  return (parent && FIELD_LABELS[`${parent}.${last}`]) || (last && FIELD_LABELS[last]) || "此项";
}

/** Whether the key at `path` of a schema must be written (its schema rejects a missing value). */
function isRequired(schema: z.ZodType, path: ReadonlyArray<string | number>): boolean {
  type Inspectable = { shape?: Record<string, unknown>; element?: unknown; unwrap?: () => unknown };
  let current = schema as unknown as Inspectable | undefined;
  for (const part of path) {
    while (current && !current.shape && !current.element && typeof current.unwrap === "function")
      current = current.unwrap() as Inspectable;
    current = (typeof part === "number" ? current?.element : current?.shape?.[part]) as Inspectable | undefined;
  }
  return current !== undefined && !(current as unknown as z.ZodType).safeParse(undefined).success;
}

/**
 * Validates parsed YAML against a schema and turns every failure into a located problem with a
 * Chinese message.
 */
export function validateWithSchema<T>(
  schema: z.ZodType<T>,
  source: YamlSource,
  file: string,
): { data?: T; problems: ContentProblem[] } {
  const result = schema.safeParse(source.value, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const problems: ContentProblem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        problems.push({
          file,
          line: source.keyLineOf(path, key),
          field: formatFieldPath(keyPath),
          message: `不认识的字段「${key}」，请检查拼写（字段名区分大小写）`,
        });
      }
      continue;
    }
    const label = labelOf(path);
    const key = [...path].reverse().find((part) => typeof part === "string");
    const empty =
      (issue.code === "invalid_type" && issue.input === null) || (issue.code === "too_small" && issue.input === "");
    let message: string;
    if (empty && key) {
      message = isRequired(schema, path)
        ? `「${label}」不能为空：请在 ${key}: 后面写上内容`
        : `「${label}」是空的：请在 ${key}: 后面写上内容，不需要时删掉这一行`;
    } else if (issue.code === "invalid_type" && path.length === 0) {
      message = `整个文件应是一个${issue.expected === "array" ? "列表（每项以「- title:」开始）" : "键值对（key: value）"}`;
    } else if (issue.code === "invalid_type" && issue.input === undefined) {
      message = `缺少必填项「${label}」`;
    } else if (issue.code === "invalid_type") {
      message = `「${label}」应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际写的是 ${JSON.stringify(issue.input)}`;
    } else if (issue.code === "too_small") {
      message = `「${label}」不能为空`;
    } else {
      message = label === "此项" ? issue.message : `「${label}」${issue.message}`;
    }
    problems.push({ file, line: source.lineOf(path), field: formatFieldPath(path) || undefined, message });
  }
  return { problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}
