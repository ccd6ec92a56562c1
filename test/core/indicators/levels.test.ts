import { communeLevel, LevelResult } from '../../../src/core/indicators';
import { withDefaults } from '../../../src/core/settings';

const TH = (r6: any, r11: any, conlai: any, r14: any, dbkk = false, settings?: any): LevelResult =>
  communeLevel('TH', { rates: { TH_6_LOP1: r6, TH_11_HTCT: r11, TH_11_CONLAI: conlai, TH_14_HTCT: r14 } }, { dbkk, settings });
const JUST_BELOW = (x: number) => x - 1e-10;

describe('TH levels (ND 20 Điều 9–11): at the threshold passes, just below fails', () => {
  test('M1: 6 tuổi vào lớp 1 ≥ 90 %, 14 tuổi HTCTTH ≥ 80 % (ĐBKK 70 %)', () => {
    expect(TH(0.9, 0, false, 0.8).level).toBe(1);
    expect(TH(JUST_BELOW(0.9), 0, false, 0.8).level).toBe(0);
    expect(TH(0.9, 0, false, JUST_BELOW(0.8)).level).toBe(0);
    expect(TH(0.9, 0, false, 0.7, true).level).toBe(1);
    expect(TH(0.9, 0, false, JUST_BELOW(0.7), true).level).toBe(0);
    // ĐBKK has no lower 6-year-old threshold
    expect(TH(JUST_BELOW(0.9), 0, false, 0.8, true).level).toBe(0);
  });
  test('M2: 6 tuổi ≥ 95 %, 11 tuổi HTCTTH ≥ 80 % (ĐBKK 70 %), every other 11-year-old still in TH', () => {
    expect(TH(0.95, 0.8, true, 0.8).level).toBe(2);
    expect(TH(JUST_BELOW(0.95), 0.8, true, 0.8).level).toBe(1);
    expect(TH(0.95, JUST_BELOW(0.8), true, 0.8).level).toBe(1);
    expect(TH(0.95, 0.8, false, 0.8).level).toBe(1);
    // the condition as a rate: (HTCTTH + đang học TH) / PPC must be exactly 100 %
    expect(TH(0.95, 0.8, 1, 0.8).level).toBe(2);
    expect(TH(0.95, 0.8, { numerator: 9264, denominator: 9265 }, 0.8).level).toBe(1);
    expect(TH(0.95, 0.7, true, 0.7, true).level).toBe(2);
    expect(TH(0.95, JUST_BELOW(0.7), true, 0.7, true).level).toBe(1);
  });
  test('M3: 6 tuổi ≥ 98 %, 11 tuổi HTCTTH ≥ 90 % (ĐBKK 80 %) — repo boundary vector', () => {
    expect(TH(0.98, 0.9, true, 0.8).level).toBe(3);
    expect(TH(JUST_BELOW(0.98), 0.9, true, 0.8).level).toBe(2);
    expect(TH(0.98, JUST_BELOW(0.9), true, 0.8).level).toBe(2);
    expect(TH(0.98, 0.8, true, 0.7, true).level).toBe(3);
    expect(TH(0.98, JUST_BELOW(0.8), true, 0.7, true).level).toBe(2);
    // levels are cumulative: a failed M1 check caps everything
    expect(TH(1, 1, true, JUST_BELOW(0.8)).level).toBe(0);
  });
  test('seed 000 Quận 12 rates (11 tuổi 97,38 %, 14 tuổi 99,96 %) with 6 tuổi 98 % → M3', () => {
    const r = TH({ numerator: 98, denominator: 100 }, { numerator: 9022, denominator: 9265 }, true, { numerator: 7701, denominator: 7704 });
    expect(r.level).toBe(3);
    expect(r.label.vi).toBe('Mức độ 3');
  });
  test('counts are compared exactly: 9/10 meets 90 %, 8 999 999/10 000 000 does not', () => {
    expect(TH({ numerator: 9, denominator: 10 }, 0, false, 0.8).level).toBe(1);
    expect(TH({ numerator: 8999999, denominator: 10000000 }, 0, false, 0.8).level).toBe(0);
  });
  test('no binary-float surprise: 29/100 meets an override of 29 % (29/100·100 = 28,999… in floats)', () => {
    const settings = withDefaults({ thresholdOverrides: [{ indicator: 'TH_6_LOP1', level: 1, percent: 29 }] });
    expect((29 / 100) * 100).toBeLessThan(29);
    expect(TH({ numerator: 29, denominator: 100 }, 0, false, 0.8, false, settings).level).toBe(1);
    expect(TH(0.29, 0, false, 0.8, false, settings).level).toBe(1);
  });
});

describe('THCS levels: prerequisites TH ≥ 1 and XMC ≥ 1, cumulative', () => {
  const THCS = (th: any, xmc: any, tn: any, hoctiep: any, dbkk = false) =>
    communeLevel('THCS', { rates: { THCS_15_18_TN: tn, THCS_15_18_HOCTIEP: hoctiep }, prerequisites: { TH: th, XMC: xmc } }, { dbkk });
  test('M1 80 % (ĐBKK 70 %) and the prerequisites', () => {
    expect(THCS(1, 1, 0.8, 0).level).toBe(1);
    expect(THCS(1, 1, JUST_BELOW(0.8), 0).level).toBe(0);
    expect(THCS(0, 2, 1, 1).level).toBe(0);
    expect(THCS(3, 0, 1, 1).level).toBe(0);
    expect(THCS(1, 1, 0.7, 0, true).level).toBe(1);
    expect(THCS(1, 1, JUST_BELOW(0.7), 0, true).level).toBe(0);
  });
  test('M2 90 % (ĐBKK 80 %)', () => {
    expect(THCS(1, 1, 0.9, 0).level).toBe(2);
    expect(THCS(1, 1, JUST_BELOW(0.9), 0).level).toBe(1);
    expect(THCS(1, 1, 0.8, 0, true).level).toBe(2);
    expect(THCS(1, 1, JUST_BELOW(0.8), 0, true).level).toBe(1);
  });
  test('M3 95 % and học tiếp 80 % (ĐBKK 90 % / 70 %) — repo vector 95/80 with TH2 XMC2 → M3', () => {
    expect(THCS(2, 2, 0.95, 0.8).level).toBe(3);
    expect(THCS(2, 2, JUST_BELOW(0.95), 0.8).level).toBe(2);
    expect(THCS(2, 2, 0.95, JUST_BELOW(0.8)).level).toBe(2);
    expect(THCS(2, 2, 0.9, 0.7, true).level).toBe(3);
    expect(THCS(2, 2, 0.9, JUST_BELOW(0.7), true).level).toBe(2);
  });
  test('seed 000: 27 096 / 27 475 = 98,62 % with TH M3, XMC M2 and học tiếp 80 % → M3', () => {
    expect(THCS(3, 2, { numerator: 27096, denominator: 27475 }, 0.8).level).toBe(3);
  });
  test('an unknown prerequisite makes the level unknown', () => {
    const r = THCS(null, 2, 0.95, 0.8);
    expect(r.level).toBeNull();
    expect(r.missing).toEqual(['PREREQ_TH']);
  });
});

describe('XMC levels: 90 % of the band; ĐBKK has a narrower band, same percent', () => {
  const XMC = (m1: any, m2: any, dbkk = false, settings?: any) => communeLevel('XMC', { rates: { XMC_M1: m1, XMC_M2: m2 } }, { dbkk, settings });
  test('M1 and M2 boundaries, also for ĐBKK', () => {
    expect(XMC(0.9, 0).level).toBe(1);
    expect(XMC(JUST_BELOW(0.9), 0).level).toBe(0);
    expect(XMC(0.9, 0.9).level).toBe(2);
    expect(XMC(0.9, JUST_BELOW(0.9)).level).toBe(1);
    expect(XMC(0.9, 0.9, true).level).toBe(2);
    expect(XMC(JUST_BELOW(0.9), 0.95, true).level).toBe(0);
  });
  test('ĐBKK bands are named in the breakdown (15–25 and 15–35)', () => {
    const r = XMC(0.9, 0.9, true);
    expect(r.criteria.map((c) => c.cohort)).toEqual(['15–25', '15–35']);
    expect(XMC(0.9, 0.9).criteria.map((c) => c.cohort)).toEqual(['15–35', '15–60']);
  });
  test('setting xmcM2RequiresM1 = false lets M2 stand alone', () => {
    expect(XMC(0.89, 0.95).level).toBe(0);
    expect(XMC(0.89, 0.95, false, { xmcM2RequiresM1: false }).level).toBe(2);
  });
  test('seed 000 Quận 12: M1 15–35 99,97 %, M2 15–60 99,91 % → M2', () => {
    expect(XMC({ numerator: 200601, denominator: 200655 }, { numerator: 451894, denominator: 452290 }).level).toBe(2);
  });
});

describe('MN5 and MN35', () => {
  test('MN5: huy động 95 % (ĐBKK 90 %), hoàn thành 85 % (ĐBKK 80 %)', () => {
    const MN5 = (a: any, b: any, dbkk = false) => communeLevel('MN5', { rates: { MN5_HUYDONG: a, MN5_HOANTHANH: b } }, { dbkk }).level;
    expect(MN5(0.95, 0.85)).toBe(1);
    expect(MN5(JUST_BELOW(0.95), 0.85)).toBe(0);
    expect(MN5(0.95, JUST_BELOW(0.85))).toBe(0);
    expect(MN5(0.9, 0.8, true)).toBe(1);
    expect(MN5(JUST_BELOW(0.9), 0.8, true)).toBe(0);
    expect(MN5(0.9, JUST_BELOW(0.8), true)).toBe(0);
    expect(MN5({ numerator: 8684, denominator: 8684 }, { numerator: 8684, denominator: 8684 })).toBe(1);
  });
  test('MN35: huy động 90 % (ĐBKK 85 %) and each age 3, 4, 5 completes ≥ 85 % (ĐBKK 80 %)', () => {
    const MN35 = (a: any, b: any, c: any, d: any, dbkk = false) =>
      communeLevel('MN35', { rates: { MN35_HUYDONG: a, MN35_HT_3: b, MN35_HT_4: c, MN35_HT_5: d } }, { dbkk }).level;
    expect(MN35(0.9, 0.85, 0.85, 0.85)).toBe(1);
    expect(MN35(JUST_BELOW(0.9), 0.85, 0.85, 0.85)).toBe(0);
    expect(MN35(0.9, 0.85, JUST_BELOW(0.85), 0.85)).toBe(0);
    expect(MN35(0.85, 0.8, 0.8, 0.8, true)).toBe(1);
    expect(MN35(JUST_BELOW(0.85), 0.8, 0.8, 0.8, true)).toBe(0);
    // seed 000: 23 300 / 23 942 = 97,32 % ≥ 90 %
    expect(MN35({ numerator: 23300, denominator: 23942 }, 0.9, 0.9, 0.9)).toBe(1);
  });
});

describe('missing data: "Chưa đủ dữ liệu" only when it could change the level', () => {
  test('a blank input that could decide → null, with what is known for sure', () => {
    const r = TH(null, 0.9, true, 0.8);
    expect(r.level).toBeNull();
    expect(r.label.vi).toBe('Chưa đủ dữ liệu');
    expect(r.missing).toEqual(['TH_6_LOP1']);
    expect(r.atLeast).toBe(0);
    const s = TH(0.96, null, true, 0.8);
    expect(s.level).toBeNull();
    expect(s.atLeast).toBe(1);
  });
  test('a blank input that cannot change the result does not block it', () => {
    // 14-year-olds fail M1, so nothing else matters.
    expect(TH(null, null, null, 0.5).level).toBe(0);
    expect(TH(null, null, null, 0.5).label.vi).toBe('Không đạt');
  });
  test('denominator 0 is no data, never "đạt"', () => {
    const r = TH(0.99, 0.95, true, { numerator: 0, denominator: 0 });
    expect(r.level).toBeNull();
    expect(r.missing).toContain('TH_14_HTCT');
  });
  test('everything blank → Chưa đủ dữ liệu', () => {
    expect(communeLevel('MN5', { rates: {} }).level).toBeNull();
  });
  test('invalid inputs are reported as errors, not as levels', () => {
    const r = TH({ numerator: 120, denominator: 100 }, 0.9, true, 0.8);
    expect(r.level).toBeNull();
    expect(r.errors[0].error.code).toBe('#NUM!');
    expect(TH(1.2, 0.9, true, 0.8).errors[0].error.code).toBe('#NUM!');
    expect(TH(-0.1, 0.9, true, 0.8).errors[0].error.reason).toBe('negative');
  });
});

describe('per-criterion breakdown and overrides', () => {
  test('each check says what it needed, what it got and the legal source', () => {
    const r = TH(0.97, 0.85, true, 0.8);
    expect(r.level).toBe(2);
    const failing = r.criteria.filter((c) => c.status === 'fail');
    expect(failing.map((c) => `${c.indicator}@${c.level}`)).toEqual(['TH_6_LOP1@3', 'TH_11_HTCT@3']);
    const m3 = failing[0];
    expect(m3.required).toBe(98);
    expect(m3.source).toContain('Điều 11');
    expect(m3.sourceStatus).toBe('CONFIRMED-LEGAL');
    expect(r.explanation[0].vi).toBe('Mức độ 1 – Tỷ lệ trẻ 6 tuổi vào lớp 1: 97,00%, yêu cầu ≥ 90% (Nghị định 20/2014/NĐ-CP, Điều 9): đạt');
    expect(r.explanation.some((e) => e.vi.includes('yêu cầu ≥ 98%') && e.vi.endsWith('không đạt'))).toBe(true);
  });
  test('an override changes the threshold and is reported', () => {
    const settings = withDefaults({ thresholdOverrides: [{ indicator: 'TH_6_LOP1', level: 1, percent: 92, note: 'QĐ của UBND tỉnh' }] });
    const r = TH(0.91, 0, false, 0.8, false, settings);
    expect(r.level).toBe(0);
    expect(r.overridesUsed).toEqual([{ indicator: 'TH_6_LOP1', level: 1, dbkk: false, defaultPercent: 90, percent: 92, note: 'QĐ của UBND tỉnh' }]);
    expect(r.explanation.at(-1)!.vi).toBe('Dùng ngưỡng theo cài đặt: TH_6_LOP1 mức độ 1: 92% (mặc định 90%) – QĐ của UBND tỉnh');
    // Without the override the same commune is at M1.
    expect(TH(0.91, 0, false, 0.8).level).toBe(1);
    expect(TH(0.91, 0, false, 0.8).overridesUsed).toEqual([]);
  });
  test('a ĐBKK-only override leaves ordinary communes alone', () => {
    const settings = withDefaults({ thresholdOverrides: [{ indicator: 'TH_14_HTCT', level: 1, dbkk: true, percent: 75 }] });
    expect(TH(0.9, 0, false, 0.72, true, settings).level).toBe(0);
    expect(TH(0.9, 0, false, 0.72, true).level).toBe(1);
    const normal = TH(0.9, 0, false, 0.79, false, settings);
    expect(normal.level).toBe(0);
    expect(normal.overridesUsed).toEqual([]);
  });
});
