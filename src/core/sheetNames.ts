/**
 * Excel's rules for sheet names, applied by every host that adds a sheet (Office.js, the .xlsx
 * writer, the in-memory workbook): at most 31 characters, none of : \ / ? * [ ], no leading or
 * trailing apostrophe, unique case-insensitively, and never "History" (Excel reserves it).
 */
export const SHEET_NAME_MAX = 31;

/** Excel refuses a sheet named "History" (any case): it is kept for change tracking. */
const RESERVED = new Set(['history']);

/** Excel forbids : \ / ? * [ ] in sheet names and leading/trailing apostrophes; max 31 characters. */
export function sanitizeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').trim();
  return (cleaned || 'Sheet').slice(0, SHEET_NAME_MAX);
}

/**
 * A name not yet used (case-insensitively, as Excel compares them): the sanitised name itself, or
 * "name (2)", "name (3)" …, shortened so the suffix still fits in 31 characters.
 */
export function uniqueSheetName(preferred: string, existing: Iterable<string>): string {
  const taken = new Set([...RESERVED, ...Array.from(existing, (n) => n.toLocaleLowerCase('vi'))]);
  const base = sanitizeSheetName(preferred);
  if (!taken.has(base.toLocaleLowerCase('vi'))) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLocaleLowerCase('vi'))) return candidate;
  }
}

