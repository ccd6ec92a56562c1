/**
 * Each per-person check fires on its row and stays silent on clean rows; bad input gets a clear
 * finding, never a crash (header row missing, columns reordered, another survey year, 20.000 blank
 * rows, merged cells, an unreadable file).
 */
import { buildCommune } from '../../../src/core/register/commune';
import type { RegisterFileResult } from '../../../src/core/register/file';
import { DEFAULT_REGISTER_SETTINGS } from '../../../src/core/register/settings';
import { readRegisterBytes } from '../../../src/xlsx/registerSource';
import { P, registerBytes, RegisterSpec } from '../../fixtures/register';

const settings = { ...DEFAULT_REGISTER_SETTINGS, thcsHocTiep: 'da-hoac-dang' as const };

async function read(spec: RegisterSpec, format: 'xlsx' | 'xls' = 'xlsx', name = 'Thôn 1.xlsx', extra: { schoolList?: Set<string>; year?: number } = {}): Promise<RegisterFileResult> {
  return readRegisterBytes(registerBytes(spec, format), { file: name, baseName: name, settings, ...extra });
}

const clean: P = { nam: 2014, khoi: 6, lop: '6A', bac: 'TH', namTn: '2024-2025', maTruong: 'T1' };

/** Rules fired on a 1-based sheet row (data starts at row 5: person i is on row 5 + i). */
function rulesAt(res: RegisterFileResult, row: number): string[] {
  return res.findings.filter((f) => (f.detail as { row?: number } | undefined)?.row === row).map((f) => f.rule);
}

describe('per-person checks', () => {
  const cases: [string, P, 'error' | 'warning'][] = [
    ['dk_thieu_ho_ten', { ...clean, ten: '', ho: '' }, 'error'],
    ['dk_thieu_nam_sinh', { ...clean, nam: null }, 'error'],
    ['dk_nam_sinh_sau_nam_dieu_tra', { ...clean, nam: 2026 }, 'error'],
    ['dk_tuoi_qua_120', { nam: 1900 }, 'error'],
    ['dk_ngay_thang_sinh_sai', { ...clean, ngay: 30, thang: 2 }, 'warning'],
    ['dk_vua_hoc_vua_bo_hoc', { ...clean, boHoc: 5 }, 'error'],
    ['dk_lop_lech_tuoi', { nam: 2000, khoi: 3 }, 'warning'],
    ['dk_nam_tot_nghiep_sau_nam_dieu_tra', { ...clean, namTn: '2025-2026' }, 'error'],
    ['dk_lop_xmc_duoi_15', { ...clean, dangXmc: 'X' }, 'warning'],
    ['dk_ma_truong_khong_co', { ...clean, maTruong: 'KHONG-CO' }, 'warning'],
  ];
  it.each(cases)('%s fires on its row only, and an error leaves the person out', async (rule, bad, severity) => {
    const persons = [clean, { ...clean, ten: 'Sạch' }, { ...bad, ten: bad.ten === undefined ? 'Lỗi' : bad.ten }, { ...clean, ten: 'Sạch 2' }];
    const res = await read({ persons }, 'xlsx', 'Thôn 1.xlsx', { schoolList: new Set(['T1']) });
    expect(rulesAt(res, 7)).toEqual([rule]);
    for (const row of [5, 6, 8]) expect(rulesAt(res, row)).toEqual([]);
    const f = res.findings.find((x) => x.rule === rule)!;
    expect(f.severity).toBe(severity);
    expect(f.message.vi).toMatch(/^Thôn 1\.xlsx, dòng 7/);
    expect(f.cells.length).toBeGreaterThan(0);
    expect(res.excluded).toBe(severity === 'error' ? 1 : 0);
    expect(res.persons.n).toBe(severity === 'error' ? 3 : 4);
  });

  it('a clean register has no finding at all', async () => {
    const res = await read({ persons: [clean, { ...clean, ten: 'B' }, { nam: 1990, bac: 'THPT' }] }, 'xls', 'Thôn 1.xls', { schoolList: new Set(['T1']) });
    expect(res.findings).toEqual([]);
    expect(res.persons.n).toBe(3);
  });

  it('a person twice across thôn files is a finding on the second row and counted once', async () => {
    const a = await read({ persons: [{ ...clean, ten: 'An', ngay: 3, thang: 4 }, { ...clean, ten: 'Bình' }] }, 'xlsx', 'A.xlsx');
    const b = await read({ persons: [{ ...clean, ten: 'Cường' }, { ...clean, ten: 'An', ngay: 3, thang: 4 }] }, 'xls', 'B.xls');
    const c = buildCommune({ name: 'Xã X', nameSource: 'folder', files: [a, b] }, settings, 60);
    const dup = c.findings.filter((f) => f.rule === 'dk_trung_nguoi');
    expect(dup).toHaveLength(1);
    expect(dup[0].file).toBe('B.xls');
    expect(dup[0].cells).toEqual(['D6']);
    expect(dup[0].message.vi).toContain('A.xlsx, dòng 5');
    expect(c.persons).toBe(3);
    expect(c.records.PC_TH.tre_11t).toBe(3);
  });
});

describe('bad input', () => {
  it('header row missing: the standard A–AY positions, with a warning', async () => {
    const res = await read({ persons: [clean, clean], noHeader: true, sheet: 'Sheet1' }, 'xlsx');
    // Not recognised by name or header: only a caller that knows it is a register reads it.
    expect(res.isRegister).toBe(false);
    const forced = await readRegisterBytes(registerBytes({ persons: [clean, { ...clean, ten: 'B' }], noHeader: true, sheet: 'Sheet1' }), { file: 'x.xlsx', baseName: 'x.xlsx', settings, assumeRegister: true });
    expect(forced.layout).toBe('standard');
    expect(forced.findings.map((f) => f.rule)).toContain('dk_khong_co_dong_tieu_de');
    expect(forced.persons.n).toBe(2);
    const byName = await read({ persons: [clean], noHeader: true }, 'xls', 'x.xls');
    expect(byName.layout).toBe('standard');
    expect(byName.persons.n).toBe(1);
  });

  it('columns reordered (and extra columns such as Số định danh) are read by their headers', async () => {
    const order = ['so_dinh_danh', 'nam_sinh', 'ten', 'ho_dem', 'khoi_hoc', 'bac_tot_nghiep', 'nam_tot_nghiep', 'cccd', 'nu', 'dien_cu_tru'];
    const res = await read({ persons: [{ ...clean, nu: true }, { nam: 2019, khoi: 1, ten: 'Bé' }], order });
    expect(res.layout).toBe('headers');
    expect(res.findings.map((f) => f.rule)).toEqual(['dk_cot_doi_cho']);
    const c = buildCommune({ name: 'X', nameSource: 'folder', files: [res] }, settings, 60);
    expect(c.records.PC_TH).toMatchObject({ tre_11t: 1, tre_11t_htth: 1, tre_6t: 1, tre_6t_lop1: 1 });
  });

  it('a thôn file with another survey year is left out with a finding', async () => {
    const a = await read({ persons: [clean, { ...clean, ten: 'B' }], year: 2025 }, 'xlsx', 'A.xlsx');
    const b = await read({ persons: [clean], year: 'Năm điều tra: 2024' }, 'xlsx', 'B.xlsx');
    expect(b.year).toBe(2024);
    const c = buildCommune({ name: 'Xã X', nameSource: 'folder', files: [a, b] }, settings, 60);
    expect(c.year).toBe(2025);
    const f = c.findings.find((x) => x.rule === 'dk_nam_dieu_tra_khac')!;
    expect(f.file).toBe('B.xlsx');
    expect(f.severity).toBe('error');
    expect(c.persons).toBe(2);
    expect(c.excluded).toBe(1);
  });

  it('survey year from the file name, then --year, else a finding (never a silent zero)', async () => {
    const fromName = await readRegisterBytes(registerBytes({ persons: [clean], year: null }), { file: 'pcgd_nhapphieudieutra_2025_Bản Cháng.xlsx', baseName: 'pcgd_nhapphieudieutra_2025_Bản Cháng.xlsx', settings });
    expect(fromName.year).toBe(2025);
    expect(fromName.yearSource).toBe('file-name');
    const fromOption = await read({ persons: [clean], year: null }, 'xlsx', 'Thôn.xlsx', { year: 2024 });
    expect(fromOption.year).toBe(2024);
    const none = await read({ persons: [clean], year: null });
    expect(none.year).toBeNull();
    expect(none.findings.map((f) => f.rule)).toContain('dk_khong_co_nam_dieu_tra');
    expect(none.persons.n).toBe(0);
  });

  it('20.000 blank rows between persons are skipped quickly', async () => {
    const persons = [clean, { ...clean, ten: 'B' }, { ...clean, ten: 'C' }];
    const t0 = Date.now();
    const res = await read({ persons, blankRowsAfter: { after: 1, count: 20000 } }, 'xlsx');
    expect(res.persons.n).toBe(3);
    expect(res.findings).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(10000);
  });

  it('merged cells in the title and in data rows: the value is read once, from the first cell', async () => {
    const res = await read({ persons: [clean, { ...clean, ten: 'B' }], merges: ['A1:Z1', 'O5:O6'] }, 'xlsx');
    expect(res.persons.n).toBe(2);
    expect(res.findings).toEqual([]);
  });

  it('an unreadable file is refused with a reason, never a crash', async () => {
    const opts = { file: 'hong.xls', baseName: 'hong.xls', settings };
    await expect(readRegisterBytes(new Uint8Array([1, 2, 3, 4, 5]), opts)).rejects.toMatchObject({ name: 'UnreadableFileError' });
    const truncated = registerBytes({ persons: [clean] }, 'xls').slice(0, 700);
    await expect(readRegisterBytes(truncated, opts)).rejects.toMatchObject({ name: 'UnreadableFileError' });
    await expect(readRegisterBytes(new Uint8Array(0), opts)).rejects.toMatchObject({ code: 'empty' });
  });

  it('the merged DATA workbook: thôn from column A, one file for the whole commune', async () => {
    const res = await read({ sheet: 'DATA', persons: [{ ...clean, thon: 'Bản Cháng' }, { ...clean, ten: 'B', thon: 'Bản Mới' }, { ...clean, ten: 'C', thon: 'Bản Cháng' }] }, 'xls', 'DATA.xls');
    expect(res.sheet).toBe('DATA');
    expect(res.thon).toEqual(['Bản Cháng', 'Bản Mới']);
    expect(res.persons.n).toBe(3);
  });
});
