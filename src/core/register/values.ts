/**
 * Parsers for the register's coded cells: class level (Khối học / Lớp học with "!" lưu ban and
 * "*" 2 buổi), level finished (Bậc tốt nghiệp), vocational level, residence, school years. Each
 * caches by raw text: a province has a million rows but a few hundred distinct spellings.
 */
import { foldText } from '../sheets/normalize';
import type { CellValue } from '../types';
import { cellText } from './columns';

/** Current class: 1..12 = grade; MN codes; continuing/vocational. */
export const LEVEL_NONE = 0;
export const LEVEL_NT = 20; // nhà trẻ
export const LEVEL_MG = 21; // mẫu giáo
export const LEVEL_GDTX = 30; // giáo dục thường xuyên cấp THPT / bổ túc
export const LEVEL_GDNN = 31; // trung cấp, cao đẳng, đại học, nghề
export const LEVEL_UNKNOWN = 99; // in school, class not understood

export function isTh(level: number): boolean {
  return level >= 1 && level <= 5;
}
export function isThcs(level: number): boolean {
  return level >= 6 && level <= 9;
}
export function isMn(level: number): boolean {
  return level === LEVEL_NT || level === LEVEL_MG;
}
/** THPT, GDTX cấp THPT or GDNN (REGULATIONS §1.3 "học tiếp"). */
export function isUpper(level: number): boolean {
  return (level >= 10 && level <= 12) || level === LEVEL_GDTX || level === LEVEL_GDNN;
}

function cached<T>(fn: (folded: string, raw: string) => T): (v: CellValue | undefined) => T {
  const cache = new Map<string, T>();
  return (v) => {
    const raw = cellText(v);
    let out = cache.get(raw);
    if (out === undefined) {
      out = fn(foldText(raw), raw);
      if (cache.size < 10_000) cache.set(raw, out);
    }
    return out;
  };
}

const MN_WORDS = /^(nt|nha tre|nhom tre|mg|mau giao|mn|mam non|la|choi|mam|be|nho|lon|mg ?[345]|[345] ?tuoi|mg ?[345] ?tuoi|24 ?36 ?thang|(1[0-9]|2[0-9]|3[0-6]) ?thang)( |$)/;
const NT_WORDS = /^(nt|nha tre|nhom tre|24 ?36 ?thang|(1[0-9]|2[0-9]|3[0-6]) ?thang)( |$)/;
const GDTX_WORDS = /(^| )(gdtx|bt|bo tuc|bttx|btvh|gdtx thpt)( |$)/;
const GDNN_WORDS = /(^| )(sv|sinh vien|thcn|tdn|tc|trung cap|cd|cao dang|dh|dai hoc|nghe|hoc nghe|gdnn|tcn|cdn|so cap)( |$)/;

export interface ClassInfo {
  level: number;
  /** "!" in the class: lưu ban. */
  repeater: boolean;
  /** "*" in the class: 2 buổi/ngày (MN) or 9–10 buổi/tuần (TH). */
  twoSessions: boolean;
}

const levelOf = cached((f, raw): number => {
  if (!f) return LEVEL_NONE;
  const n = raw.replace(/[!*]/g, '').trim();
  const m = n.match(/^(?:lớp|lop|khối|khoi)?\s*(\d{1,2})(?:\s*[a-zA-Z\u00C0-\u1EF9]{0,3}\d{0,2})?$/i);
  if (m) {
    const g = Number(m[1]);
    if (g >= 1 && g <= 12) return g;
  }
  if (GDTX_WORDS.test(f)) return LEVEL_GDTX;
  if (GDNN_WORDS.test(f)) return LEVEL_GDNN;
  if (NT_WORDS.test(f)) return LEVEL_NT;
  if (MN_WORDS.test(f)) return LEVEL_MG;
  if (/^(th|tieu hoc)$/.test(f)) return LEVEL_UNKNOWN;
  return LEVEL_UNKNOWN;
});

/** Khối học (R) and Lớp học (S) → current class; R wins, S gives the grade when R is blank. */
export function classOf(khoi: CellValue | undefined, lop: CellValue | undefined): ClassInfo | null {
  const r = cellText(khoi);
  const s = cellText(lop);
  if (!r && !s) return null;
  const marks = r + s;
  let level = r ? levelOf(r) : LEVEL_NONE;
  if ((level === LEVEL_NONE || level === LEVEL_UNKNOWN) && s) {
    const fromS = levelOf(s);
    if (fromS !== LEVEL_NONE && fromS !== LEVEL_UNKNOWN) level = fromS;
    else if (level === LEVEL_NONE) {
      const m = s.match(/^(\d{1,2})/);
      level = m && Number(m[1]) >= 1 && Number(m[1]) <= 12 ? Number(m[1]) : LEVEL_UNKNOWN;
    }
  }
  return { level, repeater: marks.includes('!'), twoSessions: marks.includes('*') };
}

/** Bậc tốt nghiệp (W): 0 none, 1 MN, 2 TH, 3 THCS, 4 THPT. */
export const bacTotNghiep = cached((f): number => {
  if (!f) return 0;
  if (/^(thpt|pthh|ptth|trung hoc pho thong|c3|cap 3|cap iii|bt thpt|gdtx thpt|12)( |$)/.test(f)) return 4;
  if (/^(thcs|trung hoc co so|c2|cap 2|cap ii|ptcs|9)( |$)/.test(f)) return 3;
  if (/^(th|tieu hoc|c1|cap 1|cap i|5)( |$)/.test(f)) return 2;
  if (/^(mn|mam non|mg|mau giao)( |$)/.test(f)) return 1;
  return -1; // unknown spelling: treated as nothing finished
});

/** Bậc TN nghề (Z): 0 none, 1 sơ cấp / other, 2 trung cấp or higher (needs a THCS diploma). */
export const bacNghe = cached((f): number => {
  if (!f) return 0;
  if (/(trung cap|thcn|tc|cao dang|cd|dai hoc|dh|thac si|tien si|ths|ts|cu nhan|ky su)( |$)/.test(f)) return 2;
  return 1;
});

/** Diện cư trú (P): 'thuong' (blank too), 'tam' (tạm trú). */
export const dienCuTru = cached((f): 'thuong' | 'tam' | 'khac' => {
  if (!f || /^(thuong tru|tt|thuong)( |$)/.test(f)) return 'thuong';
  if (/^(tam tru|tamtru|kt3|kt4|tam)( |$)/.test(f)) return 'tam';
  if (/khong thuoc dien/.test(f)) return 'khac';
  return 'thuong';
});

/** Tình trạng cư trú (Q): moved out, deceased, or present. */
export const tinhTrang = cached((f): 'di' | 'chet' | 'o' => {
  if (/chuyen di|da chuyen|di khoi/.test(f)) return 'di';
  if (/(^| )(chet|da chet|qua doi|mat|tu vong)( |$)/.test(f)) return 'chet';
  return 'o';
});

/** Nữ (H): "X" = female; a "Giới tính" column holding "Nữ"/"Nam". */
export const isFemale = cached((f): boolean => f !== '' && f !== 'nam' && f !== '0' && f !== 'false' && f !== 'm');

/** Dân tộc (I): blank or Kinh = Kinh; any other text = DTTS. */
export const isMinority = cached((f): boolean => f !== '' && f !== 'kinh' && f !== 'viet' && f !== 'viet nam');

/** A whole number in a cell (number or numeric text); null otherwise. */
export function intOf(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Math.trunc(v);
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^\d{1,4}$/.test(s)) return Number(s);
    const m = s.match(/^(?:lớp|lop)?\s*(\d{1,2})\b/i);
    if (m) return Number(m[1]);
  }
  return null;
}

/** End year of a school year cell ("2024-2025" → 2025, 2025 → 2025); null when blank or unreadable. */
export function schoolYearEnd(v: CellValue | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v >= 1900 && v <= 2200 ? Math.trunc(v) : null;
  if (v instanceof Date) return v.getUTCFullYear();
  const s = String(v);
  const years = s.match(/(19|20|21)\d{2}/g);
  if (!years) return null;
  return Number(years[years.length - 1]);
}

/** Hoàn thành lớp XMC (AH) in grade equivalents: "GĐ1"/"giai đoạn 1" = 3, "GĐ2" = 5, a number = itself. */
export const xmcDone = cached((f, raw): number => {
  if (!f) return 0;
  const stage = f.match(/(gd|giai doan)\s*([12])/);
  if (stage) return stage[2] === '1' ? 3 : 5;
  const n = raw.match(/\d+/);
  return n ? Number(n[0]) : 0;
});

/** A tick cell ("X", "x", "1", any text) is on when non-blank (khuyết tật types, khả năng học tập). */
export function ticked(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') {
    const s = v.trim();
    return s !== '' && s !== '0' && s.toLowerCase() !== 'không' && s.toLowerCase() !== 'khong';
  }
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  return false;
}
