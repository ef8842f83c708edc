import { SEARCH_FILTERS, type SearchFilterParameter } from "../../search-protocol/index.ts";

/** The search an address asks for: the query, the Pagefind filters, the filter fields' values and the order. */
export interface SearchRequest {
  query: string;
  /** Pagefind filter name (年份) → value. */
  filters: Record<string, string>;
  /** Address parameter (year) → value, "" when not set. */
  values: Record<SearchFilterParameter, string>;
  byDate: boolean;
}

const PARAMETERS = Object.keys(SEARCH_FILTERS) as SearchFilterParameter[];

/** The search an address (its `?…` part) asks for: the query, Pagefind filters and the order. */
export function readAddress(search: string): SearchRequest {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  const values = {} as Record<SearchFilterParameter, string>;
  for (const name of PARAMETERS) {
    const value = (params.get(name) || "").trim();
    values[name] = value;
    if (value) filters[SEARCH_FILTERS[name]] = value;
  }
  return { query: (params.get("q") || "").trim(), filters, values, byDate: params.get("sort") === "date" };
}

/** The address of a submitted search form's fields: the non-empty ones, trimmed. */
export function formAddress(pathname: string, entries: Iterable<[string, FormDataEntryValue]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of entries) if (typeof value === "string" && value.trim()) params.set(name, value.trim());
  return `${pathname}?${params.toString()}`;
}

/** Shows a request in the search form: the query, the filters and the order (the options opened when any is set). */
export function fillForm(form: HTMLFormElement, request: SearchRequest): void {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  const input = field("q");
  if (input) input.value = request.query;
  for (const name of PARAMETERS) {
    const select = field(name);
    if (select) select.value = request.values[name];
  }
  const sortField = field("sort");
  if (sortField) sortField.value = request.byDate ? "date" : "";
  const options = form.querySelector<HTMLDetailsElement>("[data-search-options]");
  if (options && (request.byDate || Object.keys(request.filters).length > 0)) options.open = true;
}
