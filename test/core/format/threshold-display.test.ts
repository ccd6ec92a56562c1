/**
 * Issue 14: a rate is never rounded up across a threshold in display. A commune at 89,997% (threshold
 * 90%) must not read "90,00%" beside "Không đạt" — not in sentences, tables, the report sheet, the CLI's
 * figures (figureText) nor the level explanations. The rule (src/core/format/vn.ts): rounded half up,
 * but cut at the shown decimals when rounding would reach a threshold the exact rate is below; every
 * legal threshold is a whole percent, so a rate that is not whole never shows as whole.
 * All figures below are made by hand.
 */
import { formatPercent, formatPercentOf, percentDisplayIsCut } from '../../../src/core/format/vn';
import { meetsPercent } from '../../../src/core/indicators/exact';
import { communeLevel } from '../../../src/core/indicators/levels';
import { INDICATORS } from '../../../src/core/indicators/table';
import { AGGREGATION_RULES, PCBTH_DISTRICT_SHARE } from '../../../src/core/indicators/thresholds';
import { figureText, type Finding, type RuleId } from '../../../src/core/findings';
import { buildReport } from '../../../src/core/report/build';
import { reportToSheetPlan } from '../../../src/core/report/sheetPlan';
import { sheet, workbook } from '../report/helpers';

/** Every threshold of the indicator table (normal and ĐBKK, every level) and every share rule. */
const thresholds = [
  ...new Set([
    ...INDICATORS.flatMap((r) => Object.values(r.levels).flatMap((l) => [l!.normal, l!.dbkk])),
    ...Object.values(AGGREGATION_RULES).flatMap((a) => Object.values(a.levels).flatMap((rules) => rules!.map((x) => x.percent))),
    PCBTH_DISTRICT_SHARE.normal,
    PCBTH_DISTRICT_SHARE.difficult,
  ]),
].sort((a, b) => a - b);

describe('display never crosses a threshold of the indicator table', () => {
  test('the table holds the thresholds we expect, all whole percents (what lets the guard need no table)', () => {
    // from table.ts / thresholds.ts by hand: 70, 75, 80, 81, 85, 90, 95, 98, 100 at least
    for (const t of [70, 75, 80, 81, 85, 90, 95, 98, 100]) expect(thresholds).toContain(t);
    for (const t of thresholds) expect(Number.isInteger(t)).toBe(true);
  });

  test.each(thresholds)('just below, at and just above %i%%', (t) => {
    const den = 100_000;
    // just below: (1000·t − 3)/100000 = t − 0,003 %, which half-up rounding would print "t,00%"
    const below = 1000 * t - 3;
    expect(meetsPercent(below, den, t)).toBe(false);
    const under = `${t - 1},99%`;
    expect(formatPercentOf(below, den)).toBe(under);
    expect(formatPercent(below / den)).toBe(under);
    expect(formatPercentOf(below, den, 0)).toBe(`${t - 1}%`);
    expect(formatPercentOf(below, den, 1)).toBe(`${t - 1},9%`);
    expect(percentDisplayIsCut((below * 100) / den, 2)).toBe(true);
    // exactly at the threshold: "t,00%"
    expect(formatPercentOf(1000 * t, den)).toBe(`${t},00%`);
    expect(formatPercent((1000 * t) / den)).toBe(`${t},00%`);
    expect(percentDisplayIsCut(t, 2)).toBe(false);
    if (t < 100) {
      // just above: t + 0,003 % meets the threshold and rounds half up as usual to "t,00%"
      const above = 1000 * t + 3;
      expect(meetsPercent(above, den, t)).toBe(true);
      expect(formatPercentOf(above, den)).toBe(`${t},00%`);
      expect(formatPercent(above / den)).toBe(`${t},00%`);
    }
  });

  test('hand-made rates near 90% and 100%; ordinary rates keep half-up rounding', () => {
    expect(formatPercentOf(89997, 100000)).toBe('89,99%'); // 89,997%
    expect(formatPercentOf(17999, 20000)).toBe('89,99%'); // 89,995%: half up would give 90,00
    expect(formatPercentOf(99996, 100000)).toBe('99,99%'); // not "100,00%"
    expect(formatPercentOf(90004, 100000)).toBe('90,00%'); // 90,004% ≥ 90
    expect(formatPercentOf(89994, 100000)).toBe('89,99%'); // 89,994% rounds down anyway
    expect(formatPercentOf(9022, 9265)).toBe('97,38%'); // 97,3772… half up, nothing crossed
    expect(formatPercentOf(2, 3)).toBe('66,67%'); // 66,666… half up
  });

  test('a user threshold that is not whole is passed as a guard', () => {
    // 92,497% against an override of 92,5%: half up gives 92,50 ≥ 92,5
    expect(formatPercent(0.92497, 2)).toBe('92,50%');
    expect(formatPercent(0.92497, 2, true, [92.5])).toBe('92,49%');
    expect(formatPercentOf(92497, 100000, 2, [92.5])).toBe('92,49%');
  });

  test('the level explanation prints the cut rate beside "Không đạt"', () => {
    // TH level 1 needs TH_6_LOP1 ≥ 90% and TH_14_HTCT ≥ 80%: 35.999/40.001 = 89,99525…% fails
    const r = communeLevel('TH', { rates: { TH_6_LOP1: { numerator: 35999, denominator: 40001 }, TH_14_HTCT: { numerator: 149, denominator: 150 } } });
    expect(r.level).toBe(0);
    const line = r.explanation.find((e) => e.vi.includes('vào lớp 1') && e.vi.includes('35.999'))!.vi;
    expect(line).toContain('89,99% (35.999/40.001)');
    expect(line).not.toContain('90,00%');
  });

  test('figureText (CLI and task pane) cuts a finding\'s rate the same way', () => {
    const f: Finding = {
      rule: 'ty_le_in_sai' as RuleId, severity: 'warning', message: { vi: 'x', en: 'x' }, cells: [],
      expected: 0.8999525, actual: 0.9, detail: { unit: 'percent', decimals: 2 },
    };
    expect(figureText(f, 'expected')).toBe('89,99%');
    expect(figureText(f, 'actual')).toBe('90,00%');
  });
});

describe('the report on a commune just below and just above 90%', () => {
  const FIELDS = ['ma_xa', 'ten_xa', 'dbkk', 'tre_6t', 'mien_giam_6t', 'tre_6t_lop1', 'tre_11t', 'mien_giam_11t', 'tre_11t_htth', 'tre_11t_dang_hoc_th', 'tre_14t', 'mien_giam_14t', 'tre_14t_htth'];
  // 6-year-olds: 35.999/40.001 = 0,9 − 1,9/40.001 = 89,99525…% (below 90); 36.001/40.001 = 90,00025…% (above)
  const build = (lop1: number) =>
    buildReport({ current: workbook('a.xlsx', [sheet('PC_TH', FIELDS, [['001', 'Xã A', false, 40001, 0, lop1, 200, 0, 190, 10, 150, 0, 149]])]) });

  test('below: "89,99%" in the sentence, the table and the sheet (ROUNDDOWN), level Không đạt', () => {
    const m = build(35999);
    const s = m.sections.find((x) => x.id === 'pho_cap')!;
    const text = [...s.paragraphs.map((p) => p.text), ...s.tables.flatMap((tb) => tb.rows.flatMap((r) => r.map((c) => c.text)))].join('\n');
    expect(text).toContain('89,99%');
    expect(text).not.toMatch(/90,00%|\b90%/);
    expect((s.data as { units: { level: number | null }[] }).units[0].level).toBe(0);
    const plan = reportToSheetPlan(m);
    const cells = plan.blocks.flatMap((b) => b.values.flatMap((r, i) => r.map((v, j) => ({ v, res: b.results?.[i]?.[j] }))));
    const cut = cells.filter((c) => typeof c.v === 'string' && c.v.includes('ROUNDDOWN'));
    expect(cut.length).toBeGreaterThan(0);
    // the cell evaluates to 0,8999 (shown 89,99% under 0.00%), never 0,8999525 (shown 90,00%)
    for (const c of cut) expect(c.res).toBe(0.8999);
  });

  test('above: "90,00%" and level 1 (11-year-olds 190/200 and 14-year-olds 149/150 pass, 95% for level 2 fails)', () => {
    const m = build(36001);
    const s = m.sections.find((x) => x.id === 'pho_cap')!;
    const text = [...s.paragraphs.map((p) => p.text), ...s.tables.flatMap((tb) => tb.rows.flatMap((r) => r.map((c) => c.text)))].join('\n');
    expect(text).toContain('90,00%');
    expect((s.data as { units: { level: number | null }[] }).units[0].level).toBe(1);
    const plan = reportToSheetPlan(m);
    expect(plan.blocks.some((b) => b.values.some((r) => r.some((v) => typeof v === 'string' && v.includes('ROUNDDOWN'))))).toBe(false);
  });
});
