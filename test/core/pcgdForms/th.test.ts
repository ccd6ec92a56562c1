/**
 * Tiểu học forms built from REAL-FORMS §1.1–1.2, read back: figures, rates, levels and findings
 * worked out by hand below.
 */
import { communesOfForms, readFormSheet } from '../../../src/core/pcgdForms';
import type { FormReading } from '../../../src/core/pcgdForms';
import { toSheetSnapshot } from '../../fixtures/builder';
import { th02, thM1 } from '../../fixtures/pcgdForms';
import type { ThM1Input } from '../../fixtures/pcgdForms';

/** Phường Thành Vinh, 2025: PPC 6 = 120 (118 in lớp 1), 11 = 100 (90 HTCTTH + 10 still in TH), 14 = 90 (88), 11–14 = 393 (371). */
const THANH_VINH: ThM1Input = {
  commune: 'phường Thành Vinh',
  year: 2025,
  tong: { 6: 121, 7: 118, 8: 125, 9: 110, 10: 115, 11: 101, 12: 105, 13: 98, 14: 90 },
  ppc: { 6: 120, 7: 118, 8: 125, 9: 110, 10: 115, 11: 100, 12: 105, 13: 98, 14: 90 },
  grade: { 1: { 6: [115, 3, 2] }, 4: { 11: [1, 0, 0] }, 5: { 11: [8, 1, 0] } },
  htctth: { 11: [85, 5, 0], 12: [95, 3, 1], 13: [93, 2, 0], 14: [86, 2, 0] },
};

function read(spec: ReturnType<typeof thM1>, file: string): FormReading {
  const r = readFormSheet(toSheetSnapshot(spec), file);
  if (!r) throw new Error(`${file} not recognised`);
  return r;
}

describe('TH-M1 read by its cell map', () => {
  const r = read(thM1(THANH_VINH), '1. PCGD_2025_TH_M1_phường Thành Vinh.xls');

  it('is recognised with its title block', () => {
    expect(r.code).toBe('TH-M1');
    expect(r.year).toBe(2025);
    expect(r.province).toBe('Nghệ An');
    expect(r.units).toHaveLength(1);
    expect(r.units[0].name).toBe('phường Thành Vinh');
  });

  it('maps the matrix onto PC_TH field ids (residents: tại chỗ + nơi khác)', () => {
    const c = r.units[0].counts;
    expect(c.tre_6t).toBe(120);
    expect(c.tre_6t_lop1).toBe(115 + 3);
    expect(c.tre_11t).toBe(100);
    expect(c.tre_11t_htth).toBe(85 + 5);
    expect(c.tre_11t_dang_hoc_th).toBe(1 + 8 + 1);
    expect(c.tre_14t).toBe(90);
    expect(c.tre_14t_htth).toBe(86 + 2);
    expect(c.tre_11_14t).toBe(100 + 105 + 98 + 90);
    expect(c.tre_11_14t_htth).toBe(85 + 95 + 93 + 86 + 5 + 3 + 2 + 2);
  });

  it('has no finding when every printed figure agrees', () => {
    expect(r.findings).toEqual([]);
  });

  it('gives level 3 from its counts: 118/120 = 98,33% ≥ 98, 90/100 = 90% ≥ 90, 90 + 10 = 100, 88/90 ≥ 80', () => {
    const run = communesOfForms([r]);
    const th = run.communes[0].programmes.TH!;
    expect(th.basis).toBe('counts');
    expect(th.level).toBe(3);
    expect(th.rates.TH_6_LOP1.value).toBeCloseTo(118 / 120, 10);
    expect(th.unverified).toEqual([]);
  });
});

describe('planted mistakes on TH-M1', () => {
  it('a printed % that its counts do not give is an error at the cell (G41 91% vs 90/100)', () => {
    const r = read(thM1({ ...THANH_VINH, over: { G41: 91 } }), 'TH_M1_x.xls');
    const f = r.findings.filter((x) => x.rule === 'ty_le_in_sai');
    expect(f).toHaveLength(1);
    expect(f[0].cells[0]).toBe('G41');
    expect(f[0].message.vi).toContain('90,00%');
    expect(f[0].message.vi).toContain('91,00%');
  });

  it('a subtotal that is not the sum of its ages is an error (K6 printed 600, F6:J6 = 589)', () => {
    const r = read(thM1({ ...THANH_VINH, over: { K6: 600 } }), 'TH_M1_x.xls');
    const f = r.findings.filter((x) => x.rule === 'bieu_pc_tong_khac');
    expect(f).toHaveLength(1);
    expect(f[0].cells[0]).toBe('K6');
    expect(f[0].expected).toBe(121 + 118 + 125 + 110 + 115);
  });

  it('Excel percentages (0–1 with "0.00%") are read as such', () => {
    const r = read(thM1({ ...THANH_VINH, excelPercent: true }), 'TH_M1_x.xls');
    expect(r.findings).toEqual([]);
    expect(r.units[0].rates.TH_6_LOP1.value).toBeCloseTo(0.9833, 4);
  });

  it('birth years of another year are an error (row 4 says 2018 above 6 tuổi in a 2025 form)', () => {
    const over: Record<string, number> = {};
    for (const [col, age] of [['F', 6], ['G', 7], ['H', 8], ['I', 9], ['J', 10], ['L', 11], ['M', 12], ['N', 13], ['O', 14]] as const) over[`${col}4`] = 2024 - age;
    const r = read(thM1({ ...THANH_VINH, over }), 'TH_M1_x.xls');
    const f = r.findings.filter((x) => x.rule === 'bieu_pc_nam_sinh_lech');
    expect(f).toHaveLength(1);
    expect(f[0].cells).toEqual(['F4']);
    expect(f[0].expected).toBe(2019);
  });
});

describe('TH-02 alone: the printed level as far as the printed rates support it', () => {
  it('a printed 3 with 96,50% of 6-year-olds in lớp 1 is an error; the level is 2 and two criteria are unverified', () => {
    const r = read(th02({ commune: 'xã Hưng Lộc', year: 2025, h: 193, i: 96.5, j: 184, k: 92, l: 700, m: 93.1, level: 3 }), '2. PCGD_2025_TH-02_xã Hưng Lộc.xls');
    expect(r.code).toBe('TH-02');
    expect(r.units[0].name).toBe('xã Hưng Lộc');
    expect(r.findings).toEqual([]);
    const run = communesOfForms([r]);
    const th = run.communes[0].programmes.TH!;
    // M3 needs 98% of 6-year-olds in lớp 1: 96,50% < 98%; M2 (95%, 80%) is what the rates allow.
    const above = run.findings.filter((x) => x.rule === 'bieu_pc_muc_do_vuot_ty_le');
    expect(above).toHaveLength(1);
    expect(above[0].cells).toEqual(['T8']);
    expect(above[0].expected).toBe(2);
    expect(th.basis).toBe('printed-rates');
    expect(th.level).toBe(2);
    expect(th.capped).toBe(true);
    expect(th.unverified.sort()).toEqual(['TH_11_CONLAI', 'TH_14_HTCT']);
    expect(run.findings.some((x) => x.rule === 'bieu_pc_khong_kiem_duoc')).toBe(true);
  });

  it('TH-M1 of the same commune settles the missing criteria and checks TH-02 against its counts', () => {
    const m1 = read(thM1(THANH_VINH), '1. PCGD_2025_TH_M1_phường Thành Vinh.xls');
    // TH-02 prints 11-year-olds 92,00% where TH-M1's counts give 90/100 = 90,00%.
    const t2 = read(th02({ commune: 'phường Thành Vinh', year: 2025, h: 118, i: 98.33, j: 90, k: 92, l: 371, m: 94.4, level: 3 }), '2. PCGD_2025_TH-02_phường Thành Vinh.xls');
    const run = communesOfForms([t2, m1]);
    expect(run.communes).toHaveLength(1);
    const th = run.communes[0].programmes.TH!;
    expect(th.basis).toBe('counts');
    expect(th.level).toBe(3);
    expect(th.unverified).toEqual([]);
    const wrong = run.findings.filter((x) => x.rule === 'ty_le_in_sai');
    expect(wrong.map((x) => x.cells[0])).toEqual(['K8']);
    expect(wrong[0].message.vi).toContain('90,00%');
  });

  it('a TH-02 of another year is not counted', () => {
    const a = read(th02({ commune: 'xã A', year: 2025, h: 100, i: 100, j: 90, k: 90, level: 3 }), 'TH-02_xã A.xls');
    const b = read(th02({ commune: 'xã B', year: 2025, h: 100, i: 100, j: 90, k: 90, level: 3 }), 'TH-02_xã B.xls');
    const c = read(th02({ commune: 'xã C', year: 2024, h: 100, i: 100, j: 90, k: 90, level: 3 }), 'TH-02_xã C.xls');
    const run = communesOfForms([a, b, c]);
    expect(run.year).toBe(2025);
    expect(run.communes.map((x) => x.name)).toEqual(['xã A', 'xã B']);
    const f = run.findings.filter((x) => x.rule === 'bieu_pc_khac_nam');
    expect(f).toHaveLength(1);
    expect(f[0].file).toBe('TH-02_xã C.xls');
    expect(f[0].cells).toEqual(['C2']);
  });

  it('labels moved one column (a column inserted before H) are an error and the form is not read', () => {
    const spec = th02({ commune: 'xã D', year: 2025, h: 100, i: 100, j: 90, k: 90, level: 3 });
    // Shift H7… one column right: "Trẻ 6 tuổi vào lớp 1" now in I7.
    const row7 = spec.rows[6];
    spec.rows[6] = [...row7.slice(0, 7), null, ...row7.slice(7)];
    const r = read(spec, 'TH-02_xã D.xls');
    expect(r.usable).toBe(false);
    const f = r.findings.filter((x) => x.rule === 'bieu_pc_nhan_lech');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0].cells).toEqual(['I7', 'H7']);
  });
});
