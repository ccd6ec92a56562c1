/**
 * Families of figures the seeds print (issue 14): chuẩn quốc gia for the whole unit by sector, rooms,
 * staff qualifications with "chưa đạt chuẩn", certificates, party members. Every expected figure is
 * worked out here from seed 000's counts, the Quận 12 sample's rows, or the small sheets below.
 */
import { buildReport } from '../../../src/core/report/build';
import type { ReportModel } from '../../../src/core/report/model';
import type { SheetRecord } from '../../../src/core/sheets/types';
import { loadSample, pct, sheet, thousands, workbook } from './helpers';

const paragraphsOf = (m: ReportModel, id: string) => (m.sections.find((s) => s.id === id)?.paragraphs ?? []).map((p) => p.text);
const num = (r: SheetRecord, f: string) => (typeof r.fields[f]?.value === 'number' ? (r.fields[f]!.value as number) : 0);
const str = (r: SheetRecord, f: string) => String(r.fields[f]?.value ?? '');

let model: ReportModel;
let cur: Awaited<ReturnType<typeof loadSample>>;

beforeAll(async () => {
  cur = await loadSample('quan12-2023-2024.xlsx');
  model = buildReport({ current: cur.parsed, findings: cur.findings });
});

describe('chuẩn quốc gia for the whole unit, by sector (seed 000 §I.5)', () => {
  it('x/y trường with the share, "trường công lập đạt a/A trường, b/B trường ngoài công lập"', () => {
    // Seed 000 §I.5: chuẩn quốc gia MN 09 công lập + 03 ngoài công lập, TH 02 công lập, THCS 02 công lập.
    const cl = 9 + 2 + 2;
    const ncl = 3;
    // Schools (§I.1–I.3): công lập MN 23, TH 24, THCS 15; ngoài công lập MN 43, TH 06, multi-level 13.
    const clSchools = 23 + 24 + 15;
    const nclSchools = 43 + 6 + 13;
    const text = paragraphsOf(model, 'quy_mo').join('\n');
    expect(text).toContain(
      `Toàn ngành có ${cl + ncl}/${clSchools + nclSchools} trường đạt chuẩn quốc gia, đạt ${pct(cl + ncl, clSchools + nclSchools)}, trong đó: trường công lập đạt ${cl}/${clSchools} trường, 0${ncl}/${nclSchools} trường ngoài công lập`,
    );
    expect(pct(16, 124)).toBe('12,90%');
  });

  it('the mức độ 2 count is the schools whose chuan_qg is 2 (counted here from the sample rows)', () => {
    const scale = cur.parsed.sheets.find((s) => s.template === 'QUY_MO')!;
    const level2 = scale.records.filter((r) => num(r, 'chuan_qg') === 2 && str(r, 'loai_hinh') !== 'DL' && !['GDTX', 'GDCB'].includes(str(r, 'cap_hoc'))).length;
    expect(level2).toBeGreaterThan(0);
    expect(paragraphsOf(model, 'quy_mo').join('\n')).toContain(`; có ${String(level2).padStart(2, '0')} trường đạt chuẩn quốc gia mức độ 2.`);
  });

  it('none at mức độ 2: "chưa có"; one level alone: no whole-unit sentence (its own says it)', () => {
    const fields = ['ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'ten_xa', 'so_lop', 'so_hoc_sinh', 'chuan_qg'];
    const two = buildReport({
      current: workbook('a.xlsx', [
        sheet('QUY_MO', fields, [
          ['1', 'MN A', 'MN', 'CL', 'P1', 10, 300, 1],
          ['2', 'MN B', 'MN', 'NCL', 'P1', 5, 120, 0],
          ['3', 'TH C', 'TH', 'CL', 'P1', 20, 700, 1],
          ['4', 'Nhóm D', 'MN', 'DL', 'P1', 1, 15, 0],
        ]),
      ]),
    });
    // 2 of 3 schools (the nhóm độc lập is not a school): công lập 2/2, ngoài công lập 0/1.
    expect(paragraphsOf(two, 'quy_mo')).toContain(`Toàn ngành có 02/03 trường đạt chuẩn quốc gia, đạt ${pct(2, 3)}, trong đó: trường công lập đạt 02/02 trường, 0/01 trường ngoài công lập; chưa có trường đạt chuẩn quốc gia mức độ 2.`);
    const one = buildReport({ current: workbook('b.xlsx', [sheet('QUY_MO', fields, [['1', 'MN A', 'MN', 'CL', 'P1', 10, 300, 2]])]) });
    expect(paragraphsOf(one, 'quy_mo').join('\n')).not.toContain('Toàn ngành có');
  });
});

describe('rooms (so_phong_hoc)', () => {
  const fields = ['ma_truong', 'ten_truong', 'cap_hoc', 'loai_hinh', 'ten_xa', 'so_lop', 'so_hoc_sinh', 'so_phong_hoc'];
  it('total, by level, rooms per class', () => {
    const m = buildReport({
      current: workbook('a.xlsx', [
        sheet('QUY_MO', fields, [
          ['1', 'MN A', 'MN', 'CL', 'P1', 12, 300, 12],
          ['2', 'TH B', 'TH', 'CL', 'P1', 30, 1050, 24],
          ['3', 'TH C', 'TH', 'NCL', 'P1', 10, 300, 10],
        ]),
      ]),
    });
    // 12 + 24 + 10 = 46 rooms for 12 + 30 + 10 = 52 classes: 46/52 = 0,8846… → 0,88.
    expect(paragraphsOf(m, 'quy_mo')).toContain('Toàn ngành có 46 phòng học (mầm non: 12; tiểu học: 34), bình quân 0,88 phòng học/lớp (46/52).');
    expect(m.omittedFamilies!.map((o) => o.family)).not.toContain('Phòng học');
  });

  it('a school with its rooms blank: no sentence (never a short total)', () => {
    const m = buildReport({
      current: workbook('a.xlsx', [
        sheet('QUY_MO', fields, [
          ['1', 'MN A', 'MN', 'CL', 'P1', 12, 300, 12],
          ['2', 'TH B', 'TH', 'CL', 'P1', 30, 1050, null],
        ]),
      ]),
    });
    expect(paragraphsOf(m, 'quy_mo').join('\n')).not.toContain('phòng học');
  });

  it('the sample has no rooms column: left out of the document, listed for the CLI', () => {
    expect(paragraphsOf(model, 'quy_mo').join('\n')).not.toContain('phòng học');
    const rooms = model.omittedFamilies!.find((o) => o.family === 'Phòng học');
    expect(rooms?.section).toBe('quy_mo');
    expect(rooms?.reason).toContain('"Số phòng học"');
  });
});

describe('staff: qualifications, "chưa đạt chuẩn", certificates (seed 000 §8.1–8.2.1)', () => {
  it('tiến sĩ 01/3.215 (0,03%), thạc sĩ 153/3.215 (4,76%) as seed 000 prints them', () => {
    const text = paragraphsOf(model, 'doi_ngu').join('\n');
    expect(text).toContain(`Trình độ đào tạo của ${thousands(3215)} cán bộ quản lý, giáo viên: tiến sĩ 01 người (${pct(1, 3215)}), thạc sĩ 153 người (${pct(153, 3215)})`);
    expect([pct(1, 3215), pct(153, 3215)]).toEqual(['0,03%', '4,76%']);
  });

  it('certificates over the same 3.215 people: 3.200 (99,53%) and 3.196 (99,41%); seed 000 rounds them to 99,5% and 99,4%', () => {
    expect(paragraphsOf(model, 'doi_ngu')).toContain(
      `Cán bộ quản lý, giáo viên có chứng chỉ tin học ${thousands(3200)}/${thousands(3215)} người, đạt ${pct(3200, 3215)}; có chứng chỉ ngoại ngữ ${thousands(3196)}/${thousands(3215)} người, đạt ${pct(3196, 3215)}.`,
    );
  });

  it('each level states its "chưa đạt chuẩn" count: the staff below the minimum degree (recounted from the sample rows)', () => {
    const staff = cur.parsed.sheets.find((s) => s.template === 'DOI_NGU')!;
    const scale = cur.parsed.sheets.find((s) => s.template === 'QUY_MO')!;
    const capOf = new Map(scale.records.map((r) => [str(r, 'ma_truong'), str(r, 'cap_hoc')]));
    const mn = staff.records.filter((r) => capOf.get(str(r, 'ma_truong')) === 'MN');
    // Mầm non: cao đẳng or above meets the standard (Luật Giáo dục 2019, khoản 1 Điều 72).
    const all = mn.reduce((n, r) => n + ['tien_si', 'thac_si', 'dai_hoc', 'cao_dang', 'trung_cap', 'chua_qua_dao_tao'].reduce((k, f) => k + num(r, f), 0), 0);
    const below = mn.reduce((n, r) => n + num(r, 'trung_cap') + num(r, 'chua_qua_dao_tao'), 0);
    expect(below).toBeGreaterThan(0);
    expect(paragraphsOf(model, 'doi_ngu').join('\n')).toContain(`chưa đạt chuẩn ${below}/${all} người, chiếm ${pct(below, all)}.`);
  });

  it('nobody below the standard: said in words', () => {
    const m = buildReport({
      current: workbook('a.xlsx', [
        sheet('DOI_NGU', ['ma_truong', 'cap_hoc', 'so_cbql', 'so_gv', 'so_nv', 'dai_hoc', 'thac_si'], [['1', 'TH', 2, 20, 3, 18, 4]]),
      ]),
    });
    expect(paragraphsOf(m, 'doi_ngu').join('\n')).toContain('trên chuẩn 4/22 người');
    expect(paragraphsOf(m, 'doi_ngu').join('\n')).toContain('; không có người chưa đạt chuẩn.');
  });
});

describe('party members (dang_vien)', () => {
  const fields = ['ma_truong', 'cap_hoc', 'so_cbql', 'so_gv', 'so_nv', 'dai_hoc', 'cao_dang', 'dang_vien'];
  it('count, share of all staff, by level', () => {
    const m = buildReport({
      current: workbook('a.xlsx', [
        sheet('DOI_NGU', fields, [
          ['1', 'MN', 3, 30, 7, 20, 13, 12],
          ['2', 'TH', 2, 40, 8, 42, 0, 20],
          ['3', 'TH', 2, 35, 3, 37, 0, 9],
        ]),
      ]),
    });
    // staff 40 + 50 + 40 = 130; members 12 + 20 + 9 = 41: 41/130 = 31,538…% → 31,54%.
    expect(pct(41, 130)).toBe('31,54%');
    expect(paragraphsOf(m, 'doi_ngu')).toContain('Toàn ngành có 41 đảng viên (mầm non: 12; tiểu học: 29), chiếm 31,54% tổng số cán bộ quản lý, giáo viên, nhân viên (41/130 người).');
  });

  it('a blank count makes the total unknown: no sentence', () => {
    const m = buildReport({ current: workbook('a.xlsx', [sheet('DOI_NGU', fields, [['1', 'MN', 3, 30, 7, 20, 13, 12], ['2', 'TH', 2, 40, 8, 42, 0, null]])]) });
    expect(paragraphsOf(m, 'doi_ngu').join('\n')).not.toContain('đảng viên');
  });

  it('the sample has no party column: left out silently, listed for the CLI', () => {
    expect(paragraphsOf(model, 'doi_ngu').join('\n')).not.toContain('đảng viên');
    expect(model.omittedFamilies!.find((o) => o.family === 'Đảng viên')?.reason).toContain('"Đảng viên"');
  });
});

describe('outcomes as sentences, with their aggregates (TT 27/2020, TT 22/2021, TT 58/2011)', () => {
  const TH = ['ma_truong', 'khoi', 'tong_so_hs', 'htxs', 'htt', 'ht', 'cht', 'htctth'];
  const THCS = ['ma_truong', 'khoi', 'tong_so_hs', 'hoc_tap_tot', 'hoc_tap_kha', 'hoc_tap_dat', 'hoc_tap_chua_dat'];
  const m = buildReport({
    current: workbook('a.xlsx', [
      sheet('KET_QUA', TH, [
        ['T1', 4, 200, 90, 60, 48, 2, null],
        ['T1', 5, 180, 80, 50, 49, 1, 179],
      ], { name: 'KQ_TH' }),
      sheet('KET_QUA', THCS, [
        ['C1', 6, 300, 120, 100, 70, 10],
        ['C1', 7, 250, 100, 90, 60, 0],
      ], { name: 'KQ_THCS' }),
    ]),
  });
  const text = paragraphsOf(m, 'chat_luong');

  it('TT 27: "n học sinh hoàn thành xuất sắc (p)" … and "hoàn thành chương trình lớp học" = HTXS + HTT + HT, grade 5 "hoàn thành chương trình tiểu học"', () => {
    // 380 pupils: HTXS 170, HTT 110, HT 97, CHT 3; completed the grade = 170 + 110 + 97 = 377; grade 5: 179/180.
    expect(text).toContain(
      `Trong tổng số 380 học sinh tiểu học được đánh giá (TT 27/2020), có 170 học sinh hoàn thành xuất sắc (${pct(170, 380)}), 110 học sinh hoàn thành tốt (${pct(110, 380)}), 97 học sinh hoàn thành (${pct(97, 380)}) và 3 học sinh chưa hoàn thành (${pct(3, 380)}). Số học sinh hoàn thành chương trình lớp học là 377/380 học sinh, đạt ${pct(377, 380)}; hoàn thành chương trình tiểu học (lớp 5) 179/180 học sinh, đạt ${pct(179, 180)}.`,
    );
  });

  it('TT 22: "ở mức Tốt" …, "đạt mức Đạt trở lên" = Tốt + Khá + Đạt, no label list', () => {
    // 550 pupils: Tốt 220 (220/550 = 40%, whole, printed "40%"), Khá 190, Đạt 130, Chưa đạt 10 → Đạt trở lên 540.
    expect(text).toContain(
      `Trong tổng số 550 học sinh trung học cơ sở được đánh giá kết quả học tập (TT 22/2021), có 220 học sinh ở mức Tốt (40%), 190 học sinh ở mức Khá (${pct(190, 550)}), 130 học sinh ở mức Đạt (${pct(130, 550)}) và 10 học sinh ở mức Chưa đạt (${pct(10, 550)}). Học sinh đạt mức Đạt trở lên là 540/550 học sinh, chiếm ${pct(540, 550)}.`,
    );
    expect(text.join('\n')).not.toMatch(/Tốt: \d|Hoàn thành xuất sắc: \d/);
  });

  it('the sample: the grade programme completed by all but the "Chưa hoàn thành" pupils (summed here from its rows)', () => {
    const kq = cur.parsed.sheets.find((s) => s.sheetName === 'KET_QUA_TH')!;
    const sum = (f: string) => kq.records.reduce((n, r) => n + num(r, f), 0);
    const total = sum('tong_so_hs');
    const done = sum('htxs') + sum('htt') + sum('ht');
    expect(done + sum('cht')).toBe(total);
    expect(paragraphsOf(model, 'chat_luong').join('\n')).toContain(`Số học sinh hoàn thành chương trình lớp học là ${thousands(done)}/${thousands(total)} học sinh, đạt ${pct(done, total)}`);
  });
});

describe('nutrition as sentences: subject, target, the share weighed, "bình thường"', () => {
  let text: string;
  let nt: number;
  let mg: number;
  beforeAll(() => {
    text = paragraphsOf(model, 'dinh_duong').join('\n');
    const dd = cur.parsed.sheets.find((s) => s.template === 'DINH_DUONG')!;
    const end = (g: string) => dd.records.filter((r) => str(r, 'nhom_tuoi') === g && str(r, 'thoi_diem') === 'cuoi_nam').reduce((n, r) => n + num(r, 'tong_so_tre'), 0);
    nt = end('NT');
    mg = end('MG');
  });

  it('nhà trẻ: seed 000 đầu ra 28 nhẹ cân, 27 thấp còi, 150 thừa cân – béo phì; each rate with its subject and "dưới 1%, đạt chỉ tiêu"', () => {
    expect(text).toContain(`tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân là ${pct(28, nt)} (28/${thousands(nt)} trẻ), dưới 1%, đạt chỉ tiêu; tỷ lệ trẻ suy dinh dưỡng thể thấp còi là ${pct(27, nt)} (27/${thousands(nt)} trẻ), dưới 1%, đạt chỉ tiêu; tỷ lệ trẻ thừa cân – béo phì là ${pct(150, nt)} (150/${thousands(nt)} trẻ), dưới 10%, đạt chỉ tiêu.`);
    expect(text).not.toMatch(/(^|\. )Đạt chỉ tiêu/);
  });

  it('mẫu giáo: 328 − 87 = 241 nhẹ cân at the end of the year (seed 000 printed 141): 1% or more misses the target', () => {
    expect(241 * 100 >= mg).toBe(true);
    expect(text).toContain(`tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân là ${pct(328 - 87, mg)} (241/${thousands(mg)} trẻ), chưa đạt chỉ tiêu dưới 1%`);
  });

  it('the share weighed and measured, over the children enrolled in QUY_MO (tre_nha_tre of the mầm non rows)', () => {
    const scale = cur.parsed.sheets.find((s) => s.template === 'QUY_MO')!;
    const enrolled = scale.records.filter((r) => str(r, 'cap_hoc') === 'MN').reduce((n, r) => n + num(r, 'tre_nha_tre'), 0);
    expect(enrolled).toBe(2954); // seed 000 §I.1: 2.954 nhà trẻ
    expect(text).toContain(`Ở nhóm nhà trẻ, cuối năm học có ${thousands(nt)}/${thousands(enrolled)} trẻ được cân đo, đạt ${pct(nt, enrolled).replace(',00%', '%')}`);
  });

  it('"bình thường": weight neither underweight nor overweight, height not stunted', () => {
    expect(text).toContain(`Tỷ lệ trẻ có cân nặng bình thường (không suy dinh dưỡng thể nhẹ cân, không thừa cân – béo phì) đạt ${pct(nt - 28 - 150, nt)} (${thousands(nt - 28 - 150)}/${thousands(nt)} trẻ); tỷ lệ trẻ có chiều cao bình thường (không thấp còi) đạt ${pct(nt - 27, nt)} (${thousands(nt - 27)}/${thousands(nt)} trẻ).`);
  });

  it('without QUY_MO the share weighed is left out and listed', () => {
    const dd = cur.parsed.sheets.find((s) => s.template === 'DINH_DUONG')!;
    const m = buildReport({ current: workbook('a.xlsx', [dd]) });
    expect(paragraphsOf(m, 'dinh_duong').join('\n')).toContain(`Ở nhóm nhà trẻ, cuối năm học có ${thousands(nt)} trẻ được cân đo; tỷ lệ trẻ suy dinh dưỡng`);
    expect(m.omittedFamilies!.map((o) => o.family)).toContain('Tỷ lệ trẻ được cân đo');
  });
});

describe('phổ cập: the 3–5 block of PC_MN5 and the previous year in the same sentence', () => {
  it('seed 000 §I.1: 23.300 of 23.942 children aged 3–5 attend: 97,32% (the seed printed 97,35%)', () => {
    expect(pct(23300, 23942)).toBe('97,32%');
    expect(paragraphsOf(model, 'pho_cap')).toContain(`Tổng số trẻ 3 đến 5 tuổi là ${thousands(23942)} trẻ, ra lớp ${thousands(23300)} trẻ, đạt 97,32%.`);
  });

  /**
   * Percentage points between two rates as printed (each rounded half up to hundredths first, so the
   * sentence never contradicts the two figures it compares).
   */
  const points = (a: number, b: number, c: number, d: number) => {
    const h = Math.round((a * 10000) / b + 1e-9) - Math.round((c * 10000) / d + 1e-9);
    return `${h > 0 ? 'tăng' : 'giảm'} ${Math.floor(Math.abs(h) / 100)},${String(Math.abs(h) % 100).padStart(2, '0')} điểm phần trăm so với năm học trước`;
  };

  it('with the earlier year, each rate carries its change (counts of both years summed here from the samples)', async () => {
    const prev = await loadSample('quan12-2022-2023.xlsx');
    const m = buildReport({ current: cur.parsed, previous: [prev.parsed], findings: cur.findings });
    const th = prev.parsed.sheets.find((s) => s.template === 'PC_TH')!;
    const sum = (f: string) => th.records.reduce((n, r) => n + num(r, f), 0);
    const change = points(9022, 9300 - 35, sum('tre_11t_htth'), sum('tre_11t') - sum('mien_giam_11t'));
    expect(paragraphsOf(m, 'pho_cap')).toContain(`Tổng số trẻ 11 tuổi là ${thousands(9300)} trẻ, miễn giảm 35 trẻ, hoàn thành chương trình tiểu học ${thousands(9022)} trẻ, đạt 97,38%, ${change}.`);
    const mn = prev.parsed.sheets.find((s) => s.template === 'PC_MN5')!;
    const mnSum = (f: string) => mn.records.reduce((n, r) => n + num(r, f), 0);
    expect(paragraphsOf(m, 'pho_cap').join('\n')).toContain(`ra lớp ${thousands(23300)} trẻ, đạt 97,32%, ${points(23300, 23942, mnSum('tre_3_5t_ra_lop'), mnSum('tre_3_5t') - mnSum('mien_giam_3_5t'))}.`);
    // without it, no comparison
    expect(paragraphsOf(model, 'pho_cap').join('\n')).not.toContain('so với năm học trước');
  });

  const PC = ['ma_xa', 'ten_xa', 'tre_5t', 'mien_giam_5t', 'tre_5t_ra_lop', 'tre_5t_hoan_thanh', 'tre_3_5t', 'mien_giam_3_5t', 'tre_3_5t_ra_lop', 'tre_3t_dang_hoc', 'tre_3t_hoan_thanh_theo_do_tuoi', 'tre_4t_dang_hoc', 'tre_4t_hoan_thanh_theo_do_tuoi', 'tre_5t_hoan_thanh_theo_do_tuoi'];
  const rows = [
    // Xã A: 3–5 attending 290/300 = 96,67% ≥ 90%; by age 88/90 = 97,78%, 95/100 = 95%, 99/100 = 99% ≥ 85% → meets.
    ['001', 'Xã A', 100, 0, 100, 100, 300, 0, 290, 90, 88, 100, 95, 99],
    // Xã B: 3–5 attending 250/300 = 83,33% < 90% → does not.
    ['002', 'Xã B', 100, 0, 100, 100, 300, 0, 250, 90, 88, 100, 95, 99],
  ];

  it('MN35 thresholds (ND 277/2025) count the communes for a school year after the decree, its date of effect marked unconfirmed', () => {
    const m = buildReport({ current: workbook('a.xlsx', [sheet('PC_MN5', PC, rows, { year: '2025-2026' })]) });
    expect(paragraphsOf(m, 'pho_cap')).toContain('01/02 xã đạt chuẩn phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi theo Nghị định 277/2025/NĐ-CP (ngày hiệu lực chưa xác nhận).');
  });

  it('…and not for 2023–2024, before the decree: left out, the CLI says why', () => {
    const m = buildReport({ current: workbook('a.xlsx', [sheet('PC_MN5', PC, rows, { year: '2023-2024' })]) });
    expect(paragraphsOf(m, 'pho_cap').join('\n')).not.toContain('từ 3 đến 5 tuổi theo');
    expect(m.omittedFamilies!.find((o) => o.family.includes('3-5'))?.reason).toBe('Nghị định 277/2025/NĐ-CP chưa áp dụng cho năm học 2023-2024');
  });
});
