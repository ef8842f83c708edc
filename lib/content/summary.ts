/**
 * The plain-text start of a Markdown body, for summaries and description meta: headings, markup,
 * HTML tags and links are dropped, whitespace collapsed, and the text cut at `length` characters.
 */
export function plainTextSummary(markdown: string, length = 120): string {
  const paragraphs = markdown
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block && !/^(#{1,6}\s|\||```|<table|!\[|---)/.test(block))
    .map((block) => block.replace(/^\*\*(.+)\*\*$/, ""));
  const plain = paragraphs
    .join(" ")
    .replace(/<(script|style|template|iframe|noscript)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<[^>]*>/g, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const characters = Array.from(plain);
  return characters.length > length ? `${characters.slice(0, length).join("")}…` : plain;
}
