/**
 * Adding an indicator is one row of the indicator table, and every host follows: the checks, the
 * report (model and JSON data), GD.PHOCAP_LEVEL, the task pane's services. The row is added the way
 * table.ts documents: load the table alone, push the row, then load the consumers (as if the row had
 * been written in the file).
 */
import type { IndicatorDef } from '../../../src/core/indicators/table';
import type { Finding } from '../../../src/core/findings';
import { toSnapshot } from '../../fixtures/builder';
import { buildSheets, cleanData } from '../../fixtures/clean';

/** Test-only indicator: 5-year-olds who completed their age programme, over PPC(5), at least 90 % (85 % ĐBKK). */
const ROW: IndicatorDef = {
  id: 'MN5_HT_DO_TUOI', programme: 'MN5', kind: 'threshold',
  labelVi: 'Tỷ lệ trẻ 5 tuổi hoàn thành chương trình theo độ tuổi', labelEn: '5-year-olds completing the age programme',
  formula: 'HTCT theo độ tuổi(5) / PPC(5)', cohort: '5',
  levels: { 1: { normal: 90, dbkk: 85, source: 'Thử nghiệm', status: 'UNCONFIRMED' } },
  source: 'Thử nghiệm', status: 'UNCONFIRMED',
  counts: { numerator: ['tre_5t_hoan_thanh_theo_do_tuoi'], cohort: 'tre_5t', exempt: 'mien_giam_5t', deductions: ['chuyen_di', 'chet'] },
  column: { vi: 'Trẻ 5 tuổi HTCT theo độ tuổi', en: '5-year-olds completing the age programme' },
};

function withRow() {
  let mods: any;
  jest.isolateModules(() => {
    const table = require('../../../src/core/indicators/table');
    table.INDICATORS.push(ROW);
    mods = {
      rules: require('../../../src/core/rules'),
      report: require('../../../src/core/report/build'),
      F: require('../../../src/functions/functions'),
      engine: require('../../../src/taskpane/services/engine'),
      settings: require('../../../src/core/settings'),
    };
  });
  return mods;
}

/** The clean workbook with the new count filled in on the PC_MN5 row (printed level "Đạt"). */
function workbook(done: number) {
  const d = cleanData();
  d.PC_MN5.rows[0].tre_5t_hoan_thanh_theo_do_tuoi = done;
  return toSnapshot('t.xlsx', buildSheets(d));
}

const rules = (fs: Finding[], id: string) => fs.filter((f) => f.rule === id);

describe('one more indicator row', () => {
  const m = withRow();

  test('checks: the printed level is judged on it, and its numerator is checked against PPC(5)', () => {
    // PPC(5) = 800 − 2 = 798; 700/798 = 87,72 % < 90 %: "Đạt" printed, Không đạt computed.
    expect(700 / 798).toBeLessThan(0.9);
    const { findings } = m.rules.checkSnapshot(workbook(700));
    expect(rules(findings, 'muc_do_in_sai')).toHaveLength(1);
    expect(rules(findings, 'muc_do_in_sai')[0]).toMatchObject({ sheet: 'PC_MN5', expected: 0, actual: 1 });
    // 720/798 = 90,23 %: level 1, as printed.
    expect(rules(m.rules.checkSnapshot(workbook(720)).findings, 'muc_do_in_sai')).toEqual([]);
    // 799 > 798: the generated cohort check fires on the new field.
    const over = rules(m.rules.checkSnapshot(workbook(799)).findings, 'dat_vuot_doi_tuong');
    expect(over.map((f: Finding) => [f.field, f.expected, f.actual])).toEqual([['tre_5t_hoan_thanh_theo_do_tuoi', 798, 799]]);
  });

  test('report: a column in the phổ cập table, a rate in the JSON data, the level follows', () => {
    const { parsed, findings } = m.rules.checkSnapshot(workbook(700));
    const pc = m.report.buildReport({ current: parsed, findings }).sections.find((s: any) => s.id === 'pho_cap');
    const table = pc.tables.find((t: any) => t.id === 'pho_cap_MN5');
    const col = table.columns.indexOf('Trẻ 5 tuổi HTCT theo độ tuổi');
    expect(col).toBeGreaterThan(1);
    expect(table.rows[0][col].text).toBe('87,72%');
    const unit = pc.data.units.find((u: any) => u.programme === 'MN5');
    expect(unit.rates.MN5_HT_DO_TUOI).toBeCloseTo(700 / 798, 12);
    expect(unit.level).toBe(0);
  });

  test('GD.PHOCAP_LEVEL takes it as one more rate before ĐBKK', () => {
    // MN5: ra lớp 96 %, hoàn thành 90 %, the new rate; then ĐBKK.
    expect(m.F.phocap_level('MN5', [[0.96]], [[0.9]], [[0.95]], [[false]])).toEqual([[1]]);
    expect(m.F.phocap_level('MN5', [[0.96]], [[0.9]], [[0.88]], [[false]])).toEqual([[0]]);
    // ĐBKK commune: 88 % ≥ 85 %.
    expect(m.F.phocap_level('MN5', [[0.96]], [[0.9]], [[0.88]], [['có']])).toEqual([[1]]);
  });

  test('task pane: thresholds list, check and report services', async () => {
    expect(m.engine.thresholdList().filter((t: any) => t.indicator === 'MN5_HT_DO_TUOI')).toEqual([
      { indicator: 'MN5_HT_DO_TUOI', label: { vi: ROW.labelVi, en: ROW.labelEn }, level: 1, percent: 90, source: 'Thử nghiệm' },
    ]);
    const settings = m.settings.withDefaults();
    const check = await m.engine.engineServices.check(workbook(700), settings);
    expect(rules(check.findings, 'muc_do_in_sai')).toHaveLength(1);
    const build = await m.engine.engineServices.buildReport(workbook(700), settings, { sections: ['pho_cap'], years: 1, lang: 'en' });
    expect(build.model.sections[0].tables[0].columns).toContain('5-year-olds completing the age programme');
  });

  test('without the row nothing of this exists (the hosts follow the table, not a copy)', () => {
    const { checkSnapshot } = require('../../../src/core/rules');
    expect(rules(checkSnapshot(workbook(700)).findings, 'muc_do_in_sai')).toEqual([]);
    const F = require('../../../src/functions/functions');
    // The third argument of MN5 is ĐBKK again: 0.88 reads as "yes" and the commune passes.
    expect(F.phocap_level('MN5', [[0.96]], [[0.9]], [[0.88]])).toEqual([[1]]);
  });
});
