/**
 * The shipped samples/submissions set, checked against the expectations its README lists
 * (written from the README's table, not from the command's output).
 */
import * as path from 'path';
import { crossCheckExitCode, crossCheckFiles, CrossCheckRun } from '../../src/cli/crosscheck-files';

const dir = path.join(__dirname, '..', '..', 'samples', 'submissions');
let run: CrossCheckRun;

beforeAll(async () => {
  run = await crossCheckFiles(path.join(dir, 'master-2023-2024.xlsx'), [dir]);
});

const file = (code: string, rest: string) => `${code}_${rest}.xlsx`;
const findingsOf = (name: string) => run.result.findings.filter((f) => f.file === name);

test('every school file is checked, the master is not a submission', () => {
  expect(run.files).toHaveLength(12);
  expect(run.files.map((f) => f.name)).not.toContain('master-2023-2024.xlsx');
  expect(run.result.master).toMatchObject({ schoolYear: '2023-2024', schools: 12 });
});

test('status of each file as the README says', () => {
  const status = Object.fromEntries(run.result.submissions.map((s) => [s.file, s.status]));
  expect(status).toEqual({
    [file('79761201', 'Tieu_hoc_Vo_Thi_Sau')]: 'accepted',
    [file('79761302', 'THCS_Nguyen_Hien')]: 'accepted',
    [file('79761003', 'Mam_non_Son_Ca_1')]: 'accepted',
    [file('79761307', 'THCS_Nguyen_Hue')]: 'accepted',
    [file('79761254', 'Tieu_hoc_tu_thuc_Hoa_Sen')]: 'accepted',
    [file('79761203', 'Tieu_hoc_Vo_Van_Tan')]: 'blocked',
    [file('79761209', 'Tieu_hoc_Quang_Trung')]: 'wrong_year',
    [file('79761306', 'THCS_Tran_Hung_Dao_lan1')]: 'blocked',
    [file('79761306', 'THCS_Tran_Hung_Dao_lan2')]: 'blocked',
    [file('79761210', 'Tieu_hoc_Quoi_Xuan')]: 'unreadable',
    [file('79761202', 'Tieu_hoc_Tran_Quang_Co')]: 'blocked',
    [file('79761001', 'Mam_non_Hoa_Dao_bao_cao')]: 'no_template',
  });
});

test('identical and reordered-unaccented files have no comparison finding and no error', () => {
  for (const name of [file('79761201', 'Tieu_hoc_Vo_Thi_Sau'), file('79761302', 'THCS_Nguyen_Hien'), file('79761003', 'Mam_non_Son_Ca_1'), file('79761307', 'THCS_Nguyen_Hue')]) {
    const f = findingsOf(name);
    expect(f.filter((x) => x.rule.startsWith('doi_chieu') || x.severity === 'error')).toEqual([]);
  }
});

test('the differing figure: so_gv 58 submitted, 56 in the master', () => {
  const diff = findingsOf(file('79761203', 'Tieu_hoc_Vo_Van_Tan')).filter((f) => f.rule === 'doi_chieu_lech_so_lieu');
  expect(diff.map((f) => [f.school, f.field, f.expected, f.actual])).toEqual([['79761203', 'so_gv', 56, 58]]);
  expect(diff[0].cells).toHaveLength(1);
  expect(diff[0].detail).toMatchObject({ masterFile: 'master-2023-2024.xlsx', masterSheet: 'QUY_MO' });
});

test('twice: the second copy differs in so_lop (45 against 44) and neither copy is consolidated', () => {
  const second = findingsOf(file('79761306', 'THCS_Tran_Hung_Dao_lan2'));
  expect(second.find((f) => f.rule === 'nop_trung')).toMatchObject({ severity: 'error', detail: { differs: true, differingFields: ['so_lop'] } });
  expect(second.filter((f) => f.rule === 'doi_chieu_lech_so_lieu').map((f) => [f.field, f.expected, f.actual])).toEqual([['so_lop', 44, 45]]);
});

test('wrong year, corrupt, unknown code, no template', () => {
  expect(findingsOf(file('79761209', 'Tieu_hoc_Quang_Trung')).map((f) => [f.rule, f.expected, f.actual])).toEqual([['sai_nam_hoc', '2023-2024', '2022-2023']]);
  expect(findingsOf(file('79761210', 'Tieu_hoc_Quoi_Xuan')).map((f) => f.rule)).toEqual(['khong_doc_duoc_tep']);
  expect(findingsOf(file('79761202', 'Tieu_hoc_Tran_Quang_Co')).map((f) => f.rule)).toContain('truong_khong_co_trong_danh_sach');
  expect(findingsOf(file('79761001', 'Mam_non_Hoa_Dao_bao_cao')).map((f) => f.rule)).toEqual(['khong_co_bieu_mau']);
});

test('text numbers are read and match, with the reader\'s warnings only', () => {
  const f = findingsOf(file('79761254', 'Tieu_hoc_tu_thuc_Hoa_Sen'));
  expect(f.some((x) => x.rule === 'so_dang_van_ban')).toBe(true);
  expect(f.filter((x) => x.rule.startsWith('doi_chieu') || x.severity === 'error')).toEqual([]);
});

test('completeness: 7 of 12 schools have a submission for 2023-2024; the rest are named', () => {
  const c = run.result.completeness;
  // 12 schools − Nguyễn Thái Bình and Trần Phú (nothing sent) − Quang Trung (wrong year)
  // − Quới Xuân (corrupt) − Hoa Đào (no template) = 7; Trần Quang Cơ is not a master school.
  expect([c.submitted, c.expected]).toEqual([7, 12]);
  expect(c.missing.map((m) => m.code).sort()).toEqual(['79761001', '79761209', '79761210', '79761212', '79761312']);
  expect(c.byCommune.reduce((n, g) => n + g.expected, 0)).toBe(12);
  expect(c.byLevel.find((g) => g.key === 'THCS')).toMatchObject({ expected: 4, submitted: 3 });
});

test('a missing school whose unusable file carries its code is told so', () => {
  const missing = (code: string) => run.result.findings.find((f) => f.rule === 'chua_nop' && f.school === code)!;
  expect(missing('79761210').detail).toEqual({ unusableFiles: [file('79761210', 'Tieu_hoc_Quoi_Xuan')] });
  expect(missing('79761001').detail).toEqual({ unusableFiles: [file('79761001', 'Mam_non_Hoa_Dao_bao_cao')] });
  expect(missing('79761212').detail).toBeUndefined();
  expect(missing('79761210').message.vi).toContain('không đọc được');
});

test('exit code 2 (one file could not be read)', () => {
  expect(crossCheckExitCode(run.result)).toBe(2);
});
