import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { z } from "zod";
import {
  CMS_DATE_FORMAT,
  type CmsConfig,
  type CmsField,
  cmsConfig,
  cmsConfigYaml,
  fieldsFromShape,
} from "../../../lib/cms/config.ts";
import { loadCmsSettings } from "../../../lib/cms/settings.ts";
import { ContentValidationError, loadCatalog } from "../../../lib/content/index.ts";
import { articleSchema, attachment, noticeSchema, staticPageSchema } from "../../../lib/content/schema.ts";
import { loadSite, type Site } from "../../../lib/content/site.ts";
import { PROJECT_DIR } from "../../../lib/shared/paths.ts";
import { createFixtureSite, type FixtureSite } from "../../helpers/fixture.ts";
import { validateJsonSchema } from "../../helpers/json-schema.ts";

let fixture: FixtureSite | undefined;
afterEach(() => {
  fixture?.remove();
  fixture = undefined;
});

const site = loadSite(PROJECT_DIR);
const NOTICE_FILES = ["content/notices/2023.yaml", "content/notices/2024.yaml"];
const config = cmsConfig({ site, settings: loadCmsSettings(PROJECT_DIR), noticeFiles: NOTICE_FILES });
const sveltiaSchema = JSON.parse(
  readFileSync(path.join(PROJECT_DIR, "node_modules/@sveltia/cms/schema/sveltia-cms.json"), "utf8"),
);

type Collection = { name: string; fields?: CmsField[]; files?: { name: string; file: string; fields: CmsField[] }[] };
const collection = (name: string, from: CmsConfig = config) =>
  from.collections.find((entry) => entry.name === name) as Collection;
const field = (fields: readonly CmsField[] | undefined, name: string) =>
  fields?.find((entry) => entry.name === name) as CmsField;

/** Key → required, read from a zod object schema: a key is optional when `undefined` passes. */
const requiredness = (shape: Record<string, z.ZodType>) =>
  Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, !schema.safeParse(undefined).success]));
const requirednessOf = (fields: readonly CmsField[]) =>
  Object.fromEntries(fields.map((entry) => [entry.name, entry.required]));

describe("the articles collection", () => {
  const articles = collection("articles");
  const shape = articleSchema(
    site.columns.map((column) => column.name),
    site.time_zone,
  ).shape;
  const frontMatterFields = (articles.fields ?? []).filter((entry) => entry.name !== "body");

  it("has exactly the keys of the article schema, in order, then the Markdown body", () => {
    expect(frontMatterFields.map((entry) => entry.name)).toEqual(Object.keys(shape));
    expect(articles.fields?.at(-1)).toMatchObject({ name: "body", widget: "markdown" });
  });

  it("requires exactly the keys the schema requires", () => {
    expect(requirednessOf(frontMatterFields)).toEqual(requiredness(shape));
    expect(requirednessOf(frontMatterFields)).toMatchObject({ title: true, date: true, column: true, source: false });
  });

  it("stores under content/articles/<year of the date>/<slug>.md and edits dates as YYYY-MM-DD HH:mm", () => {
    expect(articles).toMatchObject({
      folder: "content/articles",
      path: "{{fields.date | date('YYYY')}}/{{slug}}",
      extension: "md",
      format: "yaml-frontmatter",
    });
    expect(field(articles.fields, "date")).toMatchObject({ widget: "datetime", format: CMS_DATE_FORMAT });
  });

  it("offers the site's columns in a select and shows the site's defaults as hints", () => {
    expect(field(articles.fields, "column")).toMatchObject({
      widget: "select",
      options: ["工作动态", "科技要闻", "政策文件", "区县动态"],
    });
    expect(field(articles.fields, "source").hint).toContain("克拉玛依市科学技术局");
    expect(field(articles.fields, "region").hint).toContain("克拉玛依市");
  });

  it("uses the widget each key's values need", () => {
    const widgets = Object.fromEntries(frontMatterFields.map((entry) => [entry.name, entry.widget]));
    expect(widgets).toEqual({
      title: "string",
      date: "datetime",
      updated: "datetime",
      column: "select",
      source: "string",
      region: "string",
      summary: "text",
      tags: "list",
      attachments: "list",
      draft: "boolean",
      doc_number: "string",
      index_number: "string",
      validity: "select",
      validity_date: "datetime",
      replaced_by: "string",
      written_date: "datetime",
      organ: "string",
      topic: "select",
      normative: "boolean",
      interprets: "string",
    });
  });

  it("offers the four 有效性 values and the site's 主题分类 as choices", () => {
    const topicSite = { ...site, policy_documents: { topics: ["科技", "工业、交通"] } };
    const topicConfig = cmsConfig({ site: topicSite, settings: loadCmsSettings(PROJECT_DIR), noticeFiles: [] });
    const topicArticles = collection("articles", topicConfig);
    expect(field(articles.fields, "validity").options).toEqual(["现行有效", "已修改", "已废止", "已失效"]);
    expect(field(topicArticles.fields, "topic")).toMatchObject({ widget: "select", options: ["科技", "工业、交通"] });
  });

  it("edits attachments as a list of exactly the attachment keys, the file picked from content/files", () => {
    const subfields = field(articles.fields, "attachments").fields as CmsField[];
    expect(subfields.map((entry) => entry.name)).toEqual(Object.keys(attachment.shape));
    expect(requirednessOf(subfields)).toEqual(requiredness(attachment.shape));
    expect(field(subfields, "file").widget).toBe("file");
    expect(config).toMatchObject({ media_folder: "content/files", public_folder: "/files" });
  });
});

describe("the columns of another site file", () => {
  it("become the options of the column select", () => {
    const other: Site = {
      ...site,
      columns: [{ name: "通知文件", slug: "tzwj", type: "政策文件", description: "文件", keywords: ["文件"] }],
    };
    const generated = cmsConfig({ site: other, settings: loadCmsSettings(PROJECT_DIR), noticeFiles: [] });
    expect(field(collection("articles", generated).fields, "column").options).toEqual(["通知文件"]);
    expect(generated.collections.map((entry) => entry.name)).toEqual(["articles", "pages"]);
  });
});

describe("the notices collection", () => {
  const notices = collection("notices");
  const shape = noticeSchema(site.time_zone).shape;

  it("has one file per notices file, newest year first, each a single top-level list", () => {
    expect(notices.files?.map((file) => [file.name, file.file])).toEqual([
      ["2024", "content/notices/2024.yaml"],
      ["2023", "content/notices/2023.yaml"],
    ]);
    for (const file of notices.files ?? []) {
      expect(file.fields).toHaveLength(1);
      expect(file.fields[0]).toMatchObject({ widget: "list", root: true });
    }
  });

  it("edits each notice with exactly the keys of the notice schema and its required flags", () => {
    const subfields = (notices.files?.[0]?.fields[0]?.fields ?? []) as CmsField[];
    expect(subfields.map((entry) => entry.name)).toEqual(Object.keys(shape));
    expect(requirednessOf(subfields)).toEqual(requiredness(shape));
    expect(field(subfields, "date")).toMatchObject({ widget: "datetime", format: CMS_DATE_FORMAT });
    expect(field(subfields, "body").widget).toBe("markdown");
  });
});

describe("the pages collection", () => {
  it("edits the existing pages with the keys of the page schema and a body", () => {
    const pages = collection("pages") as Collection & Record<string, unknown>;
    expect(pages).toMatchObject({ folder: "content/pages", create: false, delete: false });
    expect(pages.fields?.map((entry) => entry.name)).toEqual([...Object.keys(staticPageSchema.shape), "body"]);
    expect(requirednessOf((pages.fields ?? []).slice(0, -1))).toEqual(requiredness(staticPageSchema.shape));
  });
});

describe("fieldsFromShape", () => {
  it("fails for a schema key that has no widget, so the CMS cannot fall behind the schema", () => {
    expect(() => fieldsFromShape(staticPageSchema.shape, { title: { widget: "string" } })).toThrow(/summary/);
  });
});

describe("the generated configuration", () => {
  it("is valid against the JSON schema of the installed Sveltia CMS", () => {
    expect(validateJsonSchema(config, sveltiaSchema)).toEqual([]);
  });

  it("would be caught by that check with a misspelt option", () => {
    const broken = structuredClone(config);
    const date = field(collection("articles", broken).fields, "date");
    date.fromat = date.format;
    delete date.format;
    expect(validateJsonSchema(broken, sveltiaSchema).join("\n")).toContain('unknown option "fromat"');
  });

  it("serialises to YAML that parses back to the same object, without anchors", () => {
    const text = cmsConfigYaml(config);
    expect(parse(text)).toEqual(config);
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.startsWith("# ")).toBe(true);
  });
});

describe("loadCmsSettings", () => {
  it("defaults to GitHub with placeholders when there is no _data/cms.yaml", () => {
    fixture = createFixtureSite();
    expect(loadCmsSettings(fixture.root)).toEqual({ backend: { name: "github", repo: "OWNER/REPO", branch: "main" } });
  });

  it("reads the repository, branch and OAuth proxy from _data/cms.yaml", () => {
    fixture = createFixtureSite({
      "_data/cms.yaml": "backend:\n  repo: klmy-kjj/website\n  base_url: https://auth.example.workers.dev\n",
    });
    const settings = loadCmsSettings(fixture.root);
    expect(settings.backend).toEqual({
      name: "github",
      repo: "klmy-kjj/website",
      branch: "main",
      base_url: "https://auth.example.workers.dev",
    });
    expect(cmsConfig({ site, settings, noticeFiles: [] }).backend.repo).toBe("klmy-kjj/website");
  });

  it("reports an unknown key and a malformed repository with their lines", () => {
    fixture = createFixtureSite({ "_data/cms.yaml": "backend:\n  repo: website\n  brnach: main\n" });
    const failure = (() => {
      try {
        loadCmsSettings(fixture?.root ?? "");
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(ContentValidationError);
    expect((failure as ContentValidationError).problems).toMatchObject([
      { file: "_data/cms.yaml", line: 2, field: "backend.repo" },
      { file: "_data/cms.yaml", line: 3, field: "backend.brnach" },
    ]);
  });
});

describe("self-hosted back ends", () => {
  /** The settings of a `_data/cms.yaml`, or the problems the check reports for it. */
  const settingsOf = (yaml: string) => {
    fixture?.remove();
    fixture = createFixtureSite({ "_data/cms.yaml": yaml });
    try {
      return { settings: loadCmsSettings(fixture.root), problems: [] };
    } catch (error) {
      if (!(error instanceof ContentValidationError)) throw error;
      return { settings: undefined, problems: error.problems };
    }
  };
  const backendOf = (yaml: string) => {
    const { settings, problems } = settingsOf(yaml);
    expect(problems).toEqual([]);
    const generated = cmsConfig({ site, settings: settings as NonNullable<typeof settings>, noticeFiles: [] });
    expect(validateJsonSchema(generated, sveltiaSchema)).toEqual([]);
    return generated.backend;
  };

  it("configures a self-hosted Gitea or Forgejo from its address: the API under /api/v1, OAuth with its app_id", () => {
    expect(
      backendOf("backend:\n  name: gitea\n  repo: kjj/website\n  base_url: https://git.klmy.gov.cn/\n  app_id: 4f1c\n"),
    ).toEqual({
      name: "gitea",
      repo: "kjj/website",
      branch: "main",
      base_url: "https://git.klmy.gov.cn",
      api_root: "https://git.klmy.gov.cn/api/v1",
      app_id: "4f1c",
    });
  });

  it("configures a self-hosted GitLab with PKCE sign-in, subgroups in the repository and a separate API address", () => {
    expect(
      backendOf(
        "backend:\n  name: gitlab\n  repo: kjj/web/website\n  base_url: https://gitlab.klmy.gov.cn\n  auth_type: pkce\n  app_id: 9e7d\n",
      ),
    ).toMatchObject({
      name: "gitlab",
      api_root: "https://gitlab.klmy.gov.cn/api/v4",
      auth_type: "pkce",
      app_id: "9e7d",
    });
    expect(
      backendOf(
        "backend:\n  name: gitlab\n  repo: kjj/website\n  base_url: https://gitlab.klmy.gov.cn\n  api_root: https://api.klmy.gov.cn/gitlab/api/v4\n",
      ).api_root,
    ).toBe("https://api.klmy.gov.cn/gitlab/api/v4");
  });

  it("keeps GitHub's settings as written: the public API by default, an OAuth proxy in base_url", () => {
    expect(backendOf("backend:\n  repo: klmy-kjj/website\n  base_url: https://auth.example.workers.dev\n")).toEqual({
      name: "github",
      repo: "klmy-kjj/website",
      branch: "main",
      base_url: "https://auth.example.workers.dev",
    });
  });

  it("explains in Chinese what a back end is missing or does not take", () => {
    const problems = (yaml: string) =>
      settingsOf(yaml).problems.map(({ line, field, message }) => ({ line, field, message }));
    expect(problems("backend:\n  name: gitlab\n  repo: kjj/website\n  auth_type: pkce\n")).toEqual([
      {
        line: 4,
        field: "backend.auth_type",
        message: "用 GitLab 账号登录（auth_type: pkce）还要写 app_id：GitLab 里「应用程序」新建后得到的应用 ID",
      },
    ]);
    expect(
      problems("backend:\n  name: gitea\n  repo: kjj/website\n  api_root: https://git.klmy.gov.cn/api/v1\n"),
    ).toEqual([
      {
        line: 4,
        field: "backend.api_root",
        message: "自建的 Gitea / Forgejo 还要写 base_url（实例的地址，如 https://git.example.gov.cn），编辑在那里登录",
      },
    ]);
    expect(problems("backend:\n  repo: kjj/website\n  app_id: 1\n  auth_type: pkce\n")).toEqual([
      {
        line: 3,
        field: "backend.app_id",
        message: "GitHub 不用 app_id：用 GitHub 账号登录时在 base_url 写认证代理的地址，见 docs/cms.md",
      },
      { line: 4, field: "backend.auth_type", message: "只有 GitLab 要写 auth_type；GitHub 请删掉这一行" },
    ]);
    expect(problems("backend:\n  name: gitea\n  repo: kjj/web/site\n  base_url: git.klmy.gov.cn\n")).toEqual([
      {
        line: 3,
        field: "backend.repo",
        message: "Gitea / Forgejo 的仓库写作「所有者/仓库名」，中间只有一个 /，如 klmy-kjj/website",
      },
      { line: 4, field: "backend.base_url", message: "应为 https:// 开头的地址，如 https://git.example.gov.cn" },
    ]);
  });
});

describe("content written the way the CMS writes it", () => {
  it("validates: YYYY-MM-DD HH:mm dates, empty optional keys left out, attachments as /files/ addresses", () => {
    fixture = createFixtureSite({
      "content/files/2024/kjhdz.pdf": Buffer.alloc(2048),
      "content/articles/2024/kjhdz.md": [
        "---",
        "title: 科技活动周启动",
        "date: 2024-05-20 09:30",
        "column: 工作动态",
        "tags:",
        "  - 科普",
        "attachments:",
        "  - title: 活动安排",
        "    file: /files/2024/kjhdz.pdf",
        "draft: false",
        "---",
        "正文。",
        "",
      ].join("\n"),
      "content/notices/2024.yaml": [
        "- title: 关于科技活动周的通知",
        "  date: 2024-05-10 00:00",
        "  body: 正文。",
        "  attachments:",
        "    - title: 活动安排",
        "      file: /files/2024/kjhdz.pdf",
        "",
      ].join("\n"),
    });
    const content = loadCatalog({ root: fixture.root });
    expect(content.articles[0]?.attachments[0]?.url).toBe("/files/2024/kjhdz.pdf");
    expect(content.notices[0]?.attachments[0]?.url).toBe("/files/2024/kjhdz.pdf");
    expect(content.articles[0]?.date).toBe("2024-05-20T09:30:00+08:00");
  });
});
