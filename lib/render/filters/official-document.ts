/**
 * A notice laid out as an official document (公文, GB/T 9704-2012). The editor writes plain
 * Markdown; the layout, not the editor's HTML (the sanitizer keeps no class), gives the parts their
 * place: the 主送机关 (the first paragraph when it is a short line ending in a full-width colon,
 * such as 各有关单位：) set flush left instead of indented two characters, the 附件说明 and the
 * 落款 (see _includes/layouts/notice.njk).
 */

/**
 * The first paragraph of a rendered body when it is a salutation: one short line ending in "：",
 * no sentence in it, and not the lead-in of a list (现将有关事项通知如下：).
 */
const SALUTATION = /^(\s*)<p>([^<>。！？；\n]{1,60}：)<\/p>/;

/** Marks the salutation of a rendered body, if it opens with one, so that it is set flush left. */
export function markSalutation(html: string): string {
  const match = SALUTATION.exec(html);
  if (!match || /如下：$/.test(match[2] ?? "")) return html;
  return html.replace(SALUTATION, '$1<p class="doc-salutation">$2</p>');
}

/** A 成文日期 as official documents write it: `2024-01-14` → `2024年1月14日` (no leading zeros). */
export function documentDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  return `${year}年${month}月${day}日`;
}
