import { communeLevels, levelsOfCommunes, levelArguments, rateCounts, programmeMeasures, INDICATORS } from '../../../src/core/indicators';
import { withSheetConventions } from '../../../src/core/indicators/measures';
import type { CommuneInput } from '../../../src/core/indicators';
import { checkSnapshot } from '../../../src/core/rules';
import { buildReport } from '../../../src/core/report/build';
import { toSnapshot } from '../../fixtures/builder';
import { buildSheets, cleanData } from '../../fixtures/clean';

const commune = (counts: CommuneInput['counts'], extra: Partial<CommuneInput> = {}): CommuneInput => ({ ma_xa: '1', ten_xa: 'Xã Một', dbkk: false, counts, ...extra });

describe('communeLevels: a commune from its counts (SHEETS.md field ids)', () => {
  // PPC(5) = 800 − 2 miễn giảm − 3 chuyển đi − 1 chết = 794; 95% of 794 = 754,3.
  const mn5 = (raLop: number) => ({ tre_5t: 800, mien_giam_5t: 2, chuyen_di: 3, chet: 1, tre_5t_ra_lop: raLop, tre_5t_hoan_thanh: 700 });

  test('MN5: ra lớp over PPC(5), completion over the attending children; a rate just above and just below 95%', () => {
    const above = communeLevels('MN5', commune(mn5(755)));
    expect(above.rates.MN5_HUYDONG).toMatchObject({ numerator: 755, denominator: 794 });
    expect(755 / 794).toBeGreaterThanOrEqual(0.95);
    // 700/755 = 92,7% ≥ 85%.
    expect(above.rates.MN5_HOANTHANH).toMatchObject({ numerator: 700, denominator: 755 });
    expect(above.level.level).toBe(1);
    expect(above.inputs).toEqual(mn5(755));
    expect(above.hasData).toBe(true);
    // 754/794 = 94,96% < 95%.
    expect(communeLevels('MN5', commune(mn5(754))).level.level).toBe(0);
  });

  test('the completion denominator setting switches MN5_HOANTHANH to PPC(5)', () => {
    const r = communeLevels('MN5', commune(mn5(755)), { settings: { mn5CompletionDenominator: 'ppc' } });
    expect(r.rates.MN5_HOANTHANH).toMatchObject({ numerator: 700, denominator: 794 });
  });

  test('a ĐBKK commune is judged on the narrower XMC bands', () => {
    const counts = { dan_so_15_25: 1000, mien_giam_15_25: 0, biet_chu_m1_15_25: 950, dan_so_15_35: 2000, mien_giam_15_35: 0, biet_chu_m1_15_35: 1700, biet_chu_m2_15_35: 1850, dan_so_15_60: 5000, biet_chu_m2_15_60: 4000 };
    const dbkk = communeLevels('XMC', commune(counts, { dbkk: true }));
    // 950/1000 = 95% (M1 on 15–25), 1.850/2.000 = 92,5% (M2 on 15–35): level 2.
    expect(dbkk.rates.XMC_M1).toMatchObject({ band: '15_25', numerator: 950, denominator: 1000 });
    expect(dbkk.rates.XMC_M2).toMatchObject({ band: '15_35', numerator: 1850, denominator: 2000 });
    expect(dbkk.level.level).toBe(2);
    // An ordinary commune: 1.700/2.000 = 85% on 15–35 fails M1.
    expect(communeLevels('XMC', commune(counts)).level.level).toBe(0);
  });

  test('TH_11_CONLAI is the rate (HTCTTH + đang học TH) / PPC(11); blank or above 100% never passes', () => {
    const base = { tre_6t: 900, mien_giam_6t: 1, tre_6t_lop1: 899, tre_11t: 850, mien_giam_11t: 2, tre_11t_htth: 830, tre_14t: 780, mien_giam_14t: 3, tre_14t_htth: 776 };
    // 830 + 18 = 848 = 850 − 2.
    const full = communeLevels('TH', commune({ ...base, tre_11t_dang_hoc_th: 18 }));
    expect(full.rates.TH_11_CONLAI).toMatchObject({ numerator: 848, denominator: 848, value: 1 });
    expect(full.level.level).toBe(3);
    const blank = communeLevels('TH', commune({ ...base, tre_11t_dang_hoc_th: null }));
    expect(blank.level.missing).toContain('TH_11_CONLAI');
    expect(blank.level.level).toBeNull();
    const over = communeLevels('TH', commune({ ...base, tre_11t_dang_hoc_th: 19 }));
    expect(over.level.errors.map((e) => e.indicator)).toEqual(['TH_11_CONLAI']);
    expect(over.level.level).toBeNull();
  });

  test('hasData: the programme cannot do without its cohort', () => {
    expect(communeLevels('MN5', commune({ ...mn5(755), tre_5t: null })).hasData).toBe(false);
  });
});

describe('rateCounts', () => {
  const pcbth = INDICATORS.find((r) => r.id === 'PCBTH_HUYDONG')!.counts!;
  test('optional parts blank or absent count as none; a required part blank makes the rate unknown', () => {
    expect(rateCounts(pcbth, { tn_thcs: 700, vao_lop10_thpt: 590, vao_gdtx: null })).toEqual({ numerator: 590, denominator: 700 });
    expect(rateCounts(pcbth, { tn_thcs: 700, vao_lop10_thpt: null, vao_gdtx: 80 })).toEqual({ numerator: null, denominator: 700 });
  });
  test('an unreadable figure (NaN) is never a zero', () => {
    const mn5 = INDICATORS.find((r) => r.id === 'MN5_HUYDONG')!.counts!;
    expect(rateCounts(mn5, { tre_5t: 800, mien_giam_5t: NaN, tre_5t_ra_lop: 700 })).toEqual({ numerator: 700, denominator: null });
    expect(rateCounts(mn5, { tre_5t: 800, tre_5t_ra_lop: 700 })).toEqual({ numerator: 700, denominator: 800 });
  });
});

describe('levelsOfCommunes: prerequisites matched by code, then by name', () => {
  // TH level 3 (as above) and XMC level 2 for "Phường Một"; THCS 2.950/2.995 = 98,50%, 2.700/2.995 = 90,15%.
  const th = { tre_6t: 900, mien_giam_6t: 1, tre_6t_lop1: 899, tre_11t: 850, mien_giam_11t: 2, tre_11t_htth: 830, tre_11t_dang_hoc_th: 18, tre_14t: 780, mien_giam_14t: 3, tre_14t_htth: 776 };
  const xmc = { dan_so_15_35: 18000, mien_giam_15_35: 30, biet_chu_m1_15_35: 17950, dan_so_15_60: 40000, mien_giam_15_60: 70, biet_chu_m2_15_60: 39500 };
  const thcs = { tre_15_18t: 3000, mien_giam_15_18t: 5, tre_15_18t_tn_thcs: 2950, tre_15_18t_hoc_tiep: 2700 };

  test('names match whatever their case and spacing; THCS listed first still sees TH and XMC', () => {
    const [t] = levelsOfCommunes(
      [
        { programme: 'THCS', communes: [{ ma_xa: null, ten_xa: 'PHƯỜNG  MỘT', dbkk: false, counts: thcs }] },
        { programme: 'TH', communes: [{ ma_xa: null, ten_xa: 'Phường Một', dbkk: false, counts: th }] },
        { programme: 'XMC', communes: [{ ma_xa: null, ten_xa: 'phường một', dbkk: false, counts: xmc }] },
      ],
    );
    expect(t[0].level.criteria.filter((c) => c.kind === 'prerequisite').map((c) => c.status)).toEqual(['pass', 'pass']);
    expect(t[0].level.level).toBe(3);
  });

  test('a commune with a code is not matched by name to a commune with another code', () => {
    const [t] = levelsOfCommunes([
      { programme: 'THCS', communes: [{ ma_xa: '999', ten_xa: 'Phường Một', dbkk: false, counts: thcs }] },
      { programme: 'TH', communes: [{ ma_xa: '26881', ten_xa: 'Phường Một', dbkk: false, counts: th }] },
      { programme: 'XMC', communes: [{ ma_xa: ' 999 ', ten_xa: 'x', dbkk: false, counts: xmc }] },
    ]);
    expect(t[0].level.missing).toEqual(['PREREQ_TH']);
  });
});

describe('the check and the report compute a commune through the same path', () => {
  test('THCS prerequisites by name: the printed-level finding and the report say the same level', () => {
    const d = cleanData();
    for (const s of ['PC_TH', 'XMC', 'PC_THCS'] as const) for (const r of d[s].rows) r.ma_xa = null;
    // Before, the check matched names ignoring case and the report exactly: the report said "Chưa đủ dữ liệu".
    d.PC_THCS.rows[0].ten_xa = 'PHƯỜNG MỘT';
    d.PC_THCS.rows[0].muc_do = 1;
    const { parsed, findings } = checkSnapshot(toSnapshot('t.xlsx', buildSheets(d)));
    const f = findings.filter((x) => x.rule === 'muc_do_in_sai');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: 'PC_THCS', expected: 3, actual: 1 });
    const model = buildReport({ current: parsed, findings });
    const units = (model.sections.find((s) => s.id === 'pho_cap')!.data.units as { programme: string; level: number | null }[]).filter((u) => u.programme === 'THCS');
    expect(units.map((u) => u.level)).toEqual([3]);
  });
});

describe('the table drives the level arguments and the report columns', () => {
  test('GD.PHOCAP_LEVEL arguments: prerequisites then the level indicators in table order', () => {
    expect(levelArguments('THCS').map((a) => (a.kind === 'prerequisite' ? `PREREQ_${a.programme}` : a.indicator))).toEqual(['PREREQ_TH', 'PREREQ_XMC', 'THCS_15_18_TN', 'THCS_15_18_HOCTIEP']);
    expect(levelArguments('TH').filter((a) => a.kind === 'rate' && a.condition).map((a) => (a.kind === 'rate' ? a.indicator : ''))).toEqual(['TH_11_CONLAI']);
  });
  test('XMC columns by band, then level; the ĐBKK band feeds the level of ĐBKK communes only', () => {
    const ms = programmeMeasures('XMC');
    expect(ms.map((m) => [m.id, m.role, m.dbkk ?? null])).toEqual([
      ['XMC_M1_15_25', 'level', true],
      ['XMC_M1_15_35', 'level', false],
      ['XMC_M2_15_35', 'level', true],
      ['XMC_M1_15_60', 'info', null],
      ['XMC_M2_15_60', 'level', false],
    ]);
    expect(ms[0].column.vi).toBe('Biết chữ mức độ 1 (15–25 tuổi)');
  });
});

describe('withSheetConventions: a PC_MN5 sheet that fills tre_6t_mn counts completion as MN-02 does', () => {
  const sheet = (tre6: number | null) => ({ template: 'PC_MN5', records: [{ fields: { tre_6t_mn: { value: tre6 }, tre_5t_hoan_thanh: { value: 7 } } }] });
  it('switches the default denominator to the 6-year-olds, and the rate follows (7/7, not 7/9)', () => {
    const s = withSheetConventions({ mn5CompletionDenominator: 'attending' as const }, [sheet(7)]);
    expect(s.mn5CompletionDenominator).toBe('ppc6');
    const counts = { tre_5t: 9, mien_giam_5t: 0, tre_5t_ra_lop: 9, tre_5t_hoan_thanh: 7, tre_6t_mn: 7, mien_giam_6t_mn: 0 };
    expect(communeLevels('MN5', commune(counts), { settings: s }).rates.MN5_HOANTHANH.value).toBe(7 / 7);
    expect(communeLevels('MN5', commune(counts), { settings: { mn5CompletionDenominator: 'attending' } }).rates.MN5_HOANTHANH.value).toBe(7 / 9);
  });
  it('leaves a sheet without the column, and a denominator the user chose, alone', () => {
    expect(withSheetConventions({ mn5CompletionDenominator: 'attending' as const }, [sheet(null)]).mn5CompletionDenominator).toBe('attending');
    expect(withSheetConventions({ mn5CompletionDenominator: 'ppc' as const }, [sheet(7)]).mn5CompletionDenominator).toBe('ppc');
  });
});
