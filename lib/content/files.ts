import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { normalizeNewlines } from "../shared/index.ts";
import { type ContentProblem, ContentValidationError } from "./problems.ts";
import { isSymbolicLink } from "./regular-files.ts";

/** Where each kind of content file lives, relative to the site root. */
export const CONTENT_FOLDERS = {
  articles: "content/articles",
  notices: "content/notices",
  staticPages: "content/pages",
} as const;

/**
 * The regular files under `folder` of `root` (recursively) with one of `extensions`, sorted; hidden
 * files and folders skipped, symbolic links neither listed nor followed (lib/content/regular-files.ts
 * reports them).
 */
function listFiles(root: string, folder: string, extensions: readonly string[]): string[] {
  const base = path.join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(base, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
      .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)));
  } catch {
    return [];
  }
  return entries
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => !entry.split("/").some((part) => part.startsWith(".")))
    .sort()
    .map((entry) => `${folder}/${entry}`);
}

/** The article files of a site (the `.md` files under `content/articles`), as the build reads them. */
export function listArticleFiles(root: string): string[] {
  return listFiles(root, CONTENT_FOLDERS.articles, [".md"]);
}

/** The notices files of a site (`content/notices/2024.yaml`, …), as the build and the browser CMS read them. */
export function listNoticeFiles(root: string): string[] {
  return listFiles(root, CONTENT_FOLDERS.notices, [".yaml", ".yml"]);
}

/** The static page files of a site (`content/pages/<slug>.md`). */
export function listStaticPageFiles(root: string): string[] {
  return listFiles(root, CONTENT_FOLDERS.staticPages, [".md"]);
}

/**
 * A content file's text with LF line ends and no byte-order mark; undefined, with a problem, when
 * it is not UTF-8 or is empty.
 */
export function readContentText(root: string, file: string, problems: ContentProblem[]): string | undefined {
  const bytes = readFileSync(path.join(root, file));
  const decoded = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (decoded.includes("\uFFFD") && !bytes.includes(Buffer.from("\uFFFD"))) {
    problems.push({ file, line: 1, message: "文件不是 UTF-8 编码，请用 UTF-8 另存后再提交" });
    return undefined;
  }
  if (decoded.replace(/^\uFEFF/, "").trim() === "") {
    problems.push({ file, line: 1, message: "文件是空的" });
    return undefined;
  }
  return normalizeNewlines(decoded);
}

/**
 * A settings file's text (`_data/site.yaml`, `_data/cms.yaml`) with LF line ends and no byte-order
 * mark; throws when missing, and a ContentValidationError, without reading it, when it is a symbolic link.
 */
export function readSettingsText(root: string, file: string): string {
  if (isSymbolicLink(root, file))
    throw new ContentValidationError([
      { file, line: 1, message: "这是符号链接（symbolic link）：网站只读取仓库里的普通文件，请把文件本身放到这里" },
    ]);
  return normalizeNewlines(readFileSync(path.join(root, file), "utf8"));
}
