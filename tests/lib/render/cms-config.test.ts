import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { z } from "zod";
import { loadCmsSettings } from "../../../lib/content/cms-settings.ts";
import { ContentValidationError, loadCatalog } from "../../../lib/content/index.ts";
import { articleSchema, attachment, noticeSchema, staticPageSchema } from "../../../lib/content/schema.ts";
import { loadSite, type Site } from "../../../lib/content/site.ts";
import {
  ADMIN_PATHS,
  adminPageHtml,
  CMS_DATE_FORMAT,
  type CmsConfig,
  type CmsField,
  cmsConfig,
  cmsConfigYaml,
  fieldsFromShape,
} from "../../../lib/render/cms-config.ts";
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
      column: "select",
      source: "string",
      region: "string",
      summary: "text",
      tags: "list",
      attachments: "list",
      draft: "boolean",
      doc_number: "string",
      index_number: "string",
    });
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

describe("adminPageHtml", () => {
  it("is a noindex page that points Sveltia at config.yml and loads the local scripts in order", () => {
    const html = adminPageHtml({ name: "科学技术局 <测试>" });
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain(`<link href="${ADMIN_PATHS.config}" type="application/yaml" rel="cms-config-url">`);
    expect(html).toContain("科学技术局 &#60;测试&#62;");
    expect(html.indexOf(ADMIN_PATHS.localAssets)).toBeLessThan(html.indexOf(ADMIN_PATHS.script));
    expect(html).not.toMatch(/https?:\/\//);
  });
});
