import { AGGREGATION_RULES, INDICATOR_RULES, PROGRAMME_INDICATORS, resolveThreshold } from '../../../src/core/indicators';

describe('the rule table (REGULATIONS §8.1, §8.2)', () => {
  test('every commune indicator of §8.1 is present with its source and status', () => {
    const ids = ['MN5_HUYDONG', 'MN5_HOANTHANH', 'MN35_HUYDONG', 'MN35_HT_3', 'MN35_HT_4', 'MN35_HT_5', 'TH_6_LOP1', 'TH_14_HTCT',
      'TH_11_HTCT', 'TH_11_CONLAI', 'TH_11_14_HTCT', 'THCS_15_18_TN', 'THCS_15_18_HOCTIEP', 'THCS_HUYDONG_L6', 'THCS_TN_HANGNAM',
      'XMC_M1', 'XMC_M2', 'KT_TIEPCAN', 'PCBTH_HUYDONG', 'PCBTH_TN', 'PCBTH_HIEUQUA'];
    for (const id of ids) {
      const r = INDICATOR_RULES[id];
      expect(r).toBeDefined();
      expect(r.source.length).toBeGreaterThan(5);
      expect(['CONFIRMED-LEGAL', 'CONFIRMED-PRACTICE', 'SECONDARY', 'UNCONFIRMED']).toContain(r.status);
    }
    for (const list of Object.values(PROGRAMME_INDICATORS)) for (const id of list) expect(INDICATOR_RULES[id].kind).not.toBe('info');
  });
  test('thresholds as in the decree (spot checks by hand from §8.1)', () => {
    expect(resolveThreshold('MN5_HUYDONG', 1, false)!.percent).toBe(95);
    expect(resolveThreshold('MN5_HUYDONG', 1, true)!.percent).toBe(90);
    expect(resolveThreshold('TH_6_LOP1', 3, true)!.percent).toBe(98);
    expect(resolveThreshold('TH_11_HTCT', 3, true)!.percent).toBe(80);
    expect(resolveThreshold('TH_11_HTCT', 1, false)).toBeNull();
    expect(resolveThreshold('THCS_15_18_TN', 2, false)).toMatchObject({ percent: 90, status: 'SECONDARY' });
    expect(resolveThreshold('THCS_15_18_HOCTIEP', 3, true)!.percent).toBe(70);
    expect(resolveThreshold('XMC_M2', 2, true)!.percent).toBe(90);
    expect(resolveThreshold('PCBTH_HUYDONG', 1, false)).toBeNull();
  });
  test('aggregation table (§8.2)', () => {
    const pct = (k: string, level: 1 | 2 | 3) => AGGREGATION_RULES[k].levels[level]!.map((r) => r.percent);
    expect(pct('THCS/huyen', 2)).toEqual([95]);
    expect(pct('XMC/tinh', 1)).toEqual([90]);
    expect(pct('XMC/tinh', 2)).toEqual([100]);
    expect(pct('XMC/tinh-2025', 1)).toEqual([81]);
    expect(pct('MN35/tinh-2025', 1)).toEqual([85, 90]);
    expect(pct('MN5/tinh', 1)).toEqual([100]);
  });
  test('a PCBTH parameter exists only when the user sets it', () => {
    const settings = { thresholdOverrides: [{ indicator: 'PCBTH_HUYDONG', level: 1, percent: 96, note: 'Chỉ tiêu TP.HCM' }] };
    expect(resolveThreshold('PCBTH_HUYDONG', 1, false, settings)).toMatchObject({ percent: 96, override: { defaultPercent: null } });
  });
  test('an override outside 0–100 % is ignored', () => {
    const settings = { thresholdOverrides: [{ indicator: 'TH_6_LOP1', level: 1, percent: 900 }] };
    expect(resolveThreshold('TH_6_LOP1', 1, false, settings)!.percent).toBe(90);
  });
});
