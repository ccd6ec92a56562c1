/**
 * THCS, XMC and MN forms built from REAL-FORMS §1.3–1.7, read back; figures, levels and findings
 * worked out by hand in the comments.
 */
import { communesOfForms, readFormSheet } from '../../../src/core/pcgdForms';
import type { FormReading } from '../../../src/core/pcgdForms';
import { toSheetSnapshot } from '../../fixtures/builder';
import type { SheetSpec } from '../../fixtures/builder';
import { cmc1, mn01te, mn02, thcsM1, thcsM2, thcsTk, xmc3, xmc4 } from '../../fixtures/pcgdForms';

function read(spec: SheetSpec, file: string): FormReading {
  const r = readFormSheet(toSheetSnapshot(spec), file);
  if (!r) throw new Error(`${file} not recognised`);
  return r;
}

const NGHI_PHU = 'xã Nghi Phú';

/** 15–18: PPC 100 + 98 + 102 + 100 = 400; TN THCS 341 tại chỗ + 9 nơi khác = 350 (87,50%); học tiếp 319 + 17 = 336 (84,00%). */
const m1 = () => read(thcsM1({
  commune: NGHI_PHU, year: 2025, ppc: { 15: 100, 16: 98, 17: 102, 18: 100 },
  tn: { 15: [60, 2], 16: [90, 3], 17: [95, 2], 18: [96, 2] },
  hocTiep: { 15: [85, 5], 16: [84, 4], 17: [80, 4], 18: [70, 4] },
  th: 3, xmc: 2,
}), `1. PCGD_M1_THCS_2025_${NGHI_PHU}.xls`);

/** 15–25: 1.990/2.000; 15–35: 3.950/4.000 M1 (98,75%), 15–60: 8.000/9.000 M2 (88,89% < 90%). */
const x4 = (level: number | string) => read(xmc4({ commune: NGHI_PHU, year: 2025, bands: [[2000, 1990, 1985], [4000, 3950, 3900], [9000, 8500, 8000]], level }), `4. TK_DATCHUAN_XMC_4_${NGHI_PHU}.xls`);

describe('THCS-M1', () => {
  it('gives the 15–18 counts and the printed prerequisites', () => {
    const r = m1();
    expect(r.code).toBe('THCS-M1');
    expect(r.findings).toEqual([]);
    const u = r.units[0];
    expect(u.counts.tre_15_18t).toBe(400);
    expect(u.counts.tre_15_18t_tn_thcs).toBe(350);
    expect(u.counts.tre_15_18t_hoc_tiep).toBe(336);
    expect(u.levels.TH?.printed).toMatchObject({ kind: 'level', level: 3 });
    expect(u.levels.XMC?.printed).toMatchObject({ kind: 'level', level: 2 });
  });
});

describe('a commune with THCS-M1, THCS-TK and XMC-4', () => {
  const tk = read(thcsTk({ commune: NGHI_PHU, year: 2025, th: 3, xmc: 2, tn: 350, tnPct: 87.5, hocTiep: 336, hocTiepPct: 84, level: 2 }), `3. PCGD_THCS_2025_TK_${NGHI_PHU}.xls`);
  const run = communesOfForms([tk, m1(), x4(2)]);
  const c = run.communes[0];

  it('XMC is level 1 from XMC-4\'s counts (8.000/9.000 = 88,89% < 90%), and its printed 2 is an error at R8', () => {
    expect(c.programmes.XMC!.level).toBe(1);
    expect(c.programmes.XMC!.basis).toBe('counts');
    const f = run.findings.filter((x) => x.rule === 'bieu_pc_muc_do_vuot_ty_le' && x.file?.includes('XMC_4'));
    expect(f.map((x) => x.cells)).toEqual([['R8']]);
  });

  it('THCS is level 1 (350/400 = 87,50% ≥ 80% but < 90%); THCS-TK\'s printed 2 is an error at R8', () => {
    expect(c.programmes.THCS!.level).toBe(1);
    const f = run.findings.filter((x) => x.rule === 'bieu_pc_muc_do_vuot_ty_le' && x.file?.includes('THCS_2025_TK'));
    expect(f.map((x) => x.cells)).toEqual([['R8']]);
  });

  it('the printed XMC prerequisite 2 (THCS-M1 G37, THCS-TK G8) disagrees with the commune\'s XMC level 1', () => {
    const f = run.findings.filter((x) => x.rule === 'muc_do_in_sai' && x.actual === 2 && x.expected === 1);
    expect(f.map((x) => x.cells[0]).sort()).toEqual(['G37', 'G8']);
  });

  it('the TH prerequisite comes from the printed level (no TH form here)', () => {
    expect(c.programmes.TH).toBeUndefined();
    expect(c.programmes.THCS!.result.criteria.find((x) => x.indicator === 'PREREQ_TH')!.status).toBe('pass');
  });
});

describe('THCS-M2 template leftovers', () => {
  it('the red sample note and a "123/456" ratio are findings at their cells', () => {
    const r = read(thcsM2({ commune: NGHI_PHU, year: 2025, c: 120, d: 118, f: 110, i: 109, k: 400, l: 380, n: 100, o: 95, p: 2, r: 400, u: 350, level: 1, note: true }), `2. PCGD_M2_THCS_2025_${NGHI_PHU}.xls`);
    const f = r.findings.filter((x) => x.rule === 'bieu_pc_so_lieu_mau');
    expect(f.map((x) => x.cells[0]).sort()).toEqual(['B18', 'L20']);
    expect(r.units[0].counts.tn_thcs).toBe(97);
    expect(r.units[0].counts.tre_15_18t_tn_thcs).toBe(350);
  });
});

describe('XMC-3 by age', () => {
  /** Each age: 100 people, 1 MC1 and 3 MC2 from 30 on, none below. */
  const byAge = (age: number): [number, number, number] => [100, age >= 30 ? 1 : 0, age >= 30 ? 3 : 0];
  it('reads the cumulative subtotal rows and derives biết chữ mức 1 as dân số − mù chữ mức 1', () => {
    const r = read(xmc3({ commune: NGHI_PHU, year: 2025, byAge }), `1. PCGD_XMC_3_${NGHI_PHU}.xls`);
    expect(r.findings).toEqual([]);
    const u = r.units[0];
    expect(u.counts.dan_so_15_25).toBe(1100);
    expect(u.counts.dan_so_15_35).toBe(2100);
    expect(u.counts.dan_so_15_60).toBe(4600);
    // MC2 from 30 on: 6 ages × 3 = 18 in 15–35, 31 ages × 3 = 93 in 15–60.
    expect(u.counts.biet_chu_m2_15_35).toBe(2100 - 18);
    expect(u.counts.biet_chu_m2_15_60).toBe(4600 - 93);
    expect(u.counts.biet_chu_m1_15_60).toBe(4600 - 31);
    expect(u.derived).toContain('biet_chu_m1_15_60');
  });
  it('a subtotal row that is not the sum of its ages is an error', () => {
    const r = read(xmc3({ commune: NGHI_PHU, year: 2025, byAge, over: { C31: 2000 } }), `1. PCGD_XMC_3_${NGHI_PHU}.xls`);
    const f = r.findings.filter((x) => x.rule === 'bieu_pc_tong_khac');
    expect(f.map((x) => x.cells[0])).toEqual(['C31']);
    expect(f[0].expected).toBe(2100);
  });
});

describe('MN-01-TE: the two versions read by label', () => {
  const byAge: Record<number, [number, number, number, number]> = { 3: [140, 140, 130, 120], 4: [145, 144, 140, 130], 5: [150, 148, 146, 140] };
  for (const version of ['2026', 'cu'] as const) {
    it(`version ${version}: 146/148 five-year-olds attend, 140 completed; 3–5: 432 of 416`, () => {
      const r = read(mn01te({ commune: NGHI_PHU, year: 2025, version, byAge }), `MN-01-TE_2025_${NGHI_PHU}.xls`);
      expect(r.code).toBe('MN-01-TE');
      expect(r.recognition.version).toBe(version);
      expect(r.findings).toEqual([]);
      const u = r.units[0];
      expect(u.name).toBe(NGHI_PHU);
      expect(u.counts.tre_5t).toBe(148);
      expect(u.counts.tre_5t_ra_lop).toBe(146);
      expect(u.counts.tre_5t_hoan_thanh).toBe(140);
      expect(u.counts.tre_3_5t).toBe(140 + 144 + 148);
      expect(u.counts.tre_3_5t_ra_lop).toBe(130 + 140 + 146);
      const run = communesOfForms([r]);
      // 146/148 = 98,65% ≥ 95%; 140/146 = 95,89% ≥ 85%: đạt.
      expect(run.communes[0].programmes.MN5!.level).toBe(1);
    });
  }
  it('a printed attendance rate its counts do not give is an error at its cell', () => {
    const r = read(mn01te({ commune: NGHI_PHU, year: 2025, version: 'cu', byAge, over: { J17: 99 } }), 'MN-01 TE.xls');
    const f = r.findings.filter((x) => x.rule === 'ty_le_in_sai');
    expect(f.map((x) => x.cells[0])).toEqual(['J17']);
  });
});

describe('MN-02', () => {
  it('5-year-olds 146/148 = 98,65%; a "Không đạt" printed is an error', () => {
    const r = read(mn02({ commune: NGHI_PHU, year: 2025, f: 148, g: 146, i: 150, j: 141, level: 'Không đạt' }), `MN-02_2025_${NGHI_PHU}.xls`);
    expect(r.findings).toEqual([]);
    const run = communesOfForms([r]);
    const mn = run.communes[0].programmes.MN5!;
    // Completion is the form's own rate: 141/150 = 94,00% ≥ 85%.
    expect(mn.level).toBe(1);
    expect(run.findings.filter((x) => x.rule === 'muc_do_in_sai').map((x) => x.cells[0])).toEqual(['R7']);
  });
});

describe('MN-02 alone', () => {
  it('its completion is counted over its own 6-year-old cohort (141/150), not the 5-year-olds attending', () => {
    const run = communesOfForms([read(mn02({ commune: NGHI_PHU, year: 2025, f: 148, g: 146, i: 150, j: 141, level: 1 }), `MN-02_2025_${NGHI_PHU}.xls`)]);
    const r = run.communes[0].programmes.MN5!.rates.MN5_HOANTHANH;
    expect(r).toMatchObject({ source: 'counts', numerator: 141, denominator: 150 });
  });
  it('0,84 under "0.00%" whose escape was lost is 0,84% when its counts say so (84/10.000), not 84%', () => {
    const spec = mn02({ commune: NGHI_PHU, year: 2025, f: 10000, g: 84, i: 150, j: 141, level: 'Không đạt' });
    spec.numberFormats!.H7 = '0.00%';
    const r = read(spec, `MN-02_2025_${NGHI_PHU}.xls`);
    expect(r.findings.filter((x) => x.rule === 'ty_le_in_sai')).toEqual([]);
  });
  it('its KT tiếp cận rate (8/10 = 80,00%) does not make it a tiểu học form', () => {
    const run = communesOfForms([read(mn02({ commune: NGHI_PHU, year: 2025, f: 148, g: 146, i: 150, j: 141, level: 1, over: { L7: 12, M7: 10, N7: 8, O7: 80 } }), `MN-02_2025_${NGHI_PHU}.xls`)]);
    expect(run.communes[0].programmes.MN5).toBeDefined();
    expect(run.communes[0].programmes.TH).toBeUndefined();
  });
});

describe('CMC-1 denominators', () => {
  it('a copy that divides nữ by nữ is named (official: every rate over the band population)', () => {
    const r = read(cmc1({ commune: NGHI_PHU, bands: [[2000, 1000, 10, 6, 15, 8], [4000, 2000, 30, 20, 50, 30], [9000, 4500, 200, 120, 1000, 600]], nuOverNu: true }), `3. PCGD_CMC_1_${NGHI_PHU}.xls`);
    expect(r.code).toBe('CMC-1');
    const f = r.findings.filter((x) => x.rule === 'bieu_pc_cmc1_mau_so');
    // Six nữ rates (MC1 and MC2 in three bands), each 7 and 15 columns after its block's first: N8, V8, AH8, AP8, BB8, BJ8.
    expect(f.map((x) => x.cells[0]).sort()).toEqual(['AH8', 'AP8', 'BB8', 'BJ8', 'N8', 'V8'].sort());
    expect(r.units[0].counts.biet_chu_m1_15_35).toBe(4000 - 30);
  });
});
