/**
 * Blank is "not reported", never 0: a blank column gives no sentence; a sum over some blank cells is
 * marked and explained, and no sentence states it as the whole. Zero counts are said in words.
 */
import { buildReport } from '../../../src/core/report/build';
import type { ReportModel } from '../../../src/core/report/model';
import { pct, sheet, workbook } from './helpers';

const F = ['ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'so_lop', 'so_hoc_sinh', 'hs_2_buoi', 'so_cbql', 'so_gv', 'so_nv', 'chuan_qg', 'kdcl'];
type Row = (string | number | null)[];
const quyMo = (rows: Row[], year = '2023-2024') => sheet('QUY_MO', F, rows, { year });
const texts = (m: ReportModel, id: string) => m.sections.find((s) => s.id === id)!.paragraphs.map((p) => p.text);
const table = (m: ReportModel, id: string) => m.sections.find((s) => s.id === id)!.tables[0];

describe('học 02 buổi/ngày', () => {
  it('an all-blank column: no sentence and a dash, never "0,00% (0/…)"', () => {
    const m = buildReport({
      current: workbook('a.xlsx', [quyMo([
        ['T1', 'Trường 1', 'TH', 'CL', 30, 1000, null, 2, 40, 4, 0, 0],
        ['G1', 'Trung tâm GDTX', 'GDTX', 'CL', 10, 400, null, 2, 15, 3, 0, 0],
      ])]),
    });
    const text = texts(m, 'quy_mo').join('\n');
    expect(text).not.toMatch(/02 buổi/);
    expect(text).not.toMatch(/0,00%/);
    const tb = table(m, 'quy_mo');
    const i = tb.columns.indexOf('Tỷ lệ học 2 buổi/ngày');
    expect(tb.rows.every((r) => r[i].text === '–')).toBe(true);
  });

  it('some blank cells: the rate is marked with the footnote and no sentence states it', () => {
    const m = buildReport({
      current: workbook('a.xlsx', [quyMo([
        ['T1', 'Trường 1', 'TH', 'CL', 30, 1000, 400, 2, 40, 4, 1, 1],
        ['T2', 'Trường 2', 'TH', 'CL', 20, 600, null, 2, 30, 4, 0, 1],
      ])]),
    });
    const tb = table(m, 'quy_mo');
    const i = tb.columns.indexOf('Tỷ lệ học 2 buổi/ngày');
    // 400 of the 1.600 pupils reported; the rate over the reporting rows is not the level's rate
    expect(tb.rows[0][i].text).toBe(`${pct(400, 1600)}*`);
    expect(tb.rows[0][i].partial).toBe(true);
    const paras = m.sections.find((s) => s.id === 'quy_mo')!.paragraphs;
    expect(paras.some((p) => p.kind === 'note' && p.text.startsWith('(*)'))).toBe(true);
    expect(paras.map((p) => p.text).join('\n')).not.toMatch(/02 buổi/);
  });

  it('everyone or no one on two sessions is said in words', () => {
    const m = buildReport({
      current: workbook('a.xlsx', [quyMo([
        ['M1', 'Trường MN 1', 'MN', 'CL', 10, 250, 250, 2, 20, 8, 0, 0],
        ['T1', 'Trường 1', 'TH', 'CL', 30, 1000, 0, 2, 40, 4, 0, 0],
      ])]),
    });
    const text = texts(m, 'quy_mo');
    expect(text).toContain('100% trẻ mầm non được học 02 buổi/ngày (250 trẻ).');
    expect(text).toContain('Chưa có học sinh tiểu học học 02 buổi/ngày.');
  });
});

describe('chuẩn quốc gia, kiểm định and small groups', () => {
  const rows: Row[] = [
    ['T1', 'Trường 1', 'TH', 'CL', 30, 1000, 1000, 2, 40, 4, 0, 0],
    ['T2', 'Trường 2', 'TH', 'NCL', 10, 300, 300, 1, 14, 2, 0, 1],
    ['C1', 'Trường Chuyên biệt Mẫu', 'GDCB', 'CL', 8, 90, 90, 1, 10, 2, 0, 0],
    ['G1', 'Trung tâm GDTX Mẫu', 'GDTX', 'CL', 12, 480, 0, 2, 15, 3, 0, 0],
  ];
  const m = buildReport({ current: workbook('a.xlsx', [quyMo(rows)]) });
  const text = texts(m, 'quy_mo');

  it('zero is "chưa có", never "0 trường" or "0/01 (0,00%)"', () => {
    expect(text).toContain('Chưa có trường tiểu học đạt chuẩn quốc gia; trường đạt kiểm định chất lượng giáo dục có 01 trường (01/01 trường ngoài công lập).');
    expect(text.join('\n')).not.toMatch(/là 0 trường|\b0\/0?\d/);
  });

  it('centres and special schools share one sentence, named, with học viên for GDTX and no two-session rate', () => {
    const other = text.filter((p) => /GDTX|Chuyên biệt/.test(p));
    expect(other).toEqual(['Giáo dục thường xuyên và giáo dục chuyên biệt có 02 đơn vị: Trung tâm GDTX Mẫu với 12 lớp, 480 học viên; Trường Chuyên biệt Mẫu với 8 lớp, 90 học sinh.']);
    const tb = table(m, 'quy_mo');
    const gdtx = tb.rows.find((r) => r[0].text === 'Giáo dục thường xuyên')!;
    expect(gdtx[tb.columns.indexOf('Tỷ lệ học 2 buổi/ngày')].text).toBe('–');
  });
});

describe('dinh dưỡng', () => {
  const DF = ['ma_truong', 'nhom_tuoi', 'thoi_diem', 'tong_so_tre', 'sdd_nhe_can', 'sdd_thap_coi', 'sdd_gay_com', 'thua_can_beo_phi', 'phuc_hoi_sdd_nhe_can', 'phuc_hoi_sdd_thap_coi', 'phuc_hoi_sdd_gay_com', 'phuc_hoi_thua_can_beo_phi'];
  it('phục hồi is read from the đầu ra rows that carry it (seed 000 layout)', () => {
    const m = buildReport({
      current: workbook('a.xlsx', [sheet('DINH_DUONG', DF, [
        ['M1', 'MG', 'dau_nam', 200, 5, 4, 2, 20, null, null, null, null],
        ['M1', 'MG', 'cuoi_nam', 200, 3, 2, 2, 15, 2, 2, 0, 5],
        ['M2', 'MG', 'dau_nam', 100, 2, 1, 0, 9, null, null, null, null],
        ['M2', 'MG', 'cuoi_nam', 100, 1, 1, 0, 7, 1, 0, 0, 2],
      ])]),
    });
    const tb = table(m, 'dinh_duong');
    const rec = tb.rows.find((r) => r[0].text === 'Phục hồi (đã xóa)')!;
    expect(rec.slice(2).map((c) => c.text)).toEqual([String(2 + 1), String(2 + 0), '0', String(5 + 2)]);
    const rate = tb.rows[tb.rows.indexOf(rec) + 1];
    expect(rate[2].text).toBe(pct(3, 5 + 2));
  });

  it('no phục hồi figures at all: no phục hồi row of zeros', () => {
    const m = buildReport({
      current: workbook('a.xlsx', [sheet('DINH_DUONG', DF, [
        ['M1', 'MG', 'dau_nam', 200, 5, 4, 2, 20, null, null, null, null],
        ['M1', 'MG', 'cuoi_nam', 200, 3, 2, 2, 15, null, null, null, null],
      ])]),
    });
    expect(table(m, 'dinh_duong').rows.some((r) => r[0].text === 'Phục hồi (đã xóa)')).toBe(false);
  });
});

describe('xu hướng paragraph', () => {
  const y1 = workbook('2022.xlsx', [quyMo([
    ['T1', 'Trường 1', 'TH', 'CL', 30, 1000, 1000, 2, 40, 4, 1, 1],
    ['T2', 'Trường 2', 'TH', 'CL', 20, 700, 700, 2, 30, 4, 0, 1],
  ], '2022-2023')]);
  const y2 = workbook('2023.xlsx', [quyMo([
    ['T1', 'Trường 1', 'TH', 'CL', 31, 1040, 1040, 2, 41, 4, 1, 1],
    ['T2', 'Trường 2', 'TH', 'CL', 20, 690, 690, 2, 30, 4, 1, 1],
    ['T3', 'Trường 3', 'TH', 'CL', 10, 300, 300, 1, 14, 2, 1, 0],
  ])]);
  const m = buildReport({ current: y2, previous: [y1] });

  it('states the main changes in the seeds\' words, not one sentence per table row', () => {
    const text = texts(m, 'xu_huong');
    const [s1, s2] = [3 - 2, 1040 + 690 + 300 - (1000 + 700)];
    expect(text).toContain(`Năm học 2023-2024 có 03 trường, tăng 0${s1} trường so với năm học trước; tổng số học sinh (trẻ) là 2.030, tăng ${s2} học sinh (tiểu học tăng ${s2} học sinh).`);
    expect(text).toContain(`Số trường đạt chuẩn quốc gia so với năm học trước: tiểu học 03 trường, tăng 0${3 - 1} trường.`);
    expect(text.some((p) => p.startsWith('Số lớp'))).toBe(false);
    // the table stays complete
    expect(m.sections.find((s) => s.id === 'xu_huong')!.tables[0].rows.some((r) => r[0].text === 'Số lớp tiểu học')).toBe(true);
  });
});
