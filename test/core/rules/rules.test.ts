import { checkSnapshot, validateWorkbook, RULES, ruleCatalogue } from '../../../src/core/rules';
import { CATALOG } from '../../../src/core/i18n';
import { readWorkbook } from '../../../src/core/sheets/read';
import type { Finding } from '../../../src/core/findings';
import { toSnapshot } from '../../fixtures/builder';
import { buildSheets, cleanData, Row, SheetData } from '../../fixtures/clean';

type Data = Record<string, SheetData>;

function findingsOf(data: Data, opts: Parameters<typeof checkSnapshot>[1] = {}): Finding[] {
  return checkSnapshot(toSnapshot('t.xlsx', buildSheets(data)), opts).findings;
}

/** Break one figure of the clean workbook and return the findings. */
function broken(mutate: (d: Data) => void, opts?: Parameters<typeof checkSnapshot>[1]): Finding[] {
  const d = cleanData();
  mutate(d);
  return findingsOf(d, opts);
}

function row(d: Data, sheet: string, i: number): Row {
  return d[sheet].rows[i];
}

function only(fs: Finding[], rule: string): Finding[] {
  return fs.filter((f) => f.rule === rule);
}

describe('clean workbook', () => {
  test('every sheet is recognised and no rule fires', () => {
    const { parsed, findings } = checkSnapshot(toSnapshot('clean.xlsx', buildSheets(cleanData())));
    expect(parsed.sheets.map((s) => s.template)).toEqual(['QUY_MO', 'PC_TH', 'PC_MN5', 'PC_THCS', 'XMC', 'PC_BTH', 'KET_QUA', 'DINH_DUONG', 'DOI_NGU', 'CHI_TIEU', 'DON_VI_SAP_NHAP']);
    expect(findings).toEqual([]);
  });
  test('with the commune list given, known communes pass', () => {
    expect(findingsOf(cleanData(), { communeCodes: ['26881', '26884'] })).toEqual([]);
  });
});

describe('rule records', () => {
  test('every rule has a message in both languages, a description and a snake_case id', () => {
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z0-9_]+$/);
      expect(CATALOG[r.message]).toBeDefined();
      expect(r.description.vi && r.description.en).toBeTruthy();
    }
    const ids = ruleCatalogue().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('QUY_MO', () => {
  test('total row ≠ sum of rows, per count column, in the user words', () => {
    const fs = broken((d) => {
      d.QUY_MO.opts.total = { so_lop: 60, so_hoc_sinh: 2339, hs_nu: 1060, so_gv: 102 };
    });
    const f = only(fs, 'tong_khop_cac_dong');
    expect(f).toHaveLength(1);
    // 1050 + 280 + 880 = 2210; printed 2339; 129 apart.
    expect(f[0]).toMatchObject({ severity: 'error', sheet: 'QUY_MO', expected: 2210, actual: 2339, field: 'so_hoc_sinh', file: 't.xlsx' });
    expect(f[0].message.vi).toBe('Số học sinh dòng Tổng (2.339) khác tổng các dòng (2.210), lệch 129');
    expect(f[0].cells).toEqual([`${'G'}8`]);
  });
  test('grades do not add up to the pupil count', () => {
    const f = only(broken((d) => (row(d, 'QUY_MO', 0).hs_lop_3 = 200)), 'tong_hs_theo_khoi');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: 1050, actual: 1040 });
    expect(f[0].message.vi).toContain('lệch 10');
  });
  test('crèche + kindergarten ≠ children for MN (seed 001: 1.827 + 6.333 ≠ 8.289)', () => {
    const f = only(broken((d) => Object.assign(row(d, 'QUY_MO', 1), { tre_nha_tre: 1827, tre_mau_giao: 6333, so_hoc_sinh: 8289, so_lop: 300, tre_5_tuoi: 2000, hs_nu: 4000, hs_2_buoi: 8000, so_gv: 660 })), 'mn_nha_tre_mau_giao');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: 8289, actual: 8160 });
    expect(f[0].message.vi).toContain('lệch 129');
  });
  test('a part larger than its whole', () => {
    const f = only(broken((d) => (row(d, 'QUY_MO', 2).hs_nu = 900)), 'bo_phan_vuot_tong');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: 'hs_nu', expected: 880, actual: 900 });
  });
  test('chuẩn quốc gia needs kiểm định', () => {
    const f = only(broken((d) => (row(d, 'QUY_MO', 2).kdcl = 2)), 'chuan_qg_can_kdcl');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: 3, actual: 2, source: expect.stringContaining('TT 17/2018') });
    const f1 = only(broken((d) => (row(d, 'QUY_MO', 0).kdcl = 1)), 'chuan_qg_can_kdcl');
    expect(f1[0]).toMatchObject({ expected: 2, actual: 1 });
  });
  test('class size above the legal maximum is a warning, implausible is an error', () => {
    // 1080/30 = 36 > 35 (TH).
    const f = only(broken((d) => Object.assign(row(d, 'QUY_MO', 0), { so_hoc_sinh: 1080, hs_lop_1: 240 })), 'si_so_vuot_dinh_muc');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 35, actual: 36 });
    // 880/12 = 73,33 > 60.
    const g = broken((d) => Object.assign(row(d, 'QUY_MO', 2), { so_lop: 12, so_gv: 23 }));
    expect(only(g, 'si_so_bat_thuong')[0]).toMatchObject({ severity: 'error', actual: 73.33 });
    expect(only(g, 'si_so_vuot_dinh_muc')).toHaveLength(0);
  });
  test('teachers per class: info above the norm, warning far below', () => {
    // 40/20 = 2 > 1,9.
    const f = broken((d) => (row(d, 'QUY_MO', 2).so_gv = 40));
    expect(only(f, 'gv_tren_lop')[0]).toMatchObject({ severity: 'info', expected: 1.9, actual: 2 });
    // 26/20 = 1,3 < 0,7 × 1,9 = 1,33.
    const g = broken((d) => (row(d, 'QUY_MO', 2).so_gv = 26));
    expect(only(g, 'gv_tren_lop')[0]).toMatchObject({ severity: 'warning', actual: 1.3 });
    // 27/20 = 1,35 is below the norm but not far below.
    expect(only(broken((d) => (row(d, 'QUY_MO', 2).so_gv = 27)), 'gv_tren_lop')).toEqual([]);
  });
  test('duplicate school code', () => {
    const f = only(broken((d) => (row(d, 'QUY_MO', 2).ma_truong = 'TH01')), 'trung_ma');
    expect(f).toHaveLength(1);
    expect(f[0].cells).toEqual(['A5', 'A7']);
  });
  test('commune not in the list', () => {
    const f = only(findingsOf(cleanData(), { communeCodes: ['26881'] }), 'xa_khong_co_trong_danh_sach');
    // THCS01 in QUY_MO and Phường Hai in PC_TH.
    expect(f.map((x) => `${x.sheet}!${x.cells[0]}`)).toEqual(['QUY_MO!E7', 'PC_TH!A6']);
  });
});

describe('phổ cập', () => {
  test('exempt larger than the cohort; achieved larger than cohort − exempt', () => {
    const f = broken((d) => Object.assign(row(d, 'PC_TH', 1), { mien_giam_6t: 501 }));
    expect(only(f, 'mien_giam_vuot_doi_tuong')[0]).toMatchObject({ expected: 500, actual: 501 });
    const g = only(broken((d) => Object.assign(row(d, 'PC_MN5', 0), { tre_5t_ra_lop: 799, tre_5t_hoan_thanh: 790 })), 'dat_vuot_doi_tuong');
    // 800 − 2 = 798 < 799.
    expect(g[0]).toMatchObject({ expected: 798, actual: 799 });
  });
  test('11-year-olds completed + still in primary ≤ cohort − exempt', () => {
    const f = only(broken((d) => (row(d, 'PC_TH', 0).tre_11t_dang_hoc_th = 19)), 'tre_11t_htth_dang_hoc');
    expect(f[0]).toMatchObject({ expected: 848, actual: 849 });
  });
  test('nested XMC bands and M2 ≤ M1', () => {
    const f = broken((d) => (row(d, 'XMC', 0).dan_so_15_25 = 18001));
    expect(only(f, 'xmc_do_tuoi_long_nhau')[0]).toMatchObject({ field: 'dan_so_15_25', expected: 18000, actual: 18001 });
    const g = broken((d) => (row(d, 'XMC', 0).biet_chu_m2_15_35 = 17951));
    expect(only(g, 'xmc_m2_vuot_m1')[0]).toMatchObject({ expected: 17950, actual: 17951 });
  });
  test('printed rate: seed 000 prints 99,99% for 7.701/(7.732 − 28)', () => {
    const f = only(
      broken((d) => {
        d.PC_TH.rows[0] = { ...row(d, 'PC_TH', 0), tre_14t: 7732, mien_giam_14t: 28, tre_14t_htth: 7701, tre_11t: 9300, mien_giam_11t: 35, tre_11t_htth: 9022, tre_11t_dang_hoc_th: 243, tre_6t: 9500, tre_6t_lop1: 9499, ty_le_11t_htth: 97.38, ty_le_14t_htth: '99,99%' };
      }),
      'ty_le_in_sai',
    );
    // 7701/7704 = 99,961…% → 99,96%; 9022/9265 = 97,377…% → 97,38% is right and stays silent.
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: 'ty_le_14t_htth', expected: 0.9996, actual: 0.9999, severity: 'error' });
    expect(f[0].message.vi).toContain('in 99,99%, tính lại 7.701/7.704 = 99,96%');
    expect(f[0].cells[0]).toBe('P5');
  });
  test('printed rate truncated instead of rounded (seed 000 nutrition: 169/4.094 printed 4,12%)', () => {
    const f = only(
      broken((d) => {
        Object.assign(row(d, 'DINH_DUONG', 0), { tong_so_tre: 4094, sdd_nhe_can: 43, thua_can_beo_phi: 169, ty_le_thua_can_beo_phi: '4,12%' });
      }),
      'ty_le_in_sai',
    );
    expect(f).toHaveLength(1);
    expect(f[0].message.vi).toContain('cắt bớt thay vì làm tròn');
    expect(f[0]).toMatchObject({ expected: 0.0413, actual: 0.0412 });
  });
  test('printed level differs from the recomputed level', () => {
    // 11 tuổi: 700/848 = 82,5% → only mức 2.
    const f = only(broken((d) => Object.assign(row(d, 'PC_TH', 0), { tre_11t_htth: 700, tre_11t_dang_hoc_th: 148, ty_le_11t_htth: 82.55 })), 'muc_do_in_sai');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: 2, actual: 3, cells: ['O5'] });
  });
  test('a commune without data is never "Đạt"', () => {
    const f = only(broken((d) => Object.assign(row(d, 'PC_MN5', 0), { tre_5t: null })), 'muc_do_in_sai');
    expect(f).toHaveLength(1);
    expect(f[0].message.vi).toContain('Chưa đủ dữ liệu');
  });
  test('PC_BTH and PC_THCS parts', () => {
    expect(only(broken((d) => (row(d, 'PC_BTH', 0).tn_thpt = 630)), 'tot_nghiep_vuot_lop12')[0]).toMatchObject({ expected: 680, actual: 687 });
    expect(only(broken((d) => (row(d, 'PC_BTH', 0).vao_gdtx = 91)), 'vao_lop10_vuot_tn_thcs')[0]).toMatchObject({ severity: 'warning', expected: 700, actual: 701 });
    expect(only(broken((d) => (row(d, 'PC_THCS', 0).tn_thcs = 701)), 'bo_phan_vuot_tong')[0]).toMatchObject({ expected: 700, actual: 701 });
  });
});

describe('KET_QUA', () => {
  test('seed 000 GDTX khối 11: học tập 1.287 and rèn luyện 1.291 against 1.294', () => {
    const d = cleanData();
    d.KET_QUA.rows = [
      { ma_truong: 'GDTX01', khoi: 10, tong_so_hs: 1924, hoc_tap_tot: 189, hoc_tap_kha: 657, hoc_tap_dat: 770, hoc_tap_chua_dat: 308, ren_luyen_tot: 1414, ren_luyen_kha: 447, ren_luyen_dat: 61, ren_luyen_chua_dat: 2 },
      { ma_truong: 'GDTX01', khoi: 11, tong_so_hs: 1294, hoc_tap_tot: 213, hoc_tap_kha: 486, hoc_tap_dat: 457, hoc_tap_chua_dat: 131, ren_luyen_tot: 1027, ren_luyen_kha: 221, ren_luyen_dat: 43, ren_luyen_chua_dat: null },
    ];
    d.KET_QUA.opts.total = { tong_so_hs: 3218, hoc_tap_tot: 402, hoc_tap_kha: 1143, hoc_tap_dat: 1227, hoc_tap_chua_dat: 439 };
    const f = only(findingsOf(d), 'tong_loai_khac_tong_hs');
    // The printed Tổng row inherits the gap: 402 + 1.143 + 1.227 + 439 = 3.211 against 3.218 (rèn luyện not printed there).
    expect(402 + 1143 + 1227 + 439).toBe(3211);
    expect(f.map((x) => [x.actual, x.expected])).toEqual([
      [1287, 1294],
      [3211, 3218],
      [1291, 1294],
    ]);
    expect(f[0].message.vi).toContain('lệch 7');
    expect(f[1].message.vi).toMatch(/^Dòng tổng, dòng \d+: Kết quả học tập \(TT 22\/2021\) cộng lại 3\.211, khác .* \(3\.218\), lệch 7$/);
    expect(f[2].message.vi).toContain('lệch 3');
    // The printed Tổng row itself is right column by column.
    expect(only(findingsOf(d), 'tong_khop_cac_dong')).toEqual([]);
  });
  test('percent column does not match its count', () => {
    const f = only(broken((d) => (row(d, 'KET_QUA', 2).ty_le_htxs = 0.3)), 'ty_le_in_sai');
    expect(f).toHaveLength(1);
  });
  test('pupils assessed differ from the QUY_MO grade', () => {
    const f = only(broken((d) => Object.assign(row(d, 'KET_QUA', 0), { tong_so_hs: 220, ht: 85, ty_le_htxs: 0.2727 })), 'ket_qua_khac_quy_mo');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 210, actual: 220 });
  });
});

describe('DINH_DUONG', () => {
  test('seed 000: Mẫu giáo nhẹ cân 328 − 87 = 241, printed 141', () => {
    const f = only(
      broken((d) => {
        Object.assign(row(d, 'DINH_DUONG', 2), { tong_so_tre: 25145, sdd_nhe_can: 328, sdd_thap_coi: 259, thua_can_beo_phi: 2093 });
        Object.assign(row(d, 'DINH_DUONG', 3), { tong_so_tre: 25145, sdd_nhe_can: 141, phuc_hoi_sdd_nhe_can: 87, sdd_thap_coi: 165, phuc_hoi_sdd_thap_coi: 94, thua_can_beo_phi: 1671, phuc_hoi_thua_can_beo_phi: 422 });
      }),
      'dd_cuoi_nam_khac_dau_nam',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', field: 'sdd_nhe_can', expected: 241, actual: 141 });
  });
  test('counts above children weighed; rate above the target', () => {
    expect(only(broken((d) => (row(d, 'DINH_DUONG', 1).thua_can_beo_phi = 61)), 'bo_phan_vuot_tong')[0]).toMatchObject({ expected: 60, actual: 61 });
    // Year end, whole sheet: (0 + 3)/(60 + 220) = 1,07% ≥ 1%.
    const f = only(broken((d) => Object.assign(row(d, 'DINH_DUONG', 3), { sdd_nhe_can: 3, phuc_hoi_sdd_nhe_can: 0 })), 'dd_vuot_chi_tieu');
    expect(f).toHaveLength(1);
    expect(f[0].message.vi).toContain('1,07% (3/280)');
    // A stricter target from the settings: 1/280 = 0,36% ≥ 0,3%.
    const g = only(findingsOf(cleanData(), { settings: { nutritionTargets: { sddMax: 0.3, beoPhiMax: 10 } } }), 'dd_vuot_chi_tieu');
    expect(g.map((x) => x.field)).toEqual(['sdd_nhe_can', 'sdd_thap_coi']);
  });
  test('children weighed far from children enrolled', () => {
    const f = only(broken((d) => (row(d, 'DINH_DUONG', 2).tong_so_tre = 320)), 'dd_khac_quy_mo');
    expect(f[0]).toMatchObject({ expected: 280, actual: 380 });
  });
});

describe('DOI_NGU', () => {
  test('qualifications do not add up to CBQL + GV', () => {
    const f = only(broken((d) => (row(d, 'DOI_NGU', 0).dai_hoc = 30)), 'trinh_do_khac_tong');
    expect(f[0]).toMatchObject({ expected: 45, actual: 37 });
  });
  test('qualifications adding up to CBQL + GV + NV are accepted', () => {
    expect(only(broken((d) => (row(d, 'DOI_NGU', 0).dai_hoc = 43)), 'trinh_do_khac_tong')).toEqual([]);
  });
  test('staff differ from QUY_MO', () => {
    const f = only(broken((d) => Object.assign(row(d, 'DOI_NGU', 1), { so_gv: 39, dai_hoc: 38 })), 'doi_ngu_khac_quy_mo');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: 'so_gv', expected: 38, actual: 39 });
  });
});

describe('metadata and targets', () => {
  test('different school years across sheets', () => {
    const f = only(broken((d) => (d.XMC.opts.title = ['Năm học: 2022-2023'])), 'nam_hoc_khac_nhau');
    expect(f).toHaveLength(1);
    expect(f[0].message.vi).toContain('2022-2023: XMC');
  });
  test('no school year anywhere', () => {
    const d = cleanData();
    for (const s of Object.values(d)) s.opts.title = ['Đơn vị: Phòng GD&ĐT'];
    const f = only(findingsOf(d), 'thieu_nam_hoc');
    expect(f).toHaveLength(1);
    expect(only(findingsOf(d, { schoolYear: '2023-2024' }), 'thieu_nam_hoc')).toEqual([]);
  });
  test('unreadable target', () => {
    const f = only(broken((d) => (row(d, 'CHI_TIEU', 0).muc_tieu = 'khoảng chín mươi')), 'chi_tieu_khong_doc_duoc');
    expect(f[0].cells).toEqual(['C5']);
  });
});

describe('seed 000 as printed: "31 trường (24 công lập và 06 ngoài công lập)"', () => {
  test('the total row counts 31 schools where the rows list 30', () => {
    // 24 public primary schools with 46.002 pupils and 6 private ones with 2.110 (seed 000 line 17).
    const publicPupils = [...Array(23).fill(1917), 46002 - 23 * 1917];
    const privatePupils = [352, 352, 352, 352, 351, 351];
    const rows: Row[] = [
      ...publicPupils.map((n, i) => ({ ma_truong: `TH${String(i + 1).padStart(2, '0')}`, ten_truong: `Trường TH số ${i + 1}`, cap_hoc: 'TH', loai_hinh: 'CL', ten_xa: 'Phường Tân Chánh Hiệp', so_lop: Math.ceil(n / 35), so_hoc_sinh: n })),
      ...privatePupils.map((n, i) => ({ ma_truong: `TT${i + 1}`, ten_truong: `Trường TH tư thục ${i + 1}`, cap_hoc: 'TH', loai_hinh: 'NCL', ten_xa: 'Phường Trung Mỹ Tây', so_lop: 12, so_hoc_sinh: n })),
    ];
    expect(publicPupils.reduce((a, b) => a + b, 0)).toBe(46002);
    expect(privatePupils.reduce((a, b) => a + b, 0)).toBe(2110);
    const d: Data = {
      QUY_MO: {
        template: 'QUY_MO',
        rows,
        opts: { title: ['Năm học: 2023 - 2024'], fields: ['ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'ten_xa', 'so_truong', 'so_lop', 'so_hoc_sinh'], total: { so_truong: 31, so_hoc_sinh: 48112 } },
      },
    };
    const f = only(findingsOf(d), 'tong_khop_cac_dong');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: 'so_truong', expected: 30, actual: 31 });
    expect(f[0].message.vi).toBe('Số trường dòng Tổng (31) khác tổng các dòng (30), lệch 1');
  });
});

describe('validateWorkbook', () => {
  test('can run a subset of rules and never repeats reading findings', () => {
    const d = cleanData();
    row(d, 'QUY_MO', 0).so_hoc_sinh = '1.050';
    const parsed = readWorkbook(toSnapshot('t.xlsx', buildSheets(d)));
    expect(parsed.findings.map((f) => f.rule)).toEqual(['so_viet_mo_ho']);
    expect(validateWorkbook(parsed)).toEqual([]);
    expect(validateWorkbook(parsed, { only: ['trung_ma'] })).toEqual([]);
  });
});
