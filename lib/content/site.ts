import { z } from "zod";
import { isKnownZone, RESERVED_FOLDERS } from "../shared/index.ts";
import { readSettingsText } from "./files.ts";
import { type ContentProblem, ContentValidationError } from "./problems.ts";
import { linkTarget, SLUG, text } from "./schema.ts";
import { validateWithSchema } from "./schema-messages.ts";
import { parseYamlSource } from "./yaml-source.ts";

/** Where the site file lives, relative to the site root. */
export const SITE_FILE = "_data/site.yaml";

/**
 * A period of the inspection (`npm run inspect`): `14d`, `2w`, `6m`, `1y`, or `never`. A bare number
 * (`14`, which YAML reads as a number) gets the same message as any other period without its unit.
 */
const updateEvery = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value),
  z
    .string()
    .regex(
      /^(?:[1-9]\d{0,3}[dwmy]|never)$/,
      "应写作数字加单位 d（天）、w（周）、m（月）、y（年），如 14d、6m，或 never（不检查）",
    ),
);

const column = z.strictObject({
  name: text,
  slug: z.string().regex(SLUG, "英文短名只能用小写字母、数字和连字符"),
  type: text,
  description: text,
  keywords: z.array(text).min(1),
  update_every: updateEvery.optional(),
});

const link = z.strictObject({ title: text, url: linkTarget });

/**
 * 网站标识码 (国办发〔2017〕47号): ten digits for a local site (the first six its 行政区划代码, such
 * as 6502000011), `bm` and eight digits for a State Council department's; the 「我为政府网站找错」
 * link carries it as `site_code`.
 */
export const SITE_ID_CODE = /^(?:[1-8]\d{9}|bm\d{8})$/;

/** What a malformed 网站标识码 is told, wherever it is written. */
export const SITE_ID_CODE_MESSAGE =
  "应为 10 位：地方网站是 10 位数字（前 6 位是行政区划代码，如 6502000011），国务院部门网站是 bm 加 8 位数字";

const siteIdCode = z.string().regex(SITE_ID_CODE, SITE_ID_CODE_MESSAGE);

/** The 索引号 pattern: literal text with `{year}` (the four-digit year) and `{nn…}` (a serial number of that many digits). */
const indexPattern = z.string().refine((pattern) => /\{year\}/.test(pattern) && /\{n+\}/.test(pattern), {
  message: "应含 {year}（年份）和 {nnnnn}（顺序号，n 的个数就是位数），如 11650200MB0000000X/{year}-{nnnnn}",
});

/** Where a 政府信息公开 entry is: a page of this site (`/xxgk/zn/`) or the city platform's address. */
const publicInformation = z.strictObject({
  guide: linkTarget.optional(),
  rules: linkTarget.optional(),
  proactive: z.array(link).default([]),
  annual_reports: linkTarget.optional(),
  application: linkTarget.optional(),
});

/** The schema of `_data/site.yaml`: identity, columns, defaults and the footer the norms require. */
export const siteSchema = z
  .strictObject({
    name: text,
    url: z.string().regex(/^https?:\/\/[^/\s]+$/, "应为站点的正式地址，如 https://kjj.example.gov.cn（末尾不加 /）"),
    language: z.literal("zh-CN"),
    time_zone: z.string().refine(isKnownZone, "不是有效的时区名称，如 Asia/Shanghai"),
    description: text,
    keywords: z.array(text).min(1),
    id_code: siteIdCode,
    columns: z.array(column).min(1),
    defaults: z.strictObject({ source: text, region: text, organ: text.optional() }),
    header_links: z.array(link).default([]),
    // 互动交流 (咨询建言) and 办事服务: the platforms a static site links to (检查指标, 单项否决).
    interaction: z.array(link).default([]),
    services: z.array(link).default([]),
    public_information: publicInformation.default({ proactive: [] }),
    policy_documents: z
      .strictObject({ topics: z.array(text).default([]), index_pattern: indexPattern.optional() })
      .default({ topics: [] }),
    footer: z.strictObject({
      sponsor: text,
      organizer: text.optional(),
      address: text.optional(),
      postcode: text.optional(),
      phone: text.optional(),
      email: text.optional(),
      icp: text,
      police_record: z.strictObject({ number: text, code: z.string().regex(/^\d+$/, "应为纯数字的备案编号") }),
      conac_url: z.url().optional(),
      // The 网站标识码 of the 「我为政府网站找错」 link when it is not id_code (a site on the city's 集约化 platform).
      jiucuo_site_code: siteIdCode.optional(),
      links: z.array(link).default([]),
    }),
    date_formats: z.strictObject({ meta: text, list: text }),
    page_size: z.number().int().min(1).max(200),
    home_articles_per_column: z.number().int().min(1).max(50),
    notices_block_size: z.number().int().min(1).max(50),
    inspection: z
      .strictObject({
        warn_days_before: z.number().int().min(0).max(60).optional(),
        notices_update_every: updateEvery.optional(),
        interpretation_within: updateEvery.optional(),
      })
      .optional(),
  })
  .superRefine((site, context) => {
    const seen = new Map<string, number>();
    site.columns.forEach((entry, index) => {
      for (const key of ["name", "slug"] as const) {
        const id = `${key}:${entry[key]}`;
        if (seen.has(id)) {
          context.addIssue({
            code: "custom",
            path: ["columns", index, key],
            message: `与第 ${(seen.get(id) ?? 0) + 1} 个栏目重复`,
          });
        }
        seen.set(id, index);
      }
    });
    for (const reserved of RESERVED_FOLDERS) {
      const index = site.columns.findIndex((entry) => entry.slug === reserved);
      if (index >= 0) {
        context.addIssue({
          code: "custom",
          path: ["columns", index, "slug"],
          message: `「${reserved}」已被站点使用，请换一个`,
        });
      }
    }
  });

export type Site = z.infer<typeof siteSchema>;
export type Column = Site["columns"][number];

/** Reads and validates the site file; throws ContentValidationError listing every problem. */
export function loadSite(root: string): Site {
  const file = SITE_FILE;
  const problems: ContentProblem[] = [];
  let source: string;
  try {
    source = readSettingsText(root, file);
  } catch (error) {
    if (error instanceof ContentValidationError) throw error;
    throw new ContentValidationError([{ file, message: "找不到站点配置文件 _data/site.yaml" }]);
  }
  const yaml = parseYamlSource(source);
  if (yaml.mistake) throw new ContentValidationError([{ file, ...yaml.mistake }]);
  const { data, problems: schemaProblems } = validateWithSchema(siteSchema, yaml, file);
  problems.push(...schemaProblems);
  if (!data || problems.length > 0) throw new ContentValidationError(problems);
  return data;
}
