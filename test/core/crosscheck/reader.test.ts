/** The cross-check through the real template reader, on snapshots laid out like real sheets. */
import { createCrossCheck } from '../../../src/core/crosscheck';
import type { CellValue } from '../../../src/core/types';
import { templateSheet, toSnapshot } from '../../fixtures/builder';

type Rec = Record<string, CellValue>;
const SCHOOLS: Rec[] = [
  { ma_truong: '79760101', ten_truong: 'Trường Tiểu học Kim Đồng', cap_hoc: 'TH', loai_hinh: 'CL', ma_xa: '26734', ten_xa: 'Phường Tân Thới Hiệp', so_lop: 30, so_hoc_sinh: 1050, so_gv: 42 },
  { ma_truong: '79760201', ten_truong: 'Trường THCS Nguyễn Huệ', cap_hoc: 'THCS', loai_hinh: 'CL', ma_xa: '26734', ten_xa: 'Phường Tân Thới Hiệp', so_lop: 24, so_hoc_sinh: 1010, so_gv: 50 },
  { ma_truong: '79760301', ten_truong: 'Trường Mầm non Sơn Ca', cap_hoc: 'MN', loai_hinh: 'CL', ma_xa: '26737', ten_xa: 'Phường Hiệp Thành', so_lop: 10, so_hoc_sinh: 280, so_gv: 24 },
];
const title = (year: string) => ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', `Năm học: ${year}`];
const masterSnap = () => toSnapshot('tong_hop.xlsx', [templateSheet('QUY_MO', SCHOOLS, { title: title('2024 - 2025'), name: 'Quy mô' })]);

describe('cross-check through the template reader', () => {
  test('headers without diacritics and columns in another order match cleanly', () => {
    const fields = ['so_hoc_sinh', 'ten_truong', 'ma_truong', 'so_gv', 'so_lop', 'ten_xa', 'ma_xa', 'cap_hoc', 'loai_hinh'];
    const headers = { so_hoc_sinh: 'So hoc sinh', ten_truong: 'Ten truong', ma_truong: 'MA TRUONG', so_gv: 'Giao vien', so_lop: 'So lop', ten_xa: 'Xa, phuong', ma_xa: 'Ma xa', cap_hoc: 'Cap hoc', loai_hinh: 'Loai hinh' };
    const sub = toSnapshot('kim_dong.xlsx', [templateSheet('QUY_MO', [SCHOOLS[0]], { title: title('2024-2025'), fields, headers, name: 'Sheet1' })]);
    const cc = createCrossCheck(masterSnap());
    const res = cc.addSubmission(sub);
    expect(res.summary.sheets).toEqual([{ name: 'Sheet1', template: 'QUY_MO', rows: 1 }]);
    expect(res.findings).toEqual([]);
    expect(res.summary.status).toBe('accepted');
  });

  test('one figure differing, found at its cells on both sides', () => {
    const fields = ['ma_truong', 'ten_truong', 'ma_xa', 'so_lop', 'so_hoc_sinh', 'so_gv'];
    const sub = toSnapshot('nguyen_hue.xlsx', [templateSheet('QUY_MO', [{ ...SCHOOLS[1], so_hoc_sinh: 1001 }], { title: title('2024-2025'), fields })]);
    const cc = createCrossCheck(masterSnap());
    const res = cc.addSubmission(sub);
    // Submission: 2 title lines, a blank line, header on row 4, data on row 5; so_hoc_sinh is column E.
    // Master: same block, so_hoc_sinh is the 8th column (H), Nguyễn Huệ is the second data row (6).
    expect(res.findings.map((f) => [f.rule, f.school, f.field, f.expected, f.actual, f.cells, (f.detail as Record<string, string>).masterCell])).toEqual([
      ['doi_chieu_lech_so_lieu', '79760201', 'so_hoc_sinh', 1010, 1001, ['E5'], 'H6'],
    ]);
    expect(res.findings[0].message.vi).toContain('1.001');
    expect(res.findings[0].message.vi).toContain('1.010');
    expect(res.findings[0].message.vi).toContain("Quy mô!H6");
  });

  test('a submission for the previous school year', () => {
    const sub = toSnapshot('son_ca.xlsx', [templateSheet('QUY_MO', [SCHOOLS[2]], { title: title('2023-2024') })]);
    const res = createCrossCheck(masterSnap()).addSubmission(sub);
    expect(res.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['sai_nam_hoc', '2024-2025', '2023-2024']]);
  });

  test('a workbook with no standard sheet', () => {
    const sub = toSnapshot('thu.xlsx', [{ name: 'Thư', rows: [['Kính gửi Phòng GD&ĐT'], ['Trường chúng tôi xin gửi …']] }]);
    const res = createCrossCheck(masterSnap()).addSubmission(sub);
    expect(res.summary.status).toBe('no_template');
    expect(res.findings.map((f) => f.rule)).toEqual(['khong_co_bieu_mau']);
    expect(res.findings[0].message.vi).toContain('Thư');
  });
});
