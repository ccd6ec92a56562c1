/**
 * Cells of a form read by address from a (possibly sparse) sheet snapshot, and the kinds of values
 * the national systems print in them: counts (blank = not reported, except inside an age matrix
 * where the system leaves zeros blank), percentages (0–100 numbers with a literal "%" format, Excel
 * percentages, live formulas, or text "97,38%"), and levels ("1/2/3", "Không đạt", "Đạt").
 */
import { parseA1 } from '../a1';
import { parseLevel, parseVnNumber } from '../parse';
import { foldText } from '../sheets/normalize';
import type { CellValue, SheetSnapshot } from '../types';
import { isCellError } from '../types';

/** The cell at an A1 address, null when outside the snapshot or blank. */
export function cellAt(sheet: SheetSnapshot, address: string): CellValue {
  const p = parseA1(address);
  if (!p) return null;
  return cellRC(sheet, p.row, p.col);
}

/** The cell at 0-based worksheet row/column. */
export function cellRC(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0) return null;
  const v = sheet.values[r]?.[c];
  return v === undefined ? null : v;
}

export function formatAt(sheet: SheetSnapshot, address: string): string | undefined {
  const p = parseA1(address);
  if (!p || !sheet.numberFormats) return undefined;
  return sheet.numberFormats[p.row - sheet.origin.row]?.[p.col - sheet.origin.col] ?? undefined;
}

export function formulaAt(sheet: SheetSnapshot, address: string): string | null {
  const p = parseA1(address);
  if (!p || !sheet.formulas) return null;
  return sheet.formulas[p.row - sheet.origin.row]?.[p.col - sheet.origin.col] ?? null;
}

/** Text of a cell (numbers as written), trimmed; '' for blank. */
export function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.normalize('NFC').trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return '';
}

export function isBlankCell(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Worksheet rows 0…maxRow with their non-blank texts (bounded: the first `maxCols` columns). */
export function textCells(sheet: SheetSnapshot, maxRow: number, maxCols = 40): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  const last = Math.min(sheet.values.length - 1, maxRow - sheet.origin.row);
  for (let r = 0; r <= last; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    const n = Math.min(row.length, maxCols);
    for (let c = 0; c < n; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.trim()) out.push({ row: r + sheet.origin.row, col: c + sheet.origin.col, text: v.normalize('NFC').trim() });
    }
  }
  return out;
}

export interface CountCell {
  value: number | null;
  raw: CellValue;
  blank: boolean;
  /** An Excel error, text that is no number, a negative or fractional count. */
  invalid: boolean;
  fromText: boolean;
}

/** A count cell. Blank is null (not reported) unless `blankIsZero` (age-matrix cells). */
export function readCount(sheet: SheetSnapshot, address: string, blankIsZero = false): CountCell {
  const raw = cellAt(sheet, address);
  if (isBlankCell(raw)) return { value: blankIsZero ? 0 : null, raw, blank: true, invalid: false, fromText: false };
  if (typeof raw === 'number') {
    const ok = Number.isFinite(raw) && raw >= 0 && Number.isInteger(raw);
    return { value: ok ? raw : null, raw, blank: false, invalid: !ok, fromText: false };
  }
  if (typeof raw === 'string') {
    const p = parseVnNumber(raw, true);
    const ok = !!p && !p.percent && p.value >= 0 && Number.isInteger(p.value);
    return { value: ok ? p!.value : null, raw, blank: false, invalid: !ok, fromText: ok };
  }
  return { value: null, raw, blank: false, invalid: true, fromText: false };
}

export interface PercentCell {
  /** As a fraction (97,38% → 0.9738); null when blank or unreadable. */
  value: number | null;
  /** The other reading of a number ≤ 1 without a telling format (0.95 → 95% or 0,95%). */
  alternative?: number;
  raw: CellValue;
  blank: boolean;
  invalid: boolean;
  /** Decimals shown (format, text or the number itself), at most 2 for comparisons. */
  decimals: number;
  /** A sample ratio string ("123/456") or other text. */
  text?: string;
}

function decimalsOfFormat(fmt: string): number | undefined {
  if (/general/i.test(fmt)) return undefined;
  const section = fmt.split(';')[0];
  const m = section.match(/\.([0#?]+)/);
  return m ? m[1].length : 0;
}

function decimalsOfNumber(n: number): number {
  const s = String(n);
  if (/e/i.test(s)) return 10;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/**
 * A format that scales by 100 ("0.00%") as opposed to one that prints a literal percent sign after a
 * 0–100 number ("0.00\%", "0.00"%"", "0.00 %" inside quotes).
 */
function scalesByHundred(fmt: string): boolean {
  const section = fmt.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return section.includes('%');
}

/** A printed percentage; the forms print 0–100 with a literal "%" (or a formula), Excel users 0–1 with "%". */
export function readPercent(sheet: SheetSnapshot, address: string): PercentCell {
  const raw = cellAt(sheet, address);
  if (isBlankCell(raw)) return { value: null, raw, blank: true, invalid: false, decimals: 2 };
  if (typeof raw === 'string') {
    const p = parseVnNumber(raw, false);
    if (!p) return { value: null, raw, blank: false, invalid: true, decimals: 2, text: raw.trim() };
    const m = raw.replace(/%/g, '').trim().match(/[.,](\d+)$/);
    const decimals = Math.min(m ? m[1].length : 0, 2);
    return { value: p.percent ? p.value : p.value / 100, raw, blank: false, invalid: false, decimals };
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return { value: null, raw, blank: false, invalid: true, decimals: 2 };
  const fmt = formatAt(sheet, address);
  const fmtDecimals = fmt ? decimalsOfFormat(fmt) : undefined;
  const decimals = Math.min(fmtDecimals ?? decimalsOfNumber(raw), 2);
  if (fmt && !/general/i.test(fmt)) {
    // A rate is never above 100 %: 96,5 under "0.00%" is a literal-percent format whose escape was lost.
    // At most 1 under "0.00%" is an Excel percentage, unless the format lost its escape: then the
    // counts decide (0,84 on the 0–100 scale is 0,84%, not 84%).
    if (scalesByHundred(fmt) && raw <= 1) return { value: raw, alternative: raw / 100, raw, blank: false, invalid: false, decimals: Math.min(Math.max(0, (fmtDecimals ?? 2)), 2) };
    return { value: raw / 100, raw, blank: false, invalid: false, decimals };
  }
  // No telling format: above 1 it can only be 0–100; at most 1 it may be either (decided against the counts).
  if (raw > 1) return { value: raw / 100, raw, blank: false, invalid: false, decimals };
  return { value: raw / 100, alternative: raw, raw, blank: false, invalid: false, decimals: Math.min(decimalsOfNumber(raw * 100), 2) };
}

export type PrintedLevel =
  | { kind: 'level'; level: number }
  | { kind: 'no_data' }
  /** "Chưa đạt ĐK", "Chưa đủ ĐK": a tool's staff/facility gate, not an official level. */
  | { kind: 'gate'; text: string }
  | { kind: 'blank' }
  | { kind: 'unreadable'; text: string };

/** A printed level: 1/2/3, "Mức độ 2", "Không đạt", "Đạt" (one-level programmes), "Chưa đủ dữ liệu". */
export function readLevel(sheet: SheetSnapshot, address: string): PrintedLevel & { raw: CellValue } {
  const raw = cellAt(sheet, address);
  if (isBlankCell(raw)) return { kind: 'blank', raw };
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 && raw <= 3 ? { kind: 'level', level: raw, raw } : { kind: 'unreadable', text: String(raw), raw };
  const text = textOf(raw);
  const folded = foldText(text);
  if (/chua dat dk|chua du dk|chua dat dieu kien|chua du dieu kien/.test(folded)) return { kind: 'gate', text, raw };
  const p = parseLevel(text);
  if (p === 'no_data') return { kind: 'no_data', raw };
  if (p === null) return { kind: 'unreadable', text, raw };
  return { kind: 'level', level: p, raw };
}

/** "Thời điểm: ngày 30 tháng 9 năm 2025" → 2025; "tháng 09 năm 2026" → 2026. */
export function yearOfText(text: string): number | null {
  const f = foldText(text);
  const m = f.match(/nam (\d{4})\b/) ?? f.match(/\b(20\d{2}|19\d{2})\b/);
  return m ? Number(m[1]) : null;
}
