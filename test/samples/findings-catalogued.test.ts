/**
 * Every finding the shipped samples and a deliberately messy workbook produce (check and
 * cross-check) carries a catalogued id, the catalogue's severity, and text that is one of that id's
 * messages in both languages — the runtime half of test/core/findingCatalogue.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkFile } from '../../src/cli/commands/check';
import { crossCheckFiles } from '../../src/cli/crosscheck-files';
import type { Finding, RuleId } from '../../src/core/findings';
import { isRuleId } from '../../src/core/findings';
import { FINDINGS } from '../../src/core/i18n/catalog/findings';
import type { FindingText } from '../../src/core/i18n/catalog/findings';
import { checkSnapshot } from '../../src/core/rules';
import { templateSheet, toSnapshot } from '../fixtures/builder';
import { cleanSheets } from '../fixtures/clean';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');

function xlsxUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? xlsxUnder(p) : e.name.endsWith('.xlsx') ? [p] : [];
  });
}

/** A message template as a pattern: placeholders match any text. */
function pattern(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`);
}

/** The id's message this finding was written from, or null. */
function messageOf(f: Finding): { key: string; text: FindingText } | null {
  if (!isRuleId(f.rule)) return null;
  for (const [key, text] of Object.entries(FINDINGS[f.rule] as Record<string, FindingText>)) {
    if (pattern(text.vi).test(f.message.vi) && pattern(text.en).test(f.message.en) && text.severity === f.severity) return { key, text };
  }
  return null;
}

/** A workbook with one of each reading problem, on top of the clean fixture. */
function messy() {
  const broken = templateSheet(
    'QUY_MO',
    [
      { ma_truong: 'X1', ten_truong: 'Trường X1', ma_xa: '26881', cap_hoc: 'Tiểu học', so_lop: { error: '#REF!' }, so_hoc_sinh: '1.050', hs_nu: -3, so_gv: 4.5, chuan_qg: 7, loai_hinh: 'Không rõ' },
      { ma_truong: 'X1', ten_truong: 'Trường X1 (lặp)', ma_xa: '26881', cap_hoc: 'Tiểu học', so_lop: 'mười', so_hoc_sinh: '1.5', hs_nu: 1, so_gv: 3, chuan_qg: 1, loai_hinh: 'Công lập' },
    ],
    { name: 'QUY_MO (2)', title: ['Năm học: 2023 - 2025'] },
  );
  return toSnapshot('messy.xlsx', [
    ...cleanSheets(),
    { ...broken, merges: ['J4:J5'] },
    { name: 'Gần giống', rows: [['STT', 'Tên trường', 'Số lớp', 'Số học sinh', 'Số giáo viên'], [1, 'A', 3, 90, 5]] },
    templateSheet('QUY_MO', [], { name: 'QUY_MO trống', fields: ['ma_truong', 'ten_truong', 'cap_hoc', 'so_lop', 'so_hoc_sinh'] }),
  ]);
}

const all: Finding[] = [];

beforeAll(async () => {
  for (const file of xlsxUnder(SAMPLES)) all.push(...(await checkFile(file)).findings);
  const dir = path.join(SAMPLES, 'submissions');
  all.push(...(await crossCheckFiles(path.join(dir, 'master-2023-2024.xlsx'), [dir])).result.findings);
  all.push(...checkSnapshot(messy()).findings);
  all.push(...checkSnapshot(toSnapshot('empty.xlsx', [{ name: 'Sheet1', rows: [['ghi chú']] }])).findings);
});

test('the corpus exercises many ids', () => {
  const ids = new Set(all.map((f) => f.rule));
  expect(ids.size).toBeGreaterThanOrEqual(30);
});

test('each finding has a catalogued id, its severity and one of its messages in both languages', () => {
  const wrong = all.filter((f) => !messageOf(f)).map((f) => `${f.rule} (${f.severity}): ${f.message.vi}`);
  expect(wrong).toEqual([]);
});

test('the messy workbook reaches every reading finding of the catalogue\'s reader group', () => {
  const seen = new Set<RuleId>(all.map((f) => f.rule));
  const reader: RuleId[] = ['o_loi_excel', 'so_dang_van_ban', 'so_viet_mo_ho', 'o_gop_trong_du_lieu', 'thieu_cot_bat_buoc', 'khong_phai_so', 'so_luong_am', 'so_luong_khong_nguyen', 'gia_tri_ngoai_khoang', 'gia_tri_ngoai_danh_muc', 'nam_hoc_khong_hop_le', 'khong_co_bieu_mau'];
  expect(reader.filter((id) => !seen.has(id))).toEqual([]);
});
