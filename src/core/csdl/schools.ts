/**
 * The CSDL school list ("TEMPLATE IMPORT TRƯỜNG HỌC", REAL-FORMS §4.4, SEEN-REAL): one school per
 * row with MA_TRUONG, TEN_TRUONG_HOC, CAP_HOC, LOAI_HINH_TRUONG, MA_XA_PHUONG … (headers in row 4
 * with a trailing " *" on the required ones). It is the office's master list for cross-checks (which
 * schools exist, which have not submitted) and the list of schools behind a commune. Its numeric
 * codes for cấp học and loại hình are kept as they are: their meanings were not seen.
 */
import { columnLetter } from '../a1';
import type { Finding } from '../findings';
import { finding } from '../findings';
import { foldText } from '../sheets/normalize';
import type { CellValue, SheetSnapshot } from '../types';

export interface SchoolListEntry {
  ma_truong: string;
  ten_truong: string;
  cap_hoc: string;
  loai_hinh_truong: string;
  ma_xa: string;
  ma_huyen: string;
  ma_tinh: string;
  chuan_qg: string;
  /** 1-based row and the A1 address of its code. */
  row: number;
  cell: string;
}

export interface SchoolList {
  file: string;
  sheet: string;
  entries: SchoolListEntry[];
  findings: Finding[];
}

const COLUMNS: Record<string, keyof SchoolListEntry> = {
  ma_truong: 'ma_truong',
  ten_truong_hoc: 'ten_truong',
  cap_hoc: 'cap_hoc',
  loai_hinh_truong: 'loai_hinh_truong',
  ma_xa_phuong: 'ma_xa',
  ma_quan_huyen: 'ma_huyen',
  ma_tinh_thanh: 'ma_tinh',
  chuan_quoc_gia: 'chuan_qg',
};

function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v).replace(/\.0+$/, '');
  if (typeof v === 'string') return v.normalize('NFC').trim();
  return '';
}

/** "MA_TRUONG *" → "ma_truong". */
function key(v: CellValue): string {
  return foldText(text(v)).replace(/\s+/g, '_');
}

/** The sheet as a CSDL school list, or null. */
export function readSchoolList(sheet: SheetSnapshot, file: string): SchoolList | null {
  let headerRow = -1;
  let cols: Map<keyof SchoolListEntry, number> | null = null;
  for (let r = 0; r < Math.min(12, sheet.values.length); r++) {
    const row = sheet.values[r] ?? [];
    const m = new Map<keyof SchoolListEntry, number>();
    row.forEach((v, c) => {
      const f = COLUMNS[key(v)];
      if (f && !m.has(f)) m.set(f, c);
    });
    if (m.has('ma_truong') && m.has('ten_truong') && (m.has('ma_xa') || m.has('cap_hoc'))) {
      headerRow = r;
      cols = m;
      break;
    }
  }
  if (!cols) return null;
  const entries: SchoolListEntry[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  const codeCol = cols.get('ma_truong')!;
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    const code = text(row[codeCol] ?? null);
    if (!code) continue;
    const rowNo = r + sheet.origin.row + 1;
    const cell = `${columnLetter(codeCol + sheet.origin.col)}${rowNo}`;
    const get = (f: keyof SchoolListEntry) => (cols!.has(f) ? text(row[cols!.get(f)!] ?? null) : '');
    const e: SchoolListEntry = {
      ma_truong: code, ten_truong: get('ten_truong'), cap_hoc: get('cap_hoc'), loai_hinh_truong: get('loai_hinh_truong'),
      ma_xa: get('ma_xa'), ma_huyen: get('ma_huyen'), ma_tinh: get('ma_tinh'), chuan_qg: get('chuan_qg'), row: rowNo, cell,
    };
    const first = seen.get(code);
    if (first !== undefined) {
      findings.push(finding('trung_ma', 'rules.trung_ma', { header: 'MA_TRUONG', key: code, first, row: rowNo }, { file, sheet: sheet.name, cells: [cell], expected: null, actual: code }));
      continue;
    }
    seen.set(code, rowNo);
    if (cols.has('ma_xa') && !e.ma_xa) {
      findings.push(finding('ds_truong_thieu_ma_xa', 'csdl.ds_truong_thieu_ma_xa', { code, name: e.ten_truong, cell: `${columnLetter(cols.get('ma_xa')! + sheet.origin.col)}${rowNo}` }, { file, sheet: sheet.name, cells: [`${columnLetter(cols.get('ma_xa')! + sheet.origin.col)}${rowNo}`], expected: null, actual: null }));
    }
    entries.push(e);
  }
  return { file, sheet: sheet.name, entries, findings };
}

/** Schools of a commune (by its code), in list order. */
export function schoolsOfCommune(list: SchoolList, maXa: string): SchoolListEntry[] {
  const k = maXa.replace(/^0+/, '');
  return list.entries.filter((e) => e.ma_xa.replace(/^0+/, '') === k);
}
