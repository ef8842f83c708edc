import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { SAFE_LINK_SCHEMES } from "./urls.ts";

/** Keeps an image's width and height only when they are plain pixel counts, and gives it an alt. */
function cleanImage(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { width, height, ...rest } = attribs;
  const sizes = Object.entries({ width, height }).filter(([, value]) => value !== undefined && /^\d+$/.test(value));
  return { tagName, attribs: { alt: "", ...rest, ...Object.fromEntries(sizes) } };
}

/**
 * The HTML that article bodies may keep: text structure, tables pasted from Word, images and
 * links. Everything else (scripts, event handlers, iframes, forms, styles, `class` and `id`) is
 * removed. Links keep http, https, mailto, tel and site paths; images only site paths (the
 * Content-Security-Policy loads images from the site alone), and an image left without a source
 * is dropped. `# ` headings become h2: the page title is the only h1.
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
  allowedSchemes: [...SAFE_LINK_SCHEMES],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: { h1: "h2", img: cleanImage },
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
};

/** The one markdown-it set-up of the site, for rendering pages and for the text the search index holds: raw HTML read, no linkify, no typographer. */
export function createMarkdownIt(): InstanceType<typeof MarkdownIt> {
  return new MarkdownIt({ html: true, linkify: false, typographer: false });
}

/** The site's Markdown renderer: HTML allowed in the source, then sanitized on output. */
export function createMarkdown(): { render(markdown: string): string } {
  const markdown = createMarkdownIt();
  return {
    render: (source: string) => sanitizeHtml(markdown.render(source), SANITIZE_OPTIONS),
  };
}
