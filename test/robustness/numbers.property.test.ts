/**
 * Property tests for Vietnamese number text (src/core/format/vn.ts): what the report prints, the
 * reader must read back; no input makes the parser throw or return a non-finite number.
 */
import fc from 'fast-check';
import { formatNumber, formatPercent, parseVnNumber, roundHalfUp } from '../../src/core/format/vn';

const RUNS = { numRuns: 400 };

describe('parseVnNumber', () => {
  test('reads back every count formatNumber prints ("26.254", "1.234.567")', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const text = formatNumber(n);
        const p = parseVnNumber(text);
        expect(p).not.toBeNull();
        expect(p!.value).toBe(n);
        expect(p!.percent).toBe(false);
      }),
      RUNS,
    );
  });

  test('reads back decimals printed with 1–4 decimals as the rounded value', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 4 }), (x, d) => {
        const text = formatNumber(x, { decimals: d });
        const p = parseVnNumber(text, false);
        expect(p).not.toBeNull();
        expect(p!.value).toBeCloseTo(roundHalfUp(x, d), d);
      }),
      RUNS,
    );
  });

  test('reads back percentages as fractions ("97,38%" → 0,9738)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (bp) => {
        const fraction = bp / 100_000;
        const p = parseVnNumber(formatPercent(fraction, 3));
        expect(p).not.toBeNull();
        expect(p!.percent).toBe(true);
        expect(p!.value).toBeCloseTo(roundHalfUp(fraction * 100, 3) / 100, 7);
      }),
      RUNS,
    );
  });

  test('never throws, and returns null or a finite number, for any text', () => {
    const numberish = fc.stringMatching(/^[\s+\-−–]{0,2}[\d., \u00a0]{0,14}%?\s?$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), numberish), (s) => {
        const p = parseVnNumber(s);
        if (p !== null) expect(Number.isFinite(p.value)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  test('text that is not a number is refused, not read as 0', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-ZàáạảãâầấậẩẫăằắặẳẵđĐ ]{1,20}$/), (s) => {
        expect(parseVnNumber(s)).toBeNull();
      }),
      RUNS,
    );
  });
});

describe('formatNumber', () => {
  test('never prints NaN, Infinity, "e" notation or a bare float for finite input', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const s = formatNumber(x, { decimals: d });
        expect(s).toMatch(/^-?\d{1,3}(\.\d{3})*(,\d+)?$/);
      }),
      RUNS,
    );
  });
});
