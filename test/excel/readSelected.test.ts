/**
 * A 30.000-row household register open in Excel: recognised, read in at most three context.sync()
 * calls with every sync under the 5 MB stand-in (the fake refuses a sync loading more than
 * payloadLimitCells values), and counted exactly as the same rows read from a file.
 */
import { readSelectedIn } from '../../src/excel/readSelected';
import { HEAD_ROWS, planRegisterRead, registerFromOpenWorkbook } from '../../src/core/register/openWorkbook';
import { many, registerRows } from '../fixtures/register';
import { fakeContext, FakeContext } from './fakeExcel';
import type { CellValue } from '../../src/core/types';

const asCtx = (f: FakeContext) => f as unknown as Excel.RequestContext;
/** About 5 MB of JSON at 8–9 bytes a cell (blank cells cost 3, text 10–30). */
const FIVE_MB_CELLS = 600_000;

function registerWorkbook(rows: CellValue[][], active = 'MauNhapLieu') {
  const f = fakeContext({}, 'Xã Tân Lập.xlsx');
  f.workbook.worksheets.add('Ghi chú').put(0, 0, [['Sổ đăng ký phổ cập của xã']]);
  f.workbook.worksheets.add('MauNhapLieu').put(0, 0, rows as never);
  f.activeSheet = active;
  return f;
}

describe('readSelectedIn: a register in the open workbook', () => {
  const persons = [
    ...many(10_000, { nam: 2019, khoi: 1, lop: '1A', bac: 'MN', namTn: '2024-2025' }, 'A'),
    ...many(10_000, { nam: 2014, khoi: 6, lop: '6B', bac: 'TH', namTn: '2024-2025' }, 'B'),
    ...many(10_000, { nam: 1990, bac: 'THPT', namTn: '2007-2008', nu: true }, 'C'),
  ];
  const rows = registerRows({ persons, title: 'Xã/phường: Xã Tân Lập' });

  it('30.000 rows: three syncs, each under the cap, every person counted', async () => {
    const f = registerWorkbook(rows);
    f.payloadLimitCells = FIVE_MB_CELLS;
    const read = await readSelectedIn(asCtx(f), HEAD_ROWS, planRegisterRead);
    expect(read).not.toBeNull();
    expect(read!.syncs).toBeLessThanOrEqual(3);
    expect(f.syncCount).toBe(read!.syncs);
    expect(read!.plan.sheet).toBe('MauNhapLieu');
    // Only the columns the counts need: never the phone number (AX) or the parents' names (AW).
    expect(read!.plan.columns).not.toContain(49);
    expect(read!.plan.columns).not.toContain(48);
    const res = registerFromOpenWorkbook(read!.head, read!.plan, read!.rows, { workbookName: 'Xã Tân Lập.xlsx', settings: {}, lang: 'vi' })!;
    expect(res.commune.name).toBe('Xã Tân Lập');
    expect(res.commune.persons).toBe(30_000);
    expect(res.commune.records.PC_TH).toMatchObject({ tre_6t: 10_000, tre_6t_lop1: 10_000, tre_11t: 10_000, tre_11t_htth: 10_000 });
    expect(res.commune.records.XMC).toMatchObject({ dan_so_15_35: 10_000, biet_chu_m2_15_35: 10_000 });
    expect(res.plans.map((p) => p.name)).toEqual(['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'TH-M1', 'TH-02', 'THCS-M1', 'THCS-TK', 'XMC-3', 'XMC-4', 'CMC-1', 'MN-01-TE', 'MN-02', 'Tổng hợp']);
  });

  it('the register is not the active sheet: one more sync to look at the others', async () => {
    const f = registerWorkbook(rows.slice(0, 2004), 'Ghi chú');
    const read = await readSelectedIn(asCtx(f), HEAD_ROWS, planRegisterRead);
    expect(read!.plan.sheet).toBe('MauNhapLieu');
    expect(read!.syncs).toBe(3);
    expect(read!.rows.length + read!.plan.fromRow).toBe(2004);
  });

  it('a refused piece is halved and read again (never a silent loss)', async () => {
    const f = registerWorkbook(rows.slice(0, 5004));
    f.payloadLimitCells = 40_000;
    const read = await readSelectedIn(asCtx(f), HEAD_ROWS, planRegisterRead, { cells: 100_000 });
    expect(read!.syncs).toBeGreaterThan(3);
    const res = registerFromOpenWorkbook(read!.head, read!.plan, read!.rows, { workbookName: 'x.xlsx', settings: {}, lang: 'vi' })!;
    expect(res.commune.persons).toBe(5000);
  });

  it('no register anywhere: null', async () => {
    const f = fakeContext({ A: [['Tên', 'Số'], ['x', 1]] });
    expect(await readSelectedIn(asCtx(f), HEAD_ROWS, planRegisterRead)).toBeNull();
  });
});
