import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readSettingsText } from "./files.ts";
import { ContentValidationError } from "./problems.ts";
import { text, validateWithSchema } from "./schema.ts";
import { parseYamlSource } from "./yaml-source.ts";

/** The optional file with the CMS back-end settings, relative to the site root. */
export const CMS_FILE = "_data/cms.yaml";

/**
 * `_data/cms.yaml`: which Git host and repository the CMS commits to. Every key is optional; the
 * placeholders make the generated config valid but unusable until the real repository is set.
 */
export const cmsSettingsSchema = z
  .strictObject({
    backend: z
      .strictObject({
        name: z
          .enum(["github", "gitlab", "gitea"], { error: "应为 github、gitlab 或 gitea 之一（内容所在的 Git 平台）" })
          .default("github"),
        repo: z
          .string()
          .regex(/^[\w.-]+\/[\w.-]+$/, "应写作「所有者/仓库名」，如 klmy-kjj/website")
          .default("OWNER/REPO"),
        branch: text.default("main"),
        /** The origin of an OAuth proxy such as the Sveltia CMS Authenticator on Cloudflare Workers. */
        base_url: z.url("应为 https:// 开头的地址，如 https://sveltia-cms-auth.example.workers.dev").optional(),
      })
      .prefault({}),
  })
  .prefault({});

export type CmsSettings = z.infer<typeof cmsSettingsSchema>;

/** Reads `_data/cms.yaml` when there is one (defaults otherwise); throws ContentValidationError when it is invalid. */
export function loadCmsSettings(root: string): CmsSettings {
  const absolute = path.join(root, CMS_FILE);
  if (!existsSync(absolute)) return cmsSettingsSchema.parse(undefined);
  const yaml = parseYamlSource(readSettingsText(root, CMS_FILE));
  if (yaml.mistake) throw new ContentValidationError([{ file: CMS_FILE, ...yaml.mistake }]);
  const { data, problems } = validateWithSchema(cmsSettingsSchema, { ...yaml, value: yaml.value ?? {} }, CMS_FILE);
  if (!data) throw new ContentValidationError(problems);
  return data;
}
