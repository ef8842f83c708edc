import { ANNUAL_REPORTS, type Site, VALIDITY } from "../content/index.ts";

/** A field's widget and its options, without the name, label and required flag the schema gives. */
export interface Widget {
  widget: string;
  [option: string]: unknown;
}

const day = { widget: "datetime", type: "date", format: "YYYY-MM-DD" } as const;

/**
 * The widgets of the 政策文件 and 政策解读 keys of an article (有效性 and what goes with it, 成文日期,
 * 发文机关, 主题分类, 规范性文件, the document a 解读 explains) and of an annual report page.
 */
export function policyWidgets(site: Site): Record<string, Widget> {
  const topics = site.policy_documents.topics;
  const pattern = site.policy_documents.index_pattern;
  return {
    validity: {
      widget: "select",
      options: [...VALIDITY],
      hint: "不填即现行有效；修改、废止或失效时改这里，并填写变更日期和替代文件",
    },
    validity_date: { ...day, hint: "有效性变更（修改、废止、失效）的日期" },
    replaced_by: {
      widget: "string",
      hint: "修改或替代它的文件在本站的网址，如 /articles/2024/kjjh-xmglbf-2024/",
      pattern: ["^/articles/\\d{4}/[a-z0-9-]+/$", "本站文章的网址，以 /articles/ 开头、/ 结尾"],
    },
    written_date: { ...day, hint: "文件签发的日期（成文日期），不晚于发布时间" },
    organ: { widget: "string", hint: `不填则用站点默认值「${site.defaults.organ ?? site.defaults.source}」` },
    topic: topics.length
      ? { widget: "select", options: [...topics], hint: "政府信息公开的主题分类" }
      : { widget: "string", hint: "政府信息公开的主题分类（站点配置 policy_documents.topics 里列出可选值）" },
    normative: { widget: "boolean", hint: "打开表示规范性文件：应同时发布政策解读" },
    interprets: {
      widget: "string",
      hint: "政策解读填写：被解读的政策文件在本站的网址，如 /articles/2024/kjjh-xmglbf-2024/",
      pattern: ["^/articles/\\d{4}/[a-z0-9-]+/$", "本站文章的网址，以 /articles/ 开头、/ 结尾"],
    },
    index_number: {
      widget: "string",
      hint: pattern ? `政府信息公开的索引号，格式 ${pattern}（npm run new 自动编号）` : "政府信息公开的索引号",
    },
    report: {
      widget: "select",
      options: [...ANNUAL_REPORTS],
      hint: "年度报告页面填写：政府网站工作年度报表或政府信息公开工作年度报告",
    },
    year: { widget: "number", value_type: "int", hint: "报告所属的年度，如 2024" },
  };
}
