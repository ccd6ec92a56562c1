import { formatNumber, formatPercent, formatPercentOf, formatRatio, parseVnNumber, roundHalfUp, truncateTo } from '../../../src/core/format/vn';

describe('Vietnamese number formatting', () => {
  test('thousands with dots, decimals with comma', () => {
    expect(formatNumber(26254)).toBe('26.254');
    expect(formatNumber(453083)).toBe('453.083');
    expect(formatNumber(1234567.891, { decimals: 2 })).toBe('1.234.567,89');
    expect(formatNumber(1.5, { decimals: 1 })).toBe('1,5');
    expect(formatNumber(-1234)).toBe('-1.234');
    expect(formatNumber(0)).toBe('0');
  });
  test('leading zero for small counts', () => {
    expect(formatNumber(2, { leadingZero: true })).toBe('02');
    expect(formatNumber(12, { leadingZero: true })).toBe('12');
    expect(formatNumber(0, { leadingZero: true })).toBe('00');
  });
  test('half-up rounding, not banker and not truncation', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(0.285, 2)).toBe(0.29);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(99.995, 2)).toBe(100);
    // seed 000: 14710/24299 = 60,5374…% → 60,54 (the report truncated to 60,53)
    expect(formatPercentOf(14710, 24299)).toBe('60,54%');
    expect(truncateTo((14710 * 100) / 24299, 2)).toBe(60.53);
  });
  test('percent and ratio text', () => {
    // 9022 / (9300 − 35) by hand: 0.973772…
    expect(formatPercent(9022 / 9265)).toBe('97,38%');
    expect(formatRatio(2954, 6901, 1)).toBe('42,8% (2.954/6.901)');
    expect(formatPercent(0.973, 2)).toBe('97,30%');
    expect(formatPercent(1, 0)).toBe('100%');
  });
});

describe('parseVnNumber', () => {
  test('Vietnamese separators', () => {
    expect(parseVnNumber('26.254')).toEqual({ value: 26254, percent: false, ambiguous: true });
    expect(parseVnNumber('1.234.567')?.value).toBe(1234567);
    expect(parseVnNumber('1,5')?.value).toBe(1.5);
    expect(parseVnNumber('1.234,5')?.value).toBe(1234.5);
    expect(parseVnNumber('97,38%')).toEqual({ value: 0.9738, percent: true, ambiguous: false });
    expect(parseVnNumber('97.35%')?.value).toBe(0.9735);
    expect(parseVnNumber(' 2 954 ')?.value).toBe(2954);
    expect(parseVnNumber('-12')?.value).toBe(-12);
    expect(parseVnNumber('8684')).toEqual({ value: 8684, percent: false, ambiguous: false });
  });
  test('not numbers', () => {
    for (const s of ['', 'abc', '12a', '1..2', '1.2.3', '#REF!', '1,2,3,4', '--1']) expect(parseVnNumber(s)).toBeNull();
  });
});
