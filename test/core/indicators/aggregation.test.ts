import { unitLevel } from '../../../src/core/indicators';
import { withDefaults } from '../../../src/core/settings';

const rep = (level: number | null, n: number) => Array<number | null>(n).fill(level);

describe('district (huyen, ND 20): share of communes at level ≥ k', () => {
  test('TH: 90 % of communes at each level', () => {
    expect(unitLevel('TH', [...rep(3, 9), 2], 'huyen').level).toBe(3); // 9/10 = 90 %
    expect(unitLevel('TH', [...rep(3, 8), 2, 2], 'huyen').level).toBe(2); // 8/10 at M3
    expect(unitLevel('TH', [...rep(3, 8), 0, 0], 'huyen').level).toBe(0); // 8/10 at ≥ M1
    // 18/20 = 90 % exactly, 17/19 = 89,47 %
    expect(unitLevel('TH', [...rep(1, 18), 0, 0], 'huyen').level).toBe(1);
    expect(unitLevel('TH', [...rep(1, 17), 0, 0], 'huyen').level).toBe(0);
  });
  test('THCS: 90 % / 95 % / 100 %', () => {
    expect(unitLevel('THCS', [...rep(2, 19), 1], 'huyen').level).toBe(2); // 19/20 = 95 %
    expect(unitLevel('THCS', [...rep(2, 18), 1, 1], 'huyen').level).toBe(1); // 90 % < 95 %
    expect(unitLevel('THCS', rep(3, 11), 'huyen').level).toBe(3); // seed 000: 11/11 phường M3
    expect(unitLevel('THCS', [...rep(3, 10), 2], 'huyen').level).toBe(2); // 10/11 < 100 %
  });
  test('MN5 90 % and XMC 90 % / 90 %', () => {
    expect(unitLevel('MN5', [...rep(1, 9), 0], 'huyen').level).toBe(1);
    expect(unitLevel('MN5', [...rep(1, 8), 0, 0], 'huyen').level).toBe(0);
    expect(unitLevel('XMC', [...rep(2, 9), 1], 'huyen').level).toBe(2);
  });
  test('every check is explained', () => {
    const r = unitLevel('TH', [...rep(3, 8), 2, 2], 'huyen');
    expect(r.shares.map((s) => [s.level, s.count, s.total, s.status])).toEqual([[1, 10, 10, 'pass'], [2, 10, 10, 'pass'], [3, 8, 10, 'fail']]);
    expect(r.explanation[2].vi).toBe('Mức độ 3: 8/10 xã đạt (80,00%), yêu cầu ≥ 90% (Nghị định 20/2014/NĐ-CP, Điều 11 (theo phần mềm PCGD Nghệ An)): không đạt');
  });
});

describe('province (tinh, ND 20): share of districts', () => {
  test('TH needs 100 % of districts; XMC M1 needs only 90 %', () => {
    expect(unitLevel('TH', [3, 3, 2], 'tinh').level).toBe(2);
    expect(unitLevel('XMC', [...rep(1, 9), 0], 'tinh').level).toBe(1);
    expect(unitLevel('XMC', [...rep(2, 9), 1], 'tinh').level).toBe(1); // M2 needs 100 %
    expect(unitLevel('XMC', [...rep(1, 8), 0, 0], 'tinh').level).toBe(0);
    expect(unitLevel('TH', [2, 2], 'tinh').explanation[0].vi).toContain('huyện');
  });
});

describe('province 2025 (tinh-2025): share of communes directly', () => {
  test('XMC M1 81 %, M2 90 %', () => {
    expect(unitLevel('XMC', [...rep(1, 81), ...rep(0, 19)], 'tinh-2025').level).toBe(1);
    expect(unitLevel('XMC', [...rep(1, 80), ...rep(0, 20)], 'tinh-2025').level).toBe(0);
    expect(unitLevel('XMC', [...rep(2, 90), ...rep(1, 10)], 'tinh-2025').level).toBe(2);
    expect(unitLevel('XMC', [...rep(2, 89), ...rep(1, 11)], 'tinh-2025').level).toBe(1);
  });
  test('THCS 90 / 95 / 100, TH 90', () => {
    expect(unitLevel('THCS', [...rep(3, 19), 2], 'tinh-2025').level).toBe(2);
    expect(unitLevel('TH', [...rep(3, 9), 0], 'tinh-2025').level).toBe(3);
  });
  test('MN35 (ND 277): ≥ 85 % of ĐBKK communes and ≥ 90 % of the others', () => {
    const units = (dbkkAt1: number, dbkkTotal: number, otherAt1: number, otherTotal: number) => [
      ...Array.from({ length: dbkkTotal }, (_, i) => ({ level: i < dbkkAt1 ? 1 : 0, dbkk: true })),
      ...Array.from({ length: otherTotal }, (_, i) => ({ level: i < otherAt1 ? 1 : 0, dbkk: false })),
    ];
    expect(unitLevel('MN35', units(17, 20, 9, 10), 'tinh-2025').level).toBe(1); // 85 % and 90 %
    expect(unitLevel('MN35', units(16, 20, 10, 10), 'tinh-2025').level).toBe(0); // 80 % ĐBKK
    expect(unitLevel('MN35', units(20, 20, 8, 10), 'tinh-2025').level).toBe(0); // 80 % others
    // 85 % overall would not be enough: all ĐBKK + 88,9 % of the others fails
    expect(unitLevel('MN35', units(10, 10, 8, 9), 'tinh-2025').level).toBe(0);
    const r = unitLevel('MN35', units(17, 20, 9, 10), 'tinh-2025');
    expect(r.shares.map((s) => [s.group, s.count, s.total, s.required])).toEqual([['dbkk', 17, 20, 85], ['other', 9, 10, 90]]);
  });
  test('no rule known → noRule and Chưa đủ dữ liệu; an override can supply it and is reported', () => {
    const r = unitLevel('MN5', rep(1, 10), 'tinh-2025');
    expect(r.noRule).toBe(true);
    expect(r.level).toBeNull();
    const settings = withDefaults({ thresholdOverrides: [{ indicator: 'AGG_MN5', level: 1, scope: 'tinh-2025', percent: 90, note: 'Kế hoạch của tỉnh' }] });
    const s = unitLevel('MN5', [...rep(1, 9), 0], 'tinh-2025', settings);
    expect(s.level).toBe(1);
    expect(s.overridesUsed).toEqual([expect.objectContaining({ indicator: 'AGG_MN5', percent: 90, defaultPercent: null, scope: 'tinh-2025' })]);
    expect(s.explanation.at(-1)!.vi).toContain('Kế hoạch của tỉnh');
    expect(unitLevel('MN5', [...rep(1, 8), 0, 0], 'tinh-2025', settings).level).toBe(0);
  });
  test('an aggregation override for one scope does not touch another', () => {
    const settings = withDefaults({ thresholdOverrides: [{ indicator: 'AGG_TH', level: 3, scope: 'huyen', percent: 100 }] });
    expect(unitLevel('TH', [...rep(3, 9), 2], 'huyen', settings).level).toBe(2);
    expect(unitLevel('TH', [...rep(3, 9), 2], 'tinh-2025', settings).level).toBe(3);
    expect(unitLevel('TH', [...rep(3, 9), 2], 'tinh-2025', settings).overridesUsed).toEqual([]);
  });
});

describe('communes without data never count as đạt', () => {
  test('unknown communes that cannot change the result', () => {
    // 9 of 10 already at M3 → 90 % whatever the 10th is.
    expect(unitLevel('TH', [...rep(3, 9), null], 'huyen').level).toBe(3);
    // 7 at M3: even if the unknown is M3, 8/10 < 90 % → M3 fails surely; 9/10 at ≥ M2 → M2.
    expect(unitLevel('TH', [...rep(3, 7), 2, 2, null], 'huyen').level).toBe(2);
  });
  test('unknown communes that could change the result → Chưa đủ dữ liệu', () => {
    const r = unitLevel('TH', [...rep(3, 8), 2, null], 'huyen');
    expect(r.level).toBeNull();
    expect(r.atLeast).toBe(2);
    expect(r.unknownUnits).toEqual(['10']);
    expect(r.shares[2]).toMatchObject({ level: 3, count: 8, unknown: 1, status: 'missing' });
    expect(r.label.vi).toBe('Chưa đủ dữ liệu');
  });
  test('named units are reported by name; no units at all → Chưa đủ dữ liệu', () => {
    const r = unitLevel('XMC', [{ level: 2, name: 'Phường 1' }, { level: null, name: 'Phường 2' }], 'huyen');
    expect(r.unknownUnits).toEqual(['Phường 2']);
    expect(r.level).toBeNull();
    expect(unitLevel('TH', [], 'huyen').level).toBeNull();
  });
  test('an impossible level is an error and counts as no data', () => {
    const r = unitLevel('XMC', [3, 2, 2], 'huyen');
    expect(r.errors[0].error.code).toBe('#NUM!');
    expect(r.level).toBeNull();
  });
});

describe('labels of a one-level programme', () => {
  it('MN5 is "Đạt", never "Mức độ 1", for the unit as for the commune; TH keeps its levels', () => {
    const all = unitLevel('MN5', [1, 1, 1], 'huyen');
    expect(all.level).toBe(1);
    expect(all.label).toEqual({ vi: 'Đạt', en: 'Achieved' });
    expect(unitLevel('MN5', [0, 0, 0], 'huyen').label.vi).toBe('Không đạt');
    expect(unitLevel('TH', [2, 2, 2], 'huyen').label.vi).toBe('Mức độ 2');
  });
});
