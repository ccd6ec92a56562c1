import { birthYear, changeText, classSizeCheck, schoolYearStart, sentence, sumCheck, teacherNorm, trend } from '../../../src/core/indicators';

describe('changeText', () => {
  test('counts: "tăng 02 trường", "giảm 3 học sinh" padded, "bằng năm học trước"', () => {
    expect(changeText(12, 10, { unit: 'trường' })).toBe('tăng 02 trường');
    expect(changeText(7, 10, { unit: 'học sinh' })).toBe('giảm 03 học sinh');
    expect(changeText(1300, 1186, { unit: 'học sinh' })).toBe('tăng 114 học sinh');
    expect(changeText(26254, 25000)).toBe('tăng 1.254');
    expect(changeText(5, 5, { unit: 'trường' })).toBe('bằng năm học trước');
    expect(changeText(12, 10, { unit: 'trường', leadingZero: false })).toBe('tăng 2 trường');
  });
  test('rates: percentage points from fractions, 2 decimals, half up', () => {
    // 0,9613 − 0,9738 = −0,0125 → −1,25 points
    expect(changeText(0.9613, 0.9738, { kind: 'rate' })).toBe('giảm 1,25 điểm phần trăm');
    expect(changeText(0.4281, 0.4161, { kind: 'rate' })).toBe('tăng 1,20 điểm phần trăm');
    // a change that shows as 0,00 is "bằng"
    expect(changeText(0.97381, 0.97379, { kind: 'rate' })).toBe('bằng năm học trước');
  });
  test('English and errors', () => {
    expect(changeText(12, 10, { unit: 'schools', lang: 'en' })).toBe('up 02 schools');
    expect((changeText(null, 10) as any).code).toBe('#VALUE!');
  });
});

describe('sentence', () => {
  test('rate with counts and the change from the previous year', () => {
    // 2 954 / 6 901 = 0,42805… → 42,81 %; previous 41,61 % → +1,1954 points → 1,20
    expect(sentence('Tỷ lệ huy động trẻ nhà trẻ', 2954, 6901, { previousRate: 0.4161 })).toBe(
      'Tỷ lệ huy động trẻ nhà trẻ đạt 42,81% (2.954/6.901), tăng 1,20 điểm phần trăm so với năm học trước.',
    );
    expect(sentence('Tỷ lệ huy động trẻ nhà trẻ', 2954, 6901, { decimals: 1 })).toBe('Tỷ lệ huy động trẻ nhà trẻ đạt 42,8% (2.954/6.901).');
    expect(sentence('Tỷ lệ trẻ 5 tuổi ra lớp', 8684, 8684, { previousRate: 1 })).toBe('Tỷ lệ trẻ 5 tuổi ra lớp đạt 100,00% (8.684/8.684), bằng năm học trước.');
  });
  test('errors', () => {
    expect((sentence('x', 1, 0) as any).code).toBe('#DIV/0!');
  });
});

describe('trend', () => {
  test('header, first row without change, changes after, blanks kept blank', () => {
    const t = trend([100, 110, null, 99], ['2021-2022', '2022-2023', '2023-2024', '2024-2025']);
    expect(t[0]).toEqual(['Năm học', 'Giá trị', 'Tăng/giảm', 'Tỷ lệ tăng/giảm']);
    expect(t[1]).toEqual(['2021-2022', 100, '', '']);
    expect(t[2]).toEqual(['2022-2023', 110, 10, 0.1]);
    expect(t[3]).toEqual(['2023-2024', '', '', '']);
    expect(t[4]).toEqual(['2024-2025', 99, '', '']);
  });
  test('rates: change in percentage points', () => {
    const t = trend([0.9738, 0.9613], undefined, 'rate');
    expect(t[0][2]).toBe('Tăng/giảm (điểm %)');
    expect(t[2][2]).toBe(-1.25);
    expect(t[2][0]).toBe(2);
  });
});

describe('sumCheck', () => {
  test('TRUE or "lệch ±n" (total − sum of parts)', () => {
    expect(sumCheck(26254, [7667, 18587])).toBe(true);
    // seed 000 GDTX khối 11: the rows add up to 1 287 but the total says 1 294
    expect(sumCheck(1294, [300, 500, 487])).toBe('lệch +7');
    expect(sumCheck(30, [24, 6, 1])).toBe('lệch -1');
    // 10,659 + 8,369 = 19,028 ≠ 19,029 (seed 000 L600), no float noise
    expect(sumCheck(19.029, [10.659, 8.369])).toBe('lệch +0,001');
    expect(sumCheck(0.3, [0.1, 0.2])).toBe(true);
    expect(sumCheck(5, [5, null])).toBe(true);
    expect((sumCheck(null, [1]) as any).code).toBe('#VALUE!');
  });
});

describe('birthYear', () => {
  test('age counted by calendar year from the first year of the school year', () => {
    expect(birthYear('2023-2024', 5)).toBe(2018); // seed 000: trẻ 5 tuổi sinh năm 2018
    expect(birthYear('2023 – 2024', 11)).toBe(2012);
    expect(birthYear('2025-26', 6)).toBe(2019);
    expect(birthYear(2023, 14)).toBe(2009);
    expect((birthYear('2023-2025', 5) as any).code).toBe('#VALUE!');
    expect((birthYear('2023-2024', -1) as any).code).toBe('#NUM!');
    expect(schoolYearStart('năm học 2023')).toBeNull();
  });
});

describe('norms', () => {
  test('class size against TT 28/2020 (TH 35), TT 32/2020 (THCS 45), TT 52/2020 (MG 5–6 tuổi 35)', () => {
    expect((classSizeCheck(1400, 40, 'TH') as any).text).toBe('Trong định mức'); // 35,00 exactly
    expect((classSizeCheck(1401, 40, 'TH') as any).text).toBe('Vượt định mức (35,03 > 35)');
    expect((classSizeCheck(1848, 40, 'THCS') as any).text).toBe('Vượt định mức (46,20 > 45)');
    expect((classSizeCheck(700, 20, 'MG_5_6T') as any).within).toBe(true);
    expect((classSizeCheck(10, 1, 'XYZ') as any).code).toBe('#N/A');
    expect((classSizeCheck(10, 0, 'TH') as any).code).toBe('#DIV/0!');
    expect((classSizeCheck(10, 1, 'tiểu học') as any).max).toBe(35);
  });
  test('teacher norms of TT 20/2023 and TT 19/2023', () => {
    expect((teacherNorm('TH', 1) as any).value).toBe(1.2);
    expect((teacherNorm('TH', 2) as any).value).toBe(1.5);
    expect((teacherNorm('TH') as any).value).toBe(1.5);
    expect((teacherNorm('THCS') as any).value).toBe(1.9);
    expect((teacherNorm('THPT') as any).value).toBe(2.25);
    expect((teacherNorm('NT') as any).value).toBe(2.5);
    expect((teacherNorm('mẫu giáo') as any).value).toBe(2.2);
    expect((teacherNorm('TH', 3) as any).code).toBe('#NUM!');
    expect((teacherNorm('ĐH') as any).code).toBe('#N/A');
  });
});

describe('rate changes follow the printed figures', () => {
  test('99,92% → 99,91% is a fall of 0,01 points, even though the exact change rounds to 0,00', () => {
    // exact: 0.999149 − 0.999151 = −0.0002 points; printed 99,91% and 99,92%
    expect(changeText(0.999149, 0.999151, { kind: 'rate' })).toBe('giảm 0,01 điểm phần trăm');
  });
  test('figures printed equal are "bằng năm học trước" even when the exact values differ', () => {
    expect(changeText(0.97381, 0.97376, { kind: 'rate' })).toBe('bằng năm học trước');
  });
});
