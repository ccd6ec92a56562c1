/**
 * A commune of two thôn files (.xlsx and .xls) built from readable person lists; every count, rate
 * and level below is worked out by hand from those lists (survey year 2025: age = 2025 − birth year).
 */
import { buildCommune } from '../../../src/core/register/commune';
import { levelsOf, registerReport } from '../../../src/core/register/pipeline';
import { DEFAULT_REGISTER_SETTINGS } from '../../../src/core/register/settings';
import { readRegisterBytes } from '../../../src/xlsx/registerSource';
import { many, P, registerBytes } from '../../fixtures/register';

const settings = { ...DEFAULT_REGISTER_SETTINGS, thcsHocTiep: 'da-hoac-dang' as const };

async function read(name: string, persons: P[], format: 'xlsx' | 'xls', year: number | string = 2025) {
  return readRegisterBytes(registerBytes({ persons, year }, format), { file: `Tân Lập/${name}`, baseName: name, settings });
}

// Thôn A (.xlsx)
const thonA: P[] = [
  // 6 tuổi (born 2019): 9 in grade 1 who finished preschool, 1 not in school, 1 disabled without learning capacity (exempt).
  ...many(9, { nam: 2019, khoi: 1, lop: '1A', bac: 'MN', namTn: '2024-2025' }, 'A6-'),
  { nam: 2019, ten: 'A6-ngoai' },
  { nam: 2019, ten: 'A6-kt', kt: true },
  // a 6-year-old who moved away: not in the cohort at all.
  { nam: 2019, ten: 'A6-di', tinhTrang: 'Chuyển đi' },
  // 5 tuổi (born 2020): 9 in kindergarten, 1 at home.
  ...many(9, { nam: 2020, khoi: 'MG', lop: 'Lá 1*' }, 'A5-'),
  { nam: 2020, ten: 'A5-nha' },
  // 11 tuổi (born 2014): 18 finished primary (now grade 6), 2 still in grade 5.
  ...many(18, { nam: 2014, khoi: 6, lop: '6A', bac: 'TH', namTn: '2024-2025' }, 'A11-'),
  ...many(2, { nam: 2014, khoi: 5, lop: '5B!' }, 'A11-lb-'),
  // an 11-year-old tạm trú: outside the cohort by default.
  { nam: 2014, ten: 'A11-tt', cuTru: 'Tạm trú', khoi: 6, bac: 'TH' },
  // 14 tuổi (born 2011): 10 in grade 9.
  ...many(10, { nam: 2011, khoi: 9, lop: '9A', bac: 'TH' }, 'A14-'),
  // 15–18 (born 2007–2010): 14 in grade 10 with THCS, 3 with THCS at home, 3 repeating grade 9.
  ...many(14, { nam: 2009, khoi: 10, lop: '10A1', bac: 'THCS', namTn: '2024-2025' }, 'A16-'),
  ...many(3, { nam: 2008, bac: 'THCS', namTn: '2023-2024' }, 'A17-'),
  ...many(3, { nam: 2010, khoi: 9, lop: '9C!' }, 'A15-'),
  // adults born 1995 (30): 80 finished THPT, 11 left after grade 2 (not literate at level 1).
  ...many(80, { nam: 1995, bac: 'THPT' }, 'A30-'),
  ...many(11, { nam: 1995, xongLop: 2 }, 'A30-mc-'),
  // born 1985 (40): 10 finished THPT.
  ...many(10, { nam: 1985, bac: 'THPT' }, 'A40-'),
];

// Thôn B (.xls)
const thonB: P[] = [
  ...many(10, { nam: 2019, khoi: 1, lop: '1B', bac: 'MN', namTn: '2024-2025' }, 'B6-'),
  ...many(10, { nam: 2014, khoi: 6, bac: 'TH', namTn: '2024-2025' }, 'B11-'),
  // the same child as thôn A's first 6-year-old (same name and date of birth): counted once.
  { nam: 2019, ho: 'Nguyễn Văn', ten: 'A6-1', ngay: 1, thang: 1, khoi: 1, bac: 'MN' },
];

describe('a commune from two thôn files (.xlsx + .xls)', () => {
  let commune: ReturnType<typeof buildCommune>;
  beforeAll(async () => {
    const a = await read('Thôn A.xlsx', thonA, 'xlsx');
    const b = await read('Thôn B.xls', thonB, 'xls');
    expect(a.isRegister && b.isRegister).toBe(true);
    expect(b.year).toBe(2025);
    commune = buildCommune({ name: 'Xã Tân Lập', nameSource: 'folder', files: [a, b] }, settings, 60);
  });

  it('counts PC_TH by hand', () => {
    // 6: A 9+1+1 (moved-away child not counted) + B 10 = 21, exempt 1, grade 1: 9 + 10 = 19.
    expect(commune.records.PC_TH).toMatchObject({
      tre_6t: 21, mien_giam_6t: 1, tre_6t_lop1: 19,
      // 11: A 18 + 2 (the tạm trú child is out) + B 10 = 30; finished 28; still in primary 2.
      tre_11t: 30, mien_giam_11t: 0, tre_11t_htth: 28, tre_11t_dang_hoc_th: 2,
      tre_14t: 10, tre_14t_htth: 10,
      tre_11_14t: 40, tre_11_14t_htth: 38,
    });
    expect(commune.duplicates).toBe(1);
    expect(commune.findings.map((f) => f.rule)).toContain('dk_trung_nguoi');
  });

  it('counts PC_MN5 (completion on the 6-year-olds, as MN-02) and PC_THCS and XMC by hand', () => {
    expect(commune.records.PC_MN5).toMatchObject({ tre_5t: 10, mien_giam_5t: 0, tre_5t_ra_lop: 9, tre_5t_hoan_thanh: 19, tre_6t_mn: 21, mien_giam_6t_mn: 1 });
    // 15–18: 14 + 3 + 3 = 20; THCS diploma 17; continuing 14 (grade 10; the 3 at home finished THCS only).
    expect(commune.records.PC_THCS).toMatchObject({ tre_15_18t: 20, mien_giam_15_18t: 0, tre_15_18t_tn_thcs: 17, tre_15_18t_hoc_tiep: 14 });
    // Last year's leavers: THCS graduates of 2024-2025 = 14; HTCTTH of 2024-2025 = 18 + 10 = 28, of whom in grade 6 now: 28.
    expect(commune.records.PC_THCS).toMatchObject({ tn_thcs: 14, tn_th_nam_truoc: 28, vao_lop6: 28 });
    // 15–25: the 20 young people; 15–35: + 91 adults = 111, literate L1 = 20 + 80 = 100; 15–60: + 10 = 121.
    expect(commune.records.XMC).toMatchObject({
      dan_so_15_25: 20, biet_chu_m1_15_25: 20, biet_chu_m2_15_25: 20,
      dan_so_15_35: 111, biet_chu_m1_15_35: 100, biet_chu_m2_15_35: 100,
      dan_so_15_60: 121, biet_chu_m1_15_60: 110, biet_chu_m2_15_60: 110,
    });
  });

  it('levels through the report: TH 2 (19/20 = 95 % meets M2, not 98 %), XMC 2 (100/111 = 90,09 % just above 90 %), THCS 1, MN5 0', () => {
    const { model } = registerReport([commune], {});
    const lv = levelsOf(model).communes.get('Xã Tân Lập')!;
    expect(lv).toEqual({ TH: 2, XMC: 2, THCS: 1, MN5: 0 });
    // The inputs behind the rates travel with each unit.
    const th = levelsOf(model).units.find((u) => u.programme === 'TH')!;
    expect(th.inputs).toMatchObject({ tre_6t: 21, mien_giam_6t: 1, tre_6t_lop1: 19 });
    expect(th.rates.TH_6_LOP1).toBeCloseTo(19 / 20, 10);
    const text = model.sections.find((s) => s.id === 'pho_cap')!.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('1 người trùng chỉ tính một lần');
    expect(text).toContain('Người được miễn giảm');
  });

  it('a ĐBKK commune (from settings) meets MN5 at 90 % attendance', () => {
    const dbkk = buildCommune({ name: 'Xã Tân Lập', nameSource: 'folder', files: [] }, settings, 60, { dbkk: new Set(['tan lap']), source: 'settings' });
    expect(dbkk.dbkk).toBe(true);
    const c2 = { ...commune, dbkk: true, dbkkSource: 'settings' as const };
    const { model } = registerReport([c2], {});
    expect(levelsOf(model).communes.get('Xã Tân Lập')!.MN5).toBe(1);
  });
});
