/* The /admin/ page: the CMS once a repository is named in _data/cms.yaml, a setup page until then. */
import type { Site } from "../content/index.ts";
import { escapeHtml } from "../shared/index.ts";
import { CMS_FILE, type CmsSettings, isCmsConfigured } from "./settings.ts";
import { ADMIN_PATHS } from "./sveltia.ts";

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
