/**
 * Adding a rule is one catalogue line and one rule record; nothing in a host changes. In the source
 * that is one line in src/core/i18n/catalog/findings.ts and one record in
 * src/core/rules/definitions.ts (RULES). Here the test adds the same two lines at run time and
 * follows the new finding to every host: `check --json`, the report's findings (`report --json`),
 * the task pane's check service and its rule list.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from '../../../src/cli/args';
import { run as runCheck } from '../../../src/cli/commands/check';
import { run as runReport } from '../../../src/cli/commands/report';
import { captureIO } from '../../../src/cli/io';
import type { RuleId } from '../../../src/core/findings';
import { FINDINGS } from '../../../src/core/i18n/catalog/findings';
import type { FindingText } from '../../../src/core/i18n/catalog/findings';
import { RULES, ruleCatalogue } from '../../../src/core/rules';
import type { CompareRule } from '../../../src/core/rules';
import { withDefaults } from '../../../src/core/settings';
import { check } from '../../../src/taskpane/services/engine';
import { toSnapshot, writeXlsx } from '../../fixtures/builder';
import { cleanSheets } from '../../fixtures/clean';

// A made-up check for the demonstration: at least 40 teachers per school.
const ID = 'thu_nghiem_gv_toi_thieu' as RuleId;
const LINE: Record<string, FindingText> = {
  'rules.thu_nghiem_gv_toi_thieu': { severity: 'warning', vi: '{where}: {left_label} ({left}) dưới mức thử nghiệm {right}', en: '{where}: {left_label} ({left}) is below the trial minimum of {right}' },
};
const RECORD: CompareRule = {
  kind: 'compare',
  id: ID,
  severity: 'warning',
  templates: ['QUY_MO'],
  fields: ['so_gv'],
  left: { fields: ['so_gv'] },
  operator: '>=',
  right: { constant: 40 },
  message: 'rules.thu_nghiem_gv_toi_thieu' as CompareRule['message'],
  description: { vi: 'Ít nhất 40 giáo viên mỗi trường (thử nghiệm)', en: 'At least 40 teachers per school (trial)' },
};

// The clean fixture's QUY_MO: TH01 has 42 teachers, MN01 22, THCS01 38 (test/fixtures/clean.ts).
const EXPECTED = [
  { where: 'Trường MN Một', actual: 22 },
  { where: 'Trường THCS Một', actual: 38 },
];

let dir: string;
let file: string;
beforeAll(async () => {
  (FINDINGS as Record<string, Record<string, FindingText>>)[ID] = LINE;
  RULES.push(RECORD);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'one-line-rule-'));
  file = path.join(dir, 'quan-mau.xlsx');
  await writeXlsx(file, cleanSheets());
});
afterAll(async () => {
  RULES.splice(RULES.indexOf(RECORD), 1);
  delete (FINDINGS as Record<string, unknown>)[ID];
  await fs.rm(dir, { recursive: true, force: true });
});

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  expected: unknown;
  actual: unknown;
  expectedText: string | null;
  actualText: string | null;
}

function expectTheNewFindings(found: JsonFinding[]) {
  const mine = found.filter((f) => f.rule === ID);
  expect(mine.map((f) => [f.severity, f.expected, f.actual, f.expectedText])).toEqual(EXPECTED.map((e) => ['warning', 40, e.actual, '40']));
  EXPECTED.forEach((e, i) => expect(mine[i].message).toMatch(new RegExp(`^${e.where}, dòng \\d+: Giáo viên \\(${e.actual}\\) dưới mức thử nghiệm 40$`)));
}

test('baocao-gd check --json reports it', async () => {
  const io = captureIO();
  await runCheck(parseArgs([file, '--json']), io);
  expectTheNewFindings(JSON.parse(io.stdout.join('\n')).findings);
});

test('baocao-gd report --json lists it among the report\'s findings', async () => {
  const io = captureIO();
  await runReport(parseArgs([file, '--out', path.join(dir, 'report'), '--json']), io);
  expectTheNewFindings(JSON.parse(io.stdout.join('\n')).findings);
});

test('the task pane\'s check service returns it, and its rule list shows it', () => {
  const result = check(toSnapshot('quan-mau.xlsx', cleanSheets()), withDefaults());
  const mine = result.findings.filter((f) => f.rule === ID);
  expect(mine.map((f) => [f.severity, f.sheet, f.expected, f.actual])).toEqual(EXPECTED.map((e) => ['warning', 'QUY_MO', 40, e.actual]));
  expect(mine[0].message.en).toMatch(/^Trường MN Một, row \d+: .*\(22\) is below the trial minimum of 40$/);
  expect(ruleCatalogue().find((r) => r.id === ID)).toMatchObject({ severity: 'warning', templates: ['QUY_MO'] });
});
