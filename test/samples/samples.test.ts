/**
 * The committed sample workbooks, re-read with ExcelJS and checked against figures typed from the seed
 * reports (seeds/000 Quận 12 2023-2024, 001 Quận 3 2019-2020, 002 Hải An 2023-2024). Expected values
 * are literals from the seed text or recomputed here by hand; nothing is copied from the generator.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SAMPLES, load, n, num0, s, sumOf, table, type Row } from './read';

const Q23 = 'quan12-2023-2024.xlsx';
const Q22 = 'quan12-2022-2023.xlsx';
const Q24 = 'quan12-2024-2025.xlsx';
const AP = 'as-printed/quan12-2023-2024-as-printed.xlsx';

const WARDS_Q12 = [
  'Thạnh Xuân', 'Thạnh Lộc', 'Hiệp Thành', 'Thới An', 'Tân Chánh Hiệp', 'An Phú Đông', 'Tân Thới Hiệp',
  'Trung Mỹ Tây', 'Tân Hưng Thuận', 'Đông Hưng Thuận', 'Tân Thới Nhất',
];
const G = 'Số học sinh chia theo khối lớp/Lớp ';
const grades = (r: Row, from: number, to: number) => {
  let t = 0;
  for (let g = from; g <= to; g++) t += num0(r, `${G}${g}`);
  return t;
};
const by = (rows: Row[], cap: string | RegExp, loai?: string) =>
  rows.filter((r) => (typeof cap === 'string' ? s(r, 'Cấp học') === cap : cap.test(s(r, 'Cấp học'))) && (!loai || s(r, 'Loại hình') === loai));
/** pass iff num·100 ≥ threshold·den (REGULATIONS.md §8.3 COMPARE). */
const atLeast = (num: number, den: number, threshold: number) => den > 0 && num * 100 >= threshold * den;

describe('Quận 12, 2023-2024: QUY_MO reproduces seed 000 lines 13–25', () => {
  let rows: Row[];
  let total: Row | undefined;
  beforeAll(async () => {
    const t = await table(Q23, 'QUY_MO');
    rows = t.rows;
    total = t.total;
    expect(t.meta).toEqual(expect.arrayContaining(['ỦY BAN NHÂN DÂN QUẬN 12', 'Đơn vị: Quận 12', 'Năm học: 2023 - 2024']));
  });

  test('school counts per level and ownership', () => {
    expect(by(rows, 'MN', 'CL')).toHaveLength(23);
    expect(by(rows, 'MN', 'NCL')).toHaveLength(43);
    // Line 13: 353 cơ sở = 23 + 43 + 287 nhóm trẻ, lớp mẫu giáo, lớp mầm non độc lập, one row each.
    const dl = by(rows, 'MN', 'DL');
    expect(dl).toHaveLength(287);
    expect(by(rows, 'MN')).toHaveLength(353);
    expect(new Set(dl.map((r) => s(r, 'Tên trường'))).size).toBe(287);
    for (const r of dl) expect(s(r, 'Tên trường')).toMatch(/^(Nhóm trẻ|Lớp mẫu giáo|Lớp mầm non)/);
    expect(new Set(dl.map((r) => s(r, 'Xã, phường'))).size).toBe(11);
    // Small units: one or two groups/classes, 5–35 children per group or class.
    for (const r of dl) {
      expect(n(r, 'Số lớp')).toBeGreaterThanOrEqual(1);
      expect(n(r, 'Số lớp')).toBeLessThanOrEqual(2);
      expect(n(r, 'Số học sinh')).toBeGreaterThanOrEqual(5 * n(r, 'Số lớp'));
      expect(n(r, 'Số học sinh')).toBeLessThanOrEqual(35 * n(r, 'Số lớp'));
    }

    expect(by(rows, 'TH', 'CL')).toHaveLength(24);
    expect(by(rows, 'TH', 'NCL')).toHaveLength(6);
    expect(by(rows, 'THCS', 'CL')).toHaveLength(15);
    expect(by(rows, /THCS-THPT$/)).toHaveLength(13);
    expect(by(rows, 'TH-THCS-THPT')).toHaveLength(1);
  });

  test('codes are text and unique', () => {
    const codes = rows.map((r) => r.v['Mã trường']);
    for (const c of codes) expect(typeof c).toBe('string');
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of rows) expect(typeof r.v['Mã xã']).toBe('string');
  });

  test('mầm non: 26.254 = 7.667 + 18.587 = 2.954 + 23.300', () => {
    const mn = by(rows, 'MN');
    expect(sumOf(mn, 'Số học sinh')).toBe(26254);
    expect(sumOf(by(rows, 'MN', 'CL'), 'Số học sinh')).toBe(7667);
    expect(sumOf(mn.filter((r) => s(r, 'Loại hình') !== 'CL'), 'Số học sinh')).toBe(18587);
    expect(sumOf(mn, 'Mầm non/Nhà trẻ')).toBe(2954);
    expect(sumOf(mn, 'Mầm non/Mẫu giáo')).toBe(23300);
    for (const r of mn) {
      expect(n(r, 'Mầm non/Nhà trẻ') + n(r, 'Mầm non/Mẫu giáo')).toBe(n(r, 'Số học sinh'));
      expect(n(r, 'Học 2 buổi/ngày')).toBe(n(r, 'Số học sinh'));
    }
  });

  test('tiểu học: 48.112 = 46.002 + 2.110; học 2 buổi công lập 12.743', () => {
    expect(rows.reduce((a, r) => a + grades(r, 1, 5), 0)).toBe(48112);
    expect(by(rows, 'TH', 'CL').reduce((a, r) => a + grades(r, 1, 5), 0)).toBe(46002);
    expect(rows.filter((r) => s(r, 'Loại hình') === 'NCL').reduce((a, r) => a + grades(r, 1, 5), 0)).toBe(2110);
    expect(sumOf(by(rows, 'TH', 'CL'), 'Học 2 buổi/ngày')).toBe(12743);
    // The printed 14.945 implies 2.202 ngoài công lập > 2.110: the clean file keeps NCL within its pupils.
    const nclTh = rows.filter((r) => s(r, 'Loại hình') === 'NCL' && grades(r, 1, 5) > 0);
    for (const r of nclTh) expect(n(r, 'Học 2 buổi/ngày')).toBeLessThanOrEqual(n(r, 'Số học sinh'));
    expect(14945 - 12743).toBeGreaterThan(2110);
  });

  test('THCS: 32.460 = 31.008 + 1.452; 2 buổi 7.607 công lập, 1.452/1.452 ngoài công lập', () => {
    expect(rows.reduce((a, r) => a + grades(r, 6, 9), 0)).toBe(32460);
    expect(by(rows, 'THCS', 'CL').reduce((a, r) => a + grades(r, 6, 9), 0)).toBe(31008);
    const ncl = rows.filter((r) => s(r, 'Loại hình') === 'NCL' && grades(r, 6, 9) > 0);
    expect(ncl.reduce((a, r) => a + grades(r, 6, 9), 0)).toBe(1452);
    for (const r of ncl) expect(n(r, 'Học 2 buổi/ngày')).toBe(n(r, 'Số học sinh'));
    expect(sumOf(by(rows, 'THCS', 'CL'), 'Học 2 buổi/ngày')).toBe(7607);
  });

  test('per-grade split adds up and class sizes stay within TT 28/2020 and TT 32/2020', () => {
    for (const r of rows.filter((x) => /TH/.test(s(x, 'Cấp học')))) {
      expect(grades(r, 1, 9)).toBe(n(r, 'Số học sinh'));
      const max = s(r, 'Cấp học') === 'TH' ? 35 : 45;
      expect(n(r, 'Số học sinh') / n(r, 'Số lớp')).toBeLessThanOrEqual(max);
    }
  });

  test('directly managed units (line 21)', () => {
    const ad = rows.find((r) => s(r, 'Tên trường') === 'Trường Chuyên biệt Ánh Dương')!;
    expect([n(ad, 'Số lớp'), n(ad, 'Số học sinh')]).toEqual([24, 230]);
    const tt = by(rows, 'GDTX')[0];
    expect([n(tt, 'Số lớp'), n(tt, 'Số học sinh')]).toEqual([127, 5636]);
  });

  test('public staff (lines 483–487): MN 847/518, TH 1.682/1.334, THCS 1.416/1.164, Ánh Dương 36/26', () => {
    const staff = (rs: Row[]) => [sumOf(rs, 'Đội ngũ/CBQL') + sumOf(rs, 'Đội ngũ/Giáo viên') + sumOf(rs, 'Đội ngũ/Nhân viên'), sumOf(rs, 'Đội ngũ/Giáo viên')];
    expect(staff(by(rows, 'MN', 'CL'))).toEqual([847, 518]);
    expect(staff(by(rows, 'TH', 'CL'))).toEqual([1682, 1334]);
    expect(staff(by(rows, 'THCS', 'CL'))).toEqual([1416, 1164]);
    expect(staff(by(rows, 'GDCB'))).toEqual([36, 26]);
  });

  test('chuẩn quốc gia and kiểm định (lines 23–25) with chuẩn ⇒ kiểm định', () => {
    const cqg = (rs: Row[]) => rs.filter((r) => num0(r, 'Chuẩn quốc gia') > 0).length;
    const kd = (rs: Row[]) => rs.filter((r) => num0(r, 'Kiểm định chất lượng') > 0).length;
    expect([cqg(by(rows, 'MN', 'CL')), cqg(by(rows, 'MN', 'NCL'))]).toEqual([9, 3]);
    expect([kd(by(rows, 'MN', 'CL')), kd(by(rows, 'MN', 'NCL'))]).toEqual([18, 15]);
    expect(cqg(by(rows, 'TH'))).toBe(2);
    expect(kd(by(rows, 'TH', 'CL'))).toBe(22);
    expect(kd([...by(rows, 'TH', 'NCL'), ...by(rows, 'TH-THCS-THPT')])).toBe(1);
    expect(cqg(by(rows, 'THCS'))).toBe(2);
    expect(kd(by(rows, 'THCS', 'CL'))).toBe(13);
    for (const r of rows) {
      const c = num0(r, 'Chuẩn quốc gia');
      if (c === 1) expect(n(r, 'Kiểm định chất lượng')).toBeGreaterThanOrEqual(2);
      if (c === 2) expect(n(r, 'Kiểm định chất lượng')).toBeGreaterThanOrEqual(3);
    }
  });

  test('printed total row equals the column sums', () => {
    expect(total).toBeDefined();
    for (const k of ['Số lớp', 'Số học sinh', `${G}1`, `${G}9`, 'Mầm non/Nhà trẻ', 'Học 2 buổi/ngày', 'Đội ngũ/Giáo viên']) expect(n(total, k)).toBe(sumOf(rows, k));
  });
});

describe('Quận 12, 2023-2024: phổ cập and xóa mù chữ (seed 000 §6)', () => {
  const T: Record<string, Row[]> = {};
  const TOT: Record<string, Row | undefined> = {};
  beforeAll(async () => {
    for (const id of ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC', 'PC_BTH']) {
      const t = await table(Q23, id);
      T[id] = t.rows;
      TOT[id] = t.total;
    }
  });
  const tot = (id: string, k: string) => sumOf(T[id], k);

  test('one row per phường, real names', () => {
    for (const id of Object.keys(T)) {
      expect(T[id]).toHaveLength(11);
      expect(T[id].map((r) => s(r, 'Xã, phường').replace('Phường ', '')).sort()).toEqual([...WARDS_Q12].sort());
      expect(s(TOT[id]!, 'Xã, phường')).toBe('Toàn quận');
    }
  });

  test('sums equal the printed district figures', () => {
    expect([tot('PC_MN5', 'Trẻ 5 tuổi/Tổng số trẻ 5 tuổi'), tot('PC_MN5', 'Trẻ 5 tuổi/Ra lớp'), tot('PC_MN5', 'Trẻ 5 tuổi/Hoàn thành CT GDMN')]).toEqual([8684, 8684, 8684]);
    expect([tot('PC_MN5', 'Trẻ 3-5 tuổi/Tổng số trẻ 3-5 tuổi'), tot('PC_MN5', 'Trẻ 3-5 tuổi/Ra lớp')]).toEqual([23942, 23300]);
    expect([tot('PC_TH', 'Trẻ 11 tuổi/Tổng số'), tot('PC_TH', 'Trẻ 11 tuổi/Miễn giảm'), tot('PC_TH', 'Trẻ 11 tuổi/Hoàn thành CTTH')]).toEqual([9300, 35, 9022]);
    expect([tot('PC_TH', 'Trẻ 14 tuổi/Tổng số'), tot('PC_TH', 'Trẻ 14 tuổi/Miễn giảm'), tot('PC_TH', 'Trẻ 14 tuổi/Hoàn thành CTTH')]).toEqual([7732, 28, 7701]);
    expect([tot('PC_TH', 'Trẻ 11-14 tuổi/Tổng số'), tot('PC_TH', 'Trẻ 11-14 tuổi/Miễn giảm'), tot('PC_TH', 'Trẻ 11-14 tuổi/Hoàn thành CTTH')]).toEqual([30780, 126, 30360]);
    expect([tot('PC_TH', 'Trẻ 6-14 tuổi/Tổng số'), tot('PC_TH', 'Trẻ 6-14 tuổi/Đang học tiểu học')]).toEqual([72539, 42178]);
    expect([tot('PC_THCS', 'Huy động vào lớp 6/HS hoàn thành CTTH năm học trước'), tot('PC_THCS', 'Huy động vào lớp 6/Vào lớp 6')]).toEqual([9069, 9069]);
    expect([tot('PC_THCS', 'Tốt nghiệp THCS/HS lớp 9 cuối năm'), tot('PC_THCS', 'Tốt nghiệp THCS/HS tốt nghiệp THCS')]).toEqual([7018, 7018]);
    expect([tot('PC_THCS', 'Thanh thiếu niên 15-18 tuổi/Tổng số'), tot('PC_THCS', 'Thanh thiếu niên 15-18 tuổi/Có bằng TN THCS')]).toEqual([27475, 27096]);
    const x = (b: string, k: string) => tot('XMC', `Độ tuổi ${b}/${k}`);
    expect([x('15-35', 'Dân số'), x('15-35', 'Miễn giảm 15-35'), x('15-35', 'Biết chữ mức độ 1'), x('15-35', 'Biết chữ mức độ 2')]).toEqual([200991, 336, 200601, 200575]);
    expect([x('15-60', 'Dân số'), x('15-60', 'Miễn giảm 15-60'), x('15-60', 'Biết chữ mức độ 1'), x('15-60', 'Biết chữ mức độ 2')]).toEqual([453083, 793, 452098, 451894]);
    const b = (k: string) => tot('PC_BTH', k);
    expect([b('Huy động sau THCS/Tốt nghiệp THCS'), b('Huy động sau THCS/Vào lớp 10 THPT'), b('Huy động sau THCS/Vào GDTX'), b('Huy động sau THCS/Vào trung cấp')]).toEqual([7018, 5958, 799, 211]);
    expect([b('Tốt nghiệp bậc trung học/HS lớp 12'), b('Tốt nghiệp bậc trung học/Tốt nghiệp THPT'), b('Tốt nghiệp bậc trung học/Tốt nghiệp GDTX')]).toEqual([6795, 6204, 570]);
    expect([b('Hiệu quả (18-21 tuổi)/Dân số 18-21 tuổi'), b('Hiệu quả (18-21 tuổi)/Có bằng THPT'), b('Hiệu quả (18-21 tuổi)/Có bằng GDTX')]).toEqual([27660, 25031, 1629]);
  });

  test('district rates recompute to the printed ones where the seed is right', () => {
    // 9.022/(9.300 − 35) = 97,38 %; 30.360/(30.780 − 126) = 99,04 %; 200.601/200.655 = 99,97 %; 451.894/452.290 = 99,91 %.
    const r2 = (a: number, b: number) => Math.round((a * 10000) / b) / 100;
    expect(r2(tot('PC_TH', 'Trẻ 11 tuổi/Hoàn thành CTTH'), 9300 - 35)).toBe(97.38);
    expect(r2(tot('PC_TH', 'Trẻ 11-14 tuổi/Hoàn thành CTTH'), 30780 - 126)).toBe(99.04);
    expect(r2(tot('XMC', 'Độ tuổi 15-35/Biết chữ mức độ 1'), 200991 - 336)).toBe(99.97);
    expect(r2(tot('XMC', 'Độ tuổi 15-60/Biết chữ mức độ 2'), 453083 - 793)).toBe(99.91);
    expect(r2(5958 + 799 + 211, tot('PC_BTH', 'Huy động sau THCS/Tốt nghiệp THCS'))).toBe(99.29);
  });

  test('bands are nested and counts coherent in every phường', () => {
    for (const r of T.XMC) {
      for (const k of ['Dân số', 'Biết chữ mức độ 1', 'Biết chữ mức độ 2']) {
        expect(n(r, `Độ tuổi 15-25/${k}`)).toBeLessThanOrEqual(n(r, `Độ tuổi 15-35/${k}`));
        expect(n(r, `Độ tuổi 15-35/${k}`)).toBeLessThanOrEqual(n(r, `Độ tuổi 15-60/${k}`));
      }
      for (const b of ['15-25', '15-35', '15-60']) {
        expect(n(r, `Độ tuổi ${b}/Biết chữ mức độ 2`)).toBeLessThanOrEqual(n(r, `Độ tuổi ${b}/Biết chữ mức độ 1`));
        expect(n(r, `Độ tuổi ${b}/Biết chữ mức độ 1`)).toBeLessThanOrEqual(n(r, `Độ tuổi ${b}/Dân số`) - n(r, `Độ tuổi ${b}/Miễn giảm ${b}`));
      }
    }
    for (const r of T.PC_TH) {
      expect(n(r, 'Trẻ 11-14 tuổi/Tổng số')).toBeGreaterThanOrEqual(n(r, 'Trẻ 11 tuổi/Tổng số') + n(r, 'Trẻ 14 tuổi/Tổng số'));
      expect(n(r, 'Trẻ 11-14 tuổi/Hoàn thành CTTH')).toBeGreaterThanOrEqual(n(r, 'Trẻ 11 tuổi/Hoàn thành CTTH') + n(r, 'Trẻ 14 tuổi/Hoàn thành CTTH'));
    }
  });

  test('each phường reaches XMC mức 2, TH mức 3, THCS mức 3 and MN 5 tuổi (ND 20/2014, REGULATIONS §8.1)', () => {
    const byCode = (id: string) => new Map(T[id].map((r) => [s(r, 'Mã xã'), r]));
    const th = byCode('PC_TH');
    const thcs = byCode('PC_THCS');
    const mn = byCode('PC_MN5');
    for (const x of T.XMC) {
      const code = s(x, 'Mã xã');
      const den = (b: string) => n(x, `Độ tuổi ${b}/Dân số`) - n(x, `Độ tuổi ${b}/Miễn giảm ${b}`);
      // XMC M1: 15–35 biết chữ mức 1 ≥ 90 %; M2: 15–60 biết chữ mức 2 ≥ 90 % (not ĐBKK).
      expect(atLeast(n(x, 'Độ tuổi 15-35/Biết chữ mức độ 1'), den('15-35'), 90)).toBe(true);
      expect(atLeast(n(x, 'Độ tuổi 15-60/Biết chữ mức độ 2'), den('15-60'), 90)).toBe(true);
      const t = th.get(code)!;
      const d = (a: string) => n(t, `Trẻ ${a} tuổi/Tổng số`) - n(t, `Trẻ ${a} tuổi/Miễn giảm`);
      // TH M3: 6 tuổi lớp 1 ≥ 98 %, 11 tuổi HTCTTH ≥ 90 %, the rest of the 11-year-olds in primary, 14 tuổi ≥ 80 %.
      expect(atLeast(n(t, 'Trẻ 6 tuổi/Học lớp 1'), d('6'), 98)).toBe(true);
      expect(atLeast(n(t, 'Trẻ 11 tuổi/Hoàn thành CTTH'), d('11'), 90)).toBe(true);
      expect(n(t, 'Trẻ 11 tuổi/Hoàn thành CTTH') + n(t, 'Trẻ 11 tuổi/Đang học tiểu học')).toBe(d('11'));
      expect(atLeast(n(t, 'Trẻ 14 tuổi/Hoàn thành CTTH'), d('14'), 80)).toBe(true);
      // THCS M3: 15–18 có bằng TN THCS ≥ 95 %, đã/đang học THPT/GDTX/GDNN ≥ 80 %.
      const c = thcs.get(code)!;
      const d1518 = n(c, 'Thanh thiếu niên 15-18 tuổi/Tổng số') - n(c, 'Thanh thiếu niên 15-18 tuổi/Miễn giảm 15-18 tuổi');
      expect(atLeast(n(c, 'Thanh thiếu niên 15-18 tuổi/Có bằng TN THCS'), d1518, 95)).toBe(true);
      expect(atLeast(n(c, 'Thanh thiếu niên 15-18 tuổi/Đã và đang học THPT, GDTX, GDNN'), d1518, 80)).toBe(true);
      // MN 5 tuổi: ra lớp ≥ 95 %, hoàn thành ≥ 85 %.
      const m = mn.get(code)!;
      expect(atLeast(n(m, 'Trẻ 5 tuổi/Ra lớp'), n(m, 'Trẻ 5 tuổi/Tổng số trẻ 5 tuổi') - n(m, 'Trẻ 5 tuổi/Miễn giảm'), 95)).toBe(true);
      expect(atLeast(n(m, 'Trẻ 5 tuổi/Hoàn thành CT GDMN'), n(m, 'Trẻ 5 tuổi/Ra lớp'), 85)).toBe(true);
    }
  });
});

describe('Quận 12, 2023-2024: nutrition, outcomes, staff', () => {
  test('DINH_DUONG: seed counts, đầu ra = đầu vào − phục hồi (241, not 141), weighed = enrolled', async () => {
    const { rows } = await table(Q23, 'DINH_DUONG');
    const pick = (nhom: string, td: string) => rows.filter((r) => s(r, 'Nhóm tuổi') === nhom && s(r, 'Thời điểm') === td);
    const kinds = ['SDD thể nhẹ cân', 'SDD thể thấp còi', 'SDD thể gầy còm', 'Thừa cân - béo phì'];
    const counts = (rs: Row[], group: string) => kinds.map((k) => sumOf(rs, `${group}/${k}`));
    expect(counts(pick('Nhà trẻ', 'Đầu vào'), 'Số trẻ')).toEqual([43, 39, 18, 169]);
    expect(counts(pick('Nhà trẻ', 'Đầu ra'), 'Phục hồi')).toEqual([15, 12, 1, 19]);
    expect(counts(pick('Nhà trẻ', 'Đầu ra'), 'Số trẻ')).toEqual([28, 27, 17, 150]);
    expect(counts(pick('Mẫu giáo', 'Đầu vào'), 'Số trẻ')).toEqual([328, 259, 122, 2093]);
    expect(counts(pick('Mẫu giáo', 'Đầu ra'), 'Phục hồi')).toEqual([87, 94, 5, 422]);
    expect(counts(pick('Mẫu giáo', 'Đầu ra'), 'Số trẻ')).toEqual([328 - 87, 165, 117, 1671]);
    expect(sumOf(pick('Nhà trẻ', 'Đầu vào'), 'Tổng số trẻ được cân đo')).toBe(2954);
    expect(sumOf(pick('Mẫu giáo', 'Đầu vào'), 'Tổng số trẻ được cân đo')).toBe(23300);
  });

  test('GDTX khối 10/11/12 (lines 257–409), category sets complete in the clean file', async () => {
    const { rows } = await table(Q23, 'KET_QUA_GDTX');
    const k = (r: Row, g: string) => ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'].reduce((a, c) => a + num0(r, `${g}/${c}`), 0);
    expect(rows.map((r) => n(r, 'Tổng số HS'))).toEqual([1924, 1294]);
    for (const r of rows) {
      expect(k(r, 'Kết quả học tập')).toBe(n(r, 'Tổng số HS'));
      expect(k(r, 'Kết quả rèn luyện')).toBe(n(r, 'Tổng số HS'));
    }
    expect([n(rows[1], 'Kết quả học tập/Tốt'), n(rows[1], 'Kết quả học tập/Khá'), n(rows[1], 'Kết quả học tập/Chưa đạt')]).toEqual([213, 486, 131]);
    const t58 = (await table(Q23, 'KET_QUA_TT58')).rows.find((r) => n(r, 'Khối') === 12)!;
    expect(['Giỏi', 'Khá', 'Trung bình', 'Yếu', 'Kém'].map((c) => n(t58, `Học lực/${c}`))).toEqual([81, 473, 304, 39, 2]);
    expect(n(t58, 'Tổng số HS')).toBe(899);
  });

  test('KET_QUA tiểu học and THCS match the grade counts of QUY_MO', async () => {
    const q = new Map((await table(Q23, 'QUY_MO')).rows.map((r) => [s(r, 'Mã trường'), r]));
    const th = (await table(Q23, 'KET_QUA_TH')).rows;
    for (const r of th) {
      expect(n(r, 'Tổng số HS')).toBe(n(q.get(s(r, 'Mã trường'))!, `${G}${n(r, 'Khối')}`));
      expect(['Hoàn thành xuất sắc', 'Hoàn thành tốt', 'Hoàn thành', 'Chưa hoàn thành'].reduce((a, c) => a + n(r, c), 0)).toBe(n(r, 'Tổng số HS'));
    }
    expect(th.reduce((a, r) => a + n(r, 'Tổng số HS'), 0)).toBe(48112);
  });

  test('DOI_NGU: 3.215 CBQL + GV; tiến sĩ 01, thạc sĩ 153; 505/518 and 2.390/2.524 đạt chuẩn; chứng chỉ 3.200 / 3.196', async () => {
    const { rows } = await table(Q23, 'DOI_NGU');
    const Q = 'Trình độ chuyên môn (CBQL và GV)/';
    const quals = ['Tiến sĩ', 'Thạc sĩ', 'Đại học', 'Cao đẳng', 'Trung cấp', 'Chưa qua đào tạo'];
    for (const r of rows) expect(quals.reduce((a, k) => a + n(r, Q + k), 0)).toBe(n(r, 'Số lượng/CBQL') + n(r, 'Số lượng/Giáo viên'));
    expect(sumOf(rows, 'Số lượng/CBQL') + sumOf(rows, 'Số lượng/Giáo viên')).toBe(3215);
    expect(sumOf(rows, Q + 'Tiến sĩ')).toBe(1);
    expect(sumOf(rows, Q + 'Thạc sĩ')).toBe(153);
    const mn = rows.filter((r) => s(r, 'Tên trường').startsWith('Trường Mầm non'));
    const pt = rows.filter((r) => !s(r, 'Tên trường').startsWith('Trường Mầm non'));
    expect(sumOf(mn, 'Số lượng/Giáo viên')).toBe(518);
    expect(518 - sumOf(mn, Q + 'Trung cấp') - sumOf(mn, Q + 'Chưa qua đào tạo')).toBe(505);
    expect(sumOf(pt, 'Số lượng/Giáo viên')).toBe(2524);
    expect(2524 - sumOf(pt, Q + 'Cao đẳng') - sumOf(pt, Q + 'Trung cấp') - sumOf(pt, Q + 'Chưa qua đào tạo')).toBe(2390);
    expect([sumOf(rows, 'Chứng chỉ/Tin học'), sumOf(rows, 'Chứng chỉ/Ngoại ngữ')]).toEqual([3200, 3196]);
  });
});

describe('previous year and the year after the merger', () => {
  const count = (rows: Row[], cap: string, loai: string, col: string) => by(rows, cap, loai).filter((r) => num0(r, col) > 0).length;
  test('2022-2023 differs as the seed says ("tăng 02", "tăng 06", "tăng 03 … 01", "tăng 01")', async () => {
    const now = (await table(Q23, 'QUY_MO')).rows;
    const prev = (await table(Q22, 'QUY_MO')).rows;
    const cq = (rows: Row[]) => count(rows, 'MN', 'CL', 'Chuẩn quốc gia') + count(rows, 'MN', 'NCL', 'Chuẩn quốc gia');
    expect(cq(now) - cq(prev)).toBe(2);
    const kdMn = (rows: Row[]) => count(rows, 'MN', 'CL', 'Kiểm định chất lượng') + count(rows, 'MN', 'NCL', 'Kiểm định chất lượng');
    expect(kdMn(now) - kdMn(prev)).toBe(6);
    expect(count(now, 'TH', 'CL', 'Kiểm định chất lượng') - count(prev, 'TH', 'CL', 'Kiểm định chất lượng')).toBe(3);
    expect(count(now, 'TH', 'NCL', 'Kiểm định chất lượng') - count(prev, 'TH', 'NCL', 'Kiểm định chất lượng')).toBe(1);
    expect(count(now, 'THCS', 'CL', 'Kiểm định chất lượng') - count(prev, 'THCS', 'CL', 'Kiểm định chất lượng')).toBe(1);
    expect(by(prev, 'TH', 'CL')).toHaveLength(23);
    expect((await table(Q22, 'QUY_MO')).meta).toContain('Năm học: 2022 - 2023');
  });

  test('2024-2025 uses the merged phường codes; trends go through DON_VI_SAP_NHAP', async () => {
    const map = (await table(Q23, 'DON_VI_SAP_NHAP')).rows;
    expect(map).toHaveLength(11);
    const toNew = new Map(map.map((r) => [s(r, 'Mã đơn vị cũ'), s(r, 'Mã đơn vị mới')]));
    expect(new Set(toNew.values()).size).toBe(5);
    const now = new Map((await table(Q23, 'QUY_MO')).rows.map((r) => [s(r, 'Mã trường'), r]));
    const next = (await table(Q24, 'QUY_MO')).rows;
    for (const r of next) expect(s(r, 'Mã xã')).toBe(toNew.get(s(now.get(s(r, 'Mã trường'))!, 'Mã xã')));
    const pc = (await table(Q24, 'PC_TH')).rows;
    expect(pc.map((r) => s(r, 'Mã xã')).sort()).toEqual([...new Set(toNew.values())].sort());
    // The merged 2023-2024 rows summed by new code are the like-for-like comparison base.
    const old = (await table(Q23, 'PC_TH')).rows;
    const merged = new Map<string, number>();
    for (const r of old) merged.set(toNew.get(s(r, 'Mã xã'))!, (merged.get(toNew.get(s(r, 'Mã xã'))!) ?? 0) + n(r, 'Trẻ 11 tuổi/Tổng số'));
    expect([...merged.values()].reduce((a, b) => a + b, 0)).toBe(9300);
    for (const r of pc) expect(Math.abs(n(r, 'Trẻ 11 tuổi/Tổng số') / merged.get(s(r, 'Mã xã'))! - 1)).toBeLessThan(0.2);
  });
});

describe('as-printed variants carry the seeds’ inconsistencies', () => {
  test('Quận 12 TH: "31 trường" = 24 + 06; 2 buổi NCL 2.202 > 2.110', async () => {
    const t = await table(AP, 'QUY_MO_TH');
    expect(t.rows.map((r) => n(r, 'Số trường'))).toEqual([24, 6]);
    expect(n(t.total, 'Số trường')).toBe(31);
    const ncl = t.rows[1];
    expect(n(ncl, 'Số học sinh')).toBe(2110);
    expect(n(ncl, 'Học 2 buổi/ngày')).toBe(2202);
    expect(n(t.total, 'Học 2 buổi/ngày')).toBe(14945);
    expect(n(t.total, 'Số học sinh')).toBe(48112);
  });

  test('printed district rates: 97,35 % (23.300/23.942) and 99,99 % (7.701/7.704)', async () => {
    const mn = await table(AP, 'PC_MN5');
    expect(n(mn.total, 'Tỷ lệ trẻ 3-5 tuổi ra lớp')).toBeCloseTo(0.9735, 10);
    expect(Math.round((23300 * 10000) / 23942) / 100).toBe(97.32);
    expect(n(mn.total, 'Trẻ 3-5 tuổi/Ra lớp')).toBe(23300);
    const th = await table(AP, 'PC_TH');
    expect(n(th.total, 'Tỷ lệ trẻ 14 tuổi hoàn thành CTTH')).toBeCloseTo(0.9999, 10);
    expect(n(th.total, 'Trẻ 14 tuổi/Hoàn thành CTTH') / (n(th.total, 'Trẻ 14 tuổi/Tổng số') - n(th.total, 'Trẻ 14 tuổi/Miễn giảm'))).toBeCloseTo(7701 / 7704, 10);
    expect(Math.round((7701 * 10000) / 7704) / 100).toBe(99.96);
    expect(n(th.total, 'Tỷ lệ trẻ 11 tuổi hoàn thành CTTH')).toBeCloseTo(0.9738, 10);
  });

  test('nutrition: 141 ≠ 328 − 87; 25,52 % for 87/328; truncated rates; 29.239 weighed', async () => {
    const { rows } = await table(AP, 'DINH_DUONG');
    const mgIn = rows.find((r) => s(r, 'Nhóm tuổi') === 'Mẫu giáo' && s(r, 'Thời điểm') === 'Đầu vào')!;
    const mgOut = rows.find((r) => s(r, 'Nhóm tuổi') === 'Mẫu giáo' && s(r, 'Thời điểm') === 'Đầu ra')!;
    const ntIn = rows.find((r) => s(r, 'Nhóm tuổi') === 'Nhà trẻ' && s(r, 'Thời điểm') === 'Đầu vào')!;
    expect(n(mgOut, 'Số trẻ/SDD thể nhẹ cân')).toBe(141);
    expect(n(mgIn, 'Số trẻ/SDD thể nhẹ cân') - n(mgOut, 'Phục hồi/SDD thể nhẹ cân')).toBe(241);
    expect(n(mgOut, 'Tỷ lệ phục hồi SDD thể nhẹ cân (so với đầu vào)')).toBeCloseTo(0.2552, 10);
    expect(Math.round((87 * 10000) / 328) / 100).toBe(26.52);
    // 18/4.094 = 0,4397 %: rounded 0,44 %, printed (truncated) 0,43 %.
    expect(n(ntIn, 'Tỷ lệ SDD thể gầy còm')).toBeCloseTo(0.0043, 10);
    expect(Math.round((18 * 10000) / 4094) / 100).toBe(0.44);
    expect(n(ntIn, 'Tổng số trẻ được cân đo') + n(mgIn, 'Tổng số trẻ được cân đo')).toBe(29239);
    const mn = await table(AP, 'QUY_MO_MN');
    expect(n(mn.total, 'Số học sinh')).toBe(26254);
  });

  test('GDTX khối 11 short by 7 (học tập) and 3 (rèn luyện)', async () => {
    const t = await table(AP, 'KET_QUA_GDTX');
    const k11 = t.rows[1];
    const sumSet = (g: string) => ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'].reduce((a, c) => a + num0(k11, `${g}/${c}`), 0);
    expect(n(k11, 'Tổng số HS')).toBe(1294);
    expect(sumSet('Kết quả học tập')).toBe(1287);
    expect(sumSet('Kết quả rèn luyện')).toBe(1291);
    expect(k11.v['Kết quả rèn luyện/Chưa đạt']).toBeNull();
    expect(n(t.total, 'Tổng số HS')).toBe(3218);
  });

  test('staff: 95,2 % printed for 505/518 (= 97,49 %)', async () => {
    const t = await table(AP, 'DOI_NGU');
    const mn = t.rows[0];
    expect([n(mn, 'GV đạt chuẩn trình độ'), n(mn, 'Số lượng/Giáo viên')]).toEqual([505, 518]);
    expect(n(mn, 'Tỷ lệ GV đạt chuẩn trình độ')).toBeCloseTo(0.952, 10);
    expect(Math.round((505 * 10000) / 518) / 100).toBe(97.49);
  });

  test('Quận 3 2019-2020: MN 34 ≠ 17 + 27; GV 856 ≠ 397 + 456; TH 17.334 ≠ 16.221 + 1.909; THCS 15.141 ≠ 13.232 + 03', async () => {
    const f = 'as-printed/quan3-2019-2020-as-printed.xlsx';
    const check = async (sheet: string, col: string, cl: number, ncl: number, printed: number) => {
      const t = await table(f, sheet);
      expect([n(t.rows[0], col), n(t.rows[1], col), n(t.total, col)]).toEqual([cl, ncl, printed]);
      expect(cl + ncl).not.toBe(printed);
    };
    await check('QUY_MO_MN', 'Số trường', 17, 27, 34);
    await check('QUY_MO_MN', 'Đội ngũ/Giáo viên', 397, 456, 856);
    await check('QUY_MO_TH', 'Số học sinh', 16221, 1909, 17334);
    await check('QUY_MO_THCS', 'Số học sinh', 13232, 3, 15141);
    expect((await table(f, 'QUY_MO_MN')).meta).toContain('Năm học: 2019 - 2020');
  });

  test('Hải An 2023-2024: 8.289 ≠ 1.827 + 6.333; 41,92 and 47,93 HS/lớp; CHI_TIEU targets', async () => {
    const f = 'as-printed/haian-2023-2024-as-printed.xlsx';
    const t = await table(f, 'QUY_MO');
    const [mn, th, thcs] = t.rows;
    expect(n(mn, 'Số học sinh')).toBe(8289);
    expect(n(mn, 'Mầm non/Nhà trẻ') + n(mn, 'Mầm non/Mẫu giáo')).toBe(1827 + 6333);
    expect(1827 + 6333).not.toBe(8289);
    expect(n(th, 'Số học sinh') / n(th, 'Số lớp')).toBeGreaterThan(35);
    expect(Math.round((12324 * 100) / 294) / 100).toBe(41.92);
    expect(n(thcs, 'Số học sinh') / n(thcs, 'Số lớp')).toBeGreaterThan(45);
    expect(Math.round((10256 * 100) / 214) / 100).toBe(47.93);
    const ct = (await table(f, 'CHI_TIEU')).rows;
    const target = (ma: string) => s(ct.find((r) => s(r, 'Mã chỉ tiêu') === ma)!, 'Mục tiêu');
    expect(target('PCBTH_HUYDONG')).toBe('96-97%');
    expect(target('PCBTH_HIEUQUA')).toBe('95-96%');
    expect(target('TH_L1_4_HTXS')).toBe('55-60%');
    expect(target('MN_HUYDONG')).toBe('84,7%');
  });

  test('Quận 12 as printed, line 15: nhà trẻ 2.954/6.901 printed 42,8%, 3–5 tuổi 23.300/23.942 printed 97,35%', async () => {
    const t = await table(AP, 'PC_MN5');
    expect([n(t.total, 'Trẻ 0-2 tuổi/Tổng số'), n(t.total, 'Trẻ 0-2 tuổi/Ra lớp')]).toEqual([6901, 2954]);
    expect(sumOf(t.rows, 'Trẻ 0-2 tuổi/Tổng số')).toBe(6901);
    for (const r of t.rows) expect(n(r, 'Trẻ 0-2 tuổi/Ra lớp')).toBeLessThanOrEqual(n(r, 'Trẻ 0-2 tuổi/Tổng số'));
    expect(n(t.total, 'Tỷ lệ huy động trẻ nhà trẻ')).toBeCloseTo(0.428, 10);
    expect(Math.round((2954 * 1000) / 6901) / 10).toBe(42.8);
  });

  test('Quận 3 lines 88–91: TN 3.737/3.747, nghề phổ thông 1.704 and 3.273 of 3.335, printed 99,73 / 52,1 / 98,1 %', async () => {
    const t = await table('as-printed/quan3-2019-2020-as-printed.xlsx', 'KET_QUA_LOP9');
    const r = t.rows[0];
    expect([n(r, 'Tổng số HS'), n(r, 'Tốt nghiệp'), n(r, 'Dự thi nghề phổ thông'), n(r, 'Nghề phổ thông từ trung bình trở lên'), n(r, 'Nghề phổ thông khá, giỏi')]).toEqual([3747, 3737, 3335, 3273, 1704]);
    expect(n(r, 'Tỷ lệ nghề phổ thông khá, giỏi')).toBeCloseTo(0.521, 10);
    expect(Math.round((1704 * 1000) / 3335) / 10).toBe(51.1);
    expect(Math.round((1704 * 1000) / 3273) / 10).toBe(52.1);
    expect(n(r, 'Tỷ lệ tốt nghiệp')).toBeCloseTo(0.9973, 10);
    expect(n(r, 'Tỷ lệ nghề phổ thông từ trung bình trở lên')).toBeCloseTo(0.981, 10);
  });

  test('Hải An line 37 in PC_MN5: 84,7% printed over 1.827 + 6.333 of 3.323 + 6.462', async () => {
    const r = (await table('as-printed/haian-2023-2024-as-printed.xlsx', 'PC_MN5')).rows[0];
    expect([n(r, 'Trẻ 0-2 tuổi'), n(r, 'Trẻ nhà trẻ ra lớp'), n(r, 'Trẻ 3-5 tuổi'), n(r, 'Trẻ 3-5 tuổi ra lớp')]).toEqual([3323, 1827, 6462, 6333]);
    expect(n(r, 'Tỷ lệ huy động trẻ mầm non')).toBeCloseTo(0.847, 10);
    expect(Math.round((8289 * 1000) / 9785) / 10).toBe(84.7);
    expect(Math.round(((1827 + 6333) * 1000) / (3323 + 6462)) / 10).toBe(83.4);
  });

  test('planted.json lists cells that exist and hold values', async () => {
    const planted = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'as-printed', 'planted.json'), 'utf8')) as { id: string; file: string; sheet: string; cells: string[]; rule: string | null }[];
    expect(planted.length).toBeGreaterThanOrEqual(20);
    for (const p of planted) {
      const ws = (await load(p.file)).getWorksheet(p.sheet)!;
      expect(ws).toBeDefined();
      expect(p.cells.length).toBeGreaterThan(0);
      const filled = p.cells.filter((c) => ws.getCell(c).value !== null && ws.getCell(c).value !== undefined);
      expect(filled.length).toBeGreaterThan(0);
    }
    const readme = fs.readFileSync(path.join(SAMPLES, 'README.md'), 'utf8');
    for (const p of planted) expect(readme).toContain(`| ${p.id} |`);
  });
});

describe('submissions set', () => {
  const dir = path.join(SAMPLES, 'submissions');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx') && !f.startsWith('master'));
  const fold = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
  const readRow = async (rel: string) => {
    const t = await table(rel, 'QUY_MO');
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(t.rows[0].v)) if (k !== 'STT') out[fold(k)] = typeof v === 'string' && /^\d{1,3}(\.\d{3})*$/.test(v) ? Number(v.replace(/\./g, '')) : v;
    return { out, meta: t.meta };
  };

  test('master: 12 schools of Hiệp Thành and Tân Chánh Hiệp', async () => {
    const t = await table('submissions/master-2023-2024.xlsx', 'QUY_MO');
    expect(t.rows).toHaveLength(12);
    expect(t.meta).toContain('Năm học: 2023 - 2024');
  });

  test('about ten school files with the planned problems', async () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const master = new Map((await table('submissions/master-2023-2024.xlsx', 'QUY_MO')).rows.map((r) => [s(r, 'Mã trường'), r]));
    const codeOf = (f: string) => f.slice(0, 8);
    const submitted = new Set(files.map(codeOf));
    expect([...master.keys()].filter((c) => !submitted.has(c))).toHaveLength(2);
    expect(files.filter((f) => !master.has(codeOf(f)))).toHaveLength(1);
    const twice = files.filter((f) => /_lan[12]\.xlsx$/.test(f));
    expect(new Set(twice.map(codeOf)).size).toBe(1);
    expect(twice).toHaveLength(2);

    let identical = 0;
    let differing = 0;
    let corrupt = 0;
    let noTemplate = 0;
    let wrongYear = 0;
    let unaccented = 0;
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.readFile(path.join(dir, f));
      } catch {
        corrupt++;
        continue;
      }
      if (!wb.getWorksheet('QUY_MO')) {
        noTemplate++;
        continue;
      }
      const { out, meta } = await readRow(`submissions/${f}`);
      if (meta.includes('Năm học: 2022 - 2023')) {
        wrongYear++;
        continue;
      }
      if (Object.keys(out).some((k) => k === 'ma truong') && !(await table(`submissions/${f}`, 'QUY_MO')).headers.includes('Mã trường')) unaccented++;
      const m = master.get(String(out['ma truong']));
      if (!m) continue;
      const diffs = Object.entries(m.v).filter(([k, v]) => k !== 'STT' && v !== null && fold(k) in out && out[fold(k)] !== v);
      if (diffs.length === 0) identical++;
      else differing++;
    }
    expect(corrupt).toBe(1);
    expect(noTemplate).toBe(1);
    expect(wrongYear).toBe(1);
    expect(unaccented).toBe(1);
    expect(differing).toBe(2);
    expect(identical).toBeGreaterThanOrEqual(5);
  });
});
