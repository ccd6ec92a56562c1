/**
 * Argument coercion and error mapping for the GD.* custom functions. Excel hands us scalars or
 * 2-D arrays; blank cells arrive as null (web), 0 (desktop) or "". Errors become Excel errors.
 */
import { parseLevel, parseVnNumber, parseYesNo } from '../core/parse';
import type { CalcError, ExcelErrorCode, Level, NumInput, Programme } from '../core/indicators';
import { calcError, isCalcError, MAX_LEVEL, PROGRAMMES } from '../core/indicators';
import { msg } from '../core/i18n';
import { DEFAULT_SETTINGS, publishedSettings, Settings, withDefaults } from '../core/settings';

/** Outside Excel (command line, tests without the shim) there is no CustomFunctions global. */
export class FunctionError extends Error {
  code: ExcelErrorCode;
  constructor(code: ExcelErrorCode, message?: string) {
    super(message ?? code);
    this.code = code;
  }
}

/** An Excel error value; Excel shows a message only for #VALUE! and #N/A, so the reason is kept aside. */
export function excelError(code: ExcelErrorCode, reason?: string): Error & { code: string; reason?: string } {
  const cf = (globalThis as unknown as { CustomFunctions?: { Error: new (code: string, message?: string) => Error & { code: string } } }).CustomFunctions;
  const withMessage = code === '#VALUE!' || code === '#N/A';
  const err: Error & { code: string; reason?: string } = cf
    ? new cf.Error(code, withMessage ? reason : undefined)
    : new FunctionError(code, withMessage ? reason : undefined);
  if (reason) err.reason = reason;
  return err;
}

export function fromCalc(e: CalcError): Error {
  return excelError(e.code, e.message.vi);
}

export function isExcelError(x: unknown): x is Error & { code: string } {
  return x instanceof Error && typeof (x as { code?: unknown }).code === 'string' && /^#/.test((x as unknown as { code: string }).code);
}

/* ---------------------------------------------------------- settings */

let functionSettings: Settings = DEFAULT_SETTINGS;
let lastPublished: { raw: Partial<Settings> | null; settings: Settings } | null = null;

/** Settings for hosts that publish none (the command line, tests). */
export function setFunctionSettings(settings: Partial<Settings>): void {
  functionSettings = withDefaults(settings);
}

/**
 * The settings a function computes with: in Excel, those the task pane keeps in the workbook and
 * publishes on the shared runtime's global object (core/settings publishSettings); elsewhere the
 * ones set with setFunctionSettings.
 */
export function getFunctionSettings(): Settings {
  const raw = publishedSettings();
  if (raw === undefined) return functionSettings;
  if (lastPublished && lastPublished.raw === raw) return lastPublished.settings;
  lastPublished = { raw, settings: withDefaults(raw ?? {}) };
  return lastPublished.settings;
}

/* ------------------------------------------------------------ shapes */

export function isMatrix(a: unknown): a is unknown[][] {
  return Array.isArray(a) && a.every((r) => Array.isArray(r));
}

function dims(a: unknown): [number, number] {
  if (!isMatrix(a)) return [1, 1];
  return [a.length, a.length ? a[0].length : 0];
}

/**
 * Apply `fn` element-wise. Scalars and single cells are used for every element; every larger range
 * must have the same shape (else #VALUE!). Per-element errors stay in their cell.
 */
export function lift(args: unknown[], fn: (...cells: unknown[]) => unknown): unknown[][] {
  let shape: [number, number] | null = null;
  for (const a of args) {
    if (!isMatrix(a)) continue;
    const d = dims(a);
    if (d[0] === 1 && d[1] === 1) continue;
    if (d[0] === 0 || d[1] === 0 || a.some((row) => row.length !== d[1])) {
      throw excelError('#VALUE!', msg('indicators.error.shape', { a: `${d[0]}×${d[1]}`, b: '?' }).vi);
    }
    if (!shape) shape = d;
    else if (shape[0] !== d[0] || shape[1] !== d[1]) {
      throw excelError('#VALUE!', msg('indicators.error.shape', { a: `${shape[0]}×${shape[1]}`, b: `${d[0]}×${d[1]}` }).vi);
    }
  }
  const [rows, cols] = shape ?? [1, 1];
  // Classify each argument once: cellAt re-checks the whole matrix shape, O(rows) per element.
  const n = args.length;
  const fixed: unknown[] = new Array(n);
  const ranges: (unknown[][] | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const a = args[i];
    const d = isMatrix(a) ? dims(a) : null;
    ranges[i] = d && !(d[0] === 1 && d[1] === 1) ? (a as unknown[][]) : null;
    fixed[i] = d ? (ranges[i] ? undefined : (a as unknown[][])[0][0]) : a;
  }
  const out: unknown[][] = new Array(rows);
  const cells: unknown[] = new Array(n);
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      for (let i = 0; i < n; i++) {
        const m = ranges[i];
        cells[i] = m ? m[r][c] : fixed[i];
      }
      row[c] = safeCall(fn, cells);
    }
    out[r] = row;
  }
  return out;
}

/** Turn thrown errors and CalcErrors into Excel error values. */
export function safe(f: () => unknown): unknown {
  try {
    const v = f();
    return isCalcError(v) ? fromCalc(v) : v;
  } catch (e) {
    if (isExcelError(e)) return e;
    return excelError('#VALUE!', e instanceof Error ? e.message : String(e));
  }
}

/** safe() without a closure per element (lift's inner loop). */
function safeCall(fn: (...cells: unknown[]) => unknown, cells: unknown[]): unknown {
  try {
    const v = fn(...cells);
    return isCalcError(v) ? fromCalc(v) : v;
  } catch (e) {
    if (isExcelError(e)) return e;
    return excelError('#VALUE!', e instanceof Error ? e.message : String(e));
  }
}

/** All cells of a range (or one scalar), rows first. */
export function flatten(a: unknown): unknown[] {
  return isMatrix(a) ? a.flat() : [a];
}

/* ---------------------------------------------------------- coercion */

export function isBlank(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === 'string' && x.trim() === '');
}

/** A number from a cell: numbers, Vietnamese numeric text ("26.254", "97,38%"); blank → null. */
export function toNum(x: unknown, name: string): number | null | CalcError {
  if (isBlank(x)) return null;
  if (typeof x === 'number') return Number.isFinite(x) ? x : calcError('non_numeric', { name });
  if (typeof x === 'string') {
    const p = parseVnNumber(x);
    return p ? p.value : calcError('non_numeric', { name });
  }
  if (isExcelError(x)) throw x;
  return calcError('non_numeric', { name });
}

/**
 * Required numbers of one element: all blank → "blank element" (the function returns ""), some
 * blank → #VALUE! (missing value, never a silent zero), any text that is not a number → #VALUE!.
 */
export function numbers(cells: unknown[], names: string[], requiredCount = cells.length): { values: NumInput[] } | { blank: true } | CalcError {
  // One pass, no intermediate arrays: this runs once per element of a spilled range.
  const values: NumInput[] = new Array(cells.length);
  const required = Math.min(requiredCount, cells.length);
  let blanks = 0;
  let missing = -1;
  for (let i = 0; i < cells.length; i++) {
    const v = toNum(cells[i], names[i]);
    if (isCalcError(v)) return v;
    values[i] = v;
    if (i < required && v === null) {
      blanks++;
      if (missing < 0) missing = i;
    }
  }
  if (required > 0 && blanks === required) return { blank: true };
  if (missing >= 0) return calcError('blank', { name: names[missing] });
  return { values };
}

export function toText(x: unknown): string | null {
  if (isBlank(x)) return null;
  if (typeof x === 'string') return x.normalize('NFC').trim();
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  return null;
}

/** TRUE/FALSE, 1/0, "TRUE", "có", "x" … ; blank → null. */
export function toBool(x: unknown, name: string): boolean | null | CalcError {
  if (isBlank(x)) return null;
  const yes = parseYesNo(x);
  return yes === null ? calcError('non_numeric', { name }) : yes;
}

/** Integer option (decimals…): blank → fallback. */
export function toInt(x: unknown, name: string, fallback: number, min: number, max: number): number {
  if (isBlank(x)) return fallback;
  const v = toNum(x, name);
  if (isCalcError(v)) throw fromCalc(v);
  if (v === null) return fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw excelError('#NUM!', msg('indicators.error.out_of_range', { name, value: String(v) }).vi);
  return v;
}

export function toProgramme(x: unknown): Programme {
  const s = (toText(x) ?? '').toUpperCase().replace(/[\s_–-]/g, '');
  const aliases: Record<string, Programme> = { MN: 'MN5', MN5T: 'MN5', MN5TUOI: 'MN5', MN35T: 'MN35', TIEUHOC: 'TH' };
  const p = (PROGRAMMES as string[]).includes(s) ? (s as Programme) : aliases[s];
  if (!p) throw excelError('#N/A', msg('indicators.error.unknown_name', { name: 'chương trình (MN5, MN35, TH, THCS, XMC)', value: String(x ?? '') }).vi);
  return p;
}

/**
 * A level cell: 0..max, or a level written as text ("Mức độ 2", "MĐ2", "Đạt", "Không đạt"; see
 * core/parse/level), "Chưa đủ dữ liệu" or blank (null = no data).
 */
export function toLevel(x: unknown, programme: Programme, name: string): Level | CalcError {
  if (isBlank(x)) return null;
  const v = parseLevel(x);
  if (v === 'no_data') return null;
  if (v === null) return calcError('non_numeric', { name });
  if (!Number.isInteger(v) || v < 0 || v > MAX_LEVEL[programme]) return calcError('out_of_range', { name, value: String(v) });
  return v;
}
