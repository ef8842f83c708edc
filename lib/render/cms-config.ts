import path from "node:path";
import { stringify } from "yaml";
import type { z } from "zod";
import {
  articleSchema,
  attachment,
  CMS_FILE,
  type CmsSettings,
  FIELD_LABELS,
  gitEndpoints,
  isCmsConfigured,
  noticeSchema,
  type Site,
  SLUG,
  signatureSchema,
  staticPageSchema,
} from "../content/index.ts";
import { ADMIN_URL, FILES, FIXED_PAGES } from "../shared/index.ts";

/** Where the build publishes the CMS: the page, its configuration and the Sveltia CMS bundle. */
export const ADMIN_PATHS = {
  page: `${ADMIN_URL}index.html`,
  config: `${ADMIN_URL}config.yml`,
  script: `${ADMIN_URL}sveltia-cms.js`,
  /** Sends Sveltia's requests for its translations to /admin/locales/ instead of unpkg.com, and refuses its other calls to third parties. */
  localAssets: `${ADMIN_URL}local-assets.js`,
  locales: `${ADMIN_URL}locales/`,
  /** The interface fonts Sveltia would load from jsDelivr, served from the site. */
  fonts: `${ADMIN_URL}fonts/`,
  /** The setup page's script: on the preview (127.0.0.1) it offers the CMS's local repository mode. */
  setup: `${ADMIN_URL}setup.js`,
} as const;

/**
 * Sveltia's `@font-face` rules name fonts on jsDelivr's Fontsource mirror; the build rewrites those
 * addresses to /admin/fonts/ and copies the files from the `@fontsource` packages (`:vf` marks a
 * variable font, in `@fontsource-variable`). A font the bundle names that is not installed fails the
 * build, so an upgrade of Sveltia cannot quietly bring a third-party request back.
 */
export const SVELTIA_FONT_URL =
  /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(:vf)?@[0-9.]+\/([a-z0-9-]+\.woff2)/g;

/** The fonts a Sveltia bundle names: published file name (under ADMIN_PATHS.fonts) → file in node_modules. */
export function sveltiaFonts(bundle: string): Map<string, string> {
  const fonts = new Map<string, string>();
  for (const [, family, variable, file] of bundle.matchAll(SVELTIA_FONT_URL))
    fonts.set(
      `${family}-${file}`,
      `node_modules/@fontsource${variable ? "-variable" : ""}/${family}/files/${family}-${file}`,
    );
  return fonts;
}

/** The Sveltia bundle with its font addresses pointing at the site's copies. */
export function localizeSveltiaBundle(bundle: string): string {
  return bundle.replace(
    SVELTIA_FONT_URL,
    (_, family: string, _variable, file: string) => `${ADMIN_PATHS.fonts}${family}-${file}`,
  );
}

/** The Sveltia CMS bundle in node_modules, copied to /admin/ at build time (no CDN). */
export const SVELTIA_BUNDLE = "node_modules/@sveltia/cms/dist/sveltia-cms.js";

/** Sveltia's interface translations in node_modules, and the ones the build publishes. */
export const SVELTIA_LOCALES = {
  folder: "node_modules/@sveltia/cms/locales",
  files: ["zh-CN.json", "zh-TW.json"],
} as const;

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

/** A field's widget and its options, without the name, label and required flag the schema gives. */
interface Widget {
  widget: string;
  [option: string]: unknown;
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
    column: { widget: "select", options: site.columns.map((column) => column.name) },
    source: { widget: "string", hint: `不填则用站点默认值「${site.defaults.source}」` },
    region: { widget: "string", hint: `不填则用站点默认值「${site.defaults.region}」` },
    summary: { widget: "text", hint: "列表、搜索结果和分享卡片里显示；不填则取正文开头约 120 字" },
    tags: { widget: "list", field: { name: "tag", label: "主题词", widget: "string" } },
    attachments: attachmentList,
    draft: { widget: "boolean", hint: "打开表示草稿：保存后不发布" },
    doc_number: { widget: "string", hint: "政府信息公开文件的文号，如 克科发〔2024〕12号" },
    index_number: { widget: "string", hint: "政府信息公开的索引号" },
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
  return `# 由 lib/render/cms-config.ts 在构建时生成，请勿手改；后端设置写在 ${CMS_FILE}（见 docs/cms.md）。\n# Generated at build time from the content schema and _data/site.yaml: do not edit.\n${stringify(config, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The /admin/ page. Once `_data/cms.yaml` names a repository: loads the Sveltia CMS bundle published
 * beside it, which reads config.yml from the same folder. Until then: says in Chinese how to set it
 * up, and on the preview (127.0.0.1) offers to edit the local files with the CMS all the same
 * (ADMIN_PATHS.setup). Not indexed by search engines and not part of the site's search index.
 */
export function adminPageHtml(site: Pick<Site, "name">, settings?: CmsSettings): string {
  const head = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>内容管理 - ${escapeHtml(site.name)}</title>
<link href="${ADMIN_PATHS.config}" type="application/yaml" rel="cms-config-url">
`;
  if (!settings || isCmsConfigured(settings))
    return `${head}</head>
<body>
<noscript>内容管理系统需要启用 JavaScript。</noscript>
<script src="${ADMIN_PATHS.localAssets}"></script>
<script src="${ADMIN_PATHS.script}"></script>
</body>
</html>
`;
  return `${head}<style data-cms-setup>
body { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1f2933; font: 1rem/1.8 system-ui, sans-serif; }
h1 { color: #0a4a9e; font-size: 1.5rem; }
pre { padding: 0.75rem 1rem; border: 1px solid #d0d7de; background: #f6f8fa; overflow-x: auto; }
button { padding: 0.5rem 1rem; font: inherit; }
</style>
</head>
<body>
<main data-cms-setup>
<h1>浏览器编辑还没有设置</h1>
<p>内容管理（Sveltia CMS）要知道网站的内容保存在哪个 Git 仓库里。请网站管理员在网站项目的 <code>${CMS_FILE}</code> 里写上仓库，例如：</p>
<pre>backend:
  name: github             # 或 gitlab、gitea
  repo: klmy-kjj/website   # 所有者/仓库名
  branch: main</pre>
<p><code>name</code> 是内容所在的平台（Forgejo 也写 gitea）。单位自建的 GitLab 或 Gitea / Forgejo 还要写实例的地址 <code>base_url</code> 和登录用的 <code>app_id</code>。每一项的写法和登录方式见网站项目里的 <code>docs/cms.md</code>。</p>
<p>提交并重新发布后，这个页面就是内容管理的登录界面。</p>
<div data-local-repository hidden>
<p>这是本机的预览：不设置仓库也可以用内容管理直接修改这台电脑上的文件（需要 Chrome 或 Edge）。</p>
<p><button type="button">使用本地仓库编辑</button></p>
</div>
</main>
<script src="${ADMIN_PATHS.setup}"></script>
</body>
</html>
`;
}
