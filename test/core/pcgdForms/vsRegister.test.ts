/**
 * A commune's MN-02 form against its register (survey year 2025: age = 2025 − birth year). The
 * register's rows start at row 5 (REAL-FORMS §2.1); every figure below is worked out by hand from
 * the person list.
 */
import { communesOfForms, formsAgainstRegisters, readFormSheet } from '../../../src/core/pcgdForms';
import type { FormReading } from '../../../src/core/pcgdForms';
import { buildCommune } from '../../../src/core/register/commune';
import { DEFAULT_REGISTER_SETTINGS } from '../../../src/core/register/settings';
import { readRegisterBytes } from '../../../src/xlsx/registerSource';
import { toSheetSnapshot } from '../../fixtures/builder';
import { mn02 } from '../../fixtures/pcgdForms';
import { many, P, registerBytes } from '../../fixtures/register';

const settings = { ...DEFAULT_REGISTER_SETTINGS, thcsHocTiep: 'da-hoac-dang' as const };

const persons: P[] = [
  // rows 5–14: ten 5-year-olds (born 2020) in kindergarten.
  ...many(10, { nam: 2020, khoi: 'MG', lop: 'Lá 1' }, 'N5-'),
  // rows 15–16: two 5-year-olds at home.
  ...many(2, { nam: 2020 }, 'N5-nha-'),
  // row 17: a disabled 5-year-old without learning capacity (exempt).
  { nam: 2020, ten: 'N5-kt', kt: true },
  // rows 18–26: nine 6-year-olds in grade 1 who finished preschool last year.
  ...many(9, { nam: 2019, khoi: 1, lop: '1A', bac: 'MN', namTn: '2024-2025' }, 'N6-'),
  // row 27: a 6-year-old who did not.
  { nam: 2019, ten: 'N6-chua', khoi: 1, lop: '1A' },
];
// Register: 5-year-olds 13, exempt 1 (PPC 12), attending 10; 6-year-olds 10, completed preschool 9.

const form = (x: { g: number; j: number; year?: number }): FormReading =>
  readFormSheet(toSheetSnapshot(mn02({ commune: 'xã Tân Lập', year: x.year ?? 2025, f: 12, g: x.g, i: 10, j: x.j, level: 1 })), 'MN-02_2025_xã Tân Lập.xls')!;

describe('forms against the register', () => {
  let reg: Awaited<ReturnType<typeof readRegisterBytes>>;
  let commune: ReturnType<typeof buildCommune>;
  beforeAll(async () => {
    reg = await readRegisterBytes(registerBytes({ persons, year: 2025 }), { file: 'Tân Lập/Thôn A.xlsx', baseName: 'Thôn A.xlsx', settings });
    commune = buildCommune({ name: 'Xã Tân Lập', nameSource: 'folder', files: [reg] }, settings, 60);
  });

  it('the register gives what the person list says', () => {
    expect(commune.records.PC_MN5).toMatchObject({ tre_5t: 13, mien_giam_5t: 1, tre_5t_ra_lop: 10, tre_6t_mn: 10, tre_5t_hoan_thanh: 9 });
  });

  it('a form that agrees has no finding (its PPC 12 is the register\'s 13 less 1 exempt)', () => {
    expect(formsAgainstRegisters([form({ g: 10, j: 9 })], [{ register: commune, files: [reg] }], settings, 60)).toEqual([]);
  });

  it('G7 attending 11 (register 10, rows 5–14) and J7 completed 8 (register 9, rows 18–26) are errors at their cells', () => {
    const r = form({ g: 11, j: 8 });
    // The form is consistent on its own (rates printed from its own counts).
    expect(r.findings).toEqual([]);
    const f = formsAgainstRegisters([r], [{ register: commune, files: [reg] }], settings, 60);
    expect(f.map((x) => [x.rule, x.severity, x.cells, x.actual, x.expected])).toEqual([
      ['bieu_pc_khac_so_dang_ky', 'error', ['G7'], 11, 10],
      ['bieu_pc_khac_so_dang_ky', 'error', ['J7'], 8, 9],
    ]);
    const rows = (i: number) => (f[i].detail as { rows: { row: number }[] }).rows.map((x) => x.row);
    expect(rows(0)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(rows(1)).toEqual([18, 19, 20, 21, 22, 23, 24, 25, 26]);
    expect(f[0].message.vi).toContain('Thôn A.xlsx dòng 5–14');
    expect(f[1].message.vi).toContain('Thôn A.xlsx dòng 18–26');
    expect(f[0].message.en).toContain('Thôn A.xlsx row(s) 5–14');
  });

  it('a form of another year is not compared, and says so', () => {
    const f = formsAgainstRegisters([form({ g: 11, j: 8, year: 2024 })], [{ register: commune, files: [reg] }], settings, 60);
    expect(f.map((x) => [x.rule, x.severity, x.actual, x.expected])).toEqual([['bieu_pc_khac_so_dang_ky', 'warning', 2024, 2025]]);
  });

  it('a commune with no register is left alone', () => {
    const other = readFormSheet(toSheetSnapshot(mn02({ commune: 'xã Nghi Phú', year: 2025, f: 12, g: 11, i: 10, j: 8, level: 1 })), 'MN-02_2025_xã Nghi Phú.xls')!;
    expect(formsAgainstRegisters([other], [{ register: commune, files: [reg] }], settings, 60)).toEqual([]);
    expect(communesOfForms([other]).communes).toHaveLength(1);
  });
});
