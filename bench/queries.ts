/**
 * The queries of `npm run bench`'s first-search stage (issues 14 and 24), in one place: each maps to the
 * search page's address `/search/?q=…&column=…&year=…&sort=date`.
 */

/** One query of the bench: `id` names it on the command line, `label` in the tables. */
export interface SearchQuery {
  id: string;
  label: string;
  query: string;
  /** 栏目 (`column`), 年份 (`year`), 类型 (`type`), as the search page's address carries them. */
  filters?: { column?: string; year?: string; type?: string };
  sort?: "date";
}

/**
 * The queries of issue 14: two rare terms (the seed article's 针状焦; 奎屯, in no article), a common
 * term with thousands of hits, a phrase of five characters, a six-character term whose characters
 * appear in every synthetic article but never together, one with a 栏目 and a 年份 filter, one sorted
 * by date.
 */
export const FIRST_SEARCH_QUERIES: readonly SearchQuery[] = [
  { id: "rare", label: "罕见词 rare", query: "针状焦" },
  { id: "rare2", label: "罕见地名 rare, no hit", query: "奎屯" },
  { id: "common", label: "常见词 common", query: "科技创新" },
  { id: "phrase", label: "五字短语 phrase", query: "绿氢到绿碳" },
  { id: "ipr", label: "六字词 6 characters", query: "知识产权保护" },
  {
    id: "filtered",
    label: "栏目+年份 filters",
    query: "科技创新",
    filters: { column: "工作动态", year: "2021" },
  },
  { id: "by-date", label: "按日期 sort=date", query: "科技创新", sort: "date" },
];

/** The second query: typed into the page of the query `after` once that search is complete. */
export const SECOND_SEARCH = { after: "rare", query: "科技创新" } as const;

/** The queries Lighthouse runs the search page with: a common and a rare one. */
export const LIGHTHOUSE_QUERIES = ["common", "rare"] as const;

/** The search page's address for a query: `/search/?q=…&column=…&year=…&type=…&sort=date`. */
export function searchUrl(query: Pick<SearchQuery, "query" | "filters" | "sort">): string {
  const parts = [`q=${encodeURIComponent(query.query)}`];
  for (const name of ["column", "year", "type"] as const) {
    const value = query.filters?.[name];
    if (value) parts.push(`${name}=${encodeURIComponent(value)}`);
  }
  if (query.sort) parts.push(`sort=${query.sort}`);
  return `/search/?${parts.join("&")}`;
}

/** The queries whose ids are listed (comma-separated), in the bench's order; every query for an empty list. */
export function selectQueries(ids: string | undefined): SearchQuery[] {
  if (!ids) return [...FIRST_SEARCH_QUERIES];
  const wanted = ids
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = wanted.filter((id) => !FIRST_SEARCH_QUERIES.some((query) => query.id === id));
  if (unknown.length > 0)
    throw new Error(
      `不认识的查询 ${unknown.join(", ")}；可用：${FIRST_SEARCH_QUERIES.map((query) => query.id).join(", ")} (unknown query id)`,
    );
  return FIRST_SEARCH_QUERIES.filter((query) => wanted.includes(query.id));
}
