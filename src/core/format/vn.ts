/**
 * Vietnamese number conventions, used by the functions, the report, the checks and the UI:
 * '.' groups thousands, ',' marks decimals, '%' follows without a space, rounding is half up.
 */

export interface VnFormatOptions {
  /** Decimals to show (default 0 for counts). */
  decimals?: number;
  /** Pad integers below 10 with a zero ("02"), as the reports do for small counts. */
  leadingZero?: boolean;
  /** Keep trailing zeros of the decimals (default true: "97,30%"). */
  keepTrailingZeros?: boolean;
}

/**
 * Half-up rounding to `decimals`, done on the decimal string so that 1.005 → 1.01 and
 * 0.285 → 0.29 (binary floats would give 1.00 and 0.28). Returns the digits as a string.
 */
export function roundHalfUpString(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value}`);
  const negative = value < 0;
  // 15 significant digits removes binary noise such as 0.1+0.2 = 0.30000000000000004.
  const clean = Math.abs(value).toPrecision(15);
  let [intPart, fracPart = ''] = expandExponent(clean).split('.');
  fracPart = fracPart.padEnd(decimals + 1, '0');
  const keep = fracPart.slice(0, decimals);
  const next = fracPart.charCodeAt(decimals) - 48;
  let digits = intPart + keep;
  if (next >= 5) digits = incrementDigits(digits);
  const cut = digits.length - decimals;
  let whole = digits.slice(0, cut) || '0';
  whole = whole.replace(/^0+(?=\d)/, '');
  const frac = digits.slice(cut);
  const isZero = /^0*$/.test(whole + frac);
  return (negative && !isZero ? '-' : '') + whole + (decimals > 0 ? '.' + frac : '');
}

/** Half-up rounding as a number. */
export function roundHalfUp(value: number, decimals: number): number {
  return Number(roundHalfUpString(value, decimals));
}

/** Truncation (what several printed figures in seed 000 did instead of rounding). */
export function truncateTo(value: number, decimals: number): number {
  const clean = Number(Math.abs(value).toPrecision(15));
  const f = 10 ** decimals;
  return (Math.sign(value) || 1) * Math.floor(clean * f + 1e-9) / f;
}

function expandExponent(s: string): string {
  if (!/e/i.test(s)) return s;
  const n = Number(s);
  // Large or tiny numbers: fall back to a fixed representation with enough digits.
  return Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20);
}

function incrementDigits(d: string): string {
  const arr = d.split('');
  let i = arr.length - 1;
  while (i >= 0) {
    if (arr[i] === '9') {
      arr[i] = '0';
      i--;
    } else {
      arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
      return arr.join('');
    }
  }
  return '1' + arr.join('');
}

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "26254" → "26.254"; (1.5, 1) → "1,5"; (2, 0, leadingZero) → "02". */
export function formatNumber(value: number, opts: VnFormatOptions = {}): string {
  const decimals = opts.decimals ?? 0;
  const s = roundHalfUpString(value, decimals);
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  let [intPart, frac = ''] = body.split('.');
  if (opts.keepTrailingZeros === false) frac = frac.replace(/0+$/, '');
  if (opts.leadingZero && decimals === 0 && intPart.length === 1 && !negative) intPart = '0' + intPart;
  const grouped = groupThousands(intPart);
  return (negative ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

/*
 * Rates are never rounded up across a threshold in display (issue 14: a commune at 89,997% printed
 * "90,00%" beside "Mức độ 1"). The rule, applied by every rate formatter below and so by the report's
 * sentences and tables, the CLI, the findings' figureText and the task pane:
 *
 * - a rate is rounded half up to the shown decimals, EXCEPT when that rounding reaches or passes a
 *   threshold the exact rate is below: then it is cut (truncated) at the shown decimals instead, so
 *   the display stays on the side the level decision took (decisions compare exact counts,
 *   indicators/exact.ts): 89,997% → "89,99%" (threshold 90%), 99,996% → "99,99%" (the 100% conditions),
 *   89,997% at 0 decimals → "89%";
 * - every legal threshold in the indicator table (indicators/table.ts) and every share rule is a
 *   whole percent (a test checks this), so the guard needs no table: a rate that is not a whole
 *   percent is never shown as one. A user's override that is not whole (92,5%) is passed as `guards`;
 * - a rate at or above a threshold is rounded half up as usual: rounding half up never goes below a
 *   whole (or shown-decimals) threshold, so 90,004% stays "90,00%" and 89,995% (below) is "89,99%".
 */

/** Percent value → its decimal digits string, rounded half up or, when that would cross a guard, cut. */
function percentDigits(percent: number, decimals: number, exactWhole: boolean | null, guards: readonly number[] = []): string {
  const rounded = roundHalfUpString(percent, decimals);
  const r = Number(rounded);
  if (r <= percent) return rounded;
  // Whole when the value reads whole at 9 decimals (0.9 × 100 = 90.00000000000001 is whole).
  const whole = exactWhole ?? /^(\.0*)?$/.test(roundHalfUpString(percent, 9).replace(/^-?\d+/, ''));
  const crossesWhole = !whole && Number.isInteger(r);
  const crossesGuard = guards.some((g) => Number.isFinite(g) && percent < g && r >= g);
  if (!crossesWhole && !crossesGuard) return rounded;
  return roundHalfUpString(truncateTo(percent, decimals), decimals);
}

/** True when showing `percent` at `decimals` cuts it instead of rounding (see the rule above). */
export function percentDisplayIsCut(percent: number, decimals: number, guards: readonly number[] = []): boolean {
  return Number.isFinite(percent) && percentDigits(percent, decimals, null, guards) !== roundHalfUpString(percent, decimals);
}

function percentText(digits: string, keepTrailingZeros: boolean): string {
  const d = digits.includes('.') ? digits.split('.')[1].length : 0;
  return formatNumber(Number(digits), { decimals: d, keepTrailingZeros }) + '%';
}

/** 0.97377 → "97,38%" (fraction in, percent out); never rounded up across a threshold (rule above). */
export function formatPercent(fraction: number, decimals = 2, keepTrailingZeros = true, guards: readonly number[] = []): string {
  if (!Number.isFinite(fraction)) throw new RangeError(`Cannot format ${fraction}`);
  return percentText(percentDigits(fraction * 100, decimals, null, guards), keepTrailingZeros);
}

/** Percent computed from counts without the fraction's float noise: 9022, 9265 → "97,38%"; never rounded up across a threshold. */
export function formatPercentOf(numerator: number, denominator: number, decimals = 2, guards: readonly number[] = []): string {
  const percent = (numerator * 100) / denominator;
  if (!Number.isFinite(percent)) throw new RangeError(`Cannot format ${numerator}/${denominator}`);
  const exactWhole = Number.isInteger(numerator) && Number.isInteger(denominator) ? (numerator * 100) % denominator === 0 : null;
  return percentText(percentDigits(percent, decimals, exactWhole, guards), true);
}

/** "97,38% (9.022/9.265)" */
export function formatRatio(numerator: number, denominator: number, decimals = 2): string {
  return `${formatPercentOf(numerator, denominator, decimals)} (${formatNumber(numerator)}/${formatNumber(denominator)})`;
}

/** "9.022/9.265" */
export function formatFraction(numerator: number, denominator: number, leadingZero = false): string {
  return `${formatNumber(numerator, { leadingZero })}/${formatNumber(denominator, { leadingZero })}`;
}

/* ---------------------------------------------------------------- parsing */

// The one number parser lives with the other parsers (src/core/parse); re-exported for the formatters' users.
export { parseVnNumber } from '../parse/number';
export type { ParsedNumber } from '../parse/number';
