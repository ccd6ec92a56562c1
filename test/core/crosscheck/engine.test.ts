import { createCrossCheck as create, CrossCheckOptions } from '../../../src/core/crosscheck';
import type { ParsedWorkbook } from '../../../src/core/sheets/types';
import type { Finding, RuleId } from '../../../src/core/findings';
import { book, master, QM, submission } from './builder';

/** The comparison alone; the rules' own findings are tested where they are written. */
const createCrossCheck = (m: ParsedWorkbook, opts: CrossCheckOptions = {}) => create(m, { validate: false, ...opts });

const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('cross-check of submissions against the master', () => {
  test('an identical submission has no findings and is accepted; the others are missing', () => {
    const cc = createCrossCheck(master());
    const added = cc.addSubmission(submission('t001.xlsx', 'T001'));
    expect(added.findings).toEqual([]);
    expect(added.summary.status).toBe('accepted');
    const res = cc.finish();
    expect(res.completeness.expected).toBe(4);
    expect(res.completeness.submitted).toBe(1);
    expect(res.completeness.missing.map((m) => m.code)).toEqual(['T002', 'T003', 'T004']);
    const missing = only(res.findings, 'chua_nop');
    expect(missing.map((f) => f.school)).toEqual(['T002', 'T003', 'T004']);
    expect(missing[0]).toMatchObject({ file: 'tong_hop_phong.xlsx', sheet: 'QUY_MO', cells: ['A6'], severity: 'warning' });
    expect(missing[0].message.vi).toContain('Trường THCS Lê Lợi');
    expect(res.findings.filter((f) => f.rule !== 'chua_nop')).toEqual([]);
  });

  test('one differing figure: file, school, field, both values and both cells', () => {
    const cc = createCrossCheck(master());
    cc.addSubmission(submission('t003.xlsx', 'T003', { so_hoc_sinh: 385 }));
    const res = cc.finish();
    const diffs = only(res.findings, 'doi_chieu_lech_so_lieu');
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({
      severity: 'error',
      file: 't003.xlsx',
      sheet: 'QUY_MO',
      school: 'T003',
      field: 'so_hoc_sinh',
      expected: 380,
      actual: 385,
      cells: ['G5'],
      detail: { masterFile: 'tong_hop_phong.xlsx', masterSheet: 'QUY_MO', masterCell: 'G7' },
    });
    expect(diffs[0].message.vi).toContain('385');
    expect(diffs[0].message.vi).toContain('380');
    expect(diffs[0].message.vi).toContain('QUY_MO!G5');
    expect(diffs[0].message.vi).toContain('QUY_MO!G7');
    expect(diffs[0].message.en).toContain('tong_hop_phong.xlsx');
    expect(res.submissions[0]).toMatchObject({ status: 'blocked', blocking: ['doi_chieu_lech_so_lieu'] });
  });

  test('columns in another order match cleanly; a difference names the submitted column', () => {
    const order = ['so_hoc_sinh', 'ma_truong', 'so_gv', 'ten_truong', 'so_lop', 'cap_hoc', 'ten_xa', 'ma_xa'];
    const pick = (code: string, students: number) => {
      const base: Record<string, string | number> = { ma_truong: code, ten_truong: 'Trường TH Kim Đồng', cap_hoc: 'TH', ma_xa: 'X01', ten_xa: 'Phường Bến Thành', so_lop: 20, so_hoc_sinh: students, so_gv: 30 };
      return order.map((f) => base[f]);
    };
    const cc = createCrossCheck(master());
    const same = cc.addSubmission(book('a.xlsx', [{ template: 'QUY_MO', year: '2024-2025', columns: order, rows: [pick('T001', 700)] }]));
    expect(same.findings).toEqual([]);
    const cc2 = createCrossCheck(master());
    const diff = cc2.addSubmission(book('b.xlsx', [{ template: 'QUY_MO', year: '2024-2025', columns: order, rows: [pick('T001', 701)] }]));
    expect(diff.findings.map((f) => [f.rule, f.cells[0], (f.detail as { masterCell: string }).masterCell])).toEqual([['doi_chieu_lech_so_lieu', 'A5', 'G5']]);
  });

  test('a field present on one side only is not compared', () => {
    const cc = createCrossCheck(master());
    const cols = ['ma_truong', 'ten_truong', 'so_hoc_sinh', 'hs_nu'];
    const res = cc.addSubmission(book('a.xlsx', [{ template: 'QUY_MO', year: '2024-2025', columns: cols, rows: [['T001', 'Trường TH Kim Đồng', 700, 350]] }]));
    expect(res.findings).toEqual([]);
  });

  test('wrong school year: reported, not compared, school still counted as missing', () => {
    const cc = createCrossCheck(master());
    const added = cc.addSubmission(submission('t002-cu.xlsx', 'T002', { so_hoc_sinh: 600 }, '2023-2024'));
    expect(added.summary.status).toBe('wrong_year');
    expect(added.findings.map((f) => f.rule)).toEqual(['sai_nam_hoc']);
    expect(added.findings[0]).toMatchObject({ expected: '2024-2025', actual: '2023-2024', school: 'T002', file: 't002-cu.xlsx' });
    const res = cc.finish();
    expect(res.completeness.submitted).toBe(0);
    expect(res.completeness.wrongYear).toEqual(['T002']);
    expect(only(res.findings, 'chua_nop').map((f) => f.school)).toContain('T002');
  });

  test('the expected year can be given instead of the master\'s', () => {
    const cc = createCrossCheck(master(), { schoolYear: '2023-2024' });
    expect(cc.addSubmission(submission('a.xlsx', 'T001')).summary.status).toBe('wrong_year');
  });

  test('an identical second copy is a warning and is consolidated once', () => {
    const cc = createCrossCheck(master());
    cc.addSubmission(submission('t001.xlsx', 'T001'));
    const second = cc.addSubmission(submission('t001 (1).xlsx', 'T001'));
    expect(second.summary.status).toBe('duplicate');
    expect(second.findings).toHaveLength(1);
    expect(second.findings[0]).toMatchObject({ rule: 'nop_trung', severity: 'warning', school: 'T001', detail: { firstFile: 't001.xlsx', differs: false } });
    const res = cc.finish();
    expect(res.submissions.map((s) => s.status)).toEqual(['accepted', 'duplicate']);
    expect(res.completeness.submitted).toBe(1);
    const table = res.summarySheet.blocks.find((b) => b.id === 'QUY_MO')!;
    expect(table.values).toHaveLength(3); // header, one school, total
  });

  test('two different copies: an error naming the differing field, neither consolidated', () => {
    const cc = createCrossCheck(master());
    cc.addSubmission(submission('t001.xlsx', 'T001'));
    const second = cc.addSubmission(submission('t001-sua.xlsx', 'T001', { so_gv: 31 }));
    const dup = only(second.findings, 'nop_trung')[0];
    expect(dup).toMatchObject({ severity: 'error', file: 't001-sua.xlsx', detail: { firstFile: 't001.xlsx', differs: true, differingFields: ['so_gv'] } });
    expect(dup.message.vi).toContain('khác nhau ở 1 ô (Giáo viên)');
    const res = cc.finish();
    expect(res.submissions.map((s) => s.status)).toEqual(['blocked', 'blocked']);
    expect(res.submissions[0].blocking).toEqual(['nop_trung']);
    expect(res.summarySheet.blocks.find((b) => b.id === 'QUY_MO')).toBeUndefined();
    const blocked = res.summarySheet.blocks.find((b) => b.id === 'blocked')!;
    expect(blocked.values.slice(1).map((r) => r[0])).toEqual(['t001.xlsx', 't001-sua.xlsx']);
  });

  test('an unreadable file and a workbook with no template', () => {
    const cc = createCrossCheck(master());
    const bad = cc.addSubmission({ file: 'hong.xlsx', reason: { vi: 'tệp bị hỏng', en: 'the file is corrupt' } });
    expect(bad.summary.status).toBe('unreadable');
    expect(bad.findings[0]).toMatchObject({ rule: 'khong_doc_duoc_tep', severity: 'error', file: 'hong.xlsx' });
    expect(bad.findings[0].message.vi).toBe('Không đọc được tệp hong.xlsx: tệp bị hỏng');
    expect(bad.findings[0].message.en).toBe('Cannot read file hong.xlsx: the file is corrupt');
    const none = cc.addSubmission(book('ghi-chu.xlsx', [], { unrecognised: ['Sheet1', 'Ghi chú'] }));
    expect(none.summary.status).toBe('no_template');
    expect(none.findings[0].rule).toBe('khong_co_bieu_mau');
    expect(none.findings[0].message.vi).toContain('Sheet1, Ghi chú');
  });

  test('a snapshot the reader throws on is an unreadable file, not a crash', () => {
    const cc = createCrossCheck(master(), {
      read: () => {
        throw new Error('boom');
      },
    });
    const res = cc.addSubmission({ fileName: 'x.xlsx', sheets: [] });
    expect(res.summary.status).toBe('unreadable');
    expect(res.findings[0].message.en).toContain('boom');
  });

  test('a school code the master does not know', () => {
    const cc = createCrossCheck(master());
    const res = cc.addSubmission(submission('la.xlsx', 'T999'));
    expect(res.findings.map((f) => f.rule)).toEqual(['truong_khong_co_trong_danh_sach']);
    expect(res.findings[0]).toMatchObject({ school: 'T999', cells: ['A5'], sheet: 'QUY_MO', file: 'la.xlsx' });
    expect(res.summary.status).toBe('blocked');
  });

  test('a workbook whose templates carry no school code', () => {
    const cc = createCrossCheck(master());
    const res = cc.addSubmission(book('pc.xlsx', [{ template: 'PC_TH', year: '2024-2025', columns: ['ma_xa', 'ten_xa', 'tre_6t'], rows: [['X01', 'Bến Thành', 90]] }]));
    expect(res.summary.status).toBe('no_school');
    expect(res.findings.map((f) => f.rule)).toEqual(['khong_co_ma_truong']);
  });

  test('a different name with the same code is a warning, diacritics and case aside', () => {
    const cc = createCrossCheck(master());
    const plain = cc.addSubmission(submission('a.xlsx', 'T001', { ten_truong: 'TRUONG TH KIM DONG' }));
    expect(plain.findings).toEqual([]);
    const renamed = cc.addSubmission(submission('b.xlsx', 'T003', { ten_truong: 'Trường Tiểu học An Phú 2' }));
    expect(renamed.findings).toHaveLength(1);
    expect(renamed.findings[0]).toMatchObject({ rule: 'doi_chieu_lech_ten', severity: 'warning', expected: 'Trường TH An Phú', actual: 'Trường Tiểu học An Phú 2' });
    expect(renamed.summary.status).toBe('accepted');
  });

  test('blank is not zero: a blank against a figure is a warning, never equal', () => {
    const cc = createCrossCheck(master());
    const blank = cc.addSubmission(submission('a.xlsx', 'T001', { so_gv: null }));
    expect(blank.findings).toHaveLength(1);
    expect(blank.findings[0]).toMatchObject({ rule: 'doi_chieu_thieu_so_lieu', expected: 30, actual: null, cells: ['H5'] });
    const zero = cc.addSubmission(submission('b.xlsx', 'T002', { so_gv: 0 }));
    expect(zero.findings[0]).toMatchObject({ rule: 'doi_chieu_lech_so_lieu', expected: 35, actual: 0 });
  });

  test('invalid cells are left to the reader\'s own finding', () => {
    const sub = submission('a.xlsx', 'T001');
    const fv = sub.sheets[0].records[0].fields.so_hoc_sinh;
    Object.assign(fv, { value: null, raw: { error: '#REF!' }, invalid: true });
    // A stand-in id: the cross-check passes the reader's findings on whatever their id.
    const readerFinding: Finding = { rule: 'o_loi' as RuleId, severity: 'error', message: { vi: 'ô lỗi', en: 'error cell' }, file: 'a.xlsx', sheet: 'QUY_MO', cells: ['G5'] };
    sub.findings.push(readerFinding);
    const res = createCrossCheck(master()).addSubmission(sub);
    expect(res.findings.map((f) => f.rule)).toEqual(['o_loi']);
    expect(res.findings[0].school).toBe('T001');
    expect(res.summary.status).toBe('blocked');
  });

  test('the rules run on each submission and their errors block it', () => {
    const validate = jest.fn((): Finding[] => [{ rule: 'si_so_bat_thuong', severity: 'error', message: { vi: 'x', en: 'x' }, file: 'a.xlsx', cells: ['G5'] }]);
    const cc = createCrossCheck(master(), { validate });
    const res = cc.addSubmission(submission('a.xlsx', 'T001'));
    expect(validate).toHaveBeenCalledTimes(1);
    expect(res.summary.blocking).toEqual(['si_so_bat_thuong']);
    const warnOnly = createCrossCheck(master(), { validate: () => [{ rule: 'w' as RuleId, severity: 'warning', message: { vi: 'x', en: 'x' }, cells: [] }] });
    expect(warnOnly.addSubmission(submission('a.xlsx', 'T001')).summary.status).toBe('accepted');
  });

  test('by default the project\'s rules run on each submission', () => {
    // 700 pupils in 2 classes is 350 per class: implausible, an error of the rules, not of the comparison.
    const cc = create(master());
    const res = cc.addSubmission(submission('a.xlsx', 'T001', { so_lop: 2 }));
    expect(res.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['si_so_bat_thuong', 'doi_chieu_lech_so_lieu']));
    expect(res.summary.blocking).toEqual(expect.arrayContaining(['si_so_bat_thuong']));
  });

  test('KET_QUA rows are matched by school and grade', () => {
    const kq = ['ma_truong', 'khoi', 'tong_so_hs', 'htt', 'ht'];
    const m = master([{ template: 'KET_QUA', year: '2024-2025', columns: kq, rows: [['T001', 1, 140, 60, 80], ['T001', 2, 150, 70, 80]] }]);
    const cc = createCrossCheck(m);
    const res = cc.addSubmission(
      book('t001.xlsx', [{ template: 'KET_QUA', year: '2024-2025', columns: kq, rows: [['T001', 2, 150, 71, 79], ['T001', 1, 140, 60, 80], ['T001', 3, 10, 5, 5]] }]),
    );
    expect(res.findings.map((f) => [f.rule, f.field ?? null, f.cells[0], f.expected ?? null, f.actual ?? null])).toEqual([
      ['doi_chieu_lech_so_lieu', 'htt', 'D5', 70, 71],
      ['doi_chieu_lech_so_lieu', 'ht', 'E5', 80, 79],
      ['doi_chieu_khong_co_dong', null, 'A7', null, null],
    ]);
  });

  test('findings come grouped by school in master order, missing schools included', () => {
    const cc = createCrossCheck(master());
    cc.addSubmission(submission('t004.xlsx', 'T004', { so_lop: 9 }));
    cc.addSubmission(submission('t001.xlsx', 'T001', { so_lop: 21 }));
    cc.addSubmission({ file: 'hong.xlsx', reason: { vi: 'hỏng', en: 'corrupt' } });
    const res = cc.finish();
    expect(res.findings.map((f) => [f.school ?? '-', f.rule])).toEqual([
      ['T001', 'doi_chieu_lech_so_lieu'],
      ['T002', 'chua_nop'],
      ['T003', 'chua_nop'],
      ['T004', 'doi_chieu_lech_so_lieu'],
      ['-', 'khong_doc_duoc_tep'],
    ]);
  });
});

describe('completeness', () => {
  test('per commune and per cấp học, missing schools named', () => {
    const cc = createCrossCheck(master());
    cc.addSubmission(submission('t001.xlsx', 'T001'));
    cc.addSubmission(submission('t003.xlsx', 'T003', { so_lop: 13 })); // blocked still counts as submitted
    const { completeness } = cc.finish();
    expect(completeness.byCommune).toEqual([
      { key: 'X01', name: 'Phường Bến Thành', expected: 2, submitted: 1, missing: [{ code: 'T002', name: 'Trường THCS Lê Lợi' }] },
      { key: 'X02', name: 'Xã An Phú', expected: 2, submitted: 1, missing: [{ code: 'T004', name: 'Trường MN Hoa Sen' }] },
    ]);
    expect(completeness.schools.map((s) => [s.code, s.state, s.files])).toEqual([
      ['T001', 'submitted', ['t001.xlsx']],
      ['T002', 'missing', []],
      ['T003', 'submitted', ['t003.xlsx']],
      ['T004', 'missing', []],
    ]);
    expect(completeness.byLevel.map((g) => [g.key, g.submitted, g.expected])).toEqual([
      ['TH', 2, 2],
      ['THCS', 0, 1],
      ['MN', 0, 1],
    ]);
  });
});

describe('merged units (DON_VI_SAP_NHAP)', () => {
  const mapping = {
    template: 'DON_VI_SAP_NHAP' as const,
    columns: ['ma_cu', 'ten_cu', 'ma_moi', 'ten_moi', 'hieu_luc'],
    rows: [
      ['T003A', 'Trường TH An Phú cũ', 'T003', 'Trường TH An Phú', '2025-07-01'],
      ['X02A', 'Xã An Phú cũ', 'X02', 'Xã An Phú', '01/07/2025'],
    ],
  };

  test('a school submitting under its old code and old commune is compared as its new unit', () => {
    const cc = createCrossCheck(master([mapping]));
    const res = cc.addSubmission(submission('t003.xlsx', 'T003', { ma_truong: 'T003A', ma_xa: 'X02A', so_hoc_sinh: 381 }));
    expect(res.summary.schools).toEqual(['T003']);
    expect(res.findings.map((f) => f.rule)).toEqual(['ma_da_sap_nhap', 'doi_chieu_lech_so_lieu']);
    expect(res.findings[0]).toMatchObject({ severity: 'info', actual: 'T003A', expected: 'T003', school: 'T003' });
    expect(res.findings[0].message.vi).toContain('01/07/2025');
    expect(res.findings[1]).toMatchObject({ field: 'so_hoc_sinh', expected: 380, actual: 381, school: 'T003' });
    const done = cc.finish();
    expect(done.completeness.missing.map((m) => m.code)).not.toContain('T003');
  });

  test('a new-code copy after an old-code copy is a duplicate of the same school', () => {
    const cc = createCrossCheck(master([mapping]));
    cc.addSubmission(submission('cu.xlsx', 'T003', { ma_truong: 'T003A' }));
    const second = cc.addSubmission(submission('moi.xlsx', 'T003'));
    expect(second.findings.map((f) => f.rule)).toEqual(['nop_trung']);
  });
});

describe('consolidation sheet', () => {
  test('headers follow the master as printed; field labels in messages follow the submission', () => {
    const m = book('phong.xlsx', [{ template: 'QUY_MO', year: '2024-2025', columns: QM, rows: [['T001', 'A', 'TH', 'X01', 'B', 20, 700, 30]], headers: { so_hoc_sinh: 'Tổng số HS' } }]);
    const cc = createCrossCheck(m);
    const sub = book('t.xlsx', [{ template: 'QUY_MO', year: '2024-2025', columns: QM, rows: [['T001', 'A', 'TH', 'X01', 'B', 20, 701, 30]], headers: { so_hoc_sinh: 'So hoc sinh' } }]);
    expect(cc.addSubmission(sub).findings[0].message.vi).toContain('"So hoc sinh"');
    const cc2 = createCrossCheck(m);
    cc2.addSubmission(book('t.xlsx', [{ template: 'QUY_MO', year: '2024-2025', columns: QM, rows: [['T001', 'A', 'TH', 'X01', 'B', 20, 700, 30]] }]));
    const table = cc2.finish().summarySheet.blocks.find((b) => b.id === 'QUY_MO')!;
    expect(table.values[0][7]).toBe('Tổng số HS');
  });

  test('accepted rows in master order with their source; totals recomputed; blocked and missing listed', () => {
    const cc = createCrossCheck(master());
    cc.addSubmission(submission('t004.xlsx', 'T004'));
    cc.addSubmission(submission('t001.xlsx', 'T001'));
    cc.addSubmission(submission('t002.xlsx', 'T002', { so_lop: 17 }));
    const { summarySheet } = cc.finish();
    expect(summarySheet.name).toBe('Tổng hợp');
    const table = summarySheet.blocks.find((b) => b.id === 'QUY_MO')!;
    const header = table.values[0];
    expect(header[0]).toBe('STT');
    expect(header.slice(1, 1 + QM.length)).toEqual(['Mã trường', 'Tên trường', 'Cấp học', 'Mã xã', 'Xã, phường', 'Số lớp', 'Số học sinh', 'Giáo viên']);
    expect(header[header.length - 1]).toBe('Nguồn (tệp, ô)');
    expect(table.values.slice(1, 3).map((r) => [r[1], r[r.length - 1]])).toEqual([
      ['T001', '[t001.xlsx]QUY_MO!A5:H5'],
      ['T004', '[t004.xlsx]QUY_MO!A5:H5'],
    ]);
    const total = table.values[3];
    expect(total[0]).toBe('Tổng cộng');
    // so_lop 20 + 8, so_hoc_sinh 700 + 210, so_gv 30 + 20; codes and names are not summed
    expect(total.slice(1)).toEqual([null, null, null, null, null, 28, 910, 50, null]);
    const blocked = summarySheet.blocks.find((b) => b.id === 'blocked')!;
    expect(blocked.values[1]).toEqual(['t002.xlsx', 'T002', 'doi_chieu_lech_so_lieu']);
    const missing = summarySheet.blocks.find((b) => b.id === 'missing')!;
    expect(missing.values.slice(1).map((r) => r[0])).toEqual(['T003']);
    expect(summarySheet.blocks.find((b) => b.id === 'QUY_MO-title')!.values[0][0]).toBe('QUY_MO: Quy mô trường lớp');
    // blocks never overlap
    const spans = summarySheet.blocks.map((b) => [b.row, b.row + b.values.length - 1]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][1]);
  });
});
