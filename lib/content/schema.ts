import { z } from "zod";
import { CONTENT_DATE_FORMATS, FILES, parseContentDate, SAFE_LINK_SCHEMES } from "../shared/index.ts";
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

/** A slug: lowercase ASCII letters and digits, words joined by single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A non-empty line of text; numbers are accepted and kept as written (`doc_number: 2021`). */
export const text = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value),
  z.string().trim().min(1, "不能为空"),
);

/** A link target: a site path starting with `/`, or an http(s), mailto or tel URL. */
export const linkTarget = z.string().superRefine((value, context) => {
  if (value.startsWith("/") && !value.startsWith("//")) return;
  let scheme = "";
  try {
    scheme = new URL(value).protocol;
  } catch {
    context.addIssue({ code: "custom", message: `「${value}」不是有效的链接：应以 / 开头（站内）或为 https:// 地址` });
    return;
  }
  if (!(SAFE_LINK_SCHEMES as readonly string[]).includes(scheme.slice(0, -1))) {
    context.addIssue({ code: "custom", message: `链接协议「${scheme}」不安全，只允许 http、https、mailto、tel` });
  }
});

/** A content date in the site's zone, checked against the calendar. */
function contentDate(zone: string) {
  return z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z.string().superRefine((value, context) => {
      if (!parseContentDate(value, zone)) {
        context.addIssue({
          code: "custom",
          message: `「${value}」不是有效的时间，应写作 ${CONTENT_DATE_FORMATS.join(" 或 ")}，且须是日历上存在的日期`,
        });
      }
    }),
  );
}

/**
 * The check of an optional `updated` (更新时间) against the item's `date`: a revision cannot come
 * before the publication. Both are valid content dates when it runs.
 */
function updatedNotBeforeDate(zone: string) {
  return (item: { date: string; updated?: string }, context: z.RefinementCtx) => {
    if (item.updated === undefined) return;
    const published = parseContentDate(item.date, zone);
    const updated = parseContentDate(item.updated, zone);
    if (published && updated && updated < published)
      context.addIssue({
        code: "custom",
        path: ["updated"],
        message: `「${item.updated}」早于发布时间「${item.date}」：写修改正文的时间，没有修改过就删掉这一行`,
      });
  };
}

/**
 * An attachment: a title and a file path under `content/files/`. The file's site address
 * (`/files/2024/a.pdf`, what the browser CMS writes) is read as the same relative path.
 */
export const attachment = z.strictObject({
  title: text,
  file: z
    .string()
    .trim()
    .transform((file) => (file.startsWith(FILES.url) ? file.slice(FILES.url.length) : file))
    .pipe(
      z
        .string()
        .min(1, "不能为空")
        .refine((file) => !file.startsWith("/") && !file.split("/").includes(".."), {
          message: "应写 content/files/ 下的相对路径，不能以 / 开头或包含 ..",
        }),
    ),
});

/** 有效性 of a 政策文件: in force, amended, repealed, or expired (《政府网站发展指引》: marked on the original). */
export const VALIDITY = ["现行有效", "已修改", "已废止", "已失效"] as const;

export type Validity = (typeof VALIDITY)[number];

/** The address of an article of this site, as editors link to it: `/articles/2024/kjjh-xmglbf-2024/`. */
const articleAddress = z
  .string()
  .trim()
  .regex(/^\/articles\/\d{4}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/, {
    message: "应写本站文章的网址，以 / 开头和结尾，如 /articles/2024/kjjh-xmglbf-2024/",
  });

/**
 * The front-matter keys of a 政策文件 and of a 政策解读, beside 文号 and 索引号: 有效性 with the date
 * it changed and the document that replaces it, 成文日期, 发文机关, 主题分类, 规范性文件, and for a
 * 解读 the document it explains. Values that depend on the site (主题分类, the 索引号 pattern) and
 * on other articles are checked by lib/content/policy.ts.
 */
export function policyDocumentFields(zone: string) {
  return {
    validity: z
      .enum(VALIDITY, { error: (issue) => `应为 ${VALIDITY.join("、")} 之一，实际写的是「${String(issue.input)}」` })
      .optional(),
    validity_date: contentDate(zone).optional(),
    replaced_by: articleAddress.optional(),
    written_date: contentDate(zone).optional(),
    organ: text.optional(),
    topic: text.optional(),
    normative: z.boolean().optional(),
    interprets: articleAddress.optional(),
  };
}

/** The front matter of an article, for a site with the given column names and zone. */
export function articleSchema(columnNames: readonly string[], zone: string) {
  return z
    .strictObject({
      title: text,
      date: contentDate(zone),
      updated: contentDate(zone).optional(),
      column: z.string().refine((name) => columnNames.includes(name), {
        error: (issue) => `「${String(issue.input)}」不是本站的栏目，可选：${columnNames.join("、")}`,
      }),
      source: text.optional(),
      region: text.optional(),
      summary: text.optional(),
      tags: z.array(text).optional(),
      attachments: z.array(attachment).optional(),
      draft: z.boolean().optional(),
      doc_number: text.optional(),
      index_number: text.optional(),
      ...policyDocumentFields(zone),
    })
    .superRefine(updatedNotBeforeDate(zone));
}

/**
 * The 落款 of a notice laid out as an official document: the issuing body (发文机关署名) and the
 * date it was signed (成文日期), shown right-aligned under the body; the date defaults to the
 * notice's own.
 */
export function signatureSchema(zone: string) {
  return z.strictObject({
    organ: text,
    date: contentDate(zone).optional(),
  });
}

/** One entry of a notices file. */
export function noticeSchema(zone: string) {
  return z
    .strictObject({
      title: text,
      date: contentDate(zone),
      updated: contentDate(zone).optional(),
      url: linkTarget.optional(),
      body: z.string().optional(),
      attachments: z.array(attachment).optional(),
      signature: signatureSchema(zone).optional(),
    })
    .superRefine(updatedNotBeforeDate(zone))
    .superRefine((notice, context) => {
      if (!notice.url && !notice.body?.trim() && !notice.attachments?.length) {
        context.addIssue({
          code: "custom",
          path: [],
          message: "通知公告至少要有 url（链接）、body（正文）、attachments（附件）之一",
        });
      }
    });
}

/** A notices file: a YAML list of notices. */
export function noticesFileSchema(zone: string) {
  return z.array(noticeSchema(zone));
}

/**
 * The two annual reports due by 31 January for the year before: the 政府网站工作年度报表 (国办函〔2018〕12号,
 * written by `npm run annual-report`) and the 政府信息公开工作年度报告 (《政府信息公开条例》第四十九条).
 */
export const ANNUAL_REPORTS = ["网站年度报表", "信息公开年报"] as const;

export type AnnualReportKind = (typeof ANNUAL_REPORTS)[number];

/** The front matter of a standalone page such as 关于我们, or of an annual report (`report` and `year`). */
export const staticPageSchema = z.strictObject({
  title: text,
  summary: text.optional(),
  report: z
    .enum(ANNUAL_REPORTS, {
      error: (issue) => `应为 ${ANNUAL_REPORTS.join("、")} 之一，实际写的是「${String(issue.input)}」`,
    })
    .optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  draft: z.boolean().optional(),
});

export type ArticleFrontMatter = z.infer<ReturnType<typeof articleSchema>>;
export type NoticeEntry = z.infer<ReturnType<typeof noticeSchema>>;
export type StaticPageFrontMatter = z.infer<typeof staticPageSchema>;

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
