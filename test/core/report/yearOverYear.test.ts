/**
 * Year-over-year checks (issue 14): a school or commune whose figure moves beyond the set share
 * (settings.yearOverYearShare, default 0,33), a commune whose phổ cập level fell, a school new or
 * gone: warnings with both values, in the appendix. Every expected figure is worked out by hand below.
 */
import { buildReport, yearOverYearOf } from '../../../src/core/report/build';
import { beyondShare } from '../../../src/core/report/yearOverYear';
import { sheet, workbook } from './helpers';

const QUY_MO = ['ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'ma_xa', 'ten_xa', 'so_lop', 'so_hoc_sinh'];
const PC_TH = ['ma_xa', 'ten_xa', 'dbkk', 'tre_6t', 'mien_giam_6t', 'tre_6t_lop1', 'tre_11t', 'mien_giam_11t', 'tre_11t_htth', 'tre_11t_dang_hoc_th', 'tre_14t', 'mien_giam_14t', 'tre_14t_htth'];

const Y0 = '2022-2023';
const Y1 = '2023-2024';

const before = workbook('2022-2023.xlsx', [
  sheet('QUY_MO', QUY_MO, [
    ['T1', 'Trường TH Hòa Bình', 'TH', 'CL', '001', 'Xã A', 20, 700],
    ['T2', 'Trường TH Sông Cầu', 'TH', 'CL', '001', 'Xã A', 15, 500],
    ['T3', 'Trường THCS Bình Minh', 'THCS', 'CL', '002', 'Xã B', 12, 450],
    ['T4', 'Trường MN Hoa Sen', 'MN', 'CL', '002', 'Xã B', 8, 240],
    ['T6', 'Trường TH Xã C', 'TH', 'CL', '003', 'Xã C', 10, 300],
    ['T7', 'Trường THCS Xã C', 'THCS', 'CL', '003', 'Xã C', 8, 280],
  ], { year: Y0 }),
  sheet('PC_TH', PC_TH, [
    // Xã A: 99/100 = 99%, 190/200 = 95%, (190+10)/200 = 100%, 149/150 = 99,33% → Mức độ 3
    ['001', 'Xã A', false, 100, 0, 99, 200, 0, 190, 10, 150, 0, 149],
    // Xã B: 79/79 = 100%, 119/120 = 99,17%, 120/120, 89/89 → Mức độ 3
    ['002', 'Xã B', false, 80, 1, 79, 120, 0, 119, 1, 90, 1, 89],
  ], { year: Y0 }),
]);

const now = workbook('2023-2024.xlsx', [
  sheet('QUY_MO', QUY_MO, [
    ['T1', 'Trường TH Hòa Bình', 'TH', 'CL', '001', 'Xã A', 20, 940], // pupils +240/700 = +34,2857…% > 33%
    ['T2', 'Trường TH Sông Cầu', 'TH', 'CL', '001', 'Xã A', 10, 335], // classes −5/15 = −33,33…%; pupils −165/500 = −33% exactly: not beyond
    ['T3', 'Trường THCS Bình Minh', 'THCS', 'CL', '002', 'Xã B', 12, 450],
    ['T5', 'Trường MN Sao Mai', 'MN', 'CL', '002', 'Xã B', 9, 250], // new; T4 gone
    ['T6', 'Trường TH Xã C', 'TH', 'CL', '003', 'Xã C', 10, 300], // T7 gone
  ], { year: Y1 }),
  sheet('PC_TH', PC_TH, [
    // Xã A: 96/100 = 96% < 98% → Mức độ 2 (was 3); the rate moved −3/99 only
    ['001', 'Xã A', false, 100, 0, 96, 200, 0, 190, 10, 150, 0, 149],
    // Xã B: 11-year-olds 70/120 = 58,33% < 80% → Mức độ 1 (was 3); 70/119 − 1 = −49/119 = −41,18%
    ['002', 'Xã B', false, 80, 1, 79, 120, 0, 70, 50, 90, 1, 89],
  ], { year: Y1 }),
]);

describe('year over year', () => {
  test('beyondShare: strictly more than the share, exactly', () => {
    expect(beyondShare(133, 100, 0.33)).toBe(false); // exactly +33%
    expect(beyondShare(67, 100, 0.33)).toBe(false); // exactly −33%
    expect(beyondShare(134, 100, 0.33)).toBe(true);
    expect(beyondShare(66, 100, 0.33)).toBe(true);
    expect(beyondShare(0.5, 0.3, 0.33)).toBe(true); // +66,7%
    expect(beyondShare(5, 0, 0.33)).toBe(true); // from 0
    expect(beyondShare(0, 0, 0.33)).toBe(false);
  });

  const vi = () => yearOverYearOf(now, [before]).map((f) => `${f.rule}: ${f.message.vi}`);

  test('each finding, with both values, and nothing else', () => {
    const got = vi();
    const want = [
      `bien_dong_bat_thuong: Trường TH Hòa Bình: số học sinh năm học ${Y1} là 940, năm học ${Y0} là 700 (tăng 34,29%), biến động quá 33% so với năm học trước; kiểm tra lại số liệu`,
      `bien_dong_bat_thuong: Trường TH Sông Cầu: số lớp năm học ${Y1} là 10, năm học ${Y0} là 15 (giảm 33,33%), biến động quá 33% so với năm học trước; kiểm tra lại số liệu`,
      `truong_moi: Trường MN Sao Mai: có trong năm học ${Y1} nhưng không có trong năm học ${Y0} (trường mới thành lập, đổi mã hay nhập nhầm?)`,
      `truong_khong_con: Trường MN Hoa Sen: có trong năm học ${Y0} nhưng không có trong năm học ${Y1} (giải thể, sáp nhập, đổi mã hay thiếu dòng?)`,
      `truong_khong_con: Trường THCS Xã C: có trong năm học ${Y0} nhưng không có trong năm học ${Y1} (giải thể, sáp nhập, đổi mã hay thiếu dòng?)`,
      // Xã C: schools 2 → 1 (−50%), classes 18 → 10 (−8/18 = −44,44%), pupils 580 → 300 (−280/580 = −48,28%)
      `bien_dong_bat_thuong: Xã C: số trường năm học ${Y1} là 1, năm học ${Y0} là 2 (giảm 50%), biến động quá 33% so với năm học trước; kiểm tra lại số liệu`,
      `bien_dong_bat_thuong: Xã C: số lớp năm học ${Y1} là 10, năm học ${Y0} là 18 (giảm 44,44%), biến động quá 33% so với năm học trước; kiểm tra lại số liệu`,
      `bien_dong_bat_thuong: Xã C: số học sinh năm học ${Y1} là 300, năm học ${Y0} là 580 (giảm 48,28%), biến động quá 33% so với năm học trước; kiểm tra lại số liệu`,
      `muc_do_giam: Xã A: mức độ đạt chuẩn phổ cập giáo dục tiểu học giảm từ Mức độ 3 (năm học ${Y0}) xuống Mức độ 2 (năm học ${Y1}); kiểm tra lại số liệu`,
      `bien_dong_bat_thuong: Xã B: tỷ lệ trẻ 11 tuổi hoàn thành chương trình tiểu học năm học ${Y1} là 58,33%, năm học ${Y0} là 99,17% (giảm 41,18%), biến động quá 33% so với năm học trước; kiểm tra lại số liệu`,
      `muc_do_giam: Xã B: mức độ đạt chuẩn phổ cập giáo dục tiểu học giảm từ Mức độ 3 (năm học ${Y0}) xuống Mức độ 1 (năm học ${Y1}); kiểm tra lại số liệu`,
    ];
    expect([...got].sort()).toEqual([...want].sort());
  });

  test('warnings, placed at this year\'s cell, with both values in detail', () => {
    const fs = yearOverYearOf(now, [before]);
    expect(fs.every((f) => f.severity === 'warning')).toBe(true);
    const t1 = fs.find((f) => f.message.vi.startsWith('Trường TH Hòa Bình'))!;
    // so_hoc_sinh is column H; T1 is the first data row (5)
    expect(t1.cells).toEqual(['H5']);
    expect(t1.detail).toEqual({ previous: 700, current: 940 });
    expect(yearOverYearOf(now, [before], {}, 'en').find((f) => f.rule === 'muc_do_giam' && f.message.en.startsWith('Xã A'))!.message.en).toBe(
      `Xã A: the level of universal primary education fell from Level 3 (${Y0}) to Level 2 (${Y1}); please verify`,
    );
  });

  test('the share is a setting: at 0,5 only the moves beyond ±50% remain (and new/gone schools, level drops)', () => {
    const fs = yearOverYearOf(now, [before], { yearOverYearShare: 0.5 });
    // 34,29%, 33,33%, 44,44%, 48,28%, 41,18% and exactly 50% are all within ±50%
    expect(fs.filter((f) => f.rule === 'bien_dong_bat_thuong')).toEqual([]);
    expect(fs.filter((f) => f.rule === 'muc_do_giam')).toHaveLength(2);
    expect(fs.filter((f) => f.rule === 'truong_moi' || f.rule === 'truong_khong_con')).toHaveLength(3);
  });

  test('no earlier year, or only a later one: no finding', () => {
    expect(yearOverYearOf(now, [])).toEqual([]);
    expect(yearOverYearOf(before, [now])).toEqual([]);
  });

  test('the report lists them in the appendix, phrased for the reader (no sheet codes)', () => {
    const m = buildReport({ current: now, previous: [before] });
    const cb = m.sections.find((s) => s.id === 'canh_bao')!;
    const rows = cb.tables.flatMap((tb) => tb.rows.map((r) => r.map((c) => c.text).join(' | ')));
    expect(rows.some((r) => r.includes('Trường TH Hòa Bình: số học sinh năm học 2023-2024 là 940, năm học 2022-2023 là 700 (tăng 34,29%)'))).toBe(true);
    expect(rows.some((r) => r.includes('Xã B: mức độ đạt chuẩn phổ cập giáo dục tiểu học giảm từ Mức độ 3'))).toBe(true);
    expect(m.findings.filter((f) => f.rule === 'truong_khong_con').map((f) => (f.detail as { school: string }).school).sort()).toEqual(['Trường MN Hoa Sen', 'Trường THCS Xã C']);
    // without the earlier year there is nothing to compare
    expect(buildReport({ current: now }).findings.some((f) => f.rule === 'muc_do_giam')).toBe(false);
  });

  test('MN5 (one level): the drop says "Đạt" → "Không đạt", the same words as the phổ cập table (one label source)', () => {
    const PC = ['ma_xa', 'ten_xa', 'tre_5t', 'mien_giam_5t', 'tre_5t_ra_lop', 'tre_5t_hoan_thanh'];
    // 2022-2023: 100/100 attending, 100/100 completing → Đạt; 2023-2024: 80/100 attending (< 95%) → Không đạt.
    const a = workbook('a.xlsx', [sheet('PC_MN5', PC, [['001', 'Xã A', 100, 0, 100, 100]], { year: Y0 })]);
    const b = workbook('b.xlsx', [sheet('PC_MN5', PC, [['001', 'Xã A', 100, 0, 80, 80]], { year: Y1 })]);
    const drop = yearOverYearOf(b, [a]).find((f) => f.rule === 'muc_do_giam')!;
    expect(drop.message.vi).toContain('giảm từ Đạt (năm học 2022-2023) xuống Không đạt (năm học 2023-2024)');
    const levelCells = (m: ReturnType<typeof buildReport>) => m.sections.find((s) => s.id === 'pho_cap')!.tables.flatMap((tb) => tb.rows.map((r) => r[r.length - 1].text));
    expect(levelCells(buildReport({ current: a }))).toContain('Đạt');
    expect(levelCells(buildReport({ current: b }))).toContain('Không đạt');
    expect([...levelCells(buildReport({ current: a })), drop.message.vi].join(' ')).not.toContain('Đạt chuẩn');
  });
});
