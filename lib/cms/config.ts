import path from "node:path";
import { stringify } from "yaml";
import type { z } from "zod";
import {
  articleSchema,
  attachment,
  FIELD_LABELS,
  noticeSchema,
  type Site,
  SLUG,
  signatureSchema,
  staticPageSchema,
} from "../content/index.ts";
import { FILES, FIXED_PAGES } from "../shared/index.ts";
import { policyWidgets, type Widget } from "./policy-widgets.ts";
import { CMS_FILE, type CmsSettings, gitEndpoints } from "./settings.ts";

/** Where attachments and images live in the repository, and the site path they are served from (no trailing slash). */
const MEDIA = { folder: FILES.folder, public: FILES.url.slice(0, -1) } as const;

/** The storage format of every date the CMS writes: what the content schema reads back. */
export const CMS_DATE_FORMAT = "YYYY-MM-DD HH:mm";

/** One field of a Sveltia CMS collection, as its YAML config writes it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  [option: string]: unknown;
}

/** The Sveltia CMS configuration object, serialised to /admin/config.yml. */
export interface CmsConfig {
  backend: CmsSettings["backend"] & { api_root?: string };
  app_title: string;
  logo_url: string;
  site_url: string;
  display_url: string;
  media_folder: string;
  public_folder: string;
  slug: Record<string, unknown>;
  output: Record<string, unknown>;
  collections: Record<string, unknown>[];
}

export interface CmsConfigInput {
  site: Site;
  settings: CmsSettings;
  /** The notices files, relative to the site root (`content/notices/2024.yaml`): one CMS file each. */
  noticeFiles: readonly string[];
}

/** A zod object schema, as far as the generator needs it: its keys and whether each may be left out. */
type ObjectShape = Record<string, z.ZodType>;

const isOptional = (schema: z.ZodType) => schema.safeParse(undefined).success;

const ATTACHMENT_WIDGETS: Record<string, Widget> = {
  title: { widget: "string" },
  file: { widget: "file", hint: `上传到 ${MEDIA.folder}/，保存为网址 ${MEDIA.public}/…` },
};

/**
 * The widget of every key an editor can write, by key. A key of a content schema without an entry
 * here fails the generator (and so the build), so the CMS cannot silently lag behind the schema.
 */
function widgets(site: Site): Record<string, Widget> {
  const attachmentList: Widget = {
    widget: "list",
    label_singular: "附件",
    summary: "{{fields.title}}",
    collapsed: "auto",
    fields: fieldsFromShape(attachment.shape, ATTACHMENT_WIDGETS),
  };
  const signature: Widget = {
    widget: "object",
    collapsed: true,
    summary: "{{fields.organ}} {{fields.date}}",
    hint: "公文的落款：正文下方右侧的发文机关和成文日期",
    fields: fieldsFromShape(signatureSchema(site.time_zone).shape, {
      organ: { widget: "string", hint: "如 克拉玛依市科学技术局" },
      date: { widget: "datetime", type: "date", format: "YYYY-MM-DD", hint: "不填则用通知的发布时间" },
    }).map((field) =>
      field.name === "date" ? { ...field, label: FIELD_LABELS["signature.date"] ?? "成文日期" } : field,
    ),
  };
  return {
    title: { widget: "string" },
    date: {
      widget: "datetime",
      format: CMS_DATE_FORMAT,
      default: "{{now}}",
      hint: `按${site.time_zone === "Asia/Shanghai" ? "北京时间" : `站点时区 ${site.time_zone} 的时间`}填写；晚于现在的时间到点才发布（定时发布）`,
    },
    updated: {
      widget: "datetime",
      format: CMS_DATE_FORMAT,
      hint: "修改了已发布的内容时填写修改的时间，页面上显示为「更新时间」；不能早于发布时间，没有修改过就不填",
    },
    column: { widget: "select", options: site.columns.map((column) => column.name) },
    source: { widget: "string", hint: `不填则用站点默认值「${site.defaults.source}」` },
    region: { widget: "string", hint: `不填则用站点默认值「${site.defaults.region}」` },
    summary: { widget: "text", hint: "列表、搜索结果和分享卡片里显示；不填则取正文开头约 120 字" },
    tags: { widget: "list", field: { name: "tag", label: "主题词", widget: "string" } },
    attachments: attachmentList,
    draft: { widget: "boolean", hint: "打开表示草稿：保存后不发布" },
    doc_number: { widget: "string", hint: "政府信息公开文件的文号，如 克科发〔2024〕12号" },
    ...policyWidgets(site),
    url: {
      widget: "string",
      hint: "标题链接到的地址：站内路径以 / 开头，站外以 https:// 开头。链接、正文、附件至少填一项",
      pattern: ["^(/(?!/)|https?://|mailto:|tel:)", "站内路径以 / 开头，站外地址以 https:// 或 http:// 开头"],
    },
    body: {
      widget: "markdown",
      hint: "有正文的通知有自己的页面。第一段写主送机关（如「各有关单位：」）时自动顶格；附件和落款用下面的字段",
    },
    signature,
  };
}

/**
 * The CMS fields of a zod object schema, in the schema's key order: the widget from `table`, the
 * Chinese label, and `required` exactly when the schema requires the key.
 */
export function fieldsFromShape(shape: ObjectShape, table: Record<string, Widget>): CmsField[] {
  return Object.entries(shape).map(([name, schema]) => {
    const widget = table[name];
    if (!widget?.widget) throw new Error(`CMS 配置缺少字段「${name}」的控件 (no CMS widget for key "${name}")`);
    return { name, label: FIELD_LABELS[name] ?? name, ...widget, required: !isOptional(schema) };
  });
}

/** The Markdown body below the front matter, which is not a front-matter key of any schema. */
const BODY_FIELD: CmsField = {
  name: "body",
  label: "正文",
  widget: "markdown",
  required: false,
  hint: "小标题用「## 」；表格、图片、链接都可以；附件请用上面的「附件」",
};

const slugOptions = (example: string) => ({
  editable: true,
  pattern: [SLUG.source, "只能用小写字母、数字和连字符，如 kjcx-2024"],
  hint: `文件名和网址的一部分，创建后不要再改：只用小写字母、数字和连字符，如 ${example}（可用标题的拼音首字母）`,
});

/**
 * The Sveltia CMS configuration for a site, generated from the content schemas and the site file
 * so the two cannot drift: articles (one file each under content/articles/<YYYY>/), the notices
 * files (each a top-level list), the standalone pages, attachments under content/files/.
 */
export function cmsConfig({ site, settings, noticeFiles }: CmsConfigInput): CmsConfig {
  const table = widgets(site);
  const columnNames = site.columns.map((column) => column.name);
  const articleShape = articleSchema(columnNames, site.time_zone).shape;
  const noticeShape = noticeSchema(site.time_zone).shape;
  const articles = {
    name: "articles",
    label: "文章",
    label_singular: "文章",
    description: `各栏目的文章：${columnNames.join("、")}`,
    icon: "article",
    folder: "content/articles",
    // The year folder comes from the article's own date, as the build requires.
    path: "{{fields.date | date('YYYY')}}/{{slug}}",
    extension: "md",
    format: "yaml-frontmatter",
    create: true,
    slug: { template: "{{fields.title}}", ...slugOptions("kjcx-2024") },
    summary: "{{fields.date | date('YYYY-MM-DD')}} · {{fields.column}} · {{fields.title}}",
    sortable_fields: { fields: ["date", "title", "column"], default: { field: "date", direction: "descending" } },
    view_filters: site.columns.map((column) => ({
      name: column.slug,
      label: column.name,
      field: "column",
      eq: column.name,
    })),
    view_groups: [{ name: "column", label: "栏目", field: "column" }],
    preview_path: "/articles/{{year}}/{{slug}}/",
    preview_path_date_field: "date",
    fields: [...fieldsFromShape(articleShape, table), BODY_FIELD],
  };
  const noticeList: CmsField = {
    name: "notices",
    label: "通知公告",
    widget: "list",
    root: true,
    label_singular: "通知",
    add_to_top: true,
    collapsed: true,
    summary: "{{fields.date}} {{fields.title}}",
    fields: fieldsFromShape(noticeShape, table),
  };
  const notices = {
    name: "notices",
    label: "通知公告",
    label_singular: "年份",
    icon: "campaign",
    files: [...noticeFiles]
      .sort()
      .reverse()
      .map((file) => {
        const year = path.posix.basename(file).replace(/\.ya?ml$/, "");
        return { name: year, label: `${year} 年`, file, format: "yaml", fields: [noticeList] };
      }),
  };
  const pages = {
    name: "pages",
    label: "页面",
    label_singular: "页面",
    description: "关于我们等独立页面（只能修改已有页面）",
    icon: "description",
    folder: "content/pages",
    extension: "md",
    format: "yaml-frontmatter",
    create: false,
    delete: false,
    preview_path: "/{{slug}}/",
    fields: [...fieldsFromShape(staticPageSchema.shape, table), BODY_FIELD],
  };
  return {
    backend: cmsBackend(settings),
    app_title: `${site.name} · 内容管理`,
    logo_url: FIXED_PAGES.touchIcon,
    site_url: site.url,
    display_url: site.url,
    media_folder: MEDIA.folder,
    public_folder: MEDIA.public,
    slug: { encoding: "ascii", clean_accents: true, maxlength: 40, timezone: "local" },
    output: { omit_empty_optional_fields: true },
    collections: notices.files.length > 0 ? [articles, notices, pages] : [articles, pages],
  };
}

/**
 * The back end as Sveltia reads it: the settings, with the REST API of a self-hosted GitLab or
 * Gitea/Forgejo derived from its address (`base_url`) when `api_root` is not written.
 */
export function cmsBackend(settings: CmsSettings): CmsConfig["backend"] {
  const { backend } = settings;
  if (backend.name === "github" || !backend.base_url) return backend;
  return { ...backend, api_root: gitEndpoints(backend).apiRoot };
}

/** The config as /admin/config.yml: YAML with a header saying where it comes from. */
export function cmsConfigYaml(config: CmsConfig): string {
  return `# 由 lib/cms/config.ts 在构建时生成，请勿手改；后端设置写在 ${CMS_FILE}（见 docs/cms.md）。\n# Generated at build time from the content schema and _data/site.yaml: do not edit.\n${stringify(config, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
