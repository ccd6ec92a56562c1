/** Value comparison and display for the cross-check. */
import { formatNumber } from '../format/vn';

export type Scalar = number | string | boolean | null;

/** NFC, trimmed, spaces collapsed, lower case; optionally without diacritics (for names). */
export function foldText(s: string, stripDiacritics = false): string {
  let out = s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (stripDiacritics) out = out.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').normalize('NFC');
  return out;
}

/** Numbers exactly (rates with float tolerance), everything else as folded text. */
export function sameValue(a: Scalar, b: Scalar, isName = false): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) && Number.isInteger(b)) return a === b;
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return foldText(String(a), isName) === foldText(String(b), isName);
}

/** How a value is shown inside a message (numbers the Vietnamese way). */
export function showValue(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? formatNumber(v) : formatNumber(v, { decimals: 4, keepTrailingZeros: false });
  if (typeof v === 'boolean') return v ? '1' : '0';
  return v;
}

/** Name-like fields: a difference is a warning, and diacritics/case do not count. */
export function isNameField(field: string): boolean {
  return field.startsWith('ten_');
}
