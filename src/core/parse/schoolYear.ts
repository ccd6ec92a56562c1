/**
 * The one reader of a school year: sheet titles and names, "Năm học" columns, CHI_TIEU rows, the
 * settings, --year on the command line, GD.BIRTH_YEAR. "2023-2024", "2023 - 2024", "2023–2024",
 * "2023/2024", "2023-24", "NH 2023-2024", "Năm học: 2023-2024" and 2023 are all 2023-2024.
 */

export type SchoolYearParse = { year: string; start: number } | { bad: string };

/** First calendar years a school year may start in. */
const FIRST = 1900;
const LAST = 2199;

const PAIR = /(?:^|\D)((?:19|20|21)\d{2})\s*(?:[-–—/]|\s)\s*(\d{4}|\d{2})(?!\d)/;

function pair(a: string, b: string, text: string): SchoolYearParse {
  const y1 = Number(a);
  let y2 = Number(b);
  if (b.length === 2) y2 = Math.floor(y1 / 100) * 100 + y2;
  if (y2 !== y1 + 1 || y1 < FIRST || y1 > LAST) return { bad: text };
  return { year: `${y1}-${y2}`, start: y1 };
}

/**
 * A school year: the two years anywhere in the text ("NH 2023-2024", "Năm học: 2023 - 2024"), or a
 * value that is only the first year (2023, "2023") — not within a longer text (`within`: a title or
 * a sheet name, where a lone year is something else). Returns null when there is no year, { bad }
 * when the two years do not follow each other.
 */
export function parseSchoolYear(value: unknown, opts: { within?: boolean } = {}): SchoolYearParse | null {
  if (typeof value === 'number') {
    if (opts.within || !Number.isInteger(value) || value < FIRST || value > LAST) return null;
    return { year: `${value}-${value + 1}`, start: value };
  }
  if (typeof value !== 'string') return null;
  const s = value.normalize('NFC').trim();
  const m = s.match(PAIR);
  if (m) return pair(m[1], m[2], m[0].replace(/^\D/, '').trim());
  return !opts.within && /^\d{4}$/.test(s) ? parseSchoolYear(Number(s)) : null;
}

/** "2023-2024" for any accepted spelling, else null. */
export function schoolYearText(value: unknown, opts: { within?: boolean } = {}): string | null {
  const p = parseSchoolYear(value, opts);
  return p && 'year' in p ? p.year : null;
}
