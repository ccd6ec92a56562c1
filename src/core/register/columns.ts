/**
 * The household register's columns (REAL-FORMS §2.1: `MauNhapLieu`, one file per thôn; §2.2: the
 * commune's merged `DATA` sheet, thôn in column A) as data: each field with its standard column and
 * the header spellings the national file and the two public tools use. Recognition is by headers;
 * the standard A–AY positions are the fallback when the header row is missing.
 */
import { columnIndex } from '../a1';
import { foldText } from '../sheets/normalize';
import type { CellValue } from '../types';

export interface RegisterColumn {
  id: string;
  /** Column letter in the national layout (A–AY); absent for the 2025 additions (position unknown). */
  std?: string;
  headers: string[];
  /** Header of the group above it in a two-row header ("Chủ hộ" over "Họ đệm"). */
  group?: string;
}

const c = (id: string, std: string | undefined, headers: string[], group?: string): RegisterColumn => ({ id, std, headers, ...(group ? { group } : {}) });

/** Khuyết tật by type, AJ–AQ ([TT-reports `dataRows`] order). */
export const DISABILITY_COLUMNS = ['kt_van_dong', 'kt_nghe_noi', 'kt_nhin', 'kt_than_kinh', 'kt_tri_tue', 'kt_hoc_tap', 'kt_tu_ky', 'kt_khac'] as const;

export const REGISTER_COLUMNS: RegisterColumn[] = [
  c('thon', 'A', ['Thôn/xóm', 'Thôn', 'Xóm', 'Thôn, xóm', 'Thôn/xóm/tổ dân phố', 'Thôn, bản', 'Tổ dân phố', 'Bản', 'Ấp', 'Khu phố']),
  c('tt', 'B', ['TT', 'STT', 'Số TT', 'Số thứ tự']),
  c('ho_dem', 'C', ['Họ đệm', 'Họ và đệm', 'Họ', 'Họ và tên đệm', 'Họ, đệm']),
  c('ten', 'D', ['Tên']),
  c('ngay_sinh', 'E', ['Ngày', 'Ngày sinh']),
  c('thang_sinh', 'F', ['Tháng', 'Tháng sinh']),
  c('nam_sinh', 'G', ['Năm sinh', 'Năm']),
  c('nu', 'H', ['Nữ', 'Giới tính nữ', 'Giới tính']),
  c('dan_toc', 'I', ['Dân tộc']),
  c('ton_giao', 'J', ['Tôn giáo']),
  c('dien_uu_tien', 'K', ['Diện ưu tiên', 'Ưu tiên']),
  c('chu_ho_ho_dem', 'L', ['Chủ hộ - Họ đệm', 'Họ đệm chủ hộ', 'Chủ hộ họ đệm'], 'Chủ hộ'),
  c('chu_ho_ten', 'M', ['Chủ hộ - Tên', 'Tên chủ hộ', 'Chủ hộ tên'], 'Chủ hộ'),
  c('dia_chi', 'N', ['Địa chỉ: Số nhà, tên đường, tổ (nếu có)', 'Địa chỉ', 'Địa chỉ số nhà, tên đường, tổ', 'Số nhà, tên đường, tổ']),
  c('so_phieu', 'O', ['Số phiếu', 'Phiếu số', 'Mã hộ']),
  c('dien_cu_tru', 'P', ['Diện cư trú', 'Cư trú', 'Trạng thái cư trú']),
  c('tinh_trang_cu_tru', 'Q', ['Tình trạng cư trú', 'Biến động', 'Tình trạng']),
  c('khoi_hoc', 'R', ['Khối học', 'Khối', 'Đang học khối', 'Nhóm/lớp đang học', 'Khối lớp']),
  c('lop_hoc', 'S', ['Lớp học', 'Lớp', 'Tên lớp', 'Lớp đang học']),
  c('quan_huyen_hoc', 'T', ['Quận/huyện đang học', 'Địa bàn trường', 'Quận/huyện', 'Huyện đang học']),
  c('ten_truong', 'U', ['Tên trường', 'Trường', 'Trường đang học']),
  c('ma_truong', 'V', ['Mã trường', 'Mã Trường']),
  c('bac_tot_nghiep', 'W', ['Bậc tốt nghiệp', 'Tốt nghiệp bậc', 'Bậc TN', 'Tốt nghiệp']),
  c('bo_tuc', 'X', ['Bổ túc', 'Hệ bổ túc']),
  c('nam_tot_nghiep', 'Y', ['Năm tốt nghiệp', 'Năm TN']),
  c('bac_tn_nghe', 'Z', ['Bậc TN nghề', 'Trình độ chuyên môn', 'Bậc tốt nghiệp nghề', 'TN nghề']),
  c('so_bang', 'AA', ['Số bằng tốt nghiệp', 'Số bằng', 'Số bằng TN']),
  c('nam_tn_nghe', 'AB', ['Năm TN nghề', 'Năm tốt nghiệp nghề']),
  c('hoc_xong_lop', 'AC', ['Học xong lớp', 'Đã học xong lớp']),
  c('nam_hoc_xong', 'AD', ['Năm học xong']),
  c('bo_hoc_lop', 'AE', ['Bỏ học lớp', 'Bỏ học']),
  c('nam_bo_hoc', 'AF', ['Năm bỏ học']),
  c('dang_hoc_xmc', 'AG', ['Đang học lớp XMC', 'Đang học XMC', 'Đang học lớp xóa mù chữ']),
  c('hoan_thanh_xmc', 'AH', ['Hoàn thành lớp XMC', 'Hoàn thành XMC', 'Hoàn thành lớp xóa mù chữ']),
  c('tai_mu_chu', 'AI', ['Tái mù chữ mức', 'Tái mù chữ', 'Tái MC']),
  c('kt_van_dong', 'AJ', ['Vận động', 'KT vận động', 'Khuyết tật vận động'], 'Khuyết tật'),
  c('kt_nghe_noi', 'AK', ['Nghe nói', 'Nghe, nói', 'KT nghe nói', 'Khuyết tật nghe nói'], 'Khuyết tật'),
  c('kt_nhin', 'AL', ['Nhìn', 'KT nhìn', 'Khuyết tật nhìn'], 'Khuyết tật'),
  c('kt_than_kinh', 'AM', ['Thần kinh, tâm thần', 'Thần kinh/tâm thần', 'Thần kinh', 'Tâm thần', 'KT thần kinh'], 'Khuyết tật'),
  c('kt_tri_tue', 'AN', ['Trí tuệ', 'KT trí tuệ', 'Khuyết tật trí tuệ'], 'Khuyết tật'),
  c('kt_hoc_tap', 'AO', ['Học tập', 'KT học tập', 'Khuyết tật học tập'], 'Khuyết tật'),
  c('kt_tu_ky', 'AP', ['Tự kỷ', 'KT tự kỷ'], 'Khuyết tật'),
  c('kt_khac', 'AQ', ['Khác', 'KT khác', 'Khuyết tật khác', 'Dạng khác'], 'Khuyết tật'),
  c('chung_nhan_kt', 'AR', ['Có chứng nhận khuyết tật', 'Chứng nhận khuyết tật', 'Có giấy xác nhận khuyết tật']),
  c('kha_nang_hoc', 'AS', ['Khả năng học tập', 'Có khả năng học tập', 'Có khả năng học']),
  c('hoan_canh', 'AT', ['Hoàn cảnh đặc biệt', 'Hoàn cảnh']),
  c('chi_tiet_hoan_canh', 'AU', ['Chi tiết hoàn cảnh']),
  c('quan_he', 'AV', ['Quan hệ với chủ hộ', 'Quan hệ chủ hộ', 'Quan hệ']),
  c('cha_me', 'AW', ['Họ tên cha/mẹ', 'Họ tên cha mẹ', 'Họ tên cha/mẹ hoặc người đỡ đầu', 'Cha/mẹ']),
  c('dien_thoai', 'AX', ['Điện thoại', 'Số điện thoại', 'SĐT']),
  c('ghi_chu', 'AY', ['Ghi chú']),
  // 2025 additions seen as aliases only (REAL-FORMS §2.1): kept when present, never required.
  c('so_dinh_danh', undefined, ['Số định danh', 'Số định danh cá nhân', 'Mã định danh']),
  c('cccd', undefined, ['Căn cước công dân', 'CCCD', 'Số CCCD', 'Căn cước']),
  // A single "Họ và tên" column (some exports): split into ho_dem/ten by the reader.
  c('ho_ten', undefined, ['Họ và tên', 'Họ tên', 'Họ và tên đối tượng']),
];

export const REGISTER_COLUMN_BY_ID: Record<string, RegisterColumn> = Object.fromEntries(REGISTER_COLUMNS.map((x) => [x.id, x]));

/** Field id → 0-based column. */
export type ColumnMap = Partial<Record<string, number>>;

/** The national layout's positions (used when no header row is found). */
export function standardColumns(): ColumnMap {
  const out: ColumnMap = {};
  for (const col of REGISTER_COLUMNS) if (col.std) out[col.id] = columnIndex(col.std);
  return out;
}

const KEYS = new Map<string, string[]>();
for (const col of REGISTER_COLUMNS) {
  for (const h of col.headers) {
    const k = foldText(h);
    const list = KEYS.get(k) ?? [];
    list.push(col.id);
    KEYS.set(k, list);
  }
  if (col.group) {
    for (const h of col.headers) {
      const k = foldText(`${col.group} ${h}`);
      const list = KEYS.get(k) ?? [];
      if (!list.includes(col.id)) list.push(col.id);
      KEYS.set(k, list);
    }
  }
}

/** Field ids a header text may stand for (the reader resolves repeats such as a second "Họ đệm"). */
export function registerFieldsFor(text: string): string[] {
  return KEYS.get(foldText(text.replace(/\(\s*\d+\s*\)\s*$/, ''))) ?? [];
}

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return '';
}

export interface HeaderMatch {
  /** 0-based row of the header row (the row that names the fields). */
  row: number;
  columns: ColumnMap;
  /** Number of fields recognised. */
  matched: number;
  /** The columns are not at their standard positions. */
  reordered: boolean;
  /** Columns whose header is not a register field (kept, ignored). */
  unknown: number[];
}

/** Fields that must be present for a row to be the register's header row. */
const NEEDED = ['nam_sinh'];
const MIN_MATCHED = 5;

/**
 * Finds the header row among the first rows (REAL-FORMS §2.1: field header in row 3 or 4, data from
 * row 5). `groupRow` (the row above) resolves two-row headers ("Chủ hộ" over "Họ đệm | Tên",
 * "Khuyết tật" over the types, "Ngày sinh" over "Ngày | Tháng | Năm").
 */
export function findHeaderRow(rows: CellValue[][]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (let r = 0; r < rows.length; r++) {
    const m = matchRow(rows[r] ?? [], r > 0 ? rows[r - 1] ?? [] : [], r);
    if (!m) continue;
    if (!best || m.matched > best.matched) best = m;
  }
  return best;
}

function matchRow(row: CellValue[], above: CellValue[], r: number): HeaderMatch | null {
  const columns: ColumnMap = {};
  const unknown: number[] = [];
  let group = '';
  let matched = 0;
  for (let col = 0; col < row.length; col++) {
    const own = cellText(row[col]);
    const up = cellText(above[col]);
    if (up) group = up;
    if (!own) continue;
    let ids = group ? registerFieldsFor(`${group} ${own}`) : [];
    if (!ids.length) ids = registerFieldsFor(own);
    // The person's "Họ đệm | Tên" come before the household head's; a repeat is the chủ hộ pair.
    const free = ids.filter((id) => columns[id] === undefined);
    let id = free[0];
    if (!id && ids.includes('ho_dem') && columns.chu_ho_ho_dem === undefined) id = 'chu_ho_ho_dem';
    if (!id && ids.includes('ten') && columns.chu_ho_ten === undefined) id = 'chu_ho_ten';
    if (!id) {
      unknown.push(col);
      continue;
    }
    columns[id] = col;
    matched++;
  }
  // "Năm" alone is the birth year only in a row that also names the person.
  if (matched < MIN_MATCHED || !NEEDED.every((id) => columns[id] !== undefined)) return null;
  if (columns.ten === undefined && columns.ho_ten === undefined) return null;
  const std = standardColumns();
  const reordered = Object.entries(columns).some(([id, col]) => std[id] !== undefined && std[id] !== col);
  return { row: r, columns, matched, reordered, unknown };
}

/** A row of column numbers ("1 2 3 …") under the header, skipped. */
export function isNumberingRow(row: CellValue[]): boolean {
  let nums = 0;
  let other = 0;
  for (const v of row) {
    if (v === null || v === undefined || v === '') continue;
    const s = cellText(v);
    if (/^\(?\d{1,3}\)?$/.test(s)) nums++;
    else other++;
  }
  return nums >= 5 && other <= 1;
}
