import sanitizeHtml from "sanitize-html";
import { createMarkdownIt } from "../shared/index.ts";

const BLOCK_END =
  /<\/(p|h[1-6]|li|dt|dd|td|th|tr|blockquote|pre|figcaption|caption|div|table|ul|ol|dl)>|<br\s*\/?>|<hr\s*\/?>/gi;

/** The plain text of body HTML, as the sanitizer would publish it: one line per block, entities decoded. */
function htmlToText(html: string): string {
  const blocks = html.replace(/\s+/g, " ").replace(BLOCK_END, "$&\n");
  const stripped = sanitizeHtml(blocks, { allowedTags: [], allowedAttributes: {} });
  return stripped
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]*\n\s*/g, "\n")
    .trim();
}

const markdownParser = createMarkdownIt();

/**
 * The plain text of a Markdown body, one line per block: markdown-it's tokens give the text with
 * entities decoded (much faster than rendering and sanitizing); raw HTML blocks go through the
 * sanitizer, so text the published page drops (scripts, styles) is not indexed either.
 */
export function markdownToText(markdown: string): string {
  const lines: string[] = [];
  for (const token of markdownParser.parse(markdown, {})) {
    if (token.type === "inline") {
      let line = "";
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") line += child.content;
        else if (child.type === "softbreak") line += " ";
        else if (child.type === "hardbreak") line += "\n";
        else if (child.type === "image") line += child.content;
        else if (child.type === "html_inline") line += child.content;
      }
      lines.push(/[<&]/.test(line) ? htmlToText(line) : line);
    } else if (token.type === "html_block") {
      lines.push(htmlToText(token.content));
    } else if (token.type === "code_block" || token.type === "fence") {
      lines.push(token.content);
    }
  }
  return lines.filter(Boolean).join("\n");
}
