import { parseA1, parseA1Range } from '../../src/core/a1';
import { uniqueSheetName, sanitizeSheetName } from '../../src/core/sheetNames';

describe('A1 helpers', () => {
  test('parse single cells and areas', () => {
    expect(parseA1('B12')).toEqual({ row: 11, col: 1 });
    expect(parseA1('$C$3')).toEqual({ row: 2, col: 2 });
    expect(parseA1("'PC TH'!D4")).toEqual({ row: 3, col: 3 });
    expect(parseA1('B')).toBeNull();
    expect(parseA1Range('C3:A1')).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
  });
});

describe('sheet names', () => {
  test('a free name is kept; a taken one gets (2), (3) — compared case-insensitively', () => {
    expect(uniqueSheetName('Báo cáo 2024-2025', ['Báo cáo 2023-2024'])).toBe('Báo cáo 2024-2025');
    expect(uniqueSheetName('Báo cáo 2023-2024', ['báo cáo 2023-2024'])).toBe('Báo cáo 2023-2024 (2)');
    expect(uniqueSheetName('Báo cáo 2023-2024', ['Báo cáo 2023-2024', 'Báo cáo 2023-2024 (2)'])).toBe('Báo cáo 2023-2024 (3)');
  });
  test('forbidden characters are replaced and the suffix fits in 31 characters', () => {
    expect(sanitizeSheetName('Tổng hợp: 2023/2024 [A]')).toBe('Tổng hợp- 2023-2024 -A-');
    const long = 'Báo cáo kết quả phổ cập giáo dục 2023-2024';
    const first = uniqueSheetName(long, []);
    expect(first.length).toBe(31);
    const second = uniqueSheetName(long, [first]);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(second.length).toBeLessThanOrEqual(31);
  });

  test('"History" is reserved by Excel: a sheet never takes that name', () => {
    expect(uniqueSheetName('History', [])).toBe('History (2)');
    expect(uniqueSheetName('history', ['History (2)'])).toBe('history (3)');
  });
});
