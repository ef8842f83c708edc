import path from "node:path";
import { commandLineOrExit } from "../lib/commands/index.ts";
import { loadSite } from "../lib/content/index.ts";
import {
  DEFAULT_KEEP_HOURS,
  DEFAULT_MAX_DELETES,
  DeployError,
  defaultRegion,
  deploySite,
  deploySummary,
} from "../lib/deploy/index.ts";

const USAGE = `用法 (usage): npm run deploy -- --endpoint 地址 --bucket 名称 [--prefix 目录] [--region 区域] [--dry-run]
                        [--max-deletes N | --force] [--keep-hours H] [--dir 目录] [--root 目录] [--refresh-dir 目录]

把构建好的 _site/ 发布到兼容 S3 的对象存储（阿里云 OSS、腾讯云 COS、华为云 OBS、MinIO 等）：只上传内容或响应头变了的文件，
先传带指纹的文件和搜索索引，最后传页面；删除构建里已没有的文件（有上限）；列出要在 CDN 上刷新的页面地址。
访问密钥从环境变量 DEPLOY_ACCESS_KEY_ID 和 DEPLOY_SECRET_ACCESS_KEY 读取。详见 docs/deploy.md。
Uploads only what changed to an S3-compatible bucket, pages last; keys from DEPLOY_ACCESS_KEY_ID / DEPLOY_SECRET_ACCESS_KEY.

  --endpoint 地址     对象存储的 S3 接口地址，如 https://oss-cn-hangzhou.aliyuncs.com (S3 endpoint)
  --bucket 名称       存储桶 (bucket)
  --prefix 目录       放在存储桶的这个目录下，默认根目录 (folder in the bucket)
  --region 区域       签名用的区域，默认从地址里取（oss-cn-hangzhou、ap-guangzhou、cn-north-4），否则 us-east-1
  --path-style        用 地址/存储桶/文件 的形式访问（MinIO 等；IP 地址和 localhost 默认如此）
  --dry-run           只列出会做什么，不改动存储桶 (change nothing)
  --max-deletes N     最多删除 N 个对象，超过就停下，默认 ${DEFAULT_MAX_DELETES} (refuse more deletes)
  --force             不管删除上限 (ignore the delete cap)
  --keep-hours H      构建里已没有的带指纹文件（/assets/、/pagefind/）再保留 H 小时，默认 ${DEFAULT_KEEP_HOURS}
  --dir 目录          要发布的文件夹，默认 <root>/_site (built folder)
  --root 目录         站点根目录（读 _data/site.yaml 的 url），默认当前目录 (site root)
  --refresh-dir 目录  CDN 刷新清单写到这里，默认 <root>/.cache/cdn-refresh (refresh lists)
  -h, --help          显示本说明 (show this help)`;

// The lockfile pins an SDK release that supports Node 20 (the CI image's); its notice about later releases is not the editors' concern.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const { values } = commandLineOrExit({
  usage: USAGE,
  options: {
    endpoint: { type: "string" },
    bucket: { type: "string" },
    prefix: { type: "string", default: "" },
    region: { type: "string" },
    "path-style": { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
    "max-deletes": { type: "string", default: String(DEFAULT_MAX_DELETES) },
    force: { type: "boolean", default: false },
    "keep-hours": { type: "string", default: String(DEFAULT_KEEP_HOURS) },
    dir: { type: "string" },
    root: { type: "string", default: "." },
    "refresh-dir": { type: "string" },
  },
});
const options = values as Record<string, string | boolean | undefined>;

/** Prints one line, the English key first, and exits 1. */
function fail(key: string, message: string): never {
  console.error(`部署失败 (deploy failed): ${key}: ${message}`);
  process.exit(1);
}

const text = (name: string) => (typeof options[name] === "string" ? (options[name] as string) : undefined);
const count = (name: string) => {
  const value = text(name) ?? "";
  if (!/^\d+$/.test(value)) fail(`--${name}`, `应当是不小于 0 的整数，现在是「${value}」`);
  return Number(value);
};

async function main(): Promise<void> {
  const endpoint = text("endpoint");
  const bucket = text("bucket");
  if (!endpoint) fail("--endpoint", "缺少对象存储的地址，例如 --endpoint https://oss-cn-hangzhou.aliyuncs.com");
  if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol))
    fail("--endpoint", `「${endpoint}」不是 http:// 或 https:// 开头的地址`);
  if (!bucket) fail("--bucket", "缺少存储桶的名称，例如 --bucket kjj-site");
  const accessKeyId = process.env.DEPLOY_ACCESS_KEY_ID;
  const secretAccessKey = process.env.DEPLOY_SECRET_ACCESS_KEY;
  if (!accessKeyId) fail("DEPLOY_ACCESS_KEY_ID", "没有设置这个环境变量（访问密钥 ID，放在 CI 的密钥设置里）");
  if (!secretAccessKey) fail("DEPLOY_SECRET_ACCESS_KEY", "没有设置这个环境变量（访问密钥，放在 CI 的密钥设置里）");
  const root = path.resolve(text("root") ?? ".");
  let siteUrl: string;
  try {
    siteUrl = loadSite(root).url;
  } catch (error) {
    fail("_data/site.yaml", `读不出网站地址 url：${(error as Error).message.split("\n")[0]}`);
  }
  const abort = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => abort.abort());
  const started = Date.now();
  const region = text("region") ?? defaultRegion(endpoint);
  try {
    const result = await deploySite({
      endpoint,
      bucket,
      prefix: text("prefix"),
      region,
      pathStyle: options["path-style"] === true ? true : undefined,
      accessKeyId,
      secretAccessKey,
      siteDir: path.resolve(text("dir") ?? path.join(root, "_site")),
      siteUrl,
      dryRun: options["dry-run"] === true,
      maxDeletes: count("max-deletes"),
      force: options.force === true,
      keepHours: count("keep-hours"),
      refreshDir: path.resolve(text("refresh-dir") ?? path.join(root, ".cache/cdn-refresh")),
      signal: abort.signal,
      onProgress: (done, total) => {
        if (done % 500 === 0 || done === total) console.log(`上传 (upload) ${done}/${total}`);
      },
    });
    for (const line of deploySummary(result, (Date.now() - started) / 1000)) console.log(line);
  } catch (error) {
    if (error instanceof DeployError) fail(error.key, error.message);
    throw error;
  }
}

await main();
