/**
 * Deterministic household registers (national MauNhapLieu layout, REAL-FORMS §2.1) for the shipped
 * samples and the benchmark province. Households of 2–7 people with plausible schooling by age.
 * Everything is invented: names are drawn from common Vietnamese name parts, no real person.
 */
import * as XLSX from '@e965/xlsx';
import { columnIndex } from '../src/core/a1';
import { REGISTER_COLUMNS, REGISTER_COLUMN_BY_ID } from '../src/core/register/columns';
import { mulberry32 } from '../bench/corpus';

/** The bench corpus's seeded PRNG (mulberry32). */
export const prng = mulberry32;

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Lò', 'Hà', 'Sầm', 'Lường'];
const DEM_NAM = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thành', 'Công'];
const DEM_NU = ['Thị', 'Ngọc', 'Thu', 'Minh', 'Thanh', 'Hồng'];
const TEN_NAM = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khoa', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Tuấn', 'Việt', 'Vinh'];
const TEN_NU = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hoa', 'Lan', 'Linh', 'Mai', 'Ngân', 'Nhung', 'Phương', 'Thảo', 'Trang', 'Yến'];
const DAN_TOC = ['Tày', 'Thái', 'Mường', 'Dao', "H'Mông"];

export type Row = Record<string, string | number | null>;

export interface GenOptions {
  year: number;
  /** Number of persons (rows) to generate. */
  persons: number;
  seed: number;
  thon: string;
  /** Share of ethnic-minority households (0–1). */
  minority?: number;
  /** Local school codes, by level. */
  schools?: { mn: string; th: string; thcs: string; thpt: string };
  /** Put the thôn name in column A (the merged DATA sheet). */
  dataSheet?: boolean;
}

/** One household member of a given age, with schooling drawn plausibly. */
function member(rnd: () => number, o: GenOptions, age: number, female: boolean, ho: string, minority: boolean, soPhieu: number, tt: number, chuHo: [string, string]): Row {
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const y = o.year;
  const sy = (end: number) => `${end - 1}-${end}`;
  const s = o.schools ?? { mn: 'MN01', th: 'TH01', thcs: 'THCS01', thpt: 'THPT01' };
  const r: Row = {
    tt, ho_dem: `${ho} ${pick(female ? DEM_NU : DEM_NAM)}`, ten: pick(female ? TEN_NU : TEN_NAM),
    ngay_sinh: 1 + Math.floor(rnd() * 28), thang_sinh: 1 + Math.floor(rnd() * 12), nam_sinh: y - age,
    nu: female ? 'X' : null, dan_toc: minority ? pick(DAN_TOC) : null,
    chu_ho_ho_dem: chuHo[0], chu_ho_ten: chuHo[1], dia_chi: `${o.thon} - số ${soPhieu}`, so_phieu: soPhieu, dien_cu_tru: rnd() < 0.03 ? 'Tạm trú' : 'Thường trú',
  };
  if (o.dataSheet) r.thon = o.thon;
  const u = rnd();
  if (age >= 3 && age <= 5) {
    if (u < 0.96) Object.assign(r, { khoi_hoc: 'MG', lop_hoc: `${['Mầm', 'Chồi', 'Lá'][age - 3]} ${1 + Math.floor(rnd() * 3)}${rnd() < 0.9 ? '*' : ''}`, ten_truong: 'Trường MN xã', ma_truong: s.mn });
  } else if (age >= 6 && age <= 18) {
    const grade = age - 5;
    const done = (level: string, end: number) => ({ bac_tot_nghiep: level, nam_tot_nghiep: sy(end) });
    if (u < 0.02 && age >= 11) Object.assign(r, { bo_hoc_lop: Math.min(grade - 2, 9), nam_bo_hoc: sy(y - 1), ...(grade - 2 > 5 ? done('TH', y - (grade - 7)) : {}) });
    else if (grade <= 12 && u < (age >= 15 ? 0.88 : 0.99)) {
      const g = rnd() < 0.03 && grade > 1 ? grade - 1 : grade;
      const rep = g < grade && rnd() < 0.5 ? '!' : '';
      const code = g <= 5 ? s.th : g <= 9 ? s.thcs : s.thpt;
      Object.assign(r, { khoi_hoc: g, lop_hoc: `${g}${'ABCD'[Math.floor(rnd() * 4)]}${rep}`, ma_truong: code, ten_truong: g <= 5 ? 'Trường TH xã' : g <= 9 ? 'Trường THCS xã' : 'Trường THPT huyện' });
      if (g >= 10) Object.assign(r, { quan_huyen_hoc: 'Huyện' });
      if (g === 1) Object.assign(r, done('MN', y));
      else if (g >= 6 && g <= 9) Object.assign(r, done('TH', y - (g - 6)));
      else if (g >= 10) Object.assign(r, done('THCS', y - (g - 10)));
    } else if (age >= 15) Object.assign(r, done('THCS', y - (age - 15)));
  } else if (age >= 19) {
    if (age > 45 && u < 0.05) Object.assign(r, { hoc_xong_lop: 2 });
    else if (age > 35 && u < 0.12) Object.assign(r, { hoc_xong_lop: 4 });
    else if (u < 0.55) Object.assign(r, { bac_tot_nghiep: 'THPT', nam_tot_nghiep: sy(y - age + 18) });
    else if (u < 0.85) Object.assign(r, { bac_tot_nghiep: 'THCS', nam_tot_nghiep: sy(y - age + 15) });
    else Object.assign(r, { bac_tot_nghiep: 'TH', nam_tot_nghiep: sy(y - age + 11) });
    if (age <= 30 && rnd() < 0.1) Object.assign(r, { bac_tn_nghe: pick(['Trung cấp', 'Cao đẳng', 'Đại học']) });
  }
  if (rnd() < 0.012) {
    Object.assign(r, { kt_van_dong: 'X' });
    if (rnd() < 0.6) r.kha_nang_hoc = 'X';
  }
  return r;
}

/** Persons of one thôn, household by household. */
export function generateThon(o: GenOptions): Row[] {
  const rnd = prng(o.seed);
  const rows: Row[] = [];
  let soPhieu = 0;
  while (rows.length < o.persons) {
    soPhieu++;
    const minority = rnd() < (o.minority ?? 0.1);
    const ho = HO[Math.floor(rnd() * HO.length)];
    const size = 2 + Math.floor(rnd() * 6);
    const head = 25 + Math.floor(rnd() * 40);
    const ages = [head, head - 2 + Math.floor(rnd() * 5)];
    for (let k = 2; k < size; k++) ages.push(k === size - 1 && rnd() < 0.3 ? head + 22 + Math.floor(rnd() * 10) : Math.max(0, head - 20 - Math.floor(rnd() * 14) + k));
    const chuHo: [string, string] = [`${ho} Văn`, TEN_NAM[Math.floor(rnd() * TEN_NAM.length)]];
    for (let k = 0; k < ages.length && rows.length < o.persons; k++) {
      const age = Math.min(95, ages[k]);
      rows.push(member(rnd, o, age, k === 1 ? true : k === 0 ? false : rnd() < 0.49, ho, minority, soPhieu, rows.length + 1, chuHo));
    }
  }
  return rows;
}

/** The MauNhapLieu sheet (or DATA) as rows: title, year in A2, header in row 4, data from row 5. */
export function registerSheetRows(persons: Row[], opts: { year: number | string; title?: string }): (string | number | null)[][] {
  const std = REGISTER_COLUMNS.filter((c) => c.std);
  const header: (string | null)[] = new Array(51).fill(null);
  for (const c of std) header[columnIndex(c.std!)] = c.id === 'chu_ho_ho_dem' ? 'Chủ hộ - Họ đệm' : c.id === 'chu_ho_ten' ? 'Chủ hộ - Tên' : c.headers[0];
  const rows: (string | number | null)[][] = [[opts.title ?? 'PHIẾU ĐIỀU TRA PHỔ CẬP GIÁO DỤC - CHỐNG MÙ CHỮ'], [opts.year], [], header];
  for (const p of persons) {
    const line: (string | number | null)[] = new Array(51).fill(null);
    for (const [id, v] of Object.entries(p)) {
      const c = REGISTER_COLUMN_BY_ID[id];
      if (c?.std) line[columnIndex(c.std)] = v;
    }
    rows.push(line);
  }
  return rows;
}

export function registerFileBytes(rows: (string | number | null)[][], format: 'xlsx' | 'xls', sheet = 'MauNhapLieu'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: format === 'xls' ? 'biff8' : 'xlsx', compression: true }) as ArrayBuffer);
}
