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

/** 0.97377 → "97,38%" (fraction in, percent out). */
export function formatPercent(fraction: number, decimals = 2, keepTrailingZeros = true): string {
  return formatNumber(fraction * 100, { decimals, keepTrailingZeros }) + '%';
}

/** Percent computed from counts without the fraction's float noise: 9022, 9265 → "97,38%". */
export function formatPercentOf(numerator: number, denominator: number, decimals = 2): string {
  return formatNumber((numerator * 100) / denominator, { decimals }) + '%';
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
