/**
 * Every GD.* function (src/functions, through the registry the CLI uses) on arbitrary input: scalars,
 * ranges of any shape, text, booleans, blanks, NaN/Infinity, Excel errors. The only exceptions allowed
 * are CustomFunctions errors (what Excel shows as #VALUE!, #NUM! …); a result never holds NaN,
 * Infinity, undefined or a stray object. Rates stay within [0, 1] whenever numerator ≤ denominator.
 */
import fc from 'fast-check';
import { GD_FUNCTIONS } from '../../src/functions/registry';
import { percent, phocapRate, ratio } from '../../src/core/indicators';

const CF = (globalThis as any).CustomFunctions;
const isExcelError = (e: unknown) => e instanceof CF.Error && /^#/.test((e as any).code);

/** Cell values Excel can pass (its numbers are finite: no NaN or Infinity ever reaches a function). */
const scalar = fc.oneof(
  fc.integer({ min: -5, max: 2000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 1e308, 1e-300, -1e-300, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom('', '  ', '26.254', '97,38%', '1.909', 'mười', 'MN5', 'TH', 'THCS', 'XMC', 'MN35', 'Mức độ 2', 'Không đạt', 'có', '2023-2024', '2023 - 2024', 'count', 'rate', '=1+1', '#REF!'),
  fc.string({ maxLength: 12 }),
  fc.constant(new CF.Error('#REF!')),
);

/** What Excel passes: mostly 2-D arrays (1×1 for a single cell), sometimes ragged or empty by mistake. */
const arg = fc.oneof(
  { weight: 3, arbitrary: scalar.map((v) => [[v]]) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 4 }).chain((rows) => fc.integer({ min: 1, max: 4 }).chain((cols) => fc.array(fc.array(scalar, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }))) },
  { weight: 1, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constantFrom([], [[]], [[1, 2], [3]]) },
);

function checkResult(v: unknown, path: string): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => checkResult(x, `${path}[${i}]`));
    return;
  }
  if (v instanceof Error) {
    if (!isExcelError(v)) throw new Error(`${path}: a plain Error in the result: ${v.message}`);
    return;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`${path}: ${v}`);
  if (v === undefined || (typeof v === 'object' && v !== null)) throw new Error(`${path}: ${String(v)} (${typeof v})`);
  if (typeof v === 'string' && /NaN|undefined|Infinity|\[object/.test(v)) throw new Error(`${path}: "${v}"`);
}

describe('every GD.* function on arbitrary input', () => {
  test.each(Object.keys(GD_FUNCTIONS))('%s never throws anything but an Excel error, never returns NaN/undefined', (id) => {
    const fn = GD_FUNCTIONS[id];
    fc.assert(
      fc.property(fc.array(arg, { minLength: 0, maxLength: 6 }), (args) => {
        let out: unknown;
        try {
          out = fn(...args);
        } catch (e) {
          if (!isExcelError(e)) throw new Error(`${id} threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`);
          return;
        }
        checkResult(out, id);
      }),
      { numRuns: 250 },
    );
  });
});

const count = fc.integer({ min: 0, max: 1_000_000 });

describe('rates within [0, 1] when the numerator is at most the denominator', () => {
  test('GD.PHOCAP_RATE element-wise', () => {
    fc.assert(
      fc.property(count, count, count, count, count, (a, cohort, e, m, d) => {
        fc.pre(cohort - e - m - d > 0 && a <= cohort - e - m - d);
        const [[r]] = GD_FUNCTIONS.PHOCAP_RATE([[a]], [[cohort]], [[e]], [[m]], [[d]]);
        expect(typeof r).toBe('number');
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
        expect(r).toBe(a / (cohort - e - m - d));
      }),
      { numRuns: 400 },
    );
  });

  test('GD.PERCENT, and the core phocapRate / percent / ratio', () => {
    fc.assert(
      fc.property(count, count, (x, y) => {
        const [part, whole] = x <= y ? [x, y] : [y, x];
        fc.pre(whole > 0);
        const [[p]] = GD_FUNCTIONS.PERCENT([[part]], [[whole]]);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        for (const r of [percent(part, whole), phocapRate(part, whole), ratio(part, whole)]) {
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.value >= 0 && r.value <= 1).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('a numerator above the denominator is an error (#NUM!), never a rate above 100%', () => {
    fc.assert(
      fc.property(count, count, (x, y) => {
        fc.pre(x !== y && Math.min(x, y) > 0);
        const [big, small] = x > y ? [x, y] : [y, x];
        const [[r]] = GD_FUNCTIONS.PHOCAP_RATE([[big]], [[small]]);
        expect(isExcelError(r)).toBe(true);
        expect((r as any).code).toBe('#NUM!');
      }),
      { numRuns: 200 },
    );
  });

  test('the core rate functions never throw on arbitrary numbers and blanks', () => {
    const n = fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.constantFrom(NaN, Infinity, -0));
    fc.assert(
      fc.property(n, n, n, n, n, (a, b, c, d, e) => {
        for (const r of [phocapRate(a, b, c, d, e), percent(a, b), ratio(a, b)]) {
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
          else expect(r.code).toMatch(/^#/);
        }
      }),
      { numRuns: 800 },
    );
  });
});
