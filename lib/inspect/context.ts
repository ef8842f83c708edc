import type { DateTime } from "luxon";
import type { Article, Catalog, Notice, YamlPath } from "../content/index.ts";
import { isKeyLine, type SourceReader } from "./sources.ts";

/** What every check reads: the site as a real build at `now` publishes it, and as the preview shows it. */
export interface InspectContext {
  root: string;
  /** The moment the site is judged at, in the site's zone. */
  now: DateTime;
  /** Published content only, as `npm run build` at `now` would publish it. */
  content: Catalog;
  /** The same with drafts and scheduled items, marked with their `status`. */
  preview: Catalog;
  sources: SourceReader;
  /** The line of a value in `_data/site.yaml`. */
  siteLine(path: YamlPath): number;
  /** Days before a deadline from which an update falling due is a warning. */
  warnDays: number;
}

/** Days of warning before the home page or a column goes stale, unless the site file says otherwise. */
export const DEFAULT_WARN_DAYS = 3;

/** Where an article's or a notice's date is written: its file and the line of its `date:` key. */
export function dateLocation(context: InspectContext, item: Article | Notice): { file: string; line: number } {
  const from = "line" in item ? item.line : 1;
  const line = context.sources.findLine(item.sourcePath, (text) => isKeyLine(text, "date"), from);
  return { file: item.sourcePath, line };
}

/** The `yyyy-MM-dd` of an ISO date the content model produced. */
export const dayOf = (isoDate: string) => isoDate.slice(0, 10);
