import { z } from "zod";
import { CONTENT_DATE_FORMATS, FILES, parseContentDate, SAFE_LINK_SCHEMES } from "../shared/index.ts";

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

/**
 * The lead photo of an article (题图): a picture under `content/files/` and its description, which
 * is its text alternative and its caption. `image: /files/2024/a.jpg` alone is read as the file, so
 * the missing description is reported at its line.
 */
export const leadImageObject = z.strictObject({ file: attachment.shape.file, alt: text });

/** The `image` key as written: the object, or its file alone. */
export const leadImage = z.preprocess(
  (value) => (typeof value === "string" ? { file: value } : value),
  leadImageObject,
);

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
      image: leadImage.optional(),
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
