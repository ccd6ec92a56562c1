/**
 * The forms of a small commune, cell by cell against counts worked out by hand; % cells are
 * formulas over the count cells (0–100 scale) with their results; counts only, never a name.
 */
import { buildCommune } from '../../../src/core/register/commune';
import { communeForms, FORM_CODES, tongHopPlan } from '../../../src/core/register/forms';
import { DEFAULT_REGISTER_SETTINGS } from '../../../src/core/register/settings';
import type { ReportSheetPlan } from '../../../src/core/report/sheetPlan';
import { parseA1 } from '../../../src/core/a1';
import { readRegisterBytes } from '../../../src/xlsx/registerSource';
import { many, registerBytes } from '../../fixtures/register';

const settings = { ...DEFAULT_REGISTER_SETTINGS, thcsHocTiep: 'da-hoac-dang' as const };

/** Value (or formula result) and formula of a cell of a plan. */
function cell(plan: ReportSheetPlan, a1: string): { v: unknown; f: string | null } {
  const { row, col } = parseA1(a1)!;
  let out: { v: unknown; f: string | null } = { v: null, f: null };
  for (const b of plan.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r < 0 || c < 0 || r >= b.values.length || c >= b.values[r].length) continue;
    const v = b.values[r][c];
    if (v === null) continue;
    const isF = !!b.isFormula?.[r]?.[c];
    out = { v: isF ? b.results?.[r]?.[c] ?? null : v, f: isF ? String(v) : null };
  }
  return out;
}

describe('forms of one commune', () => {
  let forms: ReturnType<typeof communeForms>;
  const byCode = (code: string) => forms.find((f) => f.code === code)!.plan;
  beforeAll(async () => {
    const persons = [
      // 6: 19 in grade 1 (finished preschool), 1 at home → PPC 20.
      ...many(19, { nam: 2019, khoi: 1, bac: 'MN' }, 'A'),
      { nam: 2019, ten: 'Qhxw' },
      // 5: 8 attending of 10.
      ...many(8, { nam: 2020, khoi: 'MG', lop: 'Lá*' }, 'B'),
      ...many(2, { nam: 2020 }, 'C'),
      // 30-year-olds: 9 literate (THPT), 1 finished grade 2 only.
      ...many(9, { nam: 1995, bac: 'THPT', nu: true }, 'D'),
      { nam: 1995, xongLop: 2, ho: 'Zyxo Văn', ten: 'Kjrt', dt: 'Tày' },
    ];
    const file = await readRegisterBytes(registerBytes({ persons }), { file: 'T.xlsx', baseName: 'T.xlsx', settings });
    const commune = buildCommune({ name: 'Xã Mẫu', nameSource: 'folder', files: [file] }, settings, 60);
    forms = communeForms({ commune, levels: { MN5: 0, TH: null, THCS: null, XMC: 1 }, year: 2025, province: 'Tỉnh Mẫu' });
  });

  it('writes the nine forms, each with the title block', () => {
    expect(forms.map((f) => f.code)).toEqual(FORM_CODES);
    for (const f of forms.filter((x) => x.code !== 'CMC-1' && x.code !== 'MN-01-TE')) expect(cell(f.plan, 'A2').v).toBe('Xã Mẫu');
    expect(forms.find((f) => f.code === 'TH-M1')!.fileName).toBe('1. PCGD_2025_TH_M1_Xã Mẫu.xlsx');
  });

  it('TH-M1: age columns, birth years, PPC and the summary % as formulas', () => {
    const p = byCode('TH-M1');
    expect(cell(p, 'E2').v).toBe('Thời điểm: ngày 30 tháng 9 năm 2025');
    expect(cell(p, 'F4').v).toBe(2019);
    expect(cell(p, 'F12').v).toBe(20);
    expect(cell(p, 'F13').v).toBe(19);
    expect(cell(p, 'K12')).toEqual({ v: 20, f: '=F12+G12+H12+I12+J12' });
    expect(cell(p, 'F40')).toEqual({ v: 19, f: '=F13+F14' });
    expect(cell(p, 'G40').f).toBe('=IF(F12=0,"",F40/F12*100)');
    expect(cell(p, 'G40').v).toBeCloseTo(95, 10);
    // Zero counts are blank (the system's blank_zero); subtotals always written.
    expect(cell(p, 'G12').v).toBeNull();
  });

  it('XMC-4 and XMC-3: literacy by band, % over the band total', () => {
    const p = byCode('XMC-4');
    expect(cell(p, 'H8').v).toBe(10);
    expect(cell(p, 'I8').v).toBe(9);
    expect(cell(p, 'J8').f).toBe('=IF(H8=0,"",I8/H8*100)');
    expect(cell(p, 'J8').v).toBeCloseTo(90, 10);
    expect(cell(p, 'R8').v).toBe('1');
    const x3 = byCode('XMC-3');
    // age 30 is row 21 + (30 − 26) = 25: population 10, female 9, DT 1; MC1 1 (DT 1); literate L2 9.
    expect([cell(x3, 'A25').v, cell(x3, 'C25').v, cell(x3, 'D25').v, cell(x3, 'E25').v, cell(x3, 'G25').v, cell(x3, 'I25').v, cell(x3, 'O25').v]).toEqual([30, 10, 9, 1, 1, 1, 9]);
    expect(cell(x3, 'C31')).toEqual({ v: 10, f: '=SUM(C9:C19)+SUM(C21:C30)' });
    expect(cell(x3, 'S31').v).toBeCloseTo(90, 10);
  });

  it('MN-02: 5-year-olds attending 8/10, 6-year-olds completed 19/20, Không đạt', () => {
    const p = byCode('MN-02');
    expect([cell(p, 'F7').v, cell(p, 'G7').v, cell(p, 'I7').v, cell(p, 'J7').v]).toEqual([10, 8, 20, 19]);
    expect(cell(p, 'H7').v).toBeCloseTo(80, 10);
    expect(cell(p, 'K7').v).toBeCloseTo(95, 10);
    expect(cell(p, 'R7').v).toBe('Không đạt');
  });

  it('carries counts only: no person name anywhere', () => {
    const text = JSON.stringify(forms.map((f) => f.plan));
    expect(['Qhxw', 'Kjrt', 'Zyxo', 'Nguyễn'].filter((name) => text.includes(name))).toEqual([]);
  });

  it('Tổng hợp: one row per commune, the unit row, the settings in force', () => {
    const plan = tongHopPlan({ communes: [], overall: { MN5: null, TH: 2, THCS: 1, XMC: 2 }, unit: 'Huyện Mẫu', year: 2025, notes: ['ghi chú'] });
    expect(cell(plan, 'B6').v).toBe('Huyện Mẫu');
    expect(cell(plan, 'K6').v).toBe('2');
    expect(cell(plan, 'J6').v).toBe('Chưa đủ dữ liệu');
    expect(cell(plan, 'A8').v).toBe('ghi chú');
  });
});

describe('rows the register can fill beyond the rates: MN-01-TE where children study, girls and minority children; TH-02 pupils with a disability', () => {
  let forms: ReturnType<typeof communeForms>;
  const byCode = (code: string) => forms.find((f) => f.code === code)!.plan;
  beforeAll(async () => {
    const persons = [
      // 4-year-olds (born 2021): 3 in a class here (2 girls, 1 Tày boy), 2 in a class in another district, 1 at home.
      ...many(2, { nam: 2021, khoi: 'MG', lop: 'Chồi', nu: true }, 'E'),
      { nam: 2021, khoi: 'MG', lop: 'Chồi', dt: 'Tày', ten: 'F1' },
      ...many(2, { nam: 2021, khoi: 'MG', lop: 'Chồi', quanHuyen: 'Huyện Khác' }, 'G'),
      { nam: 2021, ten: 'H1' },
      // 9-year-olds (born 2016) in grade 4: one with a disability who can learn, one without.
      { nam: 2016, khoi: 4, kt: true, khaNang: true, ten: 'K1' },
      { nam: 2016, khoi: 4, ten: 'K2' },
    ];
    const file = await readRegisterBytes(registerBytes({ persons }), { file: 'T.xlsx', baseName: 'T.xlsx', settings });
    const commune = buildCommune({ name: 'Xã Hai', nameSource: 'folder', files: [file] }, settings, 60);
    forms = communeForms({ commune, levels: { MN5: null, TH: null, THCS: null, XMC: null }, year: 2025, province: 'Tỉnh Mẫu' });
  });

  it('MN-01-TE, 4 tuổi (column J): 5 in school = 3 here + 2 elsewhere; 2 girls and 1 minority child in school', () => {
    const p = byCode('MN-01-TE');
    expect(cell(p, 'J5').v).toBe('4 tuổi');
    expect([cell(p, 'J12').v, cell(p, 'J13').v, cell(p, 'J14').v, cell(p, 'J15').v, cell(p, 'J17').v, cell(p, 'J18').v]).toEqual([6, 5, 3, 2, 2, 1]);
    // The 0–5 total column sums the row.
    expect(cell(p, 'M14')).toEqual({ v: 3, f: '=F14+G14+H14+I14+J14+K14' });
  });

  it('TH-02: 2 pupils in primary, 1 of them with a disability (G8)', () => {
    const p = byCode('TH-02');
    expect([cell(p, 'F8').v, cell(p, 'G8').v]).toEqual([2, 1]);
  });
});
