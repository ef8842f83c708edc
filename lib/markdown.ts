import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * The HTML that article bodies may keep: text structure, tables pasted from Word, images and
 * links. Everything else (scripts, event handlers, iframes, forms, styles) is removed.
 */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "code",
    "pre",
    "span",
    "div",
  ],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

/** Builds the site's markdown-it: HTML allowed in the source, then sanitized on output. */
export function createMarkdown(): { render(markdown: string): string } {
  const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
  return {
    render: (source: string) => sanitizeHtml(markdown.render(source), SANITIZE_OPTIONS),
  };
}
