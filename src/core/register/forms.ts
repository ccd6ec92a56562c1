/**
 * The PCGD system's forms of one commune, filled from its register in their documented cell layouts
 * (REAL-FORMS §0.1, §1: TH-M1, TH-02, THCS-M1, THCS-TK, XMC-3, XMC-4, CMC-1, MN-01-TE, MN-02), and
 * the "Tổng hợp" of all communes. Counts only (never a name). Percent cells are formulas over the
 * count cells on the forms' 0–100 scale with a literal-percent format, each with its computed
 * result for hosts that do not recalculate. Host-neutral plans: the CLI writes one .xlsx per form,
 * the task pane adds them as sheets.
 */
import { columnIndex, columnLetter, parseA1 } from '../a1';
import type { ReportSheetPlan, ReportWriteBlock } from '../report/sheetPlan';
import type { CellStyle } from '../types';
import { ByAge, MAX_AGE, sumAges } from './aggregate';
import type { CommuneRegister } from './commune';
import type { ProgrammeLevels } from './pipeline';

export const PERCENT_FORMAT = '0.00\\%';

type V = string | number | null;
interface Cell {
  v: V;
  f?: string;
  fmt?: string;
  bold?: boolean;
}

/** A sparse sheet addressed in A1, turned into a few rectangular write blocks. */
export class Grid {
  private cells = new Map<string, Cell>();
  readonly widths: Record<number, number> = {};
  set(a1: string, v: V, opts: Omit<Cell, 'v'> = {}): void {
    this.cells.set(a1, { v, ...opts });
  }
  get(a1: string): number {
    const c = this.cells.get(a1);
    return typeof c?.v === 'number' ? c.v : 0;
  }
  /** A count: blank when zero (the system's `blank_zero`) unless `zero` is set. */
  count(a1: string, n: number, zero = false): void {
    this.set(a1, n === 0 && !zero ? null : n);
  }
  /** A formula with its computed value. */
  formula(a1: string, f: string, v: number | string | null, fmt?: string): void {
    this.set(a1, v, { f, fmt });
  }
  /** part / whole × 100 on the 0–100 scale (blank when whole is 0). */
  percent(a1: string, num: string, den: string, numV: number, denV: number): void {
    this.formula(a1, `IF(${den}=0,"",${num}/${den}*100)`, denV === 0 ? '' : (numV / denV) * 100, PERCENT_FORMAT);
  }
  toPlan(name: string, freezeRows?: number): ReportSheetPlan {
    let maxR = 0;
    let maxC = 0;
    const parsed = [...this.cells.entries()].map(([a, c]) => {
      const p = parseA1(a)!;
      maxR = Math.max(maxR, p.row);
      maxC = Math.max(maxC, p.col);
      return { ...p, c };
    });
    const values: (string | number | boolean | null)[][] = Array.from({ length: maxR + 1 }, () => new Array(maxC + 1).fill(null));
    const isFormula: boolean[][] = Array.from({ length: maxR + 1 }, () => new Array(maxC + 1).fill(false));
    const results: (string | number | boolean | null)[][] = Array.from({ length: maxR + 1 }, () => new Array(maxC + 1).fill(null));
    const special: ReportWriteBlock[] = [];
    for (const { row, col, c } of parsed) {
      if (c.fmt || c.bold) {
        const style: CellStyle = { ...(c.fmt ? { numberFormat: c.fmt } : {}), ...(c.bold ? { bold: true } : {}) };
        special.push({
          row, col, values: [[c.f ? `=${c.f}` : c.v]], isFormula: [[!!c.f]], results: [[c.f ? c.v : null]], style,
          ...(c.fmt ? { columnFormats: { 0: c.fmt } } : {}),
        });
        continue;
      }
      values[row][col] = c.f ? `=${c.f}` : c.v;
      isFormula[row][col] = !!c.f;
      results[row][col] = c.f ? c.v : null;
    }
    return { name, blocks: [{ id: 'form', row: 0, col: 0, values, isFormula, results }, ...special], columnWidths: this.widths, ...(freezeRows ? { freezeRows } : {}) };
  }
}

export interface FormContext {
  commune: CommuneRegister;
  levels: ProgrammeLevels;
  /** Tỉnh (A1 of the forms). */
  province?: string;
  year: number;
}

export interface FormPlan {
  /** Form code: "TH-M1" … */
  code: string;
  /** File name as the system exports it (REAL-FORMS §1.0). */
  fileName: string;
  plan: ReportSheetPlan;
}

const COL = (n: number) => columnLetter(n);
const at = (col: string, row: number) => `${col}${row}`;

export function levelText(programme: 'MN5' | 'TH' | 'THCS' | 'XMC', level: number | null): string {
  if (level === null) return 'Chưa đủ dữ liệu';
  if (level === 0) return 'Không đạt';
  return programme === 'MN5' ? 'Đạt' : String(level);
}

function titleBlock(g: Grid, ctx: FormContext, title: string, dateCell: string, dateText?: string): void {
  g.set('A1', `Tỉnh: ${ctx.province ?? '…………'}`, { bold: true });
  g.set('A2', ctx.commune.name, { bold: true });
  g.set(dateCell, dateText ?? `Thời điểm: ngày 30 tháng 9 năm ${ctx.year}`);
  g.set('A3', title.toUpperCase(), { bold: true });
}

function signature(g: Grid, col: string, row: number, ctx: FormContext): void {
  g.set(at(col, row), `${ctx.commune.name}, ngày      tháng      năm ${ctx.year}`);
  g.set(at(col, row + 1), 'XÁC NHẬN CỦA UBND XÃ/PHƯỜNG', { bold: true });
  g.set(at(col, row + 2), 'PHÓ CHỦ TỊCH', { bold: true });
}

/** Writes a row of an age matrix: values per age column, blank zeros, subtotal formulas. */
function ageRow(g: Grid, row: number, cols: { col: string; age: number }[], value: (age: number) => number, subtotals: { col: string; from: string[] }[]): void {
  for (const { col, age } of cols) g.count(at(col, row), value(age));
  for (const s of subtotals) {
    const v = s.from.reduce((sum, c) => sum + g.get(at(c, row)), 0);
    g.formula(at(s.col, row), s.from.map((c) => at(c, row)).join('+'), v);
  }
}

type AgeRow = [number, string, (age: number) => number];
const BUCKETS = ['tại chỗ', 'nơi khác', 'nơi khác đến'];

/** Birth-year and age header rows (4, 5) of an age-matrix form, with its subtotal headers. */
function ageHeader(g: Grid, ctx: FormContext, cols: { col: string; age: number }[], subtotals: [string, string][]): void {
  g.set('A4', 'Năm sinh');
  g.set('A5', 'Độ tuổi');
  for (const { col, age } of cols) {
    g.set(at(col, 4), ctx.year - age);
    g.set(at(col, 5), `${age} tuổi`, { bold: true });
  }
  for (const [col, label] of subtotals) g.set(at(col, 5), label, { bold: true });
}

/** Rows 6–12 of the age-matrix forms (TH-M1, THCS-M1): population, disability and the cohort. */
function cohortRows(c: CommuneRegister['counts'], totalLabel: string): AgeRow[] {
  return [
    [6, totalLabel, (a) => c.total[a]],
    [7, 'Nữ', (a) => c.female[a]],
    [8, 'Dân tộc', (a) => c.minority[a]],
    [9, 'Khuyết tật', (a) => c.disabled[a]],
    [10, 'KT có khả năng học tập', (a) => c.canLearn[a]],
    [11, 'KT được tiếp cận giáo dục', (a) => c.access[a]],
    [12, 'Số phải phổ cập (PPC)', (a) => c.ppc[a]],
  ];
}

/** Three rows (tại chỗ, nơi khác, nơi khác đến) of one indicator from `first`. */
function bucketRows(first: number, label: string, byBucket: ByAge[]): AgeRow[] {
  return BUCKETS.map((b, i): AgeRow => [first + i, `${label} – ${b}`, (a) => byBucket[i][a]]);
}

/* ------------------------------------------------------------------ TH-M1 */

export function formThM1(ctx: FormContext): FormPlan {
  const g = new Grid();
  const c = ctx.commune.counts;
  titleBlock(g, ctx, 'Phổ cập giáo dục Tiểu học', 'E2');
  const cols = [6, 7, 8, 9, 10, 11, 12, 13, 14].map((age, i) => ({ col: COL(columnIndex('F') + i + (age >= 11 ? 1 : 0)), age }));
  const subs = [
    { col: 'K', from: ['F', 'G', 'H', 'I', 'J'] },
    { col: 'P', from: ['L', 'M', 'N', 'O'] },
  ];
  ageHeader(g, ctx, cols, [['K', 'Cộng 6-10'], ['P', 'Cộng 11-14']]);
  const rows: AgeRow[] = cohortRows(c, 'Tổng số trẻ');
  for (let k = 1; k <= 5; k++) rows.push(...bucketRows(13 + (k - 1) * 3, `Đang học lớp ${k}`, c.grade[k]));
  rows.push(...bucketRows(28, 'Hoàn thành CTTH', c.htctth));
  rows.push([31, 'HTCTTH không thuộc diện PPC', (a) => c.htctthNotPpc[a]]);
  rows.push(...bucketRows(32, 'Lưu ban', c.repeater));
  rows.push(...bucketRows(35, 'Bỏ học', c.dropped));
  rows.push([38, 'Chưa đi học', (a) => c.neverSchooled[a]]);
  for (const [row, label, value] of rows) {
    g.set(at('A', row), label);
    ageRow(g, row, cols, value, subs);
  }
  // Summary block (F count, G %), the system's "công thức mẫu".
  const F40 = g.get('F13') + g.get('F14');
  g.set('A40', 'Trẻ 6 tuổi vào lớp 1');
  g.formula('F40', 'F13+F14', F40);
  g.percent('G40', 'F40', 'F12', F40, g.get('F12'));
  const F41 = g.get('L28') + g.get('L29');
  g.set('A41', 'Trẻ 11 tuổi hoàn thành CTTH');
  g.formula('F41', 'L28+L29', F41);
  g.percent('G41', 'F41', 'L12', F41, g.get('L12'));
  const rest = [13, 14, 16, 17, 19, 20, 22, 23, 25, 26].map((r) => `L${r}`);
  const F42 = rest.reduce((s, a) => s + g.get(a), 0);
  g.set('A42', 'Trẻ 11 tuổi còn lại đang học tiểu học');
  g.formula('F42', rest.join('+'), F42);
  g.percent('G42', 'F42', 'L12', F42, g.get('L12'));
  const F43 = g.get('P28') + g.get('P29');
  g.set('A43', 'Trẻ 11-14 tuổi hoàn thành CTTH');
  g.formula('F43', 'P28+P29', F43);
  g.percent('G43', 'F43', 'P12', F43, g.get('P12'));
  const F44 = g.get('K11') + g.get('P11');
  g.set('A44', 'Trẻ khuyết tật được tiếp cận giáo dục');
  g.formula('F44', 'K11+P11', F44);
  g.percent('G44', 'F44', '(K10+P10)', F44, g.get('K10') + g.get('P10'));
  signature(g, 'J', 44, ctx);
  g.widths[0] = 34;
  return { code: 'TH-M1', fileName: `1. PCGD_${ctx.year}_TH_M1_${ctx.commune.name}.xlsx`, plan: g.toPlan('TH-M1', 5) };
}

/* ------------------------------------------------------------------ TH-02 */

function rowTitle(g: Grid, ctx: FormContext, row: number): void {
  g.set(at('A', row), 1);
  g.set(at('B', row), ctx.commune.name);
}

function countPct(g: Grid, nCell: string, pCell: string, n: number, den: number): void {
  g.count(nCell, n, true);
  // The form's % cell over its count cell and the cohort it refers to (not on this form).
  g.formula(pCell, den === 0 ? '""' : `${nCell}/${den}*100`, den === 0 ? '' : (n / den) * 100, PERCENT_FORMAT);
}

export function formTh02(ctx: FormContext): FormPlan {
  const g = new Grid();
  const c = ctx.commune.counts;
  const r = ctx.commune.records.PC_TH;
  titleBlock(g, ctx, 'Thống kê kết quả PCGD Tiểu học', 'C2');
  const head = ['TT', 'Đơn vị', 'Số xã', 'Số trường TH', '', 'Tổng số HS TH', 'HS khuyết tật', 'Trẻ 6 tuổi vào lớp 1', '%', 'Trẻ 11 tuổi HTCTTH', '%', '11-14 tuổi HTCTTH', '%', 'Trẻ KT 6-14', 'KT có khả năng HT', 'KT tiếp cận GD', '%', 'Đội ngũ', 'CSVC', 'Kết quả'];
  head.forEach((h, i) => g.set(at(COL(i), 6), h || null, { bold: true }));
  rowTitle(g, ctx, 8);
  g.set('C8', 1);
  g.count('F8', c.pupilsTh, true);
  g.count('G8', c.disabledPupilsTh, true);
  countPct(g, 'H8', 'I8', r.tre_6t_lop1, r.tre_6t - r.mien_giam_6t);
  countPct(g, 'J8', 'K8', r.tre_11t_htth, r.tre_11t - r.mien_giam_11t);
  countPct(g, 'L8', 'M8', r.tre_11_14t_htth, r.tre_11_14t - r.mien_giam_11_14t);
  g.count('N8', sumAges(c.disabled, 6, 14), true);
  g.count('O8', sumAges(c.canLearn, 6, 14), true);
  g.count('P8', sumAges(c.access, 6, 14), true);
  g.percent('Q8', 'P8', 'O8', g.get('P8'), g.get('O8'));
  g.set('T8', levelText('TH', ctx.levels.TH));
  signature(g, 'K', 10, ctx);
  return { code: 'TH-02', fileName: `2. PCGD_${ctx.year}_TH-02_${ctx.commune.name}.xlsx`, plan: g.toPlan('TH-02') };
}

/* ---------------------------------------------------------------- THCS-M1 */

export function formThcsM1(ctx: FormContext): FormPlan {
  const g = new Grid();
  const c = ctx.commune.counts;
  titleBlock(g, ctx, 'Phổ cập giáo dục THCS', 'F2');
  const cols = [
    { col: 'F', age: 11 }, { col: 'H', age: 12 }, { col: 'J', age: 13 }, { col: 'L', age: 14 },
    { col: 'N', age: 15 }, { col: 'Q', age: 16 }, { col: 'T', age: 17 }, { col: 'W', age: 18 },
  ];
  const subs = [{ col: 'Z', from: ['N', 'Q', 'T', 'W'] }];
  ageHeader(g, ctx, cols, [['Z', 'Cộng 15-18']]);
  const rows: AgeRow[] = cohortRows(c, 'Tổng số');
  g.set('A13', 'Đang học THCS');
  for (let k = 6; k <= 9; k++) rows.push(...bucketRows(14 + (k - 6) * 3, `Lớp ${k}`, c.grade[k]));
  rows.push(...bucketRows(26, 'Tốt nghiệp THCS', c.tnThcs));
  rows.push(...bucketRows(29, 'Đang học THPT/GDTX/GDNN', c.hocTiep));
  rows.push(...bucketRows(32, 'Bỏ học', c.dropped));
  for (const [row, label, value] of rows) {
    g.set(at('A', row), label);
    ageRow(g, row, cols, value, subs);
  }
  g.set('A36', 'Mức độ đạt chuẩn PCGD Tiểu học');
  g.set('G36', levelText('TH', ctx.levels.TH));
  g.set('A37', 'Mức độ đạt chuẩn XMC');
  g.set('G37', levelText('XMC', ctx.levels.XMC));
  const G39 = g.get('Z26') + g.get('Z27');
  g.set('A39', 'Thanh thiếu niên 15-18 tuổi có bằng TN THCS');
  g.formula('G39', 'Z26+Z27', G39);
  g.percent('H39', 'G39', 'Z12', G39, g.get('Z12'));
  const G40 = g.get('Z29') + g.get('Z30');
  g.set('A40', '15-18 tuổi đang học chương trình GDPT/GDTX cấp THPT hoặc GDNN');
  g.formula('G40', 'Z29+Z30', G40);
  g.percent('H40', 'G40', 'Z12', G40, g.get('Z12'));
  const kt = ['F', 'H', 'J', 'L', 'Z'];
  const G41 = kt.reduce((s, col) => s + g.get(`${col}11`), 0);
  const den41 = kt.reduce((s, col) => s + g.get(`${col}10`), 0);
  g.set('A41', 'Trẻ khuyết tật 11-18 tuổi được tiếp cận giáo dục');
  g.formula('G41', kt.map((col) => `${col}11`).join('+'), G41);
  g.percent('H41', 'G41', `(${kt.map((col) => `${col}10`).join('+')})`, G41, den41);
  g.set('A42', 'Tổng số học sinh THCS');
  g.count('G42', c.pupilsThcs, true);
  signature(g, 'M', 43, ctx);
  g.widths[0] = 34;
  return { code: 'THCS-M1', fileName: `1. PCGD_M1_THCS_${ctx.year}_${ctx.commune.name}.xlsx`, plan: g.toPlan('THCS-M1', 5) };
}

/* ---------------------------------------------------------------- THCS-TK */

export function formThcsTk(ctx: FormContext): FormPlan {
  const g = new Grid();
  const c = ctx.commune.counts;
  const r = ctx.commune.records.PC_THCS;
  titleBlock(g, ctx, 'Thống kê kết quả PCGD THCS', 'C2');
  const head = ['TT', 'Đơn vị', 'Số trường THCS', 'TTN 11-18', 'KT 11-18', 'Mức PCGD TH', 'Mức XMC', '15-18 tuổi TN THCS', '%', '15-18 đang học THPT/GDTX/GDNN', '%', 'KT 11-18', 'KT có khả năng HT', 'KT tiếp cận GD', '%', 'Đội ngũ', 'CSVC', 'Mức PCGD THCS'];
  head.forEach((h, i) => g.set(at(COL(i), 6), h, { bold: true }));
  rowTitle(g, ctx, 8);
  g.count('D8', sumAges(c.total, 11, 18), true);
  g.count('E8', sumAges(c.disabled, 11, 18), true);
  g.set('F8', levelText('TH', ctx.levels.TH));
  g.set('G8', levelText('XMC', ctx.levels.XMC));
  const den = r.tre_15_18t - r.mien_giam_15_18t;
  countPct(g, 'H8', 'I8', r.tre_15_18t_tn_thcs, den);
  countPct(g, 'J8', 'K8', r.tre_15_18t_hoc_tiep, den);
  g.count('L8', sumAges(c.disabled, 11, 18), true);
  g.count('M8', sumAges(c.canLearn, 11, 18), true);
  g.count('N8', sumAges(c.access, 11, 18), true);
  g.percent('O8', 'N8', 'M8', g.get('N8'), g.get('M8'));
  g.set('R8', levelText('THCS', ctx.levels.THCS));
  signature(g, 'K', 10, ctx);
  return { code: 'THCS-TK', fileName: `3. PCGD_THCS_${ctx.year}_TK_${ctx.commune.name}.xlsx`, plan: g.toPlan('THCS-TK') };
}

/* ------------------------------------------------------------------ XMC-3 */

export function formXmc3(ctx: FormContext): FormPlan {
  const g = new Grid();
  const c = ctx.commune.counts;
  titleBlock(g, ctx, 'Tổng hợp kết quả xóa mù chữ', 'C2');
  const head = ['Độ tuổi', 'Năm sinh', 'Dân số', 'Nữ', 'Dân tộc', 'Nữ DT', 'MC mức 1', 'Nữ', 'Dân tộc', 'Nữ DT', 'MC mức 2', 'Nữ', 'Dân tộc', 'Nữ DT', 'Biết chữ mức 2', 'Nữ', 'Dân tộc', 'Nữ DT', 'Tỷ lệ biết chữ %'];
  head.forEach((h, i) => g.set(at(COL(i), 7), h, { bold: true }));
  const groups: [string, ByAge[]][] = [['C', c.pop4], ['G', c.mc1], ['K', c.mc2], ['O', c.bc2]];
  const ageRowOf = (age: number) => (age <= 25 ? 9 + (age - 15) : age <= 35 ? 21 + (age - 26) : 32 + (age - 36));
  for (let age = 15; age <= 60; age++) {
    const row = ageRowOf(age);
    g.set(at('A', row), age);
    g.set(at('B', row), ctx.year - age);
    for (const [start, arr] of groups) for (let k = 0; k < 4; k++) g.count(at(COL(columnIndex(start) + k), row), arr[k][age]);
    g.percent(at('S', row), at('O', row), at('C', row), c.bc2[0][age], c.pop4[0][age]);
  }
  // Subtotal rows are cumulative (15–35 includes 15–25).
  const subtotal = (row: number, label: string, ranges: [number, number][]) => {
    g.set(at('A', row), label, { bold: true });
    for (let col = columnIndex('C'); col <= columnIndex('R'); col++) {
      const L = COL(col);
      const f = ranges.map(([a, b]) => `SUM(${L}${a}:${L}${b})`).join('+');
      const v = ranges.reduce((s, [a, b]) => {
        for (let r = a; r <= b; r++) s += g.get(`${L}${r}`);
        return s;
      }, 0);
      g.formula(at(L, row), f, v);
    }
    g.percent(at('S', row), at('O', row), at('C', row), g.get(at('O', row)), g.get(at('C', row)));
  };
  subtotal(20, 'Cộng 15-25', [[9, 19]]);
  subtotal(31, 'Cộng 15-35', [[9, 19], [21, 30]]);
  subtotal(57, 'Cộng 15-60', [[9, 19], [21, 30], [32, 56]]);
  signature(g, 'H', 59, ctx);
  return { code: 'XMC-3', fileName: `1. PCGD_XMC_3_${ctx.commune.name}.xlsx`, plan: g.toPlan('XMC-3', 8) };
}

/* ------------------------------------------------------------------ XMC-4 */

export function formXmc4(ctx: FormContext): FormPlan {
  const g = new Grid();
  const x = ctx.commune.records.XMC;
  titleBlock(g, ctx, 'Thống kê đạt chuẩn xóa mù chữ', 'A4');
  g.set('A6', 'TT', { bold: true });
  g.set('B6', 'Đơn vị', { bold: true });
  rowTitle(g, ctx, 8);
  const bands: [string, string][] = [['C', '15_25'], ['H', '15_35'], ['M', '15_60']];
  for (const [start, band] of bands) {
    const s = columnIndex(start);
    const [ts, d, e, f, gg] = [0, 1, 2, 3, 4].map((i) => COL(s + i));
    g.set(at(ts, 6), `Độ tuổi ${band.replace('_', '-')}`, { bold: true });
    ['Tổng số', 'Biết chữ mức độ 1', 'Tỉ lệ', 'Biết chữ mức độ 2', 'Tỉ lệ'].forEach((h, i) => g.set(at(COL(s + i), 7), h, { bold: true }));
    const total = x[`dan_so_${band}`] - x[`mien_giam_${band}`];
    g.count(at(ts, 8), total, true);
    g.count(at(d, 8), x[`biet_chu_m1_${band}`], true);
    g.percent(at(e, 8), at(d, 8), at(ts, 8), x[`biet_chu_m1_${band}`], total);
    g.count(at(f, 8), x[`biet_chu_m2_${band}`], true);
    g.percent(at(gg, 8), at(f, 8), at(ts, 8), x[`biet_chu_m2_${band}`], total);
  }
  g.set('R7', 'Kết luận', { bold: true });
  g.set('R8', levelText('XMC', ctx.levels.XMC));
  signature(g, 'K', 10, ctx);
  return { code: 'XMC-4', fileName: `4. TK_DATCHUAN_XMC_4_${ctx.commune.name}.xlsx`, plan: g.toPlan('XMC-4') };
}

/* ------------------------------------------------------------------ CMC-1 */

export function formCmc1(ctx: FormContext): FormPlan {
  const g = new Grid();
  const c = ctx.commune.counts;
  g.set('A1', 'TỔNG HỢP TÌNH HÌNH SỐ LIỆU CÔNG TÁC CHỐNG MÙ CHỮ', { bold: true });
  g.set('A2', `${ctx.commune.name}, tỉnh ${ctx.province ?? '…………'}`);
  g.set('A5', 'TT', { bold: true });
  g.set('B5', 'Đơn vị', { bold: true });
  g.set('C5', 'Tổng dân số', { bold: true });
  rowTitle(g, ctx, 8);
  const groupsAll = [c.pop4[0], c.pop4[1], c.pop4[2], c.pop4[3]];
  ['TS', 'Nữ', 'Dân tộc', 'Nữ dân tộc'].forEach((h, i) => {
    g.set(at(COL(2 + i), 7), h, { bold: true });
    g.count(at(COL(2 + i), 8), sumAges(groupsAll[i], 0, MAX_AGE), true);
  });
  const blocks: [string, number][] = [['G', 25], ['AA', 35], ['AU', 60]];
  for (const [start, hi] of blocks) {
    const s = columnIndex(start);
    g.set(at(start, 5), `Dân số từ 15-${hi} tuổi`, { bold: true });
    const pop = [0, 1, 2, 3].map((k) => sumAges(c.pop4[k], 15, hi));
    ['TS', 'Nữ', 'Dân tộc', 'Nữ dân tộc'].forEach((h, k) => {
      g.set(at(COL(s + k), 7), h, { bold: true });
      g.count(at(COL(s + k), 8), pop[k], true);
    });
    const base = at(start, 8);
    for (const [offset, arr, label] of [[4, c.mc1, 'Mù chữ mức độ 1'], [12, c.mc2, 'Mù chữ mức độ 2']] as const) {
      g.set(at(COL(s + offset), 6), label, { bold: true });
      for (let k = 0; k < 4; k++) {
        const nCol = COL(s + offset + k * 2);
        const pCol = COL(s + offset + k * 2 + 1);
        const n = sumAges(arr[k], 15, hi);
        g.set(at(nCol, 7), ['TSố', 'Nữ', 'Dân tộc', 'Nữ dân tộc'][k], { bold: true });
        g.set(at(pCol, 7), 'Tỷ lệ %', { bold: true });
        g.count(at(nCol, 8), n, true);
        // All eight % cells of a block divide by the block's total population (the system's 24 formulas).
        g.percent(at(pCol, 8), at(nCol, 8), base, n, pop[0]);
      }
    }
  }
  signature(g, 'X', 11, ctx);
  return { code: 'CMC-1', fileName: `3. PCGD_CMC_1_${ctx.commune.name}.xlsx`, plan: g.toPlan('CMC-1') };
}

/* --------------------------------------------------------------- MN-01-TE */

export function formMn01Te(ctx: FormContext): FormPlan {
  const g = new Grid();
  const c = ctx.commune.counts;
  g.set('B1', `Xã: ${ctx.commune.name}`, { bold: true });
  g.set('B2', `Tỉnh: ${ctx.province ?? '…………'}`);
  g.set('D2', `Thời điểm: tháng 09 năm ${ctx.year}`);
  g.set('B3', 'THỐNG KÊ TRẺ EM MẦM NON THEO ĐỘ TUỔI', { bold: true });
  const cols = [0, 1, 2, 3, 4, 5, 6].map((age) => ({ col: COL(columnIndex('F') + age), age }));
  for (const { col, age } of cols) {
    g.set(at(col, 4), ctx.year - age);
    g.set(at(col, 5), `${age} tuổi`, { bold: true });
  }
  g.set('M5', 'Tổng 0-5', { bold: true });
  const sub = [{ col: 'M', from: ['F', 'G', 'H', 'I', 'J', 'K'] }];
  const rows: [number, string, (age: number) => number][] = [
    [6, 'Tổng số trẻ trong độ tuổi', (a) => c.total[a]],
    [7, 'Trẻ em gái', (a) => c.female[a]],
    [8, 'Trẻ DTTS', (a) => c.minority[a]],
    [9, 'Trẻ khuyết tật trong độ tuổi - Tổng số', (a) => c.disabled[a]],
    [10, 'Có khả năng học tập', (a) => c.canLearn[a]],
    [11, 'Số trẻ được tiếp cận giáo dục', (a) => c.access[a]],
    [12, 'Số trẻ phải huy động', (a) => c.ppc[a]],
    [13, 'Số trẻ đến trường', (a) => c.inSchool[a]],
    [14, 'Học tại địa bàn', (a) => c.inSchoolAt[0][a]],
    [15, 'Học ngoài địa bàn', (a) => c.inSchoolAt[1][a]],
    [17, 'Trẻ em gái đến trường', (a) => c.femaleInSchool[a]],
    [18, 'Trẻ DTTS đến trường', (a) => c.minorityInSchool[a]],
    [21, 'Số trẻ học 2 buổi/ngày', (a) => c.twoSessions[a]],
    [24, 'Chuyển đi', (a) => c.movedOut[a]],
    [26, 'Số trẻ làm căn cứ tính tỷ lệ hoàn thành', (a) => c.ppc[a]],
    [27, 'Số trẻ hoàn thành Chương trình GDMN theo độ tuổi', (a) => c.mnDone[a]],
  ];
  for (const [row, label, value] of rows) {
    g.set(at('B', row), label);
    ageRow(g, row, cols, value, sub);
  }
  for (const [row, label, num, den] of [[16, 'Tỉ lệ huy động', 13, 12], [22, 'Tỉ lệ trẻ học 2 buổi', 21, 13], [28, 'Tỉ lệ hoàn thành chương trình GDMN', 27, 26]] as const) {
    g.set(at('B', row), label);
    for (const { col } of [...cols, { col: 'M' }]) g.percent(at(col, row), at(col, num), at(col, den), g.get(at(col, num)), g.get(at(col, den)));
  }
  g.widths[1] = 40;
  return { code: 'MN-01-TE', fileName: `MN-01-TE_${ctx.year}_${ctx.commune.name}.xlsx`, plan: g.toPlan('MN-01-TE', 5) };
}

/* ------------------------------------------------------------------ MN-02 */

export function formMn02(ctx: FormContext): FormPlan {
  const g = new Grid();
  const c = ctx.commune.counts;
  titleBlock(g, ctx, 'Thống kê kết quả PCGD MN', 'C2');
  const head = ['TT', 'Đơn vị', 'Số trường', 'Số điểm trường', 'Số lớp MG 5 tuổi', 'Trẻ 5 tuổi (PPC)', 'Đến lớp', '%', 'Trẻ 6 tuổi (PPC)', 'Trẻ 6 tuổi hoàn thành CTGDMN', '%', 'Trẻ KT', 'KT có khả năng HT', 'KT tiếp cận', '%', 'Đội ngũ', 'CSVC', 'Kết luận'];
  head.forEach((h, i) => g.set(at(COL(i), 5), h, { bold: true }));
  rowTitle(g, ctx, 7);
  g.count('F7', c.ppc[5], true);
  g.count('G7', c.inSchool[5], true);
  g.percent('H7', 'G7', 'F7', c.inSchool[5], c.ppc[5]);
  g.count('I7', c.ppc[6], true);
  g.count('J7', c.mnDone[6], true);
  g.percent('K7', 'J7', 'I7', c.mnDone[6], c.ppc[6]);
  g.count('L7', c.disabled[5], true);
  g.count('M7', c.canLearn[5], true);
  g.count('N7', c.access[5], true);
  g.percent('O7', 'N7', 'M7', c.access[5], c.canLearn[5]);
  g.set('R7', levelText('MN5', ctx.levels.MN5));
  signature(g, 'K', 9, ctx);
  return { code: 'MN-02', fileName: `MN-02_${ctx.year}_${ctx.commune.name}.xlsx`, plan: g.toPlan('MN-02') };
}

export const FORM_BUILDERS = [formThM1, formTh02, formThcsM1, formThcsTk, formXmc3, formXmc4, formCmc1, formMn01Te, formMn02];

/** Every form of one commune. */
export function communeForms(ctx: FormContext): FormPlan[] {
  return FORM_BUILDERS.map((b) => b(ctx));
}

/* --------------------------------------------------------------- Tổng hợp */

export interface TongHopInput {
  communes: { commune: CommuneRegister; levels: ProgrammeLevels; dbkkText: string }[];
  overall: ProgrammeLevels;
  unit: string;
  year: number | null;
  /** Lines naming the settings in force (registerNotes). */
  notes: string[];
}

export function tongHopPlan(input: TongHopInput): ReportSheetPlan {
  const g = new Grid();
  g.set('A1', 'TỔNG HỢP KẾT QUẢ PHỔ CẬP GIÁO DỤC – XÓA MÙ CHỮ THEO XÃ, PHƯỜNG', { bold: true });
  g.set('A2', `Đơn vị: ${input.unit}`);
  g.set('A3', input.year === null ? 'Năm điều tra: –' : `Năm điều tra: ${input.year} (năm học ${input.year}-${input.year + 1})`);
  const head = ['TT', 'Xã, phường', 'Mã xã', 'Xã ĐBKK', 'Năm điều tra', 'Số tệp thôn', 'Người được tính', 'Không tính (lỗi)', 'Trùng (tính một lần)', 'PCGD MN 5 tuổi', 'PCGD Tiểu học', 'PCGD THCS', 'Xóa mù chữ'];
  head.forEach((h, i) => g.set(at(COL(i), 5), h, { bold: true }));
  input.communes.forEach(({ commune: c, levels, dbkkText }, i) => {
    const r = 6 + i;
    g.set(at('A', r), i + 1);
    g.set(at('B', r), c.name);
    g.set(at('C', r), c.code);
    g.set(at('D', r), dbkkText);
    g.set(at('E', r), c.year);
    g.count(at('F', r), c.files.length, true);
    g.count(at('G', r), c.persons, true);
    g.count(at('H', r), c.excluded, true);
    g.count(at('I', r), c.duplicates, true);
    g.set(at('J', r), levelText('MN5', levels.MN5));
    g.set(at('K', r), levelText('TH', levels.TH));
    g.set(at('L', r), levelText('THCS', levels.THCS));
    g.set(at('M', r), levelText('XMC', levels.XMC));
  });
  const last = 5 + input.communes.length;
  const tr = last + 1;
  g.set(at('B', tr), input.unit || 'Toàn đơn vị', { bold: true });
  for (const col of ['F', 'G', 'H', 'I']) {
    let v = 0;
    for (let r = 6; r <= last; r++) v += g.get(`${col}${r}`);
    g.formula(at(col, tr), input.communes.length ? `SUM(${col}6:${col}${last})` : '0', v);
  }
  g.set(at('J', tr), levelText('MN5', input.overall.MN5), { bold: true });
  g.set(at('K', tr), levelText('TH', input.overall.TH), { bold: true });
  g.set(at('L', tr), levelText('THCS', input.overall.THCS), { bold: true });
  g.set(at('M', tr), levelText('XMC', input.overall.XMC), { bold: true });
  input.notes.forEach((line, i) => g.set(at('A', tr + 2 + i), line));
  g.widths[1] = 26;
  g.widths[3] = 30;
  return g.toPlan('Tổng hợp', 5);
}

/** Form sheet names are the form codes; used by tests and the pane to find them. */
export const FORM_CODES = ['TH-M1', 'TH-02', 'THCS-M1', 'THCS-TK', 'XMC-3', 'XMC-4', 'CMC-1', 'MN-01-TE', 'MN-02'];
