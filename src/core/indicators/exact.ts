/**
 * Exact comparisons for thresholds: `numerator × 100 ≥ threshold × denominator` on rationals built
 * from the numbers' shortest decimal text, so 0.9 meets 90 % and 0.8999999999 does not, whatever
 * binary floating point would say.
 */

export interface Rational {
  n: bigint;
  d: bigint;
}

/** The decimal a JS number prints as, as an exact fraction ("0.9" → 9/10, "1e-7" → 1/10^7). */
export function toRational(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`Not a finite number: ${x}`);
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(s);
  if (!m) throw new RangeError(`Cannot read ${s}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  let n = BigInt(int + frac);
  let scale = frac.length - Number(exp);
  let d = 1n;
  if (scale >= 0) d = 10n ** BigInt(scale);
  else n *= 10n ** BigInt(-scale);
  if (sign) n = -n;
  return { n, d };
}

/** a/b ≥ c/d for positive denominators. */
function geq(a: Rational, b: Rational): boolean {
  return a.n * b.d >= b.n * a.d;
}

/**
 * numerator / denominator ≥ percent / 100, compared exactly. The denominator must be > 0.
 */
export function meetsPercent(numerator: number, denominator: number, percent: number): boolean {
  const num = toRational(numerator);
  const den = toRational(denominator);
  const thr = toRational(percent);
  // num/den ≥ thr/100  ⇔  num·100·den.d·thr.d ≥ thr·den·num.d … written as rationals:
  const left: Rational = { n: num.n * 100n * den.d, d: num.d * den.n };
  const right: Rational = { n: thr.n, d: thr.d };
  if (left.d < 0n) {
    left.n = -left.n;
    left.d = -left.d;
  }
  return geq(left, right);
}

/** A fraction (0.9738) ≥ percent / 100, compared exactly on its decimal text. */
export function fractionMeetsPercent(fraction: number, percent: number): boolean {
  return meetsPercent(fraction, 1, percent);
}

/** count × 100 ≥ percent × total (shares of communes). */
export function shareMeets(count: number, total: number, percent: number): boolean {
  if (total <= 0) return true;
  return meetsPercent(count, total, percent);
}
