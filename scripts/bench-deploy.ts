import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDeploy, deployTable } from "../bench/deploy.ts";
import { commandLineOrExit } from "../lib/commands/index.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";

const USAGE = `用法 (usage): npm run bench:deploy [-- --articles N] [--keep] [--results 目录]

生成 N 篇文章的合成站点并构建，部署到本机启动的 S3 服务器（s3rver，127.0.0.1），记录第一次部署（文件数、MB、秒）；
再加一篇文章、重新构建、再部署，然后删一篇文章、重新构建、再部署，记录上传的对象数（按类别分）、删除的对象和秒数。
结果写到 bench/results/deploy-N.json 和 .md。
Builds a synthetic archive, deploys it to a local S3 server, adds one article and deploys again, deletes
one and deploys again; counts the uploads by kind and times the deploys.

  --articles N    文章数，默认 10000 (articles; default 10000)
  --keep          保留语料、输出和存储桶 (keep the work folder)
  --results 目录  结果写到这里，默认 bench/results (results folder)
  -h, --help      显示本说明 (show this help)`;

const { values } = commandLineOrExit({
  usage: USAGE,
  options: {
    articles: { type: "string", default: "10000" },
    keep: { type: "boolean", default: false },
    results: { type: "string", default: path.join(PROJECT_DIR, "bench/results") },
  },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) {
  console.error(`--articles: 应当是正整数，现在是「${values.articles}」`);
  process.exit(2);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const work = mkdtempSync(path.join(os.tmpdir(), "bureau-bench-deploy-"));
try {
  const result = await benchDeploy(articles, work);
  const results = path.resolve(String(values.results));
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, `deploy-${articles}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(results, `deploy-${articles}.md`), deployTable(result));
  console.log(deployTable(result));
} finally {
  if (values.keep) console.log(`保留 (kept): ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
