const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

const monthIndex = (name: string): number =>
  MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);

// "Wed Sep 04 16:59:44.356 UTC 2024" (Java Date.toString with millis).
const JAVA_DATE =
  /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? UTC (\d{4})$/;

// "Dec 3, 2021, 6:02:30 PM" (no zone: Inspector renders these in UTC).
const US_DATE =
  /^([A-Za-z]{3}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2})\s?([AP]M)$/i;

// ISO-8601 with a zone: "2024-02-02T16:30:33.045000+01:00", "2026-06-12T01:30:00.000Z".
// A space may separate date and time (RFC 3339; Python's str() of an SDK
// datetime, as in exported ListFindings output: "2026-03-13 22:38:57.161000+01:00").
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const utc = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number
): string | undefined => {
  // Date.UTC rolls "16:60" into the next hour and "Feb 31" into March; a
  // real timestamp never needs that.
  if (month < 0 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(
    Date.UTC(year, month, day, hour, minute, second, millis)
  );
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month) {
    return undefined;
  }
  return date.toISOString();
};

const fromJavaDate = (match: RegExpExecArray): string | undefined => {
  const [, mon, day, hh, mm, ss, ms, year] = match;
  return utc(
    Number(year),
    monthIndex(mon ?? ''),
    Number(day),
    Number(hh),
    Number(mm),
    Number(ss),
    Number((ms ?? '0').padEnd(3, '0'))
  );
};

const fromUsDate = (match: RegExpExecArray): string | undefined => {
  const [, mon, day, year, hh, mm, ss, ampm] = match;
  const hour12 = Number(hh);
  if (hour12 < 1 || hour12 > 12) return undefined;
  const hour = (hour12 % 12) + (ampm?.toUpperCase() === 'PM' ? 12 : 0);
  return utc(
    Number(year),
    monthIndex(mon ?? ''),
    Number(day),
    hour,
    Number(mm),
    Number(ss),
    0
  );
};

const fromIso = (match: RegExpExecArray): string | undefined => {
  const [value, year, month, day] = match;
  // Date.parse accepts "2024-02-30" and rolls it into March: check the date.
  if (!utc(Number(year), Number(month) - 1, Number(day), 0, 0, 0, 0)) {
    return undefined;
  }
  // JavaScript parses at most millisecond precision reliably: trim the rest.
  const trimmed = `${value.slice(0, 10)}T${value.slice(11)}`.replace(
    /(\.\d{3})\d+/,
    '$1'
  );
  const millis = Date.parse(trimmed);
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
};

/**
 * Parses the timestamp formats Amazon Inspector and Security Hub emit and
 * returns ISO-8601 UTC, or `undefined` when the value is not a timestamp.
 *
 * Inspector2 Finding events use `Wed Sep 04 16:59:44.356 UTC 2024` (current)
 * or `Dec 3, 2021, 6:02:30 PM` (older events, no zone: read as UTC); the API
 * and on-demand scans use ISO-8601 with an offset. Callers fall back to the
 * envelope time rather than failing the finding on a date.
 */
export const parseTimestamp = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const java = JAVA_DATE.exec(text);
  if (java) return fromJavaDate(java);
  const us = US_DATE.exec(text);
  if (us) return fromUsDate(us);
  const iso = ISO_DATE.exec(text);
  if (iso) return fromIso(iso);
  return undefined;
};
