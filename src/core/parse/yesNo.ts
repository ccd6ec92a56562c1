/**
 * The one reader of yes/no words: the dbkk column of the sheets, the ĐBKK and leading-zero arguments
 * of the GD.* functions. Blank is the caller's business (a field may say blank = không).
 */
import { foldText } from '../sheets/normalize';

const YES = new Set(['co', 'x', '1', 'true', 'dung', 'yes', 'y', 'dbkk', 'v', 'la xa dbkk', 'xa dbkk']);
const NO = new Set(['khong', '0', 'false', 'no', 'n', 'sai', 'ko', 'k']);
/** Marks that fold to nothing: ticks for yes, dashes for no. */
const YES_MARKS = new Set(['✓', '✔', '☑', '√']);
const NO_MARKS = new Set(['-', '–', '—']);

/** TRUE/FALSE, 1/0, "có"/"không", "x", "✓", "-", "ĐBKK" … → true/false; anything else → null. */
export function parseYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value !== 0 : null;
  if (typeof value !== 'string') return null;
  const raw = value.normalize('NFC').trim();
  if (YES_MARKS.has(raw)) return true;
  if (NO_MARKS.has(raw)) return false;
  const s = foldText(raw);
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}
