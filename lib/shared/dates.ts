import { DateTime } from "luxon";

// Luxon's zone arithmetic is the slowest part of loading a large archive, and articles share
// dates: each distinct date is parsed, turned into ISO and formatted (per pattern) once per process.
const parsedDates = new Map<string, DateTime | null>();
let isoStrings = new WeakMap<DateTime, string>();
const formattedDates = new Map<string, string>();

/**
 * Forgets every date parsed, turned into ISO or formatted so far, as a new process starts. For
 * tests whose files share one module cache (vitest `isolate: false`), before each test.
 */
export function resetDateCaches(): void {
  parsedDates.clear();
  isoStrings = new WeakMap();
  formattedDates.clear();
}

const CONTENT_DATE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/;

/** The two spellings of a content date that editors may write. */
export const CONTENT_DATE_FORMATS = ["YYYY-MM-DD", "YYYY-MM-DD HH:mm"] as const;

/**
 * Parses an editor's `YYYY-MM-DD` or `YYYY-MM-DD HH:mm` as a wall-clock time in the site's zone.
 * Returns null for anything else, including dates that are not on the calendar (2021-02-30).
 */
export function parseContentDate(text: string, zone: string): DateTime | null {
  const key = `${text}\u0000${zone}`;
  const known = parsedDates.get(key);
  if (known !== undefined) return known;
  const parsed = parseContentDateUncached(text, zone);
  parsedDates.set(key, parsed);
  return parsed;
}

function parseContentDateUncached(text: string, zone: string): DateTime | null {
  const match = CONTENT_DATE.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute] = match;
  const parsed = DateTime.fromObject(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: hour === undefined ? 0 : Number(hour),
      minute: minute === undefined ? 0 : Number(minute),
    },
    { zone },
  );
  return parsed.isValid ? parsed : null;
}

/** An ISO 8601 timestamp with the zone's offset, e.g. `2021-12-06T00:00:00+08:00`. */
export function toIsoWithOffset(date: DateTime): string {
  let iso = isoStrings.get(date);
  if (iso === undefined) {
    iso = date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
    isoStrings.set(date, iso);
  }
  return iso;
}

/** Formats an ISO timestamp with a luxon pattern in the offset the timestamp carries. */
export function formatIsoDate(iso: string, pattern: string): string {
  const key = `${iso}\u0000${pattern}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = formatIsoDateUncached(iso, pattern);
    formattedDates.set(key, text);
  }
  return text;
}

function formatIsoDateUncached(iso: string, pattern: string): string {
  const date = DateTime.fromISO(iso, { setZone: true });
  if (!date.isValid) throw new Error(`无效的时间 (date): ${iso}`);
  return date.toFormat(pattern);
}

/** Whether a string names a time zone that luxon (and so the build) understands. */
export function isKnownZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
