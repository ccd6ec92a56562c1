/**
 * The PCGD–XMC system's forms (pcgd.moet.gov.vn) as data: which cell of which form holds which
 * figure. ONE table for every reader and writer of these forms — the form reader
 * (./read.ts: a folder of exported .xls gives every commune's figures and levels) and the writer that
 * fills the same forms from a household register (`forms` command) — so that a cell map is never
 * written twice. Addresses and formulas follow docs REAL-FORMS.md §0.1 and §1 (SEEN-CODE: fixed in
 * code that writes copies of the official files); header and row wording is paraphrased there, so
 * labels are matched by a few folded fragments (./labels), never by exact text.
 *
 * Vocabulary:
 * - a *figure* is one cell with a meaning: a count, a printed percentage (0–100 with a literal "%",
 *   or a live formula), a printed level ("1/2/3", "Không đạt"), or a status text;
 * - a count may be the sum of other cells (the form's own formula, e.g. TH-M1 F40 = F13+F14);
 * - a percentage says which cells it divides (its numerator and denominator, each a sum of cells);
 * - `field` maps a count onto the SHEETS.md §4 field id of our PC_* sheets, `indicator` maps a
 *   percentage onto the indicator table (src/core/indicators/table.ts).
 */
import { columnIndex, columnLetter } from '../a1';

export type FormCode =
  | 'TH-M1'
  | 'TH-02'
  | 'TH-01-GV'
  | 'TH-01-CSVC'
  | 'THCS-M1'
  | 'THCS-M2'
  | 'THCS-TK'
  | 'THCS-M5'
  | 'THCS-CSVC'
  | 'XMC-3'
  | 'CMC-2'
  | 'CMC-1'
  | 'XMC-4'
  | 'MN-01-TE'
  | 'MN-02'
  | 'MN-01-TC,ĐK'
  | 'MN-01-GV'
  | 'MN-01-CSVC'
  | 'MN-01-TC'
  | 'MN-05-KT';

/** How sure we are of a layout (REAL-FORMS "How to read this file"). */
export type Confidence = 'SEEN-REAL' | 'SEEN-CODE' | 'SEEN-DOC' | 'INFERRED';

export type FormProgramme = 'MN5' | 'MN35' | 'TH' | 'THCS' | 'XMC';

export interface FigureDef {
  /** Stable id within the form ("tre_6t_lop1", "ty_le_6t_lop1", "muc_do"). */
  id: string;
  /** A1 address (unit-row forms: the commune's row; see FormLayout.dataRow). */
  address: string;
  kind: 'count' | 'percent' | 'level' | 'status';
  /** Short Vietnamese label (as the tools print it), for messages. */
  label: string;
  /** SHEETS.md §4 field id the count is (mapped onto the PC_* record of its programme). */
  field?: string;
  /** The count is the sum of these cells on the form (the template's formula). */
  sum?: string[];
  /** A percentage: Σ num / Σ den × 100 (cells of this form); `den` empty: the form does not print its denominator. */
  of?: { num: string[]; den: string[] };
  /** Indicator id (table.ts) whose rate this percentage prints. */
  indicator?: string;
  /** Band of a banded indicator ("15_25"). */
  band?: string;
  /** A level cell: the programme it states. */
  programme?: FormProgramme;
  /** Less sure than the form as a whole. */
  confidence?: Confidence;
}

/** A few folded words that the label at a place should contain (one of them). */
export interface LabelAnchor {
  /** "A12" (row label area starts there) or a column header cell. */
  address: string;
  /** Folded fragments (foldText): any one matching is enough. */
  any: string[];
}

/** Age-matrix forms (L1): one indicator per row, one age per column, subtotal columns. */
export interface AgeMatrix {
  /** Row of birth years above the age columns (1-based). */
  birthYearRow: number;
  /** Row of the "n tuổi" headers. */
  ageHeaderRow: number;
  ages: { age: number; col: string }[];
  subtotals: { col: string; label: string; ages: number[] }[];
  /** Columns holding the row labels (merged label area). */
  labelCols: string[];
  rows: { row: number; id: string; label: string }[];
}

export interface FormLayout {
  code: FormCode;
  /** Registered title (REAL-FORMS §1.0). */
  title: string;
  /** Other titles printed on the form or in the system. */
  titleAliases: string[];
  /** Other codes seen for the form (sheet names, misprints: XMC-4 says "Mẫu XMC-5"). */
  codeAliases: string[];
  programme: FormProgramme | null;
  kind: 'age-matrix' | 'unit-row' | 'age-rows' | 'band-rows' | 'staff';
  confidence: Confidence;
  /** Where the layout comes from (REAL-FORMS source keys). */
  source: string;
  /** File name as the system exports it for a commune (REAL-FORMS §1.0), ".xls". */
  fileName(year: number, commune: string): string;
  /** What the system's file names look like (matched on the folded name). */
  fileNamePattern: RegExp;
  /** Title block: "Tỉnh: …", the unit, the "Thời điểm …" line. */
  titleCells: { province?: string; unit?: string; date?: string };
  /** Unit-row forms: the row of the commune (or "Toàn tỉnh"). */
  dataRow?: number;
  /** Column of the unit's name on unit-row forms ("B"). */
  unitCol?: string;
  figures: FigureDef[];
  matrix?: AgeMatrix;
  /** Label checks: a label found one row or column away means the form has moved. */
  anchors: LabelAnchor[];
  /** Signature block (place/date line, "XÁC NHẬN …", the signer). */
  signature?: string[];
}

/* ------------------------------------------------------------------ helpers */

const col = (letter: string, offset: number) => columnLetter(columnIndex(letter) + offset);
const cnt = (id: string, address: string, label: string, extra: Partial<FigureDef> = {}): FigureDef => ({ id, address, kind: 'count', label, ...extra });
const pct = (id: string, address: string, label: string, num: string[], den: string[], extra: Partial<FigureDef> = {}): FigureDef => ({ id, address, kind: 'percent', label, of: { num, den }, ...extra });
const lvl = (id: string, address: string, label: string, programme: FormProgramme, extra: Partial<FigureDef> = {}): FigureDef => ({ id, address, kind: 'level', label, programme, ...extra });
const rows = (first: number, label: string) => ['tai_cho', 'noi_khac', 'noi_khac_den'].map((b, i) => ({ row: first + i, bucket: b, label }));
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const signature = (c: string, r: number) => [`${c}${r}`, `${c}${r + 1}`, `${c}${r + 2}`];

/** Three residence buckets of an indicator (tại chỗ, nơi khác, nơi khác đến). Rates use the first two. */
export const RESIDENCE_BUCKETS = [
  { id: 'tai_cho', label: 'tại chỗ' },
  { id: 'noi_khac', label: 'nơi khác' },
  { id: 'noi_khac_den', label: 'nơi khác đến' },
] as const;

function bucketRows(first: number, id: string, label: string): AgeMatrix['rows'] {
  return rows(first, label).map((r, i) => ({ row: r.row, id: `${id}_${r.bucket}`, label: `${label} – ${RESIDENCE_BUCKETS[i].label}` }));
}

/* ------------------------------------------------------------------ TH-M1 (§1.1) */

const TH_M1_AGES = [6, 7, 8, 9, 10, 11, 12, 13, 14].map((age) => ({ age, col: col('F', age - 6 + (age >= 11 ? 1 : 0)) }));
const thGradeRows = (r: number) => [r, r + 1];
/** L13+L14+L16+L17+…+L26: the 11-year-olds still in grades 1–5 (residents, here and elsewhere). */
const TH_M1_STILL_IN_PRIMARY = [13, 16, 19, 22, 25].flatMap(thGradeRows).map((r) => `L${r}`);

const TH_M1: FormLayout = {
  code: 'TH-M1',
  title: 'Phổ cập giáo dục Tiểu học',
  titleAliases: ['Phổ cập giáo dục tiểu học theo độ tuổi', 'Thống kê trẻ em 6 - 14 tuổi'],
  codeAliases: ['TH_M1', 'TH M1', 'TH-1TE'],
  programme: 'TH',
  kind: 'age-matrix',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.1 [NA-rc]',
  fileName: (y, x) => `1. PCGD_${y}_TH_M1_${x}.xls`,
  fileNamePattern: /(^|[^a-z])th[ _-]?m1([^a-z0-9]|$)/,
  titleCells: { province: 'A1', unit: 'A2', date: 'E2' },
  matrix: {
    birthYearRow: 4,
    ageHeaderRow: 5,
    ages: TH_M1_AGES,
    subtotals: [
      { col: 'K', label: 'Cộng 6-10', ages: [6, 7, 8, 9, 10] },
      { col: 'P', label: 'Cộng 11-14', ages: [11, 12, 13, 14] },
    ],
    labelCols: ['A', 'B', 'C', 'D', 'E'],
    rows: [
      { row: 6, id: 'tong_so', label: 'Tổng số trẻ' },
      { row: 7, id: 'nu', label: 'Nữ' },
      { row: 8, id: 'dan_toc', label: 'Dân tộc' },
      { row: 9, id: 'khuyet_tat', label: 'Khuyết tật' },
      { row: 10, id: 'kt_co_kha_nang', label: 'KT có khả năng học tập' },
      { row: 11, id: 'kt_tiep_can', label: 'KT được tiếp cận giáo dục' },
      { row: 12, id: 'ppc', label: 'Số phải phổ cập (PPC)' },
      ...[1, 2, 3, 4, 5].flatMap((k) => bucketRows(13 + (k - 1) * 3, `lop${k}`, `Đang học lớp ${k}`)),
      ...bucketRows(28, 'htctth', 'Hoàn thành CTTH'),
      { row: 31, id: 'htctth_khong_ppc', label: 'HTCTTH không thuộc diện PPC' },
      ...bucketRows(32, 'luu_ban', 'Lưu ban'),
      ...bucketRows(35, 'bo_hoc', 'Bỏ học'),
      { row: 38, id: 'chua_di_hoc', label: 'Chưa đi học' },
    ],
  },
  figures: [
    cnt('tre_6t', 'F12', 'Trẻ 6 tuổi phải phổ cập', { field: 'tre_6t' }),
    cnt('tre_11t', 'L12', 'Trẻ 11 tuổi phải phổ cập', { field: 'tre_11t' }),
    cnt('tre_14t', 'O12', 'Trẻ 14 tuổi phải phổ cập', { field: 'tre_14t' }),
    cnt('tre_14t_htth', 'O28', 'Trẻ 14 tuổi hoàn thành CTTH (tại chỗ + nơi khác)', { field: 'tre_14t_htth', sum: ['O28', 'O29'] }),
    cnt('tre_11_14t', 'P12', 'Trẻ 11-14 tuổi phải phổ cập', { field: 'tre_11_14t' }),
    cnt('tre_6_14t', 'K6', 'Trẻ 6-14 tuổi', { field: 'tre_6_14t', sum: ['K6', 'P6'] }),
    cnt('tre_6t_lop1', 'F40', 'Trẻ 6 tuổi vào lớp 1', { field: 'tre_6t_lop1', sum: ['F13', 'F14'] }),
    pct('ty_le_6t_lop1', 'G40', 'Tỷ lệ trẻ 6 tuổi vào lớp 1', ['F40'], ['F12'], { indicator: 'TH_6_LOP1' }),
    cnt('tre_11t_htth', 'F41', 'Trẻ 11 tuổi hoàn thành CTTH', { field: 'tre_11t_htth', sum: ['L28', 'L29'] }),
    pct('ty_le_11t_htth', 'G41', 'Tỷ lệ trẻ 11 tuổi hoàn thành CTTH', ['F41'], ['L12'], { indicator: 'TH_11_HTCT' }),
    cnt('tre_11t_dang_hoc_th', 'F42', 'Trẻ 11 tuổi còn lại đang học tiểu học', { field: 'tre_11t_dang_hoc_th', sum: TH_M1_STILL_IN_PRIMARY }),
    pct('ty_le_11t_dang_hoc_th', 'G42', 'Tỷ lệ trẻ 11 tuổi còn lại đang học tiểu học', ['F42'], ['L12']),
    cnt('tre_11_14t_htth', 'F43', 'Trẻ 11-14 tuổi hoàn thành CTTH', { field: 'tre_11_14t_htth', sum: ['P28', 'P29'] }),
    pct('ty_le_11_14t_htth', 'G43', 'Tỷ lệ trẻ 11-14 tuổi hoàn thành CTTH', ['F43'], ['P12'], { indicator: 'TH_11_14_HTCT' }),
    cnt('kt_tiep_can', 'F44', 'Trẻ khuyết tật được tiếp cận giáo dục', { sum: ['K11', 'P11'] }),
    pct('ty_le_kt_tiep_can', 'G44', 'Tỷ lệ trẻ khuyết tật được tiếp cận giáo dục', ['F44'], ['K10', 'P10'], { indicator: 'KT_TIEPCAN' }),
  ],
  anchors: [
    { address: 'A6', any: ['tong'] },
    { address: 'A7', any: ['nu'] },
    { address: 'A12', any: ['phai pho cap', 'ppc', 'pho cap'] },
    { address: 'A38', any: ['chua di hoc', 'chua di'] },
    { address: 'A40', any: ['6 tuoi', 'lop 1'] },
    { address: 'A41', any: ['11 tuoi'] },
    { address: 'A43', any: ['11 14', '11 den 14'] },
    { address: 'A44', any: ['khuyet tat', 'kt'] },
  ],
  signature: ['J44', 'J45', 'J46'],
};

/* ------------------------------------------------------------------ TH-02 (§1.2) */

const TH_02: FormLayout = {
  code: 'TH-02',
  title: 'Thống kê kết quả PCGD Tiểu học',
  titleAliases: ['Thống kê kết quả phổ cập giáo dục tiểu học'],
  codeAliases: ['TH02', 'TH 02', 'TH-2'],
  programme: 'TH',
  kind: 'unit-row',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.2 [NA-xmc _build_th02]',
  fileName: (y, x) => `2. PCGD_${y}_TH-02_${x}.xls`,
  fileNamePattern: /(^|[^a-z])th[ _-]?0?2([^a-z0-9]|$)/,
  titleCells: { province: 'A1', unit: 'A2', date: 'C2' },
  dataRow: 8,
  unitCol: 'B',
  figures: [
    cnt('so_truong_th', 'D8', 'Số trường tiểu học'),
    cnt('hs_th', 'F8', 'Tổng số học sinh tiểu học'),
    cnt('hs_khuyet_tat', 'G8', 'Học sinh khuyết tật'),
    cnt('tre_6t_lop1', 'H8', 'Trẻ 6 tuổi vào lớp 1', { field: 'tre_6t_lop1' }),
    pct('ty_le_6t_lop1', 'I8', 'Tỷ lệ trẻ 6 tuổi vào lớp 1', ['H8'], [], { indicator: 'TH_6_LOP1' }),
    cnt('tre_11t_htth', 'J8', 'Trẻ 11 tuổi hoàn thành CTTH', { field: 'tre_11t_htth' }),
    pct('ty_le_11t_htth', 'K8', 'Tỷ lệ trẻ 11 tuổi hoàn thành CTTH', ['J8'], [], { indicator: 'TH_11_HTCT' }),
    cnt('tre_11_14t_htth', 'L8', 'Trẻ 11-14 tuổi hoàn thành CTTH', { field: 'tre_11_14t_htth' }),
    pct('ty_le_11_14t_htth', 'M8', 'Tỷ lệ trẻ 11-14 tuổi hoàn thành CTTH', ['L8'], [], { indicator: 'TH_11_14_HTCT' }),
    cnt('kt', 'N8', 'Trẻ khuyết tật 6-14 tuổi'),
    cnt('kt_co_kha_nang', 'O8', 'KT có khả năng học tập'),
    cnt('kt_tiep_can', 'P8', 'KT được tiếp cận giáo dục'),
    pct('ty_le_kt_tiep_can', 'Q8', 'Tỷ lệ KT được tiếp cận giáo dục', ['P8'], ['O8'], { indicator: 'KT_TIEPCAN' }),
    { id: 'doi_ngu', address: 'R8', kind: 'status', label: 'Đội ngũ' },
    { id: 'csvc', address: 'S8', kind: 'status', label: 'Cơ sở vật chất' },
    lvl('muc_do', 'T8', 'Kết quả (mức độ PCGD tiểu học)', 'TH'),
  ],
  anchors: [
    { address: 'H7', any: ['6 tuoi', 'lop 1'] },
    { address: 'J7', any: ['11 tuoi'] },
    { address: 'L7', any: ['11 14', '14 tuoi'] },
    { address: 'T7', any: ['ket qua', 'muc', 'ket luan'] },
  ],
  signature: signature('K', 10),
};

/* ------------------------------------------------------------------ THCS-M1 (§1.3) */

const THCS_M1_AGES = [
  { age: 11, col: 'F' }, { age: 12, col: 'H' }, { age: 13, col: 'J' }, { age: 14, col: 'L' },
  { age: 15, col: 'N' }, { age: 16, col: 'Q' }, { age: 17, col: 'T' }, { age: 18, col: 'W' },
];

const THCS_M1: FormLayout = {
  code: 'THCS-M1',
  title: 'Phổ cập giáo dục THCS',
  titleAliases: ['Phổ cập giáo dục trung học cơ sở'],
  codeAliases: ['M1_THCS', 'THCS_M1', 'M1 THCS', 'THCS-1TTN'],
  programme: 'THCS',
  kind: 'age-matrix',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.3 [NA-xmc _build_thcs_m1]',
  fileName: (y, x) => `1. PCGD_M1_THCS_${y}_${x}.xls`,
  fileNamePattern: /(m1[ _-]?thcs|thcs[ _-]?m1)/,
  titleCells: { province: 'A1', unit: 'A2', date: 'F2' },
  matrix: {
    birthYearRow: 4,
    ageHeaderRow: 5,
    ages: THCS_M1_AGES,
    subtotals: [{ col: 'Z', label: 'Cộng 15-18', ages: [15, 16, 17, 18] }],
    labelCols: ['A', 'B', 'C', 'D', 'E'],
    rows: [
      { row: 6, id: 'tong_so', label: 'Tổng số' },
      { row: 7, id: 'nu', label: 'Nữ' },
      { row: 8, id: 'dan_toc', label: 'Dân tộc' },
      { row: 9, id: 'khuyet_tat', label: 'Khuyết tật' },
      { row: 10, id: 'kt_co_kha_nang', label: 'KT có khả năng học tập' },
      { row: 11, id: 'kt_tiep_can', label: 'KT được tiếp cận giáo dục' },
      { row: 12, id: 'ppc', label: 'Số phải phổ cập (PPC)' },
      ...[6, 7, 8, 9].flatMap((k) => bucketRows(14 + (k - 6) * 3, `lop${k}`, `Lớp ${k}`)),
      ...bucketRows(26, 'tn_thcs', 'Tốt nghiệp THCS'),
      ...bucketRows(29, 'hoc_tiep', 'Đang học THPT/GDTX/GDNN'),
      ...bucketRows(32, 'bo_hoc', 'Bỏ học'),
    ],
  },
  figures: [
    cnt('tre_15_18t', 'Z12', 'Thanh thiếu niên 15-18 tuổi phải phổ cập', { field: 'tre_15_18t' }),
    lvl('muc_do_th', 'G36', 'Mức độ đạt chuẩn PCGD tiểu học', 'TH'),
    lvl('muc_do_xmc', 'G37', 'Mức độ đạt chuẩn XMC', 'XMC'),
    cnt('tre_15_18t_tn_thcs', 'G39', '15-18 tuổi có bằng TN THCS', { field: 'tre_15_18t_tn_thcs', sum: ['Z26', 'Z27'] }),
    pct('ty_le_15_18t_tn_thcs', 'H39', 'Tỷ lệ 15-18 tuổi có bằng TN THCS', ['G39'], ['Z12'], { indicator: 'THCS_15_18_TN' }),
    cnt('tre_15_18t_hoc_tiep', 'G40', '15-18 tuổi đang học GDPT/GDTX cấp THPT hoặc GDNN', { field: 'tre_15_18t_hoc_tiep', sum: ['Z29', 'Z30'] }),
    pct('ty_le_15_18t_hoc_tiep', 'H40', 'Tỷ lệ 15-18 tuổi đang học THPT/GDTX/GDNN', ['G40'], ['Z12'], { indicator: 'THCS_15_18_HOCTIEP' }),
    cnt('kt_tiep_can', 'G41', 'Trẻ khuyết tật 11-18 tuổi được tiếp cận giáo dục', { sum: ['F11', 'H11', 'J11', 'L11', 'Z11'] }),
    pct('ty_le_kt_tiep_can', 'H41', 'Tỷ lệ KT 11-18 tuổi được tiếp cận giáo dục', ['G41'], ['F10', 'H10', 'J10', 'L10', 'Z10'], { indicator: 'KT_TIEPCAN' }),
    cnt('hs_thcs', 'G42', 'Tổng số học sinh THCS'),
  ],
  anchors: [
    { address: 'A6', any: ['tong'] },
    { address: 'A12', any: ['phai pho cap', 'ppc', 'pho cap'] },
    { address: 'A36', any: ['tieu hoc', 'th'] },
    { address: 'A37', any: ['xmc', 'mu chu'] },
    { address: 'A39', any: ['tn thcs', 'tot nghiep', 'bang'] },
  ],
  signature: signature('M', 43),
};

/* ------------------------------------------------------------------ THCS-M2 (§1.4) */

const THCS_M2: FormLayout = {
  code: 'THCS-M2',
  title: 'Tiêu chuẩn PCGD THCS',
  titleAliases: ['Tiêu chuẩn phổ cập giáo dục trung học cơ sở', 'Biểu tổng hợp kết quả huy động phổ cập giáo dục trung học cơ sở'],
  codeAliases: ['M2_THCS', 'THCS_M2', 'M2 THCS', 'THCS-2.1'],
  programme: 'THCS',
  kind: 'unit-row',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.4 [NA-xmc _build_thcs_m2] (column meanings partly INFERRED)',
  fileName: (y, x) => `2. PCGD_M2_THCS_${y}_${x}.xls`,
  fileNamePattern: /(m2[ _-]?thcs|thcs[ _-]?m2)/,
  titleCells: { province: 'A1', unit: 'A3', date: 'A7' },
  dataRow: 14,
  unitCol: 'B',
  figures: [
    cnt('tre_6t', 'C14', 'Trẻ 6 tuổi (PPC)', { field: 'tre_6t' }),
    cnt('tre_6t_lop1', 'D14', 'Trẻ 6 tuổi vào lớp 1', { field: 'tre_6t_lop1' }),
    pct('ty_le_6t_lop1', 'E14', 'Tỷ lệ trẻ 6 tuổi vào lớp 1', ['D14'], ['C14'], { indicator: 'TH_6_LOP1' }),
    cnt('tn_th_nam_truoc', 'F14', 'HS hoàn thành CTTH năm học trước', { field: 'tn_th_nam_truoc', confidence: 'INFERRED' }),
    cnt('vao_lop6', 'I14', 'Vào lớp 6', { field: 'vao_lop6' }),
    pct('ty_le_vao_lop6', 'J14', 'Tỷ lệ huy động vào lớp 6', ['I14'], ['F14'], { indicator: 'THCS_HUYDONG_L6' }),
    cnt('tre_11_14t', 'K14', 'Trẻ 11-14 tuổi (PPC)', { field: 'tre_11_14t' }),
    cnt('tre_11_14t_htth', 'L14', 'Trẻ 11-14 tuổi hoàn thành CTTH', { field: 'tre_11_14t_htth' }),
    pct('ty_le_11_14t_htth', 'M14', 'Tỷ lệ 11-14 tuổi hoàn thành CTTH', ['L14'], ['K14'], { indicator: 'TH_11_14_HTCT' }),
    cnt('hs_lop9', 'N14', 'HS lớp 9 cuối năm', { field: 'hs_lop9', confidence: 'INFERRED' }),
    cnt('tn_thcs', 'O14', 'Tốt nghiệp THCS (hai loại cộng lại)', { field: 'tn_thcs', sum: ['O14', 'P14'], confidence: 'INFERRED' }),
    pct('ty_le_tn_thcs', 'Q14', 'Tỷ lệ tốt nghiệp THCS hằng năm', ['O14', 'P14'], ['N14'], { indicator: 'THCS_TN_HANGNAM', confidence: 'INFERRED' }),
    cnt('tre_15_18t', 'R14', 'Thanh thiếu niên 15-18 tuổi (PPC)', { field: 'tre_15_18t' }),
    cnt('tre_15_18t_tn_thcs', 'U14', '15-18 tuổi có bằng TN THCS', { field: 'tre_15_18t_tn_thcs', confidence: 'INFERRED' }),
    pct('ty_le_15_18t_tn_thcs', 'V14', 'Tỷ lệ 15-18 tuổi có bằng TN THCS', ['U14'], ['R14'], { indicator: 'THCS_15_18_TN' }),
    lvl('muc_do', 'W14', 'Kết luận mức độ PCGD THCS', 'THCS'),
  ],
  anchors: [
    { address: 'B15', any: ['tong', 'cong'] },
  ],
  signature: signature('K', 27),
};

/* ------------------------------------------------------------------ THCS-TK (§1.5) */

const THCS_TK: FormLayout = {
  code: 'THCS-TK',
  title: 'Thống kê kết quả PCGD THCS',
  titleAliases: ['Thống kê kết quả phổ cập giáo dục trung học cơ sở'],
  codeAliases: ['THCS_TK', 'THCS TK', 'TK_THCS', 'THCS-2.2'],
  programme: 'THCS',
  kind: 'unit-row',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.5 [NA-xmc _build_thcs_tk, _b491]',
  fileName: (y, x) => `3. PCGD_THCS_${y}_TK_${x}.xls`,
  fileNamePattern: /(thcs[ _-]?(\d{4}[ _-]?)?tk|tk[ _-]?thcs)/,
  titleCells: { province: 'A1', unit: 'A2', date: 'C2' },
  dataRow: 8,
  unitCol: 'B',
  figures: [
    cnt('so_truong_thcs', 'C8', 'Số trường THCS'),
    cnt('ttn_11_18', 'D8', 'Thanh thiếu niên 11-18 tuổi'),
    cnt('kt_11_18', 'E8', 'Khuyết tật 11-18 tuổi'),
    lvl('muc_do_th', 'F8', 'Mức PCGD tiểu học', 'TH'),
    lvl('muc_do_xmc', 'G8', 'Mức XMC', 'XMC'),
    cnt('tre_15_18t_tn_thcs', 'H8', '15-18 tuổi có bằng TN THCS', { field: 'tre_15_18t_tn_thcs' }),
    pct('ty_le_15_18t_tn_thcs', 'I8', 'Tỷ lệ 15-18 tuổi có bằng TN THCS', ['H8'], [], { indicator: 'THCS_15_18_TN' }),
    cnt('tre_15_18t_hoc_tiep', 'J8', '15-18 tuổi đang học THPT/GDTX/GDNN', { field: 'tre_15_18t_hoc_tiep' }),
    pct('ty_le_15_18t_hoc_tiep', 'K8', 'Tỷ lệ 15-18 tuổi đang học THPT/GDTX/GDNN', ['J8'], [], { indicator: 'THCS_15_18_HOCTIEP' }),
    cnt('kt', 'L8', 'Khuyết tật 11-18 tuổi'),
    cnt('kt_co_kha_nang', 'M8', 'KT có khả năng học tập'),
    cnt('kt_tiep_can', 'N8', 'KT được tiếp cận giáo dục'),
    pct('ty_le_kt_tiep_can', 'O8', 'Tỷ lệ KT được tiếp cận giáo dục', ['N8'], ['M8'], { indicator: 'KT_TIEPCAN' }),
    { id: 'doi_ngu', address: 'P8', kind: 'status', label: 'Đội ngũ', confidence: 'INFERRED' },
    { id: 'csvc', address: 'Q8', kind: 'status', label: 'Cơ sở vật chất', confidence: 'INFERRED' },
    lvl('muc_do', 'R8', 'Mức độ PCGD THCS', 'THCS'),
  ],
  anchors: [
    { address: 'H7', any: ['15 18', 'tn thcs', 'tot nghiep'] },
    { address: 'R7', any: ['muc', 'ket qua', 'ket luan'] },
  ],
  signature: signature('K', 10),
};

/* ------------------------------------------------------------------ XMC-3 (§1.7) */

/** Row of an age 15…60 on XMC-3, between its cumulative subtotal rows 20, 31 and 57. */
export function xmc3Row(age: number): number {
  return age <= 25 ? 9 + (age - 15) : age <= 35 ? 21 + (age - 26) : 32 + (age - 36);
}

const XMC3_GROUPS = [
  { start: 'C', id: 'dan_so', label: 'Dân số' },
  { start: 'G', id: 'mc1', label: 'Mù chữ mức độ 1' },
  { start: 'K', id: 'mc2', label: 'Mù chữ mức độ 2' },
  { start: 'O', id: 'bc2', label: 'Biết chữ mức độ 2' },
];
/** Sub-columns of each group: tổng số, nữ, dân tộc, nữ dân tộc. */
export const FOUR_SPLITS = [
  { id: 'ts', label: 'Tổng số' },
  { id: 'nu', label: 'Nữ' },
  { id: 'dt', label: 'Dân tộc' },
  { id: 'nu_dt', label: 'Nữ dân tộc' },
] as const;

export const XMC3_SUBTOTALS = [
  { row: 20, band: '15_25', label: 'Cộng 15-25', ranges: [[9, 19]] as [number, number][] },
  { row: 31, band: '15_35', label: 'Cộng 15-35', ranges: [[9, 19], [21, 30]] as [number, number][] },
  { row: 57, band: '15_60', label: 'Cộng 15-60', ranges: [[9, 19], [21, 30], [32, 56]] as [number, number][] },
];

const XMC_3: FormLayout = {
  code: 'XMC-3',
  title: 'Tổng hợp kết quả xóa mù chữ',
  titleAliases: ['Thống kê kết quả xóa mù chữ theo độ tuổi'],
  codeAliases: ['XMC_3', 'XMC 3', 'CMC-3'],
  programme: 'XMC',
  kind: 'age-rows',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.7 [NA-xmc _build_xmc3, NA-xmc247]',
  fileName: (_y, x) => `1. PCGD_XMC_3_${x}.xls`,
  fileNamePattern: /xmc[ _-]?3([^0-9]|$)/,
  titleCells: { province: 'A1', unit: 'A2', date: 'C2' },
  figures: XMC3_SUBTOTALS.flatMap((s) => [
    cnt(`dan_so_${s.band}`, `C${s.row}`, `Dân số ${s.label.replace('Cộng ', '')} tuổi`, { field: `dan_so_${s.band}` }),
    cnt(`mc1_${s.band}`, `G${s.row}`, `Mù chữ mức độ 1 ${s.label.replace('Cộng ', '')} tuổi`),
    cnt(`mc2_${s.band}`, `K${s.row}`, `Mù chữ mức độ 2 ${s.label.replace('Cộng ', '')} tuổi`),
    cnt(`biet_chu_m2_${s.band}`, `O${s.row}`, `Biết chữ mức độ 2 ${s.label.replace('Cộng ', '')} tuổi`, { field: `biet_chu_m2_${s.band}` }),
    pct(`ty_le_m2_${s.band}`, `S${s.row}`, `Tỷ lệ biết chữ ${s.label.replace('Cộng ', '')} tuổi`, [`O${s.row}`], [`C${s.row}`], { indicator: 'XMC_M2', band: s.band }),
  ]),
  anchors: [
    { address: 'A20', any: ['15 25', 'cong'] },
    { address: 'A31', any: ['15 35', 'cong'] },
    { address: 'A57', any: ['15 60', 'cong'] },
  ],
  signature: signature('H', 59),
};

/* ------------------------------------------------------------------ CMC-2 (§1.7) */

const CMC_2: FormLayout = {
  code: 'CMC-2',
  title: 'Thống kê số người mù chữ',
  titleAliases: ['Thống kê số người mù chữ các độ tuổi'],
  codeAliases: ['CMC_2', 'CMC 2'],
  programme: 'XMC',
  kind: 'band-rows',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.7 [NA-xmc _build_cmc2] (columns E, I, M–S unknown)',
  fileName: (_y, x) => `2. PCGD_CMC_2_${x}.xls`,
  fileNamePattern: /cmc[ _-]?2([^0-9]|$)/,
  titleCells: { unit: 'A2' },
  figures: [
    ...[[8, '15_25', '15-25'], [9, '26_35', '26-35'], [10, '36_60', '36-60'], [11, '15_60', 'Cộng 15-60']].flatMap(([row, band, label]) => [
      cnt(`dan_so_${band}`, `B${row}`, `Dân số ${label}`),
      cnt(`mc1_${band}`, `F${row}`, `Mù chữ mức độ 1 ${label}`),
      cnt(`mc2_${band}`, `J${row}`, `Mù chữ mức độ 2 ${label}`),
    ]),
  ],
  anchors: [
    { address: 'A8', any: ['15 25'] },
    { address: 'A11', any: ['cong', '15 60'] },
  ],
  signature: signature('K', 13),
};

/* ------------------------------------------------------------------ CMC-1 (§1.7) */

/** The three 20-column blocks of CMC-1 (15–25, 15–35, 15–60). */
export const CMC1_BLOCKS = [
  { start: 'G', band: '15_25' },
  { start: 'AA', band: '15_35' },
  { start: 'AU', band: '15_60' },
];

function cmc1Block(start: string, band: string): FigureDef[] {
  const b = band.replace('_', '-');
  const pop = `${start}8`;
  const out: FigureDef[] = FOUR_SPLITS.map((s, k) => cnt(`dan_so_${s.id}_${band}`, `${col(start, k)}8`, `Dân số ${b} tuổi – ${s.label}`, k === 0 ? { field: `dan_so_${band}` } : {}));
  for (const [level, offset] of [[1, 4], [2, 12]] as const) {
    FOUR_SPLITS.forEach((s, k) => {
      const n = `${col(start, offset + k * 2)}8`;
      out.push(cnt(`mc${level}_${s.id}_${band}`, n, `Mù chữ mức độ ${level} ${b} tuổi – ${s.label}`));
      // The official form divides every rate of a block by the block's total population.
      out.push(pct(`ty_le_mc${level}_${s.id}_${band}`, `${col(start, offset + k * 2 + 1)}8`, `Tỷ lệ mù chữ mức độ ${level} ${b} tuổi – ${s.label}`, [n], [pop]));
    });
  }
  return out;
}

const CMC_1: FormLayout = {
  code: 'CMC-1',
  title: 'Tổng hợp chống mù chữ',
  titleAliases: ['Tổng hợp tình hình số liệu công tác chống mù chữ'],
  codeAliases: ['CMC_1', 'CMC 1'],
  programme: 'XMC',
  kind: 'unit-row',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.7 [NA-xmc _build_cmc1, NA-xmc247 CMC1_PERCENT_FORMULAS]',
  fileName: (_y, x) => `3. PCGD_CMC_1_${x}.xls`,
  fileNamePattern: /cmc[ _-]?1([^0-9]|$)/,
  titleCells: { unit: 'A2' },
  dataRow: 8,
  unitCol: 'B',
  figures: [
    ...FOUR_SPLITS.map((s, k) => cnt(`tong_dan_so_${s.id}`, `${col('C', k)}8`, `Tổng dân số – ${s.label}`)),
    ...CMC1_BLOCKS.flatMap((b) => cmc1Block(b.start, b.band)),
  ],
  anchors: [],
  signature: signature('X', 11),
};

/* ------------------------------------------------------------------ XMC-4 (§1.7) */

export const XMC4_BLOCKS = [
  { start: 'C', band: '15_25' },
  { start: 'H', band: '15_35' },
  { start: 'M', band: '15_60' },
];

const XMC_4: FormLayout = {
  code: 'XMC-4',
  title: 'Thống kê đạt chuẩn xóa mù chữ',
  titleAliases: ['Thống kê đạt chuẩn XMC'],
  // The template carries the misprint "Mẫu XMC-5".
  codeAliases: ['XMC_4', 'XMC 4', 'XMC-5', 'TK_DATCHUAN_XMC_4'],
  programme: 'XMC',
  kind: 'unit-row',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.7 [NA-xmc _build_xmc4, NA-xmc247]',
  fileName: (_y, x) => `4. TK_DATCHUAN_XMC_4_${x}.xls`,
  fileNamePattern: /xmc[ _-]?4([^0-9]|$)|datchuan[ _-]?xmc/,
  titleCells: { province: 'A1', unit: 'A2', date: 'A4' },
  dataRow: 8,
  unitCol: 'B',
  figures: [
    ...XMC4_BLOCKS.flatMap(({ start, band }) => {
      const b = band.replace('_', '-');
      const [ts, m1, p1, m2, p2] = [0, 1, 2, 3, 4].map((i) => `${col(start, i)}8`);
      return [
        cnt(`dan_so_${band}`, ts, `Dân số ${b} tuổi`, { field: `dan_so_${band}` }),
        cnt(`biet_chu_m1_${band}`, m1, `Biết chữ mức độ 1 ${b} tuổi`, { field: `biet_chu_m1_${band}` }),
        pct(`ty_le_m1_${band}`, p1, `Tỷ lệ biết chữ mức độ 1 ${b} tuổi`, [m1], [ts], { indicator: 'XMC_M1', band }),
        cnt(`biet_chu_m2_${band}`, m2, `Biết chữ mức độ 2 ${b} tuổi`, { field: `biet_chu_m2_${band}` }),
        pct(`ty_le_m2_${band}`, p2, `Tỷ lệ biết chữ mức độ 2 ${b} tuổi`, [m2], [ts], { indicator: 'XMC_M2', band }),
      ];
    }),
    lvl('muc_do', 'R8', 'Kết luận (mức độ XMC)', 'XMC'),
  ],
  anchors: [
    { address: 'C6', any: ['15 25'] },
    { address: 'H6', any: ['15 35'] },
    { address: 'M6', any: ['15 60'] },
  ],
  signature: signature('K', 10),
};

/* ------------------------------------------------------------------ MN-02 (§1.6) */

const MN_02: FormLayout = {
  code: 'MN-02',
  title: 'Thống kê kết quả PCGD MN',
  titleAliases: ['Thống kê kết quả phổ cập giáo dục mầm non', 'Thống kê kết quả PCGD mầm non'],
  codeAliases: ['MN02', 'MN 02', 'MN-2'],
  programme: 'MN5',
  kind: 'unit-row',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.6 [NA-mn _fill_mn02]',
  fileName: (y, x) => `MN-02_${y}_${x}.xls`,
  fileNamePattern: /(^|[^a-z])mn[ _-]?0?2([^0-9]|$)/,
  titleCells: { province: 'A1', unit: 'A2', date: 'C2' },
  dataRow: 7,
  unitCol: 'B',
  figures: [
    cnt('so_truong', 'C7', 'Số trường'),
    cnt('so_diem_truong', 'D7', 'Số điểm trường'),
    cnt('so_lop_mg5', 'E7', 'Số lớp mẫu giáo 5 tuổi'),
    cnt('tre_5t', 'F7', 'Trẻ 5 tuổi (PPC)', { field: 'tre_5t' }),
    cnt('tre_5t_ra_lop', 'G7', 'Trẻ 5 tuổi đến lớp', { field: 'tre_5t_ra_lop' }),
    pct('ty_le_5t_ra_lop', 'H7', 'Tỷ lệ trẻ 5 tuổi đến lớp', ['G7'], ['F7'], { indicator: 'MN5_HUYDONG' }),
    cnt('tre_6t_mn', 'I7', 'Trẻ 6 tuổi (PPC)', { field: 'tre_6t_mn' }),
    cnt('tre_6t_hoan_thanh_mn', 'J7', 'Trẻ 6 tuổi hoàn thành CT GDMN', { field: 'tre_5t_hoan_thanh' }),
    pct('ty_le_hoan_thanh', 'K7', 'Tỷ lệ trẻ hoàn thành CT GDMN', ['J7'], ['I7'], { indicator: 'MN5_HOANTHANH' }),
    cnt('kt', 'L7', 'Trẻ khuyết tật'),
    cnt('kt_co_kha_nang', 'M7', 'KT có khả năng học tập'),
    cnt('kt_tiep_can', 'N7', 'KT được tiếp cận giáo dục'),
    pct('ty_le_kt_tiep_can', 'O7', 'Tỷ lệ KT được tiếp cận giáo dục', ['N7'], ['M7'], { indicator: 'KT_TIEPCAN' }),
    { id: 'doi_ngu', address: 'P7', kind: 'status', label: 'Đội ngũ', confidence: 'INFERRED' },
    { id: 'csvc', address: 'Q7', kind: 'status', label: 'Cơ sở vật chất', confidence: 'INFERRED' },
    lvl('muc_do', 'R7', 'Kết luận PCGD mầm non 5 tuổi', 'MN5'),
  ],
  anchors: [
    { address: 'F5', any: ['5 tuoi'] },
    { address: 'R5', any: ['ket luan', 'ket qua', 'muc'] },
  ],
  signature: signature('K', 9),
};

/* ------------------------------------------------------------------ MN-01-TE (§1.6), two versions */

/** Rows of MN-01-TE found by label (two versions one column and one row apart). */
export interface LabelRowDef {
  id: string;
  label: string;
  /** Folded fragments; the first row (from the top) whose label holds all of one group wins. */
  match: string[][];
  /** Row in the 2026 version and in the older master. */
  row2026?: number;
  rowOld?: number;
  kind?: 'count' | 'percent';
}

export const MN01TE_ROWS: LabelRowDef[] = [
  { id: 'tong_so', label: 'Tổng số trẻ trong độ tuổi', match: [['tong so tre'], ['tong so']], row2026: 6, rowOld: 7 },
  { id: 'nu', label: 'Trẻ em gái', match: [['tre em gai'], ['gai']], row2026: 7, rowOld: 8 },
  { id: 'khuyet_tat', label: 'Trẻ khuyết tật trong độ tuổi', match: [['khuyet tat', 'tong so'], ['tre khuyet tat']], row2026: 9, rowOld: 10 },
  { id: 'kt_co_kha_nang', label: 'Có khả năng học tập', match: [['kha nang hoc tap']], row2026: 10, rowOld: 11 },
  { id: 'kt_tiep_can', label: 'Số trẻ được tiếp cận giáo dục', match: [['tiep can giao duc']], row2026: 11, rowOld: 12 },
  { id: 'phai_huy_dong', label: 'Số trẻ phải huy động', match: [['phai huy dong']], row2026: 12, rowOld: 13 },
  { id: 'den_truong', label: 'Số trẻ đến trường (đến lớp)', match: [['so tre den truong'], ['so tre den lop'], ['tre den truong'], ['den lop']], row2026: 13, rowOld: 14 },
  { id: 'ty_le_huy_dong', label: 'Tỉ lệ huy động', match: [['ty le huy dong'], ['ti le huy dong']], row2026: 16, rowOld: 17, kind: 'percent' },
  { id: 'hai_buoi', label: 'Số trẻ học 2 buổi/ngày', match: [['2 buoi', 'so tre'], ['tre hoc 2 buoi']], row2026: 21, rowOld: 22 },
  { id: 'chuyen_di', label: 'Chuyển đi', match: [['chuyen di']], row2026: 24, rowOld: 25 },
  { id: 'can_cu_hoan_thanh', label: 'Số trẻ làm căn cứ tính tỷ lệ hoàn thành', match: [['can cu']], row2026: 26 },
  { id: 'hoan_thanh', label: 'Số trẻ hoàn thành Chương trình GDMN', match: [['hoan thanh', 'so tre'], ['tre hoan thanh ctgdmn'], ['tre hoan thanh chuong trinh']], row2026: 27, rowOld: 27 },
  { id: 'ty_le_hoan_thanh', label: 'Tỉ lệ hoàn thành chương trình GDMN', match: [['ty le hoan thanh'], ['ti le hoan thanh']], row2026: 28, rowOld: 28, kind: 'percent' },
];

const MN_01_TE: FormLayout = {
  code: 'MN-01-TE',
  title: 'Thống kê trẻ em mầm non theo độ tuổi',
  titleAliases: ['Thống kê trẻ em từ 0 đến 5 tuổi', 'Thống kê trẻ em mầm non'],
  codeAliases: ['MN-01 TE', 'MN_01_TE', 'MN01TE', 'MN-1TE', 'MN_M1', 'MN-M1'],
  programme: 'MN5',
  kind: 'age-matrix',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.6 [NA-mnoff _fill_te_workbook, NA-mn246 _apply_new_te/_apply_old_te, TT-tpl te()]',
  fileName: (y, x) => `MN-01-TE_${y}_${x}.xls`,
  fileNamePattern: /mn[ _-]?0?1[ _-]?te|mn[ _-]?m1/,
  titleCells: { province: 'B2', unit: 'B1', date: 'D2' },
  figures: [],
  anchors: [],
};

/** The two column sets of MN-01-TE: 2026 (F…L = 0…6 tuổi, M = Tổng 0–5) and older (E…K, L). */
export const MN01TE_VERSIONS = [
  { id: '2026', ageCols: ['F', 'G', 'H', 'I', 'J', 'K', 'L'], totalCol: 'M' },
  { id: 'cu', ageCols: ['E', 'F', 'G', 'H', 'I', 'J', 'K'], totalCol: 'L' },
] as const;

/* ------------------------------------------------------------------ MN-01-TC,ĐK (§1.6) */

const MN_01_TCDK: FormLayout = {
  code: 'MN-01-TC,ĐK',
  title: 'Kết quả tiêu chuẩn, điều kiện PCGDMN theo xã',
  titleAliases: ['Tiêu chuẩn, điều kiện phổ cập GDMN theo từng xã', 'Tiêu chuẩn điều kiện phổ cập giáo dục mầm non'],
  codeAliases: ['MN-01-TC, ĐK', 'MN-01-TC,DK', 'MN 01 TC DK', 'TK dat chuan'],
  programme: 'MN35',
  kind: 'unit-row',
  confidence: 'SEEN-CODE',
  source: 'REAL-FORMS §1.6 [NA-mn246 _apply_tc_dk, TT-tpl tcdk()] (age scope of the commune rows INFERRED)',
  fileName: (y) => `MN-01-TC,DK_${y}.xls`,
  fileNamePattern: /mn[ _-]?0?1[ _-]?tc[ _,-]*dk|tk dat chuan/,
  titleCells: { province: 'A1', unit: 'A2', date: 'C2' },
  dataRow: 8,
  unitCol: 'B',
  figures: [
    { id: 'dbkk', address: 'C8', kind: 'status', label: 'Vùng KTXH ĐBKK' },
    cnt('so_truong', 'D8', 'Số trường'),
    cnt('co_so_doc_lap', 'E8', 'Cơ sở GDMN độc lập'),
    cnt('diem_truong', 'F8', 'Điểm trường'),
    cnt('tong_lop', 'G8', 'Tổng lớp', { sum: ['H8', 'I8'] }),
    cnt('lop_don', 'H8', 'Lớp đơn'),
    cnt('lop_ghep', 'I8', 'Lớp ghép'),
    cnt('phai_huy_dong', 'J8', 'Phải huy động', { field: 'tre_3_5t', confidence: 'INFERRED' }),
    cnt('den_lop', 'K8', 'Đến lớp', { field: 'tre_3_5t_ra_lop', confidence: 'INFERRED' }),
    pct('ty_le_den_lop', 'L8', 'Tỷ lệ huy động', ['K8'], ['J8'], { indicator: 'MN35_HUYDONG', confidence: 'INFERRED' }),
    cnt('hoan_thanh', 'M8', 'Hoàn thành CTGDMN'),
    pct('ty_le_hoan_thanh', 'N8', 'Tỷ lệ hoàn thành', ['M8'], ['K8']),
    cnt('kt', 'O8', 'Khuyết tật'),
    cnt('kt_co_kha_nang', 'P8', 'KT có khả năng học tập'),
    cnt('kt_tiep_can', 'Q8', 'KT tiếp cận GD'),
    pct('ty_le_kt_tiep_can', 'R8', 'Tỷ lệ KT tiếp cận GD', ['Q8'], ['P8'], { indicator: 'KT_TIEPCAN' }),
    lvl('muc_do', 'V8', 'Kết quả', 'MN35', { confidence: 'INFERRED' }),
  ],
  anchors: [
    { address: 'J7', any: ['phai huy dong', 'huy dong'] },
    { address: 'V7', any: ['ket qua'] },
  ],
};

/* ------------------------------------------------------------------ staff, facility and finance forms (recognised, not mapped) */

function recognisedOnly(code: FormCode, title: string, titleAliases: string[], codeAliases: string[], pattern: RegExp, fileName: FormLayout['fileName'], source: string, signatureCells?: string[]): FormLayout {
  return {
    code, title, titleAliases, codeAliases, programme: null, kind: 'staff', confidence: 'SEEN-CODE', source,
    fileName, fileNamePattern: pattern, titleCells: { province: 'A1', unit: 'A2', date: 'C2' }, figures: [], anchors: [],
    ...(signatureCells ? { signature: signatureCells } : {}),
  };
}

const STAFF_FORMS: FormLayout[] = [
  recognisedOnly('TH-01-GV', 'Thống kê đội ngũ giáo viên', ['Thống kê đội ngũ giáo viên tiểu học'], ['TH-01_GV', 'TH_01_GV', 'TH 01 GV'], /th[ _-]?0?1[ _-]?gv/, (y, x) => `3. PCGD_${y}_TH-01_GV_${x}.xls`, 'REAL-FORMS §1.8 [NA-cat]', signature('O', 25)),
  recognisedOnly('TH-01-CSVC', 'Thống kê cơ sở vật chất', ['Thống kê cơ sở vật chất tiểu học'], ['TH_01_CSVC', 'TH 01 CSVC'], /th[ _-]?0?1[ _-]?csvc/, (y, x) => `4. PCGD_${y}_TH-01-CSVC_${x}.xls`, 'REAL-FORMS §1.8 [NA-cat]', signature('T', 20)),
  recognisedOnly('THCS-M5', 'Thống kê đội ngũ giáo viên', ['Thống kê đội ngũ giáo viên THCS'], ['THCS_M5', 'THCS M5', 'M5_THCS'], /thcs[ _-]?m5|m5[ _-]?thcs/, (y, x) => `4. PCGD_THCS_M5_${y}_${x}.xls`, 'REAL-FORMS §1.8 [NA-cat]', signature('AB', 25)),
  recognisedOnly('THCS-CSVC', 'Thống kê cơ sở vật chất', ['Thống kê cơ sở vật chất THCS'], ['THCS_CSVC', 'THCS CSVC'], /thcs[ _-]?(\d{4}[ _-]?)?csvc/, (y, x) => `5. PCGD_THCS_${y}_CSVC_${x}.xls`, 'REAL-FORMS §1.8 [NA-cat]', signature('K', 20)),
  recognisedOnly('MN-01-GV', 'Đội ngũ cán bộ quản lý, giáo viên, nhân viên', [], ['MN-01 GV', 'MN_01_GV', 'MN01GV'], /mn[ _-]?0?1[ _-]?gv/, (y, x) => `MN-01-GV_${y}_${x}.xls`, 'REAL-FORMS §1.6 [NA-mnoff]'),
  recognisedOnly('MN-01-CSVC', 'Cơ sở vật chất, thiết bị dạy học lớp mẫu giáo', [], ['MN-01 CSVC', 'MN_01_CSVC'], /mn[ _-]?0?1[ _-]?csvc/, (y, x) => `MN-01-CSVC_${y}_${x}.xls`, 'REAL-FORMS §1.6 [NA-mn246]'),
  recognisedOnly('MN-01-TC', 'Báo cáo tình hình tài chính phổ cập giáo dục mầm non', ['Tình hình tài chính phổ cập GDMN'], ['MN_01_TC', 'MN 01 TC'], /mn[ _-]?0?1[ _-]?tc(?![ _,-]*dk)/, (y, x) => `MN-01-TC_${y}_${x}.xls`, 'REAL-FORMS §1.6 [TT-tpl finance()]'),
  recognisedOnly('MN-05-KT', 'Báo cáo thống kê đối tượng khuyết tật mầm non', ['Thống kê đối tượng khuyết tật mầm non'], ['MN_05_KT', 'MN 05 KT'], /mn[ _-]?0?5[ _-]?kt/, (y, x) => `MN-05-KT_${y}_${x}.xls`, 'REAL-FORMS §1.6 [TT-tpl kt()] (INFERRED)'),
];

/* ------------------------------------------------------------------ the table */

export const FORM_LAYOUTS: FormLayout[] = [TH_M1, TH_02, THCS_M1, THCS_M2, THCS_TK, XMC_3, CMC_2, CMC_1, XMC_4, MN_01_TE, MN_02, MN_01_TCDK, ...STAFF_FORMS];

export const FORM_BY_CODE: Record<FormCode, FormLayout> = Object.fromEntries(FORM_LAYOUTS.map((l) => [l.code, l])) as Record<FormCode, FormLayout>;

/** The figure of a form by id. */
export function figureOf(code: FormCode, id: string): FigureDef | undefined {
  return FORM_BY_CODE[code].figures.find((f) => f.id === id);
}

/** Cells of an age-matrix row for the given ages (residents only for bucket rows: see RESIDENCE_BUCKETS). */
export function matrixCells(m: AgeMatrix, rowId: string, ages: number[]): string[] {
  const r = m.rows.find((x) => x.id === rowId);
  if (!r) return [];
  return ages.map((a) => m.ages.find((x) => x.age === a)).filter((x): x is { age: number; col: string } => !!x).map((x) => `${x.col}${r.row}`);
}

export { range as ageRange };
