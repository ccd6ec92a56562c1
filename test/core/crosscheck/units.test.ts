import type { SheetRecord } from '../../../src/core/sheets/types';
import { buildUnitMap, mapCode, normaliseDate, resolveCode } from '../../../src/core/units';
import { book } from './builder';

function rec(row: number, ma_cu: unknown, ma_moi: unknown, hieu_luc: unknown = null, ten_moi: string | null = null): SheetRecord {
  const f = (value: unknown, col: string) => ({ value: value as string, raw: value as string, address: `${col}${row}` });
  return { row, fields: { ma_cu: f(ma_cu, 'A'), ma_moi: f(ma_moi, 'C'), hieu_luc: f(hieu_luc, 'E'), ten_moi: f(ten_moi, 'D') } };
}

describe('unit mapping', () => {
  test('old code → new code; unmapped codes unchanged; leading zeros kept', () => {
    const map = buildUnitMap([rec(5, '00123', '26734'), rec(6, ' 00124 ', '26734')]);
    expect(map.size).toBe(2);
    expect(mapCode(map, '00123')).toBe('26734');
    expect(mapCode(map, '00124')).toBe('26734');
    expect(mapCode(map, '123')).toBe('123');
    expect(mapCode(map, '99999')).toBe('99999');
  });

  test('chains are followed and cycles stop', () => {
    const map = buildUnitMap([rec(5, 'A', 'B'), rec(6, 'B', 'C'), rec(7, 'X', 'Y'), rec(8, 'Y', 'X')]);
    expect(resolveCode(map, 'A').code).toBe('C');
    expect(resolveCode(map, 'A').via.map((m) => m.row)).toEqual([5, 6]);
    expect(mapCode(map, 'X')).toBe('Y');
  });

  test('a mapping applies from its effective date when asOf is given', () => {
    const map = buildUnitMap([rec(5, 'H1', 'N1', '1/7/2025')]);
    expect(mapCode(map, 'H1', '2025-06-30')).toBe('H1');
    expect(mapCode(map, 'H1', '2025-07-01')).toBe('N1');
    expect(mapCode(map, 'H1')).toBe('N1');
  });

  test('dates as ISO text, day-first text, Excel serial numbers and Date objects', () => {
    expect(normaliseDate('2025-07-01')).toBe('2025-07-01');
    expect(normaliseDate('01/07/2025')).toBe('2025-07-01');
    expect(normaliseDate('1.7.2025')).toBe('2025-07-01');
    // 45839 days after 1899-12-30 is 2025-07-01
    expect(normaliseDate(45839)).toBe('2025-07-01');
    expect(normaliseDate(new Date(Date.UTC(2025, 6, 1)))).toBe('2025-07-01');
    expect(normaliseDate('sau sáp nhập')).toBeUndefined();
  });

  test('read from the DON_VI_SAP_NHAP sheets of a parsed workbook only', () => {
    const parsed = book('m.xlsx', [
      { template: 'DON_VI_SAP_NHAP', name: 'Sáp nhập', columns: ['ma_cu', 'ten_cu', 'ma_moi', 'ten_moi'], rows: [['X1', 'Xã Một', 'P9', 'Phường Chín'], ['X2', null, null, null]] },
      { template: 'QUY_MO', columns: ['ma_truong', 'ma_xa'], rows: [['X1', 'X1']] },
    ]);
    const map = buildUnitMap(parsed);
    expect(map.size).toBe(1);
    expect(resolveCode(map, 'X1').via[0]).toMatchObject({ to: 'P9', toName: 'Phường Chín', sheet: 'Sáp nhập', row: 5 });
  });
});
