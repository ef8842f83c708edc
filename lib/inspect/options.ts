import { readCommandLine } from "../commands/index.ts";
import { parseContentDate } from "../shared/index.ts";

/** What `npm run inspect -- --help` prints. */
export const USAGE = `用法 (usage): npm run inspect -- [选项 options]

按《政府网站与政务新媒体检查指标》检查网站：首页和栏目更新、空白栏目、错敏字、链接和附件、
网站标识和备案号、页面元数据。单项否决项不合格时退出码为 1。
Checks the site against the government website inspection indicators; exit status 1 when a veto check fails.

  --now "YYYY-MM-DD[ HH:mm]"  按这个时间检查（站点时区），默认现在 (judge the site at this moment)
  --json                      输出 JSON 报告 (print the report as JSON)
  --site 站点名|DIR           站群里的一个站点（docs/group.md），或要检查的构建好的网站，默认 _site（存在时）(site of the group, or built site)
  --no-site                   不检查构建好的页面 (skip the built pages)
  --html FILE                 HTML 报告写到这里，默认 .cache/inspect/report.html，不在网站里 (HTML report file)
  --no-html                   不写 HTML 报告 (write no HTML report)
  --summary FILE              把 Markdown 摘要追加到这个文件，如 "$GITHUB_STEP_SUMMARY" (append a Markdown summary)
  --online                    联网检查外部链接，默认不检查 (check external links over the network)
  --root DIR                  站点根目录，默认当前目录 (site root)
  -h, --help                  显示本说明 (show this help)

退出码 (exit status): 0 没有单项否决项不合格；1 单项否决项不合格或内容校验失败；2 选项有误。`;

/** The options of one `npm run inspect` run. */
export interface CliOptions {
  root: string;
  now?: string;
  json: boolean;
  siteDir?: string | false;
  html?: string | false;
  summary?: string;
  online: boolean;
}

/** What the command line asks for: help, a run, or nothing (a one-line message and exit status 2). */
export type ParsedCommand =
  | { kind: "help" }
  | { kind: "error"; message: string }
  | { kind: "run"; options: CliOptions };

/** Reads the command line of `npm run inspect` (lib/commands/cli.ts for --help and mistakes); never throws. */
export function parseInspectArgs(args: readonly string[]): ParsedCommand {
  const line = readCommandLine(
    {
      usage: USAGE,
      options: {
        root: { type: "string", default: "." },
        now: { type: "string" },
        json: { type: "boolean", default: false },
        site: { type: "string" },
        "no-site": { type: "boolean", default: false },
        html: { type: "string" },
        "no-html": { type: "boolean", default: false },
        summary: { type: "string" },
        online: { type: "boolean", default: false },
      },
    },
    args,
  );
  if (line.kind === "help") return { kind: "help" };
  if (line.kind === "error") return { kind: "error", message: line.text };
  const { values } = line;
  const now = values.now as string | undefined;
  if (now !== undefined && !parseContentDate(now, "UTC"))
    return {
      kind: "error",
      message: `--now「${now}」不是有效的时间，应写作 YYYY-MM-DD 或 "YYYY-MM-DD HH:mm" (invalid --now)`,
    };
  return {
    kind: "run",
    options: {
      root: values.root as string,
      now,
      json: values.json === true,
      siteDir: values["no-site"] ? false : (values.site as string | undefined),
      html: values["no-html"] ? false : (values.html as string | undefined),
      summary: values.summary as string | undefined,
      online: values.online === true,
    },
  };
}
