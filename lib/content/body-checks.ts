import { createMarkdownIt, FILES } from "../shared/index.ts";
import type { ContentProblem } from "./problems.ts";

/**
 * What a published page would silently lose or break, found in a Markdown body before it is
 * rendered: images from other sites (blocked by the Content-Security-Policy and, for WeChat's,
 * by hotlink protection), embeds, scripts, styles and forms (removed by the sanitizer, see
 * lib/shared/markdown.ts), links typed with full-width brackets (shown as text), and the
 * placeholder text `npm run new` writes. Each is an error with the line and what to do instead.
 */

/** The body `npm run new -- article` writes: an article that still has it must not be published. */
export const ARTICLE_BODY_PLACEHOLDER = "（请在这里写正文，替换这一段。段落之间空一行，小标题用「## 」开头。）";

/** The body `npm run new -- notice` writes for a notice without a `url`. */
export const NOTICE_BODY_PLACEHOLDER = "（请在这里写通知正文，替换这一段。段落之间空一行。）";

const PLACEHOLDERS = [ARTICLE_BODY_PLACEHOLDER, NOTICE_BODY_PLACEHOLDER];

/** HTML elements the sanitizer removes with what they show, by kind, and what to write instead. */
const DROPPED_ELEMENTS: { tags: readonly string[]; message: (tag: string) => string }[] = [
  {
    tags: ["iframe", "embed", "object", "frame", "frameset", "applet", "portal"],
    message: (tag) =>
      `内嵌的网页或播放器 <${tag}> 发布时会被删除：请改成一个链接，如 [观看视频](https://……)，读者点开后在原网站观看`,
  },
  {
    tags: ["video", "audio"],
    message: (tag) =>
      `${tag === "audio" ? "音频" : "视频"} <${tag}> 发布时会被删除：把文件放进 ${FILES.folder}/ 后写成链接，如 [观看视频](${FILES.url}2024/视频.mp4)`,
  },
  {
    tags: ["script", "noscript"],
    message: (tag) => `脚本 <${tag}> 发布时会被删除（网站正文里不能有脚本）：请删掉它`,
  },
  {
    tags: ["style", "link", "meta", "base"],
    message: (tag) => `<${tag}> 发布时会被删除（正文的字体、颜色由网站统一设置）：请删掉它`,
  },
  {
    tags: ["form"],
    message: () => "表单 <form> 发布时会被删除：请改成一个链接，指向办事平台上的表单页面，如 [在线申报](https://……)",
  },
  {
    tags: ["svg", "canvas", "math"],
    message: (tag) =>
      `图形 <${tag}> 发布时会被删除：请把它另存为图片放进 ${FILES.folder}/，再写 ![图片说明](${FILES.url}……)`,
  },
];

const DROPPED_TAG = new RegExp(`<(${DROPPED_ELEMENTS.flatMap((entry) => entry.tags).join("|")})(?=[\\s/>])`, "gi");
const IMAGE_TAG = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
/** `[文字](/地址/)` typed with a full-width bracket or a space, which Markdown shows as plain text. */
const BROKEN_LINK =
  /([[【［])([^\]】］\n]{1,80})([\]】］])([ \t　]*)([（(])[ \t　]*((?:https?:\/\/|\/|mailto:|tel:|www\.)[^）)\n]*?)[ \t　]*([）)])/g;

/** The host of an absolute URL, for a message that must not echo a long address. */
function hostOf(url: string): string {
  try {
    return new URL(url.startsWith("//") ? `https:${url}` : url).host;
  } catch {
    return "其他网站";
  }
}

/** An image tag of raw HTML, whole, and whether it has a description (a non-empty alt). */
const WHOLE_IMAGE_TAG = /<img\b[^>]*>/gi;
const IMAGE_ALT = /\balt\s*=\s*(?:"[^"]*\S[^"]*"|'[^']*\S[^']*'|[^\s"'>]+)/i;

/** The problem of a picture without a description (无障碍: every image needs a text alternative). */
export const MISSING_ALT_MESSAGE = `图片缺少说明：请在 ![ ] 的方括号里写上图片内容，如 ![局领导调研科技企业](${FILES.url}2024/照片.jpg)（说明显示在图片下方，读屏软件也会读给视障读者）`;

/** An image whose address is not a path of this site (one leading "/"), or a reference image. */
const SUSPECT_IMAGE = /!\[[^\]\n]*\](?!\(\s*\/(?!\/))/;

/** A link that Markdown may not read as one: full-width brackets, a gap, or a space or "(" in its address. */
function mayBeBrokenLink(match: RegExpMatchArray): boolean {
  const [, open, , close, gap, paren, url, closeParen] = match;
  return /[【】［］（）]/.test(`${open}${close}${paren}${closeParen}`) || gap !== "" || /[\s(]/.test(url ?? "");
}

/**
 * A quick test on the raw text that spares the Markdown parse for the bodies that have nothing to
 * report: most of an archive, plain links and images of the site's own included (a real archive
 * links in most articles, and the parse would cost about 0.1 ms a body).
 */
function mayHaveProblems(body: string): boolean {
  if (/<[a-zA-Z]/.test(body) || SUSPECT_IMAGE.test(body) || /!\[\s*\]/.test(body)) return true;
  if (PLACEHOLDERS.some((placeholder) => body.includes(placeholder.slice(0, 6)))) return true;
  for (const match of body.matchAll(BROKEN_LINK)) if (mayBeBrokenLink(match)) return true;
  return false;
}

let markdownIt: ReturnType<typeof createMarkdownIt> | undefined;

/** What is wrong with an image source, or undefined when the site will show it. */
function imageProblem(src: string): string | undefined {
  const target = src.trim();
  if (/^(https?:)?\/\//i.test(target))
    return `站外图片（${hostOf(target)}）发布后不会显示：请把图片保存到 ${FILES.folder}/<年份>/，再写 ![图片说明](${FILES.url}<年份>/文件名.jpg)`;
  if (/^data:/i.test(target))
    return `直接粘贴的图片（data:）发布后不会显示：请把图片保存到 ${FILES.folder}/<年份>/，再写 ![图片说明](${FILES.url}<年份>/文件名.jpg)`;
  if (target !== "" && !target.startsWith("/") && !/^[a-z][a-z0-9+.-]*:/i.test(target))
    return `图片地址「${target.length > 30 ? `${target.slice(0, 30)}…` : target}」应以 ${FILES.url} 开头，如 ${FILES.url}2024/照片.jpg（图片文件放在 ${FILES.folder}/ 下）`;
  return undefined;
}

/** What is wrong with a link typed as text, or undefined. */
function brokenLinkProblem(match: RegExpMatchArray): string | undefined {
  const [, open, label, close, gap, paren, , closeParen] = match;
  const fullWidth = [open, close, paren, closeParen].some((char) => char !== undefined && /[【】［］（）]/.test(char));
  const shortLabel =
    Array.from(label ?? "").length > 10
      ? `${Array.from(label ?? "")
          .slice(0, 10)
          .join("")}…`
      : label;
  if (fullWidth)
    return `链接「${shortLabel}」用了中文括号，会显示成普通文字：请改用英文括号，写成 [文字](/地址/)，方括号和圆括号都用半角`;
  if (gap) return `链接「${shortLabel}」的 ] 和 ( 之间有空格，会显示成普通文字：请删掉空格，写成 [文字](/地址/)`;
  return `链接「${shortLabel}」的地址里有空格或不成对的括号，会显示成普通文字：地址里的空格请写成 %20，或把文件改成不带空格的名字`;
}

/**
 * Checks one Markdown body. `firstLine` is the line of the file on which the body starts; `field`
 * names it in the problems (`body`, `[2].body`).
 */
export function checkBody(
  file: string,
  body: string | undefined,
  firstLine: number,
  field: string,
  problems: ContentProblem[],
): void {
  if (!body?.trim() || !mayHaveProblems(body)) return;
  const report = (line: number, message: string) => problems.push({ file, line: firstLine + line, field, message });
  const seen = new Set<string>();
  const reportOnce = (line: number, kind: string, message: string) => {
    if (seen.has(`${line}:${kind}`)) return;
    seen.add(`${line}:${kind}`);
    report(line, message);
  };

  const lines = body.split("\n");
  for (const placeholder of PLACEHOLDERS) {
    const index = lines.findIndex((line) => line.includes(placeholder));
    if (index >= 0)
      report(
        index,
        "这是 npm run new 写入的占位文字，不能发布：请把这一段换成正文（不想发布时在元数据里写 draft: true）",
      );
  }

  /** Reports the images, embeds and scripts of a stretch of raw HTML that starts on body line `line`. */
  const checkHtml = (html: string, line: number) => {
    const lineAt = (offset: number) => line + (html.slice(0, offset).match(/\n/g)?.length ?? 0);
    for (const match of html.matchAll(DROPPED_TAG)) {
      const tag = (match[1] ?? "").toLowerCase();
      const entry = DROPPED_ELEMENTS.find((candidate) => candidate.tags.includes(tag));
      if (entry) reportOnce(lineAt(match.index ?? 0), entry.tags[0] ?? tag, entry.message(tag));
    }
    for (const match of html.matchAll(IMAGE_TAG)) {
      const problem = imageProblem(match[1] ?? match[2] ?? match[3] ?? "");
      if (problem) reportOnce(lineAt(match.index ?? 0), "img", problem);
    }
    for (const match of html.matchAll(WHOLE_IMAGE_TAG))
      if (!IMAGE_ALT.test(match[0])) reportOnce(lineAt(match.index ?? 0), "alt", MISSING_ALT_MESSAGE);
  };

  let line = 0;
  markdownIt ??= createMarkdownIt();
  for (const token of markdownIt.parse(body, {})) {
    if (token.map) line = token.map[0];
    if (token.type === "html_block") checkHtml(token.content, line);
    if (token.type !== "inline") continue;
    let offset = 0;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") offset++;
      else if (child.type === "image") {
        const problem = imageProblem(String(child.attrGet("src") ?? ""));
        if (problem) reportOnce(line + offset, "img", problem);
        else if (!child.content.trim()) reportOnce(line + offset, "alt", MISSING_ALT_MESSAGE);
      } else if (child.type === "html_inline") checkHtml(child.content, line + offset);
      else if (child.type === "text")
        for (const match of child.content.matchAll(BROKEN_LINK)) {
          const problem = brokenLinkProblem(match);
          if (problem) reportOnce(line + offset, `link:${match.index}`, problem);
        }
      offset += child.type === "html_inline" || child.type === "text" ? (child.content.match(/\n/g)?.length ?? 0) : 0;
    }
  }
}
