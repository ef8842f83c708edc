/* The words of the YAML syntax messages: the Chinese keys editors write, and one message per mistake. */

/** Chinese names editors write instead of the English keys, by the key they mean. */
export const CHINESE_KEYS: Record<string, string> = {
  标题: "title",
  题目: "title",
  日期: "date",
  时间: "date",
  发布时间: "date",
  发布日期: "date",
  栏目: "column",
  来源: "source",
  适用地: "region",
  摘要: "summary",
  主题词: "tags",
  标签: "tags",
  关键词: "tags",
  附件: "attachments",
  草稿: "draft",
  文号: "doc_number",
  索引号: "index_number",
  链接: "url",
  正文: "body",
  落款: "signature",
};

/** `「title」`, or `这一项` for a list item without a key. */
const what = (key: string) => (key ? `「${key}」` : "这一项");
/** How far a line must be indented, in words. */
const where = (col: number) => (col === 0 ? "顶格写" : `前面 ${col} 个空格`);

/** What each YAML syntax mistake an editor makes is called, in plain Chinese (lib/content/yaml-syntax.ts finds them). */
export const MESSAGES = {
  tab: "这一行开头用了 Tab 键：YAML 只能用空格缩进，请把行首的 Tab 换成空格（同一级的字段左边对齐）",
  fullWidthColon: (key: string) => `字段名 ${key} 后面是中文冒号「：」：请改成英文冒号加一个空格，写成「${key}: ……」`,
  chineseKey: (label: string, key: string) =>
    `字段名要用英文：「${label}」请写成「${key}: ……」（英文冒号后加一个空格）`,
  missingSpace: (key: string) => `字段名 ${key} 的冒号后面少了一个空格：请写成「${key}: ……」`,
  missingColon: (word: string) => `这一行少了冒号：字段名 ${word} 后面要有英文冒号和一个空格，写成「${word}: ……」`,
  notKeyValue:
    "这一行不是「字段名: 值」的写法，也不是以「- 」开头的列表项：请检查是否漏了冒号，或多行文字没有写在「字段名: |」的下面",
  specialStart: (key: string, char: string) =>
    `${key ? `「${key}」的值` : "这一项"}以「${char}」开头，YAML 会把它当成特殊符号：请把整个值用引号括起来，如 "${char}……"`,
  unclosedQuote: (key: string, quote: string) =>
    `${key ? `「${key}」的值` : "这一项"}以引号 ${quote} 开头，却没有配对的结束引号：请在值的末尾补上 ${quote}，或去掉开头的引号`,
  quoteInside: (key: string, quote: string) =>
    `${key ? `「${key}」的值` : "这一项"}在引号 ${quote} 结束后还有文字：值里面要用引号时请用中文引号“”，或去掉外面的引号`,
  unclosedBracket: (key: string, open: string, close: string) =>
    `${key ? `「${key}」的值` : "这一项"}以 ${open} 开头，却没有结束的 ${close}：请在这一行的末尾补上 ${close}${open === "[" ? "，如 [科技, 创新]" : ""}`,
  colonInValue: (key: string) =>
    `「${key}」的值里有英文冒号加空格「: 」，会被当成新的字段：请把这个冒号改成中文「：」，或把整个值用引号括起来`,
  strayIndent: (key: string, sibling: string | undefined, col: number) =>
    sibling
      ? `这一行前面多了空格：${what(key)}应与上面的「${sibling}」左边对齐（${where(col)}）`
      : `这一行前面多了空格：${what(key)}要顶格写`,
  misaligned: (key: string, sibling: string | undefined, col: number, newItem = false) =>
    `这一行的缩进对不齐：${what(key)}应与上面的「${sibling ?? "字段"}」左边对齐（${where(col)}）${newItem ? "；如果这是新的一项，开头要写「- 」" : ""}`,
  blockText: (key: string) =>
    `这一行是「${key}」的文字吗？「${key}: |」下面的每一行都要比 ${key} 多缩进两个空格，与上面的文字左边对齐`,
  seqMisplaced: "这一行的「- 」列表项缩进不对：列表项要写在「字段名:」的下一行，比字段名多缩进两个空格",
  duplicateKey: (key: string) => `「${key}」写了两次：同一个字段只能写一次，请删掉多余的一行`,
  multipleDocuments: "这一行的 --- 多余：YAML 文件里不能有 --- 分隔线，请删掉这一行",
  badEscape: "双引号里的反斜杠「\\」有特殊含义：请改用单引号 '……' 括起来，或把 \\ 写成 \\\\",
  generic: "这一行的格式有误：每行写成「字段名: 值」（英文冒号后加一个空格），列表项以「- 」开头，同一级的字段左边对齐",
} as const;
