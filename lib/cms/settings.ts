import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  ContentValidationError,
  parseYamlSource,
  readSettingsText,
  text,
  validateWithSchema,
} from "../content/index.ts";

/** The optional file with the CMS back-end settings, relative to the site root. */
export const CMS_FILE = "_data/cms.yaml";

/** The repository written until `_data/cms.yaml` names the real one: the CMS then shows how to set it up. */
export const PLACEHOLDER_REPO = "OWNER/REPO";

/** The Git hosts the CMS can commit to, and where each one's public service is (used when no address is given). */
export const GIT_HOSTS = {
  github: { label: "GitHub", apiRoot: "https://api.github.com", baseUrl: "https://github.com", apiPath: "" },
  gitlab: { label: "GitLab", apiRoot: "https://gitlab.com/api/v4", baseUrl: "https://gitlab.com", apiPath: "/api/v4" },
  gitea: {
    label: "Gitea / Forgejo",
    apiRoot: "https://gitea.com/api/v1",
    baseUrl: "https://gitea.com",
    apiPath: "/api/v1",
  },
} as const;

/** An http(s) address without a trailing slash. */
const address = (example: string) =>
  z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^/\s]+(\/\S*)?$/.test(value), `应为 https:// 开头的地址，如 ${example}`)
    .transform((value) => value.replace(/\/+$/, ""));

/**
 * `_data/cms.yaml`: which Git host and repository the CMS commits to. Every key is optional; until
 * `repo` names a repository the admin page shows how to set it up instead of the CMS. A self-hosted
 * GitLab or Gitea/Forgejo needs its address (`base_url`); `api_root` is derived from it unless given.
 */
export const cmsSettingsSchema = z
  .strictObject({
    backend: z
      .strictObject({
        name: z
          .enum(["github", "gitlab", "gitea"], {
            error: "应为 github、gitlab 或 gitea 之一（内容所在的 Git 平台；Forgejo 写 gitea）",
          })
          .default("github"),
        repo: z
          .string()
          .regex(/^[\w.-]+(?:\/[\w.-]+)+$/, "应写作「所有者/仓库名」，如 klmy-kjj/website")
          .default(PLACEHOLDER_REPO),
        branch: text.default("main"),
        /**
         * GitHub: the origin of an OAuth proxy such as the Sveltia CMS Authenticator. GitLab and
         * Gitea/Forgejo: the address of the (self-hosted) instance, where editors sign in.
         */
        base_url: address("https://git.example.gov.cn").optional(),
        /** The REST API of a self-hosted instance; by default `base_url` + /api/v4 (GitLab) or /api/v1 (Gitea). */
        api_root: address("https://git.example.gov.cn/api/v1").optional(),
        /** GitLab only: `pkce` to sign in with a GitLab account, without a server of one's own. */
        auth_type: z.enum(["pkce"], { error: "只能写 pkce（用 GitLab 账号登录），或不写" }).optional(),
        /** GitLab (with pkce) and Gitea/Forgejo: the OAuth application's ID (client ID) from the instance. */
        app_id: text.optional(),
      })
      .superRefine((backend, context) => {
        const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
        const host = GIT_HOSTS[backend.name].label;
        if (backend.name !== "gitlab" && backend.repo.split("/").length > 2)
          issue("repo", `${host} 的仓库写作「所有者/仓库名」，中间只有一个 /，如 klmy-kjj/website`);
        if (backend.auth_type && backend.name !== "gitlab")
          issue("auth_type", `只有 GitLab 要写 auth_type；${host} 请删掉这一行`);
        if (backend.app_id && backend.name === "github")
          issue("app_id", "GitHub 不用 app_id：用 GitHub 账号登录时在 base_url 写认证代理的地址，见 docs/cms.md");
        if (backend.auth_type === "pkce" && !backend.app_id)
          issue(
            "auth_type",
            "用 GitLab 账号登录（auth_type: pkce）还要写 app_id：GitLab 里「应用程序」新建后得到的应用 ID",
          );
        if (backend.api_root && !backend.base_url && backend.name !== "github")
          issue(
            "api_root",
            `自建的 ${host} 还要写 base_url（实例的地址，如 https://git.example.gov.cn），编辑在那里登录`,
          );
      })
      .prefault({}),
  })
  .prefault({});

export type CmsSettings = z.infer<typeof cmsSettingsSchema>;
export type CmsBackend = CmsSettings["backend"];

/** Whether `_data/cms.yaml` names a repository, so that the CMS can sign in to it. */
export function isCmsConfigured(settings: CmsSettings): boolean {
  return settings.backend.repo !== PLACEHOLDER_REPO;
}

/**
 * The REST API and the sign-in address the CMS talks to for a back end: the configured ones, the
 * API derived from a self-hosted instance's address, or the public service's.
 */
export function gitEndpoints(backend: CmsBackend): { apiRoot: string; baseUrl?: string } {
  const host = GIT_HOSTS[backend.name];
  if (backend.name === "github") return { apiRoot: backend.api_root ?? host.apiRoot, baseUrl: backend.base_url };
  const baseUrl = backend.base_url ?? host.baseUrl;
  return { apiRoot: backend.api_root ?? (backend.base_url ? `${baseUrl}${host.apiPath}` : host.apiRoot), baseUrl };
}

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
