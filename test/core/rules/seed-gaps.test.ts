/**
 * The seeds' printed inconsistencies that needed a field or a rule of their own: printed rates over
 * the 3–5 and crèche blocks, phục hồi over the start-of-year cases, GV đạt chuẩn, whole-unit children
 * weighed, category sets on the printed total row, a rate over the wrong denominator. Every expected
 * figure is recomputed here from the seeds' counts.
 */
import { checkSnapshot } from '../../../src/core/rules';
import type { Finding } from '../../../src/core/findings';
import { toSnapshot, templateSheet } from '../../fixtures/builder';
import type { Row } from '../../fixtures/clean';
import type { TemplateId } from '../../../src/core/sheets/types';

const TITLE = ['Đơn vị: Quận Mẫu', 'Năm học: 2023 - 2024'];

function run(sheets: { template: TemplateId; rows: Row[]; total?: Row; name?: string; fields?: string[] }[]): Finding[] {
  const specs = sheets.map((s) => templateSheet(s.template, s.rows, { title: TITLE, total: s.total, name: s.name, fields: s.fields }));
  return checkSnapshot(toSnapshot('t.xlsx', specs)).findings;
}
const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('PC_MN5: printed rates of the crèche and 3–5 blocks (seed 000 L15, seed 002 L37)', () => {
  const q12 = { ma_xa: '26764', ten_xa: 'Quận 12', tre_5t: 8684, mien_giam_5t: 0, tre_5t_ra_lop: 8684, tre_0_2t: 6901, tre_0_2t_ra_lop: 2954, tre_3_5t: 23942, mien_giam_3_5t: 0, tre_3_5t_ra_lop: 23300 };

  test('97,35% for 23.300/23.942 is wrong; 42,8% (2.954/6.901) and 100% (8.684/8.684) are right', () => {
    const f = only(run([{ template: 'PC_MN5', rows: [{ ...q12, ty_le_3_5t_ra_lop: '97,35%', ty_le_0_2t_ra_lop: '42,8%', ty_le_5t_ra_lop: '100%' }] }]), 'ty_le_in_sai');
    // 23.300/23.942 = 97,3185…% → 97,32%; 2.954/6.901 = 42,805…% → 42,8%.
    expect(Math.round((23300 * 10000) / 23942)).toBe(9732);
    expect(Math.round((2954 * 1000) / 6901)).toBe(428);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: 'ty_le_3_5t_ra_lop', expected: 0.9732, actual: 0.9735, detail: expect.objectContaining({ unit: 'percent', decimals: 2 }) });
    expect(f[0].message.vi).toContain('in 97,35%, tính lại 23.300/23.942 = 97,32%');
  });

  test('97,32% and the exempt children deducted: silent', () => {
    expect(only(run([{ template: 'PC_MN5', rows: [{ ...q12, ty_le_3_5t_ra_lop: '97,32%' }] }]), 'ty_le_in_sai')).toEqual([]);
    // 23.300/(23.942 − 8) = 97,3510…% → 97,35% once 8 exempt children are deducted.
    expect(Math.round((23300 * 10000) / (23942 - 8))).toBe(9735);
    expect(only(run([{ template: 'PC_MN5', rows: [{ ...q12, mien_giam_3_5t: 8, ty_le_3_5t_ra_lop: '97,35%' }] }]), 'ty_le_in_sai')).toEqual([]);
  });

  test('Hải An: 84,7% printed over nhà trẻ + mẫu giáo 1.827 + 6.333 of 3.323 + 6.462', () => {
    const row = { ma_xa: 'HA', ten_xa: 'Hải An', tre_5t: 2285, tre_5t_ra_lop: 2285, tre_0_2t: 3323, tre_0_2t_ra_lop: 1827, tre_3_5t: 6462, tre_3_5t_ra_lop: 6333, ty_le_0_2t_ra_lop: '55%', ty_le_3_5t_ra_lop: '98%', ty_le_0_5t_ra_lop: '84,7%' };
    const f = only(run([{ template: 'PC_MN5', rows: [row] }]), 'ty_le_in_sai');
    // (1.827 + 6.333)/(3.323 + 6.462) = 8.160/9.785 = 83,39…% → 83,4%; 1.827/3.323 = 54,98% → 55%; 6.333/6.462 = 98,00%.
    expect(1827 + 6333).toBe(8160);
    expect(3323 + 6462).toBe(9785);
    expect(Math.round((8160 * 1000) / 9785)).toBe(834);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: 'ty_le_0_5t_ra_lop', expected: 0.834, actual: 0.847 });
    expect(f[0].message.vi).toContain('tính lại 8.160/9.785 = 83,4%');
  });

  test('crèche attending above the crèche-age children', () => {
    const f = only(run([{ template: 'PC_MN5', rows: [{ ...q12, tre_0_2t_ra_lop: 6902 }] }]), 'bo_phan_vuot_tong');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: 'tre_0_2t_ra_lop', expected: 6901, actual: 6902 });
  });
});

describe('DINH_DUONG: phục hồi rate over the start-of-year cases (seed 000 L66–71, L110–115)', () => {
  const base = { ten_truong: 'Các cơ sở GDMN', tong_so_tre: 25145 };
  const rows = (recoveredRate: string, recoveredThapCoi = '36,29%'): Row[] => [
    { ...base, nhom_tuoi: 'Mẫu giáo', thoi_diem: 'Đầu vào', sdd_nhe_can: 328, sdd_thap_coi: 259, phuc_hoi_sdd_nhe_can: null, phuc_hoi_sdd_thap_coi: null, ty_le_phuc_hoi_sdd_nhe_can: null, ty_le_phuc_hoi_sdd_thap_coi: null },
    { ...base, nhom_tuoi: 'Mẫu giáo', thoi_diem: 'Đầu ra', sdd_nhe_can: 141, sdd_thap_coi: 165, phuc_hoi_sdd_nhe_can: 87, phuc_hoi_sdd_thap_coi: 94, ty_le_phuc_hoi_sdd_nhe_can: recoveredRate, ty_le_phuc_hoi_sdd_thap_coi: recoveredThapCoi },
  ];

  test('25,52% printed for 87/328 (= 26,52%); the denominator is read on the Đầu vào row', () => {
    const f = only(run([{ template: 'DINH_DUONG', rows: rows('25,52%') }]), 'ty_le_in_sai');
    // 87/328 = 26,524…% → 26,52%; 94/259 = 36,293…% → 36,29% is right.
    expect(Math.round((87 * 10000) / 328)).toBe(2652);
    expect(Math.round((94 * 10000) / 259)).toBe(3629);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: 'ty_le_phuc_hoi_sdd_nhe_can', expected: 0.2652, actual: 0.2552 });
    expect(f[0].message.vi).toContain('in 25,52%, tính lại 87/328 = 26,52%');
    // printed rate, numerator (phục hồi, row 5) and denominator (đầu vào, row 4)
    expect(f[0].cells.length).toBe(3);
    // title (2 lines), blank, header: Đầu vào is row 5, Đầu ra row 6
    expect(f[0].cells[2]).toMatch(/^[A-Z]+5$/);
    expect(f[0].cells[1]).toMatch(/^[A-Z]+6$/);
  });

  test('26,52% is right; nhà trẻ thấp còi 30,76% for 12/39 is truncated (= 30,77%)', () => {
    expect(only(run([{ template: 'DINH_DUONG', rows: rows('26,52%') }]), 'ty_le_in_sai')).toEqual([]);
    const nt = { ten_truong: 'Các cơ sở GDMN', nhom_tuoi: 'Nhà trẻ', tong_so_tre: 4094 };
    const f = only(
      run([
        {
          template: 'DINH_DUONG',
          rows: [
            { ...nt, thoi_diem: 'Đầu vào', sdd_nhe_can: 43, sdd_thap_coi: 39, phuc_hoi_sdd_thap_coi: null, ty_le_phuc_hoi_sdd_thap_coi: null },
            { ...nt, thoi_diem: 'Đầu ra', sdd_nhe_can: 28, sdd_thap_coi: 27, phuc_hoi_sdd_thap_coi: 12, ty_le_phuc_hoi_sdd_thap_coi: '30,76%' },
          ],
        },
      ]),
      'ty_le_in_sai',
    );
    // 12/39 = 30,769…%: rounded 30,77%, truncated 30,76%.
    expect(Math.round((12 * 10000) / 39)).toBe(3077);
    expect(Math.floor((12 * 10000) / 39)).toBe(3076);
    expect(f).toHaveLength(1);
    expect(f[0].message.vi).toContain('cắt bớt thay vì làm tròn');
  });

  test('no Đầu vào row for the group: nothing to compare', () => {
    expect(only(run([{ template: 'DINH_DUONG', rows: [rows('25,52%')[1]] }]), 'ty_le_in_sai')).toEqual([]);
  });
});

describe('dd_khac_quy_mo: a district nutrition table against QUY_MO (seed 000: 29.239 weighed, 26.254 enrolled)', () => {
  const quyMo = {
    template: 'QUY_MO' as TemplateId,
    rows: [
      { ma_truong: 'Q12-MN-CL', ten_truong: 'Mầm non công lập', cap_hoc: 'MN', ten_xa: 'Các phường', so_lop: 297, so_hoc_sinh: 7667 },
      { ma_truong: 'Q12-MN-NCL', ten_truong: 'Mầm non ngoài công lập', cap_hoc: 'MN', ten_xa: 'Các phường', so_lop: 854, so_hoc_sinh: 18587 },
      { ma_truong: 'Q12-TH', ten_truong: 'Tiểu học', cap_hoc: 'TH', ten_xa: 'Các phường', so_lop: 1425, so_hoc_sinh: 48112 },
    ],
  };
  const dd = (nt: number, mg: number) => ({
    template: 'DINH_DUONG' as TemplateId,
    rows: [
      { ten_truong: 'Các cơ sở GDMN', nhom_tuoi: 'Nhà trẻ', thoi_diem: 'Đầu vào', tong_so_tre: nt, sdd_nhe_can: 43 },
      { ten_truong: 'Các cơ sở GDMN', nhom_tuoi: 'Nhà trẻ', thoi_diem: 'Đầu ra', tong_so_tre: nt, sdd_nhe_can: 28 },
      { ten_truong: 'Các cơ sở GDMN', nhom_tuoi: 'Mẫu giáo', thoi_diem: 'Đầu vào', tong_so_tre: mg, sdd_nhe_can: 328 },
      { ten_truong: 'Các cơ sở GDMN', nhom_tuoi: 'Mẫu giáo', thoi_diem: 'Đầu ra', tong_so_tre: mg, sdd_nhe_can: 241 },
    ],
  });

  test('4.094 + 25.145 = 29.239 weighed at the start against 7.667 + 18.587 = 26.254 MN children', () => {
    const f = only(run([quyMo, dd(4094, 25145)]), 'dd_khac_quy_mo');
    expect(4094 + 25145).toBe(29239);
    expect(7667 + 18587).toBe(26254);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', sheet: 'DINH_DUONG', expected: 26254, actual: 29239, field: 'tong_so_tre' });
    // the two start-of-year rows only (an Đầu ra row would count the same children twice)
    expect(f[0].cells).toHaveLength(2);
    expect(f[0].message.vi).toContain('29.239 trẻ được cân đo đầu năm');
    expect(f[0].message.vi).toContain('lệch 2.985');
  });

  test('within 5%: silent (2.954 + 23.300 weighed)', () => {
    expect(only(run([quyMo, dd(2954, 23300)]), 'dd_khac_quy_mo')).toEqual([]);
    // 27.500 vs 26.254: 1.246 < 5% × 27.500 = 1.375.
    expect(only(run([quyMo, dd(4000, 23500)]), 'dd_khac_quy_mo')).toEqual([]);
  });
});

describe('KET_QUA: category sets on the printed total row (seed 000 GDTX "Tổng")', () => {
  test('the total row checked on its own, even when it is the sum of the rows', () => {
    const rows = [
      { ma_truong: 'GDTX', khoi: 10, tong_so_hs: 1924, hoc_tap_tot: 189, hoc_tap_kha: 657, hoc_tap_dat: 770, hoc_tap_chua_dat: 308 },
      { ma_truong: 'GDTX', khoi: 11, tong_so_hs: 1294, hoc_tap_tot: 213, hoc_tap_kha: 486, hoc_tap_dat: 464, hoc_tap_chua_dat: 131 },
    ];
    // The rows are right; the printed total row says 3.218 pupils but its categories add up to 3.211.
    const total = { tong_so_hs: 3218, hoc_tap_tot: 402, hoc_tap_kha: 1143, hoc_tap_dat: 1227, hoc_tap_chua_dat: 439 };
    const fs = run([{ template: 'KET_QUA', rows, total }]);
    const f = only(fs, 'tong_loai_khac_tong_hs');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: 3218, actual: 3211 });
    expect(f[0].message.vi).toMatch(/^Dòng tổng/);
    // and the column sums disagree with the printed 1.227: 770 + 464 = 1.234
    expect(only(fs, 'tong_khop_cac_dong').map((x) => [x.field, x.expected, x.actual])).toEqual([['hoc_tap_dat', 1234, 1227]]);
  });
});

describe('DOI_NGU: GV đạt chuẩn trình độ (seed 000 L465: 505/518 printed 95,2%)', () => {
  // 61 CBQL + 518 GV = 579 = 6 + 400 + 160 + 13; 13 GV below cao đẳng.
  const mn = { ma_truong: 'MN-CL', ten_truong: 'Mầm non công lập', cap_hoc: 'MN', so_cbql: 61, so_gv: 518, thac_si: 6, dai_hoc: 400, cao_dang: 160, trung_cap: 13, chua_qua_dao_tao: 0 };

  test('95,2% printed for 505/518 (= 97,5% at one decimal)', () => {
    const fs = run([{ template: 'DOI_NGU', rows: [{ ...mn, gv_dat_chuan: 505, ty_le_gv_dat_chuan: '95,2%' }] }]);
    expect(6 + 400 + 160 + 13).toBe(61 + 518);
    expect(Math.round((505 * 1000) / 518)).toBe(975);
    const f = only(fs, 'ty_le_in_sai');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: 'ty_le_gv_dat_chuan', expected: 0.975, actual: 0.952 });
    expect(only(fs, 'gv_dat_chuan_khac_trinh_do')).toEqual([]);
    expect(only(fs, 'trinh_do_khac_tong')).toEqual([]);
  });

  test('GV đạt chuẩn outside what the qualification columns allow (MN: cao đẳng and above)', () => {
    // 566 people at cao đẳng or above, of whom at most 579 − 518 = 61 are not teachers: 505 to 518.
    const f = only(run([{ template: 'DOI_NGU', rows: [{ ...mn, gv_dat_chuan: 500, ty_le_gv_dat_chuan: '96,5%' }] }]), 'gv_dat_chuan_khac_trinh_do');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: '505-518', actual: 500, source: 'Luật Giáo dục 2019, Điều 72' });
    expect(f[0].message.vi).toContain('cho 505–518');
  });

  test('TH and liên cấp TH-THCS need đại học: cao đẳng does not count', () => {
    // 3 + 42 = 45 = 5 + 38 + 2: 43 at đại học or above, at most 3 non-teachers → 40 to 42.
    const th = { ma_truong: 'TH01', ten_truong: 'Trường TH Một', so_cbql: 3, so_gv: 42, thac_si: 5, dai_hoc: 38, cao_dang: 2, trung_cap: 0, chua_qua_dao_tao: 0 };
    expect(only(run([{ template: 'DOI_NGU', rows: [{ ...th, cap_hoc: 'TH', gv_dat_chuan: 40 }] }]), 'gv_dat_chuan_khac_trinh_do')).toEqual([]);
    const f = only(run([{ template: 'DOI_NGU', rows: [{ ...th, cap_hoc: 'TH-THCS', gv_dat_chuan: 43 }] }]), 'gv_dat_chuan_khac_trinh_do');
    expect(f[0]).toMatchObject({ expected: '40-42', actual: 43 });
    // For MN the same counts give 45 at cao đẳng or above → 42 to 42.
    expect(only(run([{ template: 'DOI_NGU', rows: [{ ...th, cap_hoc: 'MN', gv_dat_chuan: 40 }] }]), 'gv_dat_chuan_khac_trinh_do')[0]).toMatchObject({ expected: 42, actual: 40 });
  });

  test('more GV đạt chuẩn than GV', () => {
    const f = only(run([{ template: 'DOI_NGU', rows: [{ ...mn, gv_dat_chuan: 519 }] }]), 'bo_phan_vuot_tong');
    expect(f[0]).toMatchObject({ field: 'gv_dat_chuan', expected: 518, actual: 519 });
  });
});

describe('printed rate over another count of the row (seed 001 L90: 1.704/3.335 printed 52.1%)', () => {
  const lop9 = { ma_truong: 'Q3-THCS', ten_truong: 'THCS toàn quận', khoi: 9, tong_so_hs: 3747, tn: 3737, nghe_pt_du_thi: 3335, nghe_pt_dat: 3273, nghe_pt_kha_gioi: 1704 };

  test('52,1% names the count it matches: 1.704/3.273 = 52,06%', () => {
    const fs = run([{ template: 'KET_QUA', rows: [{ ...lop9, ty_le_tn: '99,73%', ty_le_nghe_pt_dat: '98,1%', ty_le_nghe_pt_kha_gioi: '52,1%' }] }]);
    // 1.704/3.335 = 51,09…% → 51,1%; 1.704/3.273 = 52,06% → 52,1%; 3.737/3.747 = 99,73%; 3.273/3.335 = 98,14% → 98,1%.
    expect(Math.round((1704 * 1000) / 3335)).toBe(511);
    expect(Math.round((1704 * 1000) / 3273)).toBe(521);
    const f = only(fs, 'ty_le_in_sai');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: 'ty_le_nghe_pt_kha_gioi', expected: 0.511, actual: 0.521, detail: expect.objectContaining({ otherDenominator: 'nghe_pt_dat' }) });
    expect(f[0].message.vi).toContain('có thể đã chia cho 3.273');
    expect(f[0].message.en).toContain('perhaps divided by 3.273');
  });

  test('no count of the row explains the printed rate: the plain message', () => {
    const f = only(run([{ template: 'KET_QUA', rows: [{ ...lop9, ty_le_nghe_pt_kha_gioi: '60,0%' }] }]), 'ty_le_in_sai');
    expect(f).toHaveLength(1);
    expect(f[0].message.vi).not.toContain('có thể đã chia');
  });
});

describe('CHI_TIEU level targets', () => {
  test('"Mức độ 3", "mức 2", "Đạt chuẩn" are targets; "mức khá" is not', () => {
    const rows = ['Mức độ 3', 'mức 2', 'Đạt chuẩn', 'Đạt chuẩn mức độ 2', 'mức khá'].map((m, i) => ({ ma_chi_tieu: `C${i}`, ten_chi_tieu: 'Phổ cập', muc_tieu: m, nam_hoc: '2023-2024' }));
    const f = only(run([{ template: 'CHI_TIEU', rows }]), 'chi_tieu_khong_doc_duoc');
    expect(f.map((x) => x.actual)).toEqual(['mức khá']);
  });
});
