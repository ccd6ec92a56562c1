/** `baocao-gd crosscheck` end to end on real .xlsx files written by the test. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { captureIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { expandSubmissionPaths } from '../../src/cli/crosscheck-files';
import type { CellValue } from '../../src/core/types';
import { templateSheet, writeXlsx } from '../fixtures/builder';

type Rec = Record<string, CellValue>;
interface JsonFinding {
  rule: string;
  severity: string;
  file: string | null;
  sheet: string | null;
  cells: string[];
  school?: string;
  field?: string;
  expected: unknown;
  actual: unknown;
  message: string;
  detail?: Record<string, unknown>;
}
interface JsonOut {
  master: { file: string; schoolYear: string; schools: number };
  files: { file: string; status: string; schools: string[] }[];
  findings: JsonFinding[];
  completeness: {
    expected: number;
    submitted: number;
    byCommune: { key: string; submitted: number; expected: number; missing: { code: string }[] }[];
    byLevel: { key: string; submitted: number; expected: number }[];
    missing: { code: string }[];
    wrongYear: string[];
  };
}

const P1 = { ma_xa: '26734', ten_xa: 'Phường Tân Thới Hiệp' };
const P2 = { ma_xa: '26737', ten_xa: 'Phường Hiệp Thành' };
const SCHOOLS: Rec[] = [
  { ma_truong: '79760101', ten_truong: 'Trường Tiểu học Kim Đồng', cap_hoc: 'TH', ...P1, so_lop: 30, so_hoc_sinh: 1050, so_gv: 42 },
  { ma_truong: '79760201', ten_truong: 'Trường THCS Nguyễn Huệ', cap_hoc: 'THCS', ...P1, so_lop: 24, so_hoc_sinh: 1010, so_gv: 50 },
  { ma_truong: '79760302', ten_truong: 'Trường Mầm non Hoa Mai', cap_hoc: 'MN', ...P1, so_lop: 9, so_hoc_sinh: 240, so_gv: 20 },
  { ma_truong: '79760102', ten_truong: 'Trường Tiểu học Hòa Bình', cap_hoc: 'TH', ...P2, so_lop: 20, so_hoc_sinh: 690, so_gv: 28 },
  { ma_truong: '79760301', ten_truong: 'Trường Mầm non Sơn Ca', cap_hoc: 'MN', ...P2, so_lop: 10, so_hoc_sinh: 250, so_gv: 22 },
  { ma_truong: '79760202', ten_truong: 'Trường THCS Lê Lợi', cap_hoc: 'THCS', ...P2, so_lop: 20, so_hoc_sinh: 840, so_gv: 40 },
];
const [KIM_DONG, NGUYEN_HUE, , HOA_BINH, SON_CA, LE_LOI] = SCHOOLS;
const title = (year: string) => ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN 12', `Năm học: ${year}`];
const UNACCENTED: Record<string, string> = {
  ma_truong: 'Ma truong', ten_truong: 'Ten truong', cap_hoc: 'Cap hoc', ma_xa: 'Ma xa', ten_xa: 'Xa, phuong', so_lop: 'So lop', so_hoc_sinh: 'So hoc sinh', so_gv: 'Giao vien',
};

let dir: string;
let master: string;
let folder: string;

async function school(name: string, rec: Rec, opts: { year?: string; fields?: string[]; headers?: Record<string, string> } = {}) {
  await writeXlsx(path.join(folder, name), [templateSheet('QUY_MO', [rec], { title: title(opts.year ?? '2024-2025'), fields: opts.fields, headers: opts.headers, name: 'Biểu 1' })]);
}

async function run(args: string[]) {
  const io = captureIO();
  const code = await main(['crosscheck', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'crosscheck-'));
  folder = path.join(dir, 'nop');
  await fs.mkdir(folder);
  master = path.join(dir, 'tong-hop-phong.xlsx');
  await writeXlsx(master, [
    templateSheet('QUY_MO', SCHOOLS, { title: title('2024 - 2025'), name: 'QUY_MO' }),
    templateSheet('DON_VI_SAP_NHAP', [
      { ma_cu: '79760399', ten_cu: 'Trường Mầm non Sơn Ca cũ', ma_moi: '79760301', ten_moi: 'Trường Mầm non Sơn Ca', hieu_luc: '01/07/2025' },
      { ma_cu: '26740', ten_cu: 'Phường Thạnh Lộc', ma_moi: '26737', ten_moi: 'Phường Hiệp Thành', hieu_luc: '01/07/2025' },
    ]),
  ]);
  await school('kim_dong.xlsx', KIM_DONG);
  await school('kim_dong (2).xlsx', KIM_DONG);
  await school('nguyen_hue.xlsx', { ...NGUYEN_HUE, so_hoc_sinh: 1001 });
  const reordered = ['so_hoc_sinh', 'ten_truong', 'so_gv', 'ma_truong', 'ten_xa', 'ma_xa', 'so_lop', 'cap_hoc'];
  await school('hoa_binh.xlsx', HOA_BINH, { fields: reordered, headers: UNACCENTED });
  await school('son_ca.xlsx', { ...SON_CA, ma_truong: '79760399', ma_xa: '26740' });
  await school('le_loi_2023.xlsx', { ...LE_LOI, so_hoc_sinh: 800 }, { year: '2023-2024' });
  await school('truong_la.xlsx', { ...KIM_DONG, ma_truong: '79769999', ten_truong: 'Trường Tiểu học Không Tên' });
  await fs.writeFile(path.join(folder, 'hong.xlsx'), Buffer.from('PK\u0003\u0004 not really a zip file'));
  await fs.writeFile(path.join(folder, '~$kim_dong.xlsx'), 'lock file');
  await fs.writeFile(path.join(folder, 'ghi-chu.txt'), 'not a workbook');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('baocao-gd crosscheck', () => {
  let json: JsonOut;
  let code: number;
  const byRule = (rule: string) => json.findings.filter((f) => f.rule === rule);

  beforeAll(async () => {
    const r = await run(['--master', master, folder, '--json']);
    code = r.code;
    json = JSON.parse(r.out);
  });

  test('a folder expands to its workbooks, lock files and other files skipped', () => {
    expect(json.files.map((f) => f.file).sort()).toEqual(
      ['hoa_binh.xlsx', 'hong.xlsx', 'kim_dong (2).xlsx', 'kim_dong.xlsx', 'le_loi_2023.xlsx', 'nguyen_hue.xlsx', 'son_ca.xlsx', 'truong_la.xlsx'].sort(),
    );
    expect(json.master).toMatchObject({ file: 'tong-hop-phong.xlsx', schoolYear: '2024-2025', schools: 6 });
  });

  test('exit code 2 because a file could not be read, and that file is named', () => {
    expect(code).toBe(2);
    const bad = byRule('khong_doc_duoc_tep');
    expect(bad.map((f) => f.file)).toEqual(['hong.xlsx']);
    expect(bad[0].severity).toBe('error');
  });

  test('identical submission: accepted with no error; its identical copy is a duplicate', () => {
    const status = Object.fromEntries(json.files.map((f) => [f.file, f.status]));
    expect(status['kim_dong.xlsx']).toBe('accepted');
    expect(status['kim_dong (2).xlsx']).toBe('duplicate');
    expect(json.findings.filter((f) => f.file === 'kim_dong.xlsx' && f.severity === 'error')).toEqual([]);
    const dup = byRule('nop_trung');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ file: 'kim_dong (2).xlsx', school: '79760101', severity: 'warning', detail: { firstFile: 'kim_dong.xlsx', differs: false } });
  });

  test('one differing figure names file, school, field, both values and both cells', () => {
    const diff = byRule('doi_chieu_lech_so_lieu');
    expect(diff).toHaveLength(1);
    // Submission: title, year, blank line, header on row 4, data row 5; so_hoc_sinh is the 7th field → G.
    // Master: same layout, Nguyễn Huệ on row 6.
    expect(diff[0]).toMatchObject({
      file: 'nguyen_hue.xlsx',
      sheet: 'Biểu 1',
      school: '79760201',
      field: 'so_hoc_sinh',
      expected: 1010,
      actual: 1001,
      cells: ['G5'],
      detail: { masterFile: 'tong-hop-phong.xlsx', masterSheet: 'QUY_MO', masterCell: 'G6' },
    });
  });

  test('headers without diacritics and columns reordered match cleanly', () => {
    expect(json.files.find((f) => f.file === 'hoa_binh.xlsx')).toMatchObject({ status: 'accepted', schools: ['79760102'] });
    expect(json.findings.filter((f) => f.file === 'hoa_binh.xlsx' && f.rule.startsWith('doi_chieu'))).toEqual([]);
  });

  test('merged units: old school and commune codes are compared as the new ones', () => {
    const sonCa = json.findings.filter((f) => f.file === 'son_ca.xlsx');
    expect(sonCa.filter((f) => f.rule.startsWith('doi_chieu'))).toEqual([]);
    expect(byRule('ma_da_sap_nhap')).toMatchObject([{ file: 'son_ca.xlsx', school: '79760301', actual: '79760399', expected: '79760301' }]);
    expect(json.files.find((f) => f.file === 'son_ca.xlsx')!.schools).toEqual(['79760301']);
  });

  test('wrong year and unknown school', () => {
    expect(byRule('sai_nam_hoc')).toMatchObject([{ file: 'le_loi_2023.xlsx', school: '79760202', expected: '2024-2025', actual: '2023-2024' }]);
    expect(byRule('truong_khong_co_trong_danh_sach')).toMatchObject([{ file: 'truong_la.xlsx', school: '79769999', cells: ['A5'] }]);
  });

  test('completeness per commune and cấp học; missing schools named', () => {
    const c = json.completeness;
    // Submitted for 2024-2025: Kim Đồng, Nguyễn Huệ, Hòa Bình, Sơn Ca. Lê Lợi sent 2023-2024; Hoa Mai nothing.
    expect([c.submitted, c.expected]).toEqual([4, 6]);
    expect(c.missing.map((m) => m.code)).toEqual(['79760302', '79760202']);
    expect(c.wrongYear).toEqual(['79760202']);
    expect(c.byCommune.map((g) => [g.key, g.submitted, g.expected, g.missing.map((m) => m.code)])).toEqual([
      ['26734', 2, 3, ['79760302']],
      ['26737', 2, 3, ['79760202']],
    ]);
    expect(c.byLevel.map((g) => [g.key, g.submitted, g.expected])).toEqual([
      ['TH', 2, 2],
      ['THCS', 1, 2],
      ['MN', 1, 2],
    ]);
    expect(byRule('chua_nop').map((f) => f.school)).toEqual(['79760302', '79760202']);
  });

  test('without the unreadable file the exit code is 1 (error findings)', async () => {
    const files = ['kim_dong.xlsx', 'nguyen_hue.xlsx'].map((f) => path.join(folder, f));
    const r = await run(['--master', master, ...files, '--json']);
    expect(r.code).toBe(1);
  });

  test('clean submissions give exit code 0 (missing schools are warnings)', async () => {
    const r = await run(['--master', master, path.join(folder, 'kim_dong.xlsx'), path.join(folder, 'hoa_binh.xlsx')]);
    expect(r.code).toBe(0);
  });

  test('human output: Vietnamese by default, completeness table, findings grouped by school', async () => {
    const r = await run(['--master', master, folder]);
    expect(r.out).toContain('Tình hình nộp bài – Theo xã/phường');
    expect(r.out).toMatch(/Phường Tân Thới Hiệp\s+2\/3\s+79760302 Trường Mầm non Hoa Mai/);
    expect(r.out).toMatch(/Tổng\s+4\/6/);
    expect(r.out).toMatch(/\n79760201 Trường THCS Nguyễn Huệ\n(  .*\n)*  \[Lỗi\] nguyen_hue.xlsx: .*"Số học sinh".*1\.001.*1\.010/);
    expect(r.out).toContain('1.001');
    expect(r.out).not.toMatch(/NaN|undefined|null/);
    const en = await run(['--master', master, folder, '--lang', 'en']);
    expect(en.out).toContain('Submission completeness – By commune');
    expect(en.out).toContain('[Error]');
  });

  test('--out writes the Tổng hợp sheet with the source of each row', async () => {
    const out = path.join(dir, 'ra', 'tong-hop.xlsx');
    const r = await run(['--master', master, folder, '--out', out]);
    expect(r.out).toContain(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const sources = rows.map((r) => r[r.length - 1]).filter((v) => typeof v === 'string' && v.startsWith('['));
    // Accepted: Kim Đồng, Hòa Bình, Sơn Ca (Nguyễn Huệ differs, truong_la unknown: listed, not merged).
    expect(sources).toEqual(['[kim_dong.xlsx]\'Biểu 1\'!A5:H5', '[hoa_binh.xlsx]\'Biểu 1\'!A5:H5', '[son_ca.xlsx]\'Biểu 1\'!A5:H5']);
    const flat = rows.map((r) => r.join('|')).join('\n');
    expect(flat).toContain('nguyen_hue.xlsx|79760201|doi_chieu_lech_so_lieu');
    const total = rows.find((r) => r[0] === 'Tổng cộng')!;
    // so_lop 30 + 20 + 10, so_hoc_sinh 1050 + 690 + 250, so_gv 42 + 28 + 22
    expect(total.filter((v) => typeof v === 'number')).toEqual([60, 1990, 92]);
  });

  test('an unreadable master is exit code 2 with a clear message', async () => {
    const r = await run(['--master', path.join(folder, 'hong.xlsx'), path.join(folder, 'kim_dong.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không đọc được tệp danh sách hong.xlsx');
  });

  test('usage without --master', async () => {
    const r = await run([folder]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--master');
  });

  test('a folder given that holds no workbook is said (exit 2), beside the results of the others', async () => {
    // A district's folder not copied yet: only a note and an empty sub-folder in it.
    const empty = path.join(dir, 'quan-chua-nop');
    await fs.mkdir(path.join(empty, 'con'), { recursive: true });
    await fs.writeFile(path.join(empty, 'ghi-chu.txt'), 'chưa có bài');
    const clean = [path.join(folder, 'kim_dong.xlsx'), path.join(folder, 'hoa_binh.xlsx')];
    const r = await run(['--master', master, ...clean, empty, '--json']);
    expect(r.code).toBe(2); // clean files alone give 0 (above): the empty folder is what makes it 2
    const out = JSON.parse(r.out) as JsonOut;
    expect(out.files.map((f) => [f.file, f.status])).toEqual([[empty, 'unreadable'], ['kim_dong.xlsx', 'accepted'], ['hoa_binh.xlsx', 'accepted']]);
    const said = out.findings.filter((f) => f.rule === 'khong_doc_duoc_tep');
    expect(said).toHaveLength(1);
    expect(said[0].message).toBe(`Không đọc được tệp ${empty}: thư mục này không có bảng tính nào (.xlsx, .xlsm, .xls, .htm, .html, .xml), kể cả trong các thư mục con; hãy kiểm tra các bài nộp đã được chép vào đúng thư mục chưa`);
    const en = await run(['--master', master, ...clean, empty, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.out).toContain(`Cannot read file ${empty}: this folder holds no workbook`);
    // Only empty folders: nothing to cross-check at all, said as such.
    const none = await run(['--master', master, empty]);
    expect(none.code).toBe(2);
    expect(none.err).toContain(empty);
  });

  test('folder expansion names files by their path inside the folder', async () => {
    const sub = path.join(dir, 'theo-truong', 'kim-dong');
    await fs.mkdir(sub, { recursive: true });
    await fs.copyFile(path.join(folder, 'kim_dong.xlsx'), path.join(sub, 'BaoCao.xlsx'));
    const { files } = await expandSubmissionPaths([path.join(dir, 'theo-truong'), path.join(dir, 'khong-co')]);
    expect(files.map((f) => f.name)).toEqual(['kim-dong/BaoCao.xlsx']);
  });
});
