import { commandLineOrExit, SITE_OPTION, SITE_USAGE, siteTargetOrExit } from "../lib/commands/index.ts";
import { startPreview } from "../lib/preview/index.ts";

const USAGE = `用法 (usage): npm start [-- --site 站点名] [--root 目录] [--port 8080] [--host 127.0.0.1]

本地预览：和 npm run build 相同的步骤生成网站（草稿和定时发布的内容也显示，带提示条），写到 .cache/preview/site，
每次修改 content/、_data/ 或 _includes/ 后自动重新生成并刷新浏览器；内容有错时浏览器里显示问题清单。
Local preview: the build's own stages in preview mode, rebuilt and reloaded on every change.

  --root 目录      站点根目录，站群时是仓库目录，默认当前目录 (site or group root, default .)
${SITE_USAGE}
  --port 端口      默认 8080 (port)
  --host 地址      默认 127.0.0.1，只有本机能打开；0.0.0.0 让同一网络的手机也能打开 (listen address)
  -h, --help       显示本说明 (show this help)`;

const { values } = commandLineOrExit({
  usage: USAGE,
  options: {
    root: { type: "string", default: "." },
    port: { type: "string", default: "8080" },
    host: { type: "string", default: "127.0.0.1" },
    ...SITE_OPTION,
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口「${values.port}」不对，应为 0–65535 的整数 (invalid --port)`);
  process.exit(2);
}
const target = siteTargetOrExit(values.root as string, values.site as string | undefined);
try {
  await startPreview({ root: target.site.dir, host: values.host as string, port, searchPeers: target.peers });
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") console.error(`端口 ${port} 已被占用，请用 --port 换一个 (port ${port} is in use)`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
