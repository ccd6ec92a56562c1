/**
 * Rates and ratios with typed error results (never exceptions, never NaN): the custom functions map
 * them to Excel errors, the report and the checks turn them into findings.
 */
import type { Bilingual } from '../findings';
import { msg } from '../i18n';

export type ExcelErrorCode = '#VALUE!' | '#NUM!' | '#DIV/0!' | '#N/A';

export type CalcErrorReason =
  | 'blank'
  | 'non_numeric'
  | 'negative'
  | 'numerator_gt_denominator'
  | 'zero_denominator'
  | 'unknown_name'
  | 'out_of_range';

export interface CalcError {
  ok: false;
  code: ExcelErrorCode;
  reason: CalcErrorReason;
  message: Bilingual;
}

export interface RateValue {
  ok: true;
  /** The fraction (or ratio) itself: numerator / denominator. */
  value: number;
  numerator: number;
  denominator: number;
}

export type RateResult = RateValue | CalcError;

/** A count or amount as it comes from a cell: a number, or blank (null/undefined). */
export type NumInput = number | null | undefined;

export function isCalcError(x: unknown): x is CalcError {
  return typeof x === 'object' && x !== null && (x as CalcError).ok === false && typeof (x as CalcError).code === 'string';
}

const CODES: Record<CalcErrorReason, ExcelErrorCode> = {
  blank: '#VALUE!',
  non_numeric: '#VALUE!',
  negative: '#NUM!',
  numerator_gt_denominator: '#NUM!',
  zero_denominator: '#DIV/0!',
  unknown_name: '#N/A',
  out_of_range: '#NUM!',
};

export function calcError(reason: CalcErrorReason, params: Record<string, string | number> = {}): CalcError {
  return { ok: false, code: CODES[reason], reason, message: msg(`indicators.error.${reason}`, params) };
}

/** Read a required input: blank → 'blank', NaN/Infinity/not a number → 'non_numeric'. */
function need(x: NumInput, name: string): number | CalcError {
  if (x === null || x === undefined) return calcError('blank', { name });
  if (typeof x !== 'number' || !Number.isFinite(x)) return calcError('non_numeric', { name });
  return x;
}

/** Optional input: blank → 0. */
function opt(x: NumInput, name: string): number | CalcError {
  if (x === null || x === undefined) return 0;
  return need(x, name);
}

function nonNegative(x: number, name: string): number | CalcError {
  return x < 0 ? calcError('negative', { name, value: String(x) }) : x;
}

/** Exact-ish difference of decimals: 0.3 − 0.1 = 0.2, not 0.19999999999999998. */
export function exactSubtract(a: number, b: number): number {
  // Counts are integers: their difference is already exact, and toPrecision is the hot path of
  // GD.PHOCAP_RATE over large ranges.
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a - b;
  return Number((a - b).toPrecision(15));
}

/**
 * Phổ cập rate: achieved / (cohort − exempt − moved_out − deceased) (REGULATIONS §2.3).
 * Errors: negative count #NUM!, achieved > denominator #NUM!, denominator ≤ 0 #DIV/0!.
 */
export function phocapRate(
  achieved: NumInput,
  cohort: NumInput,
  exempt?: NumInput,
  movedOut?: NumInput,
  deceased?: NumInput,
): RateResult {
  const vals: (number | CalcError)[] = [
    need(achieved, 'achieved'),
    need(cohort, 'cohort'),
    opt(exempt, 'exempt'),
    opt(movedOut, 'moved_out'),
    opt(deceased, 'deceased'),
  ];
  for (const v of vals) if (isCalcError(v)) return v;
  const names = ['achieved', 'cohort', 'exempt', 'moved_out', 'deceased'];
  for (let i = 0; i < vals.length; i++) {
    const v = nonNegative(vals[i] as number, names[i]);
    if (isCalcError(v)) return v;
  }
  const [a, c, e, m, d] = vals as number[];
  const den = exactSubtract(exactSubtract(exactSubtract(c, e), m), d);
  if (den <= 0) return calcError('zero_denominator', { name: 'cohort' });
  if (a > den) return calcError('numerator_gt_denominator', { numerator: String(a), denominator: String(den) });
  return { ok: true, value: a / den, numerator: a, denominator: den };
}

/** Generic tỷ lệ: part / whole, part ≤ whole, both ≥ 0. */
export function percent(part: NumInput, whole: NumInput): RateResult {
  const p = need(part, 'part');
  if (isCalcError(p)) return p;
  const w = need(whole, 'whole');
  if (isCalcError(w)) return w;
  const pn = nonNegative(p, 'part');
  if (isCalcError(pn)) return pn;
  const wn = nonNegative(w, 'whole');
  if (isCalcError(wn)) return wn;
  if (w === 0) return calcError('zero_denominator', { name: 'whole' });
  if (p > w) return calcError('numerator_gt_denominator', { numerator: String(p), denominator: String(w) });
  return { ok: true, value: p / w, numerator: p, denominator: w };
}

/** A ratio of two non-negative amounts (not bounded by 1): pupils per class, teachers per class… */
export function ratio(numerator: NumInput, denominator: NumInput, names: [string, string] = ['numerator', 'denominator']): RateResult {
  const n = need(numerator, names[0]);
  if (isCalcError(n)) return n;
  const d = need(denominator, names[1]);
  if (isCalcError(d)) return d;
  const nn = nonNegative(n, names[0]);
  if (isCalcError(nn)) return nn;
  const dn = nonNegative(d, names[1]);
  if (isCalcError(dn)) return dn;
  if (d === 0) return calcError('zero_denominator', { name: names[1] });
  // A tiny denominator (1e-300) overflows to Infinity: an error, never a printed "∞".
  if (!Number.isFinite(n / d)) return calcError('out_of_range', { name: names[0], value: String(n) });
  return { ok: true, value: n / d, numerator: n, denominator: d };
}

/** Sĩ số bình quân: pupils / classes. */
export function perClass(pupils: NumInput, classes: NumInput): RateResult {
  return ratio(pupils, classes, ['pupils', 'classes']);
}

export function teachersPerClass(teachers: NumInput, classes: NumInput): RateResult {
  return ratio(teachers, classes, ['teachers', 'classes']);
}

export function pupilsPerTeacher(pupils: NumInput, teachers: NumInput): RateResult {
  return ratio(pupils, teachers, ['pupils', 'teachers']);
}

export type NumberResult = { ok: true; value: number } | CalcError;

/** current − previous (decimal-exact to 15 digits). */
export function change(current: NumInput, previous: NumInput): NumberResult {
  const c = need(current, 'current');
  if (isCalcError(c)) return c;
  const p = need(previous, 'previous');
  if (isCalcError(p)) return p;
  const value = exactSubtract(c, p);
  // 1,7e308 − (−1,7e308) overflows: an error, never a printed "∞".
  if (!Number.isFinite(value)) return calcError('out_of_range', { name: 'current', value: String(c) });
  return { ok: true, value };
}

/** (current − previous) / previous; previous 0 → #DIV/0!. */
export function changePct(current: NumInput, previous: NumInput): NumberResult {
  const d = change(current, previous);
  if (!d.ok) return d;
  const p = previous as number;
  if (p === 0) return calcError('zero_denominator', { name: 'previous' });
  if (!Number.isFinite(d.value / p)) return calcError('out_of_range', { name: 'current', value: String(current) });
  return { ok: true, value: d.value / p };
}
