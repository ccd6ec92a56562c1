import { formatPercentOf, formatRatio } from '../../../src/core/format/vn';
import { change, changePct, isCalcError, percent, perClass, phocapRate, pupilsPerTeacher, ratio, teachersPerClass } from '../../../src/core/indicators';

/** Rate of a result, failing the test when it is an error. */
function rate(r: ReturnType<typeof phocapRate>): number {
  if (!r.ok) throw new Error(`unexpected ${r.code}`);
  return r.value;
}

describe('seed 000 §6 and REGULATIONS §7: every vector recomputed from its counts', () => {
  // Expected strings worked out by hand (long division to 4 decimals, then half-up rounding).
  const vectors: [string, number, number, number, string][] = [
    // label, achieved, cohort, exempt, expected
    ['TH 11 tuổi HTCTTH: 9 022 / (9 300 − 35) = 9 022 / 9 265', 9022, 9300, 35, '97,38%'],
    ['TH 14 tuổi HTCTTH: 7 701 / (7 732 − 28) = 7 701 / 7 704', 7701, 7732, 28, '99,96%'],
    ['TH 11–14 HTCTTH: 30 360 / (30 780 − 126) = 30 360 / 30 654', 30360, 30780, 126, '99,04%'],
    ['XMC M1 15–35: 200 601 / (200 991 − 336)', 200601, 200991, 336, '99,97%'],
    ['XMC M2 15–35: 200 575 / (200 991 − 336)', 200575, 200991, 336, '99,96%'],
    ['XMC M1 15–60: 452 098 / (453 083 − 793)', 452098, 453083, 793, '99,96%'],
    ['XMC M2 15–60: 451 894 / (453 083 − 793)', 451894, 453083, 793, '99,91%'],
    ['THCS 15–18 TN THCS: 27 096 / 27 475', 27096, 27475, 0, '98,62%'],
    ['PCBTH huy động lớp 10: (5 958 + 799 + 211) / 7 018', 5958 + 799 + 211, 7018, 0, '99,29%'],
    ['PCBTH TN hằng năm: (6 204 + 570) / 6 795', 6204 + 570, 6795, 0, '99,69%'],
    ['PCBTH hiệu quả 18–21: (25 031 + 1 629) / 27 660', 25031 + 1629, 27660, 0, '96,38%'],
    ['MG 3–5 ra lớp: 23 300 / 23 942', 23300, 23942, 0, '97,32%'],
    ['SDD nhẹ cân: 43 / 4 094', 43, 4094, 0, '1,05%'],
    ['MN 5 tuổi ra lớp: 8 684 / 8 684', 8684, 8684, 0, '100,00%'],
  ];
  test.each(vectors)('%s → %s', (_label, achieved, cohort, exempt, expected) => {
    const r = phocapRate(achieved, cohort, exempt);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.denominator).toBe(cohort - exempt);
    expect(r.value).toBe(achieved / (cohort - exempt));
    expect(formatPercentOf(r.numerator, r.denominator)).toBe(expected);
  });

  test('the printed 99,99 % for 14-year-olds is wrong: 7 701 / (7 732 − 28) is 99,96 %', () => {
    const r = phocapRate(7701, 7732, 28);
    expect(formatPercentOf(7701, 7704)).toBe('99,96%');
    expect(formatPercentOf(7701, 7704)).not.toBe('99,99%');
    // 99,99 % would need 7 701 / 7 702 or fewer people (30 deducted, not 28).
    expect(rate(r)).toBeLessThan(0.9999 - 0.0002);
  });

  test('the printed 97,35 % for ages 3–5 is wrong: 23 300 / 23 942 is 97,32 %', () => {
    expect(formatPercentOf(23300, 23942)).toBe('97,32%');
    expect(formatPercentOf(23300, 23942)).not.toBe('97,35%');
    expect(rate(phocapRate(23300, 23942))).toBeLessThan(0.9733);
  });

  test('nhà trẻ 2 954 / 6 901: 42,8 % with one decimal, 42,81 % with two (not 42,80 %)', () => {
    expect(formatRatio(2954, 6901, 1)).toBe('42,8% (2.954/6.901)');
    expect(formatRatio(2954, 6901, 2)).toBe('42,81% (2.954/6.901)');
  });

  test('moved out and deceased are deducted too (PPC = tổng − KT − chuyển đi − chết)', () => {
    const r = phocapRate(90, 110, 5, 3, 2);
    expect(r.ok && r.denominator).toBe(100);
    expect(r.ok && r.value).toBe(0.9);
  });
});

describe('typed errors, never exceptions or NaN', () => {
  test('negative counts → #NUM!', () => {
    for (const r of [phocapRate(-1, 10), phocapRate(1, -10), phocapRate(1, 10, -1), phocapRate(1, 10, 0, -1), phocapRate(1, 10, 0, 0, -1)]) {
      expect(isCalcError(r) && r.code).toBe('#NUM!');
      expect(isCalcError(r) && r.reason).toBe('negative');
    }
  });
  test('numerator larger than the denominator → #NUM!', () => {
    const r = phocapRate(9300, 9300, 35);
    expect(isCalcError(r) && r.code).toBe('#NUM!');
    expect(isCalcError(r) && r.reason).toBe('numerator_gt_denominator');
    expect(isCalcError(r) && r.message.vi).toContain('9300');
  });
  test('cohort − deductions ≤ 0 → #DIV/0!', () => {
    expect((phocapRate(0, 35, 35) as any).code).toBe('#DIV/0!');
    expect((phocapRate(0, 10, 20) as any).code).toBe('#DIV/0!');
    expect((phocapRate(0, 0) as any).code).toBe('#DIV/0!');
  });
  test('blank required input → #VALUE! "blank", blank optional → 0', () => {
    expect((phocapRate(null, 10) as any).reason).toBe('blank');
    expect((phocapRate(5, undefined) as any).code).toBe('#VALUE!');
    expect(phocapRate(5, 10, null, undefined, null)).toEqual({ ok: true, value: 0.5, numerator: 5, denominator: 10 });
  });
  test('NaN / Infinity → #VALUE! non_numeric', () => {
    expect((phocapRate(NaN, 10) as any).reason).toBe('non_numeric');
    expect((percent(1, Infinity) as any).code).toBe('#VALUE!');
  });
  test('messages exist in both languages', () => {
    const r = phocapRate(1, 0) as any;
    expect(r.message.vi).toMatch(/Mẫu số/);
    expect(r.message.en).toMatch(/Denominator/);
  });
});

describe('other rates and ratios', () => {
  test('percent: part/whole, bounded', () => {
    expect(percent(43, 4094)).toEqual({ ok: true, value: 43 / 4094, numerator: 43, denominator: 4094 });
    expect((percent(5, 4) as any).code).toBe('#NUM!');
    expect((percent(1, 0) as any).code).toBe('#DIV/0!');
  });
  test('per class, teachers per class, pupils per teacher are unbounded ratios', () => {
    // 48 112 pupils in 1 300 classes: 37,0092…
    expect(perClass(48112, 1300)).toMatchObject({ ok: true, value: 48112 / 1300 });
    expect(teachersPerClass(57, 38)).toMatchObject({ ok: true, value: 1.5 });
    expect(pupilsPerTeacher(350, 14)).toMatchObject({ ok: true, value: 25 });
    expect((perClass(10, 0) as any).code).toBe('#DIV/0!');
    expect((ratio(-1, 2) as any).code).toBe('#NUM!');
  });
  test('change and change_pct, decimal-exact', () => {
    expect(change(0.3, 0.1)).toEqual({ ok: true, value: 0.2 });
    expect(change(12, 14)).toEqual({ ok: true, value: -2 });
    expect(changePct(12, 10)).toEqual({ ok: true, value: 0.2 });
    expect((changePct(5, 0) as any).code).toBe('#DIV/0!');
    expect((change(null, 1) as any).code).toBe('#VALUE!');
  });
});

test('a change that overflows is #NUM!, never Infinity (found by the property tests)', () => {
  const r = change(1.7976931348623151e308, -1.7976931348623151e308);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.code).toBe('#NUM!');
});
