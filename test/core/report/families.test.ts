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
