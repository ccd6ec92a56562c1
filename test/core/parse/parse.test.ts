import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseLevel, parseSchoolYear, parseVnNumber, parseYesNo, schoolYearText } from '../../../src/core/parse';
import { parseVnNumber as vnFromFormat } from '../../../src/core/format/vn';
import { schoolYearStart } from '../../../src/core/indicators';
import { withDefaults } from '../../../src/core/settings';
import { readWorkbook } from '../../../src/core/sheets/read';
import * as F from '../../../src/functions/functions';
import { run as runCheck } from '../../../src/cli/commands/check';
import { parseArgs } from '../../../src/cli/args';
import { captureIO } from '../../../src/cli/io';
import { templateSheet, toSnapshot, writeXlsx } from '../../fixtures/builder';

describe('levels', () => {
  test.each([
    ['Đạt', 1], ['Đạt chuẩn', 1], ['Mức độ II', 2], ['MĐ2', 2], ['mức 3', 3], ['M1', 1], ['Đạt chuẩn mức độ III', 3],
    ['Không đạt', 0], ['Chưa đạt', 0], ['0', 0], ['2', 2], ['III', 3], ['Level 2', 2], ['Not achieved', 0], ['Meets the standard', 1],
  ])('"%s" → %s', (text, level) => expect(parseLevel(text)).toBe(level));
  test('numbers are themselves; no data; not a level', () => {
    expect(parseLevel(3)).toBe(3);
    expect(parseLevel('Chưa đủ dữ liệu')).toBe('no_data');
    expect(parseLevel('Insufficient data')).toBe('no_data');
    expect(parseLevel('tốt')).toBeNull();
    expect(parseLevel(true)).toBeNull();
  });
});

describe('yes/no words', () => {
  test.each([['có', true], ['Có', true], ['x', true], ['X', true], ['✓', true], ['ĐBKK', true], ['TRUE', true], ['1', true], [1, true], [true, true],
    ['không', false], ['Không', false], ['ko', false], ['-', false], ['0', false], [0, false], ['FALSE', false], [false, false]])('%s → %s', (v, want) => {
    expect(parseYesNo(v)).toBe(want);
  });
  test('anything else is no answer', () => {
    expect(parseYesNo('?')).toBeNull();
    expect(parseYesNo('có thể')).toBeNull();
    expect(parseYesNo(null)).toBeNull();
  });
});

describe('school years', () => {
  test.each(['2023-2024', '2023 - 2024', '2023–2024', '2023/2024', '2023-24', 'NH 2023-2024', 'Năm học: 2023 - 2024'])('"%s" is 2023-2024', (s) => {
    expect(parseSchoolYear(s)).toEqual({ year: '2023-2024', start: 2023 });
  });
  test('a bare first year is a school year as a value, not inside a title', () => {
    expect(schoolYearText(2023)).toBe('2023-2024');
    expect(schoolYearText('2023')).toBe('2023-2024');
    expect(parseSchoolYear('Báo cáo 2023', { within: true })).toBeNull();
    expect(parseSchoolYear('PC_TH 2023-2024', { within: true })).toEqual({ year: '2023-2024', start: 2023 });
  });
  test('two years that do not follow each other are reported, not guessed', () => {
    expect(parseSchoolYear('2023-2025')).toEqual({ bad: '2023-2025' });
    expect(schoolYearStart('2023-2025')).toBeNull();
    expect(schoolYearStart('NH 2023-2024')).toBe(2023);
  });
  test('the settings keep one spelling', () => {
    expect(withDefaults({ schoolYear: '2023 – 2024' }).schoolYear).toBe('2023-2024');
  });
  test('the reader takes a "Năm học" column written as "NH 2023-2024"', () => {
    const sheet = templateSheet('CHI_TIEU', [{ ma_chi_tieu: 'TH_11_HTCT', muc_tieu: '95%', nam_hoc: 'NH 2023-2024' }]);
    const parsed = readWorkbook(toSnapshot('t.xlsx', [sheet]));
    expect(parsed.sheets[0].metadata).toMatchObject({ schoolYear: '2023-2024', schoolYearSource: 'column' });
  });
});

describe('numbers: one parser', () => {
  test('format/vn re-exports the parser of core/parse', () => {
    expect(vnFromFormat).toBe(parseVnNumber);
    expect(parseVnNumber('26.254')).toEqual({ value: 26254, percent: false, ambiguous: true });
  });
});

describe('the hosts read through the parsers', () => {
  test('GD.PHOCAP_UNIT_LEVEL takes levels written as text', () => {
    // 9 of 10 communes at level 3 = 90% ≥ 90% (NĐ 20/2014, district scope): level 3.
    const levels = [['Mức độ III'], ['MĐ3'], [3], ['Mức độ 3'], ['M3'], ['Đạt chuẩn mức độ 3'], ['mức 3'], ['III'], [3], ['Mức độ II']];
    expect(F.phocap_unit_level('TH', levels, 'huyen')).toBe(3);
    // MN5 has one level: "Đạt" is it; 1 of 2 = 50% < 90%.
    expect(F.phocap_unit_level('MN5', [['Đạt'], ['Không đạt']], 'huyen')).toBe(0);
  });
  test('GD.PHOCAP_LEVEL takes the THCS prerequisites as text and ĐBKK as a yes/no word', () => {
    // 15–18 with diploma 95%, in upper secondary 80%: level 3 once TH and XMC are reached.
    expect(F.phocap_level('THCS', [['Mức độ 3']], [['MĐ2']], [[0.95]], [[0.8]], [['không']])).toEqual([[3]]);
    expect(F.phocap_level('THCS', [['Không đạt']], [['MĐ2']], [[0.95]], [[0.8]], [['không']])).toEqual([[0]]);
    // ĐBKK ("x"): 70% / 70% are enough for level 3 (thresholds 90 and 70).
    expect(F.phocap_level('THCS', [['Đạt']], [['Đạt']], [[0.9]], [[0.7]], [['x']])).toEqual([[3]]);
  });
  test('check --year in any spelling; an unreadable one is refused with a message', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baocao-year-'));
    try {
      const file = path.join(dir, 'a.xlsx');
      await writeXlsx(file, [templateSheet('CHI_TIEU', [{ ma_chi_tieu: 'TH_11_HTCT', muc_tieu: '95%' }])]);
      const go = async (...argv: string[]) => {
        const io = captureIO();
        const code = await runCheck(parseArgs(argv), io);
        return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
      };
      const ok = await go(file, '--json', '--year', 'NH 2023 - 2024');
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.out).findings.map((f: { rule: string }) => f.rule)).not.toContain('thieu_nam_hoc');
      const bad = await go(file, '--year', '2023-2025');
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('Không đọc được năm học "2023-2025"');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
