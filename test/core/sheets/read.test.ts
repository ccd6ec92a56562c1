import { readWorkbook, readSheet, normaliseSchoolYear, isTotalLabel, matchHeader } from '../../../src/core/sheets/read';
import { TEMPLATES } from '../../../src/core/sheets/templates';
import { headerKeys } from '../../../src/core/sheets/normalize';
import { num, text, addr } from '../../../src/core/sheets/types';
import type { CellValue } from '../../../src/core/types';
import type { Finding } from '../../../src/core/findings';
import { templateSheet, toSnapshot, toSheetSnapshot, SheetSpec } from '../../fixtures/builder';

const SCHOOLS = [
  { ma_truong: '079001', ten_truong: 'Trường TH An Phú', cap_hoc: 'Tiểu học', loai_hinh: 'Công lập', ten_xa: 'Phường An Phú Đông', so_lop: 30, so_hoc_sinh: 1150 },
  { ma_truong: '079002', ten_truong: 'Trường TH Bình Minh', cap_hoc: 'TH', loai_hinh: 'Tư thục', ten_xa: 'Phường Thạnh Lộc', so_lop: 12, so_hoc_sinh: 390 },
  { ma_truong: '079003', ten_truong: 'Trường MN Hoa Sen', cap_hoc: 'Mầm non', loai_hinh: 'Nhóm/lớp độc lập', ten_xa: 'Phường Thạnh Lộc', so_lop: 3, so_hoc_sinh: 45 },
];

function plain(spec: SheetSpec) {
  const wb = readWorkbook(toSnapshot('f.xlsx', [spec]));
  expect(wb.sheets).toHaveLength(1);
  const s = wb.sheets[0];
  return s.records.map((r) => Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, v.value])));
}

const EXPECTED = [
  { ma_truong: '079001', ten_truong: 'Trường TH An Phú', cap_hoc: 'TH', loai_hinh: 'CL', ten_xa: 'Phường An Phú Đông', so_lop: 30, so_hoc_sinh: 1150 },
  { ma_truong: '079002', ten_truong: 'Trường TH Bình Minh', cap_hoc: 'TH', loai_hinh: 'NCL', ten_xa: 'Phường Thạnh Lộc', so_lop: 12, so_hoc_sinh: 390 },
  { ma_truong: '079003', ten_truong: 'Trường MN Hoa Sen', cap_hoc: 'MN', loai_hinh: 'DL', ten_xa: 'Phường Thạnh Lộc', so_lop: 3, so_hoc_sinh: 45 },
];

describe('template definitions', () => {
  test('no header key maps to two fields of the same template', () => {
    for (const t of TEMPLATES) {
      const seen = new Map<string, string>();
      for (const f of t.fields) {
        for (const name of [f.header, ...(f.aliases ?? [])]) {
          for (const k of headerKeys(name)) {
            const other = seen.get(k);
            if (other && other !== f.id) throw new Error(`${t.id}: "${name}" (${k}) is both ${other} and ${f.id}`);
            seen.set(k, f.id);
          }
        }
      }
    }
  });
  test('every template has a key and unique field ids', () => {
    for (const t of TEMPLATES) {
      expect(new Set(t.fields.map((f) => f.id)).size).toBe(t.fields.length);
      for (const k of t.key) expect(t.fields.some((f) => f.id === k)).toBe(true);
    }
  });
  test('headers match without diacritics, with line breaks and unit suffixes', () => {
    const hit = (h: string) => matchHeader(h).find((m) => m.template === 'QUY_MO')?.field;
    expect(hit('So hoc sinh')).toBe('so_hoc_sinh');
    expect(hit('SỐ HỌC\nSINH (người)')).toBe('so_hoc_sinh');
    expect(hit('Số học sinh (1)')).toBe('so_hoc_sinh');
    expect(hit('Số học sinh (*)')).toBe('so_hoc_sinh');
    // Combining (NFD) diacritics as some real files have them.
    expect(hit('Số học sinh'.normalize('NFD'))).toBe('so_hoc_sinh');
    expect(hit('Tong so HS')).toBe('so_hoc_sinh');
    expect(hit('Tỷ lệ học sinh')).toBeUndefined();
  });
});

describe('readWorkbook: QUY_MO', () => {
  test('reads records with typed values and addresses', () => {
    const wb = readWorkbook(toSnapshot('f.xlsx', [templateSheet('QUY_MO', SCHOOLS, { title: ['Đơn vị: Phòng GD&ĐT Quận 12', 'Năm học: 2023 - 2024'] })]));
    const s = wb.sheets[0];
    expect(s.template).toBe('QUY_MO');
    expect(s.headerRows).toEqual([4]);
    expect(s.metadata).toMatchObject({ unit: 'Phòng GD&ĐT Quận 12', schoolYear: '2023-2024', schoolYearSource: 'title' });
    expect(s.records).toHaveLength(3);
    expect(num(s.records[0], 'so_hoc_sinh')).toBe(1150);
    expect(addr(s.records[0], 'so_hoc_sinh')).toBe('G5');
    expect(addr(s.records[2], 'ma_truong')).toBe('A7');
    expect(text(s.records[0], 'ma_truong')).toBe('079001');
    expect(plain(templateSheet('QUY_MO', SCHOOLS))).toEqual(EXPECTED);
  });

  test('header variants give the same records', () => {
    const noDiacritics = templateSheet('QUY_MO', SCHOOLS, {
      headers: { ma_truong: 'Ma truong', ten_truong: 'TEN TRUONG', cap_hoc: 'Cap hoc', loai_hinh: 'Loai hinh', ten_xa: 'Phuong', so_lop: 'So lop', so_hoc_sinh: 'So hoc sinh' },
    });
    expect(plain(noDiacritics)).toEqual(EXPECTED);

    const reordered = templateSheet('QUY_MO', SCHOOLS, { fields: ['so_hoc_sinh', 'ten_xa', 'ma_truong', 'so_lop', 'loai_hinh', 'ten_truong', 'cap_hoc'] });
    expect(plain(reordered)).toEqual(EXPECTED.map((e) => ({ so_hoc_sinh: e.so_hoc_sinh, ten_xa: e.ten_xa, ma_truong: e.ma_truong, so_lop: e.so_lop, loai_hinh: e.loai_hinh, ten_truong: e.ten_truong, cap_hoc: e.cap_hoc })));

    const titled = templateSheet('QUY_MO', SCHOOLS, { title: ['UBND QUẬN 12', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', 'BÁO CÁO QUY MÔ TRƯỜNG LỚP', 'Năm học 2023-2024', 'Thời điểm báo cáo: 30/9/2023'] });
    expect(plain(titled)).toEqual(EXPECTED);

    // STT + a column-number row under the header + an unknown "Ghi chú" column.
    const rows: CellValue[][] = [
      ['STT', 'Mã trường', 'Tên trường', 'Cấp học', 'Loại hình', 'Xã, phường', 'Số lớp', 'Số học sinh', 'Ghi chú'],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
      ...SCHOOLS.map((s, i) => [i + 1, s.ma_truong, s.ten_truong, s.cap_hoc, s.loai_hinh, s.ten_xa, s.so_lop, s.so_hoc_sinh, '']),
    ];
    const wb = readWorkbook(toSnapshot('f.xlsx', [{ name: 'Sheet1', rows }]));
    expect(wb.sheets[0].unknownColumns).toEqual(['STT', 'Ghi chú']);
    expect(plain({ name: 'x', rows })).toEqual(EXPECTED);
    const numbered: CellValue[][] = [rows[0], [1, 2, 3, 4, 5, 6, 7, 8, 9], ...rows.slice(2)];
    expect(plain({ name: 'x', rows: numbered })).toEqual(EXPECTED);
  });

  test('two-row header with a merged group, given as merges or as blank cells', () => {
    const top: CellValue[] = ['Mã trường', 'Tên trường', 'Cấp học', 'Loại hình', 'Xã, phường', 'Số lớp', 'Số học sinh', null, null];
    const sub: CellValue[] = [null, null, null, null, null, null, 'Tổng số', 'Nữ', 'Dân tộc'];
    const data = SCHOOLS.map((s) => [s.ma_truong, s.ten_truong, s.cap_hoc, s.loai_hinh, s.ten_xa, s.so_lop, s.so_hoc_sinh, 100, 5]);
    const expected = EXPECTED.map((e) => ({ ...e, hs_nu: 100, hs_dan_toc: 5 }));
    const withMerges: SheetSpec = { name: 'QM', rows: [['Năm học: 2023-2024'], top, sub, ...data], merges: ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:I2'] };
    const wb = readWorkbook(toSnapshot('f.xlsx', [withMerges]));
    expect(wb.sheets[0].headerRows).toEqual([2, 3]);
    expect(plain(withMerges)).toEqual(expected);
    expect(plain({ name: 'QM', rows: [top, sub, ...data] })).toEqual(expected);
  });

  test('a group header over sub-headers that carry the group name', () => {
    const rows: CellValue[][] = [
      ['Mã trường', 'Tên trường', 'Xã, phường', 'Số lớp', 'Số học sinh', 'Chia ra theo khối', null, null],
      [null, null, null, null, null, 'Lớp 1', 'Lớp 2', 'Lớp 3'],
      ['01', 'A', 'P', 3, 90, 30, 30, 30],
    ];
    const s = readWorkbook(toSnapshot('f', [{ name: 'x', rows }])).sheets[0];
    expect(s.columns).toMatchObject({ hs_lop_1: 'F', hs_lop_2: 'G', hs_lop_3: 'H' });
  });

  test('rows stop at a total row, kept as totalRow; "Công lập" is not a total', () => {
    const spec = templateSheet('QUY_MO', SCHOOLS, { total: { so_lop: 45, so_hoc_sinh: 1585 }, totalLabel: 'Toàn quận' });
    spec.rows.push(['Người lập biểu', null, null, null, null, 99, 99]);
    const s = readWorkbook(toSnapshot('f', [spec])).sheets[0];
    expect(s.records).toHaveLength(3);
    expect(num(s.totalRow, 'so_hoc_sinh')).toBe(1585);
    expect(s.totalRow?.row).toBe(5);
    for (const label of ['Tổng', 'TỔNG CỘNG', 'Cộng', 'Cộng:', 'Toàn huyện', 'Toàn xã', 'Toàn tỉnh', 'Tổng cộng toàn quận']) expect(isTotalLabel(label)).toBe(true);
    for (const label of ['Công lập', 'Trường TH Tổng', 'Cộng đồng']) expect(isTotalLabel(label)).toBe(false);
  });

  test('rows end at the first fully blank row', () => {
    const spec = templateSheet('QUY_MO', SCHOOLS);
    spec.rows.splice(3, 0, []);
    const s = readWorkbook(toSnapshot('f', [spec])).sheets[0];
    expect(s.records).toHaveLength(2);
  });

  test('numbers: text with VN separators warns, blanks stay null, errors and bad counts are findings', () => {
    const rows = [
      { ...SCHOOLS[0], so_hoc_sinh: '1.150', so_lop: '30' },
      { ...SCHOOLS[1], so_hoc_sinh: null, so_lop: { error: '#REF!' } },
      { ...SCHOOLS[2], so_hoc_sinh: -4, so_lop: 2.5 },
    ];
    const wb = readWorkbook(toSnapshot('f.xlsx', [templateSheet('QUY_MO', rows as Record<string, CellValue>[])]));
    const r = wb.sheets[0].records;
    expect(num(r[0], 'so_hoc_sinh')).toBe(1150);
    expect(r[0].fields.so_hoc_sinh).toMatchObject({ fromText: true, ambiguous: true });
    expect(r[1].fields.so_hoc_sinh.value).toBeNull();
    expect(r[1].fields.so_lop).toMatchObject({ value: null, invalid: true });
    const by = (rule: string) => wb.findings.filter((f) => f.rule === rule);
    expect(by('so_viet_mo_ho')[0]).toMatchObject({ severity: 'warning', cells: ['G2'], field: 'so_hoc_sinh' });
    expect(by('so_viet_mo_ho')[0].message.vi).toContain('1.150');
    expect(by('so_dang_van_ban')[0]).toMatchObject({ severity: 'warning', cells: ['F2'] });
    expect(by('o_loi_excel')[0]).toMatchObject({ severity: 'error', cells: ['F3'], actual: '#REF!' });
    expect(by('so_luong_am')[0]).toMatchObject({ severity: 'error', cells: ['G4'] });
    expect(by('so_luong_khong_nguyen')[0]).toMatchObject({ severity: 'error', cells: ['F4'] });
    // No finding ever prints NaN/undefined.
    for (const f of wb.findings) expect(f.message.vi + f.message.en).not.toMatch(/NaN|undefined|null/);
  });

  test('codes stay text and keep leading zeros; numeric codes become text', () => {
    const spec = templateSheet('QUY_MO', [{ ...SCHOOLS[0], ma_truong: 79001 }, SCHOOLS[1]]);
    const s = readWorkbook(toSnapshot('f', [spec])).sheets[0];
    expect(s.records[0].fields.ma_truong.value).toBe('79001');
    expect(s.records[1].fields.ma_truong.value).toBe('079002');
    spec.numberFormats = { A2: '000000' };
    const s2 = readWorkbook(toSnapshot('f', [spec])).sheets[0];
    expect(s2.records[0].fields.ma_truong.value).toBe('079001');
  });

  test('unknown enum values are kept and flagged', () => {
    const wb = readWorkbook(toSnapshot('f', [templateSheet('QUY_MO', [{ ...SCHOOLS[0], cap_hoc: 'Đại học' }])]));
    expect(wb.sheets[0].records[0].fields.cap_hoc.value).toBe('Đại học');
    expect(wb.findings.find((f) => f.rule === 'gia_tri_ngoai_danh_muc')).toMatchObject({ cells: ['C2'], severity: 'warning' });
  });
});

describe('metadata', () => {
  test('school year from the sheet name, then from the option', () => {
    const a = readWorkbook(toSnapshot('f', [templateSheet('QUY_MO', SCHOOLS, { name: 'QUY_MO 2022-2023' })]));
    expect(a.sheets[0].metadata).toMatchObject({ schoolYear: '2022-2023', schoolYearSource: 'sheet-name' });
    const b = readWorkbook(toSnapshot('f', [templateSheet('QUY_MO', SCHOOLS)]), { schoolYear: '2024 - 2025' });
    expect(b.sheets[0].metadata).toMatchObject({ schoolYear: '2024-2025', schoolYearSource: 'setting' });
  });
  test('normalises and rejects impossible years', () => {
    expect(normaliseSchoolYear('Năm học: 2023 - 2024').year).toBe('2023-2024');
    expect(normaliseSchoolYear('2023–24').year).toBe('2023-2024');
    expect(normaliseSchoolYear('2023-2025').bad).toBeDefined();
    expect(normaliseSchoolYear('2024-2023').bad).toBeDefined();
    const wb = readWorkbook(toSnapshot('f', [templateSheet('QUY_MO', SCHOOLS, { title: ['Năm học: 2023 - 2025'] })]));
    expect(wb.sheets[0].metadata.schoolYear).toBeUndefined();
    expect(wb.findings.find((f) => f.rule === 'nam_hoc_khong_hop_le')).toMatchObject({ severity: 'error', cells: ['A1'], actual: '2023 - 2025' });
  });
});

describe('recognition', () => {
  test('a sheet without standard headers is unrecognised; a file without any is an error finding', () => {
    const wb = readWorkbook(toSnapshot('f', [{ name: 'Ghi chú', rows: [['Ghi chú'], ['Không có gì']] }]));
    expect(wb.sheets).toHaveLength(0);
    expect(wb.unrecognised).toEqual(['Ghi chú']);
    expect(wb.findings.map((f) => f.rule)).toEqual(['khong_co_bieu_mau']);
  });
  test('a sheet that lacks one required column is reported, not silently read', () => {
    const spec = templateSheet('QUY_MO', SCHOOLS, { fields: ['ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'ten_xa', 'so_lop'] });
    const findings: Finding[] = [];
    expect(readSheet(toSheetSnapshot(spec), {}, findings)).toBeNull();
    expect(findings[0]).toMatchObject({ rule: 'thieu_cot_bat_buoc', severity: 'warning' });
    expect(findings[0].message.vi).toContain('Số học sinh');
  });
  test('each template is recognised from its own usual headers', () => {
    for (const t of TEMPLATES) {
      const header = t.fields.map((f) => f.header);
      const sample = t.fields.map((f) => (f.sample === undefined ? null : f.sample) as CellValue);
      const wb = readWorkbook(toSnapshot('f', [{ name: 'S', rows: [header, sample] }]));
      expect(wb.sheets.map((s) => s.template)).toEqual([t.id]);
      expect(Object.keys(wb.sheets[0].columns)).toHaveLength(t.fields.length);
    }
  });
});
