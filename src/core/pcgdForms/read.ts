/**
 * One recognised PCGD form → its units (the commune, or each row of a multi-unit form), every
 * printed figure with its cell, the counts mapped onto SHEETS.md field ids, the printed rates and
 * levels, and the findings of the form on its own: a printed percentage that its own counts do not
 * give, a subtotal that is not the sum of its cells, labels that moved, birth years of another year,
 * and template leftovers ("Số liệu trong bảng là số liệu làm mẫu", "123/456"). Levels are decided
 * later, for the commune, from all its forms (./communes.ts → src/core/indicators).
 */
import { columnIndex, columnLetter, parseA1 } from '../a1';
import type { Bilingual, Finding } from '../findings';
import { finding } from '../findings';
import { formatNumber, formatPercent, roundHalfUp, truncateTo } from '../format/vn';
import { msg } from '../i18n';
import type { CommuneCounts } from '../indicators/measures';
import { foldText } from '../sheets/normalize';
import type { CellValue, SheetSnapshot } from '../types';
import { isCellError } from '../types';
import type { PercentCell, PrintedLevel } from './cells';
import { cellAt, cellRC, isBlankCell, readCount, readLevel, readPercent, textCells, textOf, yearOfText } from './cells';
import type { FigureDef, FormCode, FormLayout, FormProgramme } from './layouts';
import { CMC1_BLOCKS, FOUR_SPLITS, MN01TE_ROWS, MN01TE_VERSIONS, xmc3Row, XMC3_SUBTOTALS } from './layouts';
import type { Recognition } from './recognise';
import { foldByChar } from './recognise';

export interface PrintedRate {
  /** Fraction (97,38% → 0.9738). */
  value: number;
  address: string;
  decimals: number;
  /** Figure id on the form. */
  id: string;
  label: string;
  /** The printed value matches its own counts on the form (false: a finding was raised). */
  checked?: boolean;
}

export interface PrintedLevelCell {
  printed: PrintedLevel;
  address: string;
  text: string;
}

export interface FormUnit {
  /** Commune (or province/district) name as the form gives it. */
  name: string | null;
  nameSource: 'row' | 'title' | 'file' | null;
  /** A total row ("Toàn tỉnh", "Cộng", "TOÀN ĐƠN VỊ"): the higher unit, not a commune. */
  total: boolean;
  row?: number;
  /** Counts by SHEETS.md field id. */
  counts: CommuneCounts;
  /** Cells each count was read from (or computed from). */
  countCells: Record<string, string[]>;
  /** Counts derived from other figures (biết chữ = dân số − mù chữ), not printed as such. */
  derived: string[];
  /** Printed rates by indicator id (banded: `${indicator}_${band}`). */
  rates: Record<string, PrintedRate>;
  levels: Partial<Record<FormProgramme, PrintedLevelCell>>;
  /** Xã ĐBKK as the form says (MN-01-TC,ĐK column C). */
  dbkk?: boolean;
}

export interface FormReading {
  file: string;
  sheet: string;
  code: FormCode;
  layout: FormLayout;
  recognition: Recognition;
  province: string | null;
  /** Survey year of the "Thời điểm" line (the first year of the school year). */
  year: number | null;
  yearCell: string | null;
  units: FormUnit[];
  findings: Finding[];
  /** False when the form cannot be read by its cell map (labels moved): its figures are not used. */
  usable: boolean;
}

/* ------------------------------------------------------------------ names */

const COMMUNE_PREFIX = /^(xa|phuong|thi tran|tt|p|x|dac khu)\s+/;

/** Key of a commune name: folded, without "xã/phường/thị trấn", spaces collapsed. */
export function communeKey(name: string): string {
  return foldText(name).replace(COMMUNE_PREFIX, '').trim();
}

/** "Xã: Thành Vinh" / "Đơn vị: phường Thành Vinh" / "Thành Vinh, Tỉnh: Nghệ An" → the commune part. */
export function unitNameOf(text: string): string | null {
  let s = text.normalize('NFC').trim();
  if (!s) return null;
  // "Xã: Thành Vinh" keeps its word ("Xã Thành Vinh"); "Xã: xã Thành Vinh" does not say it twice.
  s = s.replace(/^(đơn vị báo cáo|đơn vị|don vi|xã\/phường|xã, phường|xã|phường)\s*:\s*/i, (m) => {
    const word = m.replace(/\s*:\s*$/, '');
    return /^(xã|phường)$/i.test(word) && !/^(xã|phường|thị trấn|đặc khu)\s/i.test(s.slice(m.length)) ? `${word} ` : '';
  });
  s = s.split(/,\s*(tỉnh|tinh|thành phố|tp\.?)\b/i)[0].trim();
  if (/^(tỉnh|tinh)\s*:/i.test(s)) return null;
  return s || null;
}

function isTotalName(name: string): boolean {
  return /^(toan tinh|toan huyen|toan quan|toan don vi|toan thanh pho|tong|tong cong|cong|cong tinh|cong huyen)\b/.test(foldText(name));
}

/** The commune in a system file name ("2. PCGD_2025_TH-02_phường Thành Vinh.xls" → "phường Thành Vinh"). */
export function communeOfFileName(file: string, layout: FormLayout): string | null {
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.(xlsx|xlsm|xls|htm|html|xml)$/i, '');
  const folded = foldByChar(base);
  const m = layout.fileNamePattern.exec(folded);
  if (!m) return null;
  let rest = base.slice(m.index + m[0].length);
  rest = rest.replace(/^[\s_.-]*(\d{4}[\s_.-]*)?/, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (!rest || /^\d+$/.test(rest)) return null;
  return rest;
}

/* ------------------------------------------------------------------ reading helpers */

type Where = Bilingual;

function whereOf(code: string, unit: string | null): Where {
  return unit ? msg('pcgd.where', { code, unit }) : msg('pcgd.where_no_unit', { code });
}

function shift(address: string, rows: number): string {
  const p = parseA1(address)!;
  return `${columnLetter(p.col)}${p.row + 1 + rows}`;
}

interface Ctx {
  sheet: SheetSnapshot;
  file: string;
  code: FormCode;
  findings: Finding[];
  place: { file: string; sheet: string };
}

function unreadable(ctx: Ctx, where: Where, address: string, label: string, raw: CellValue): void {
  ctx.findings.push(
    finding('bieu_pc_o_khong_doc_duoc', 'pcgd.o_khong_doc_duoc', { where, cell: address, label, raw: textOf(raw) }, { ...ctx.place, cells: [address], expected: null, actual: textOf(raw) }),
  );
}

/** A count; blank = 0 inside an age matrix (the system leaves zeros blank there). */
function count(ctx: Ctx, where: Where, address: string, label: string, blankIsZero: boolean): number | null {
  const c = readCount(ctx.sheet, address, blankIsZero);
  if (c.invalid) unreadable(ctx, where, address, label, c.raw);
  return c.value;
}

function sumCells(ctx: Ctx, where: Where, cells: string[], blankIsZero: boolean, label: string): number | null {
  let s = 0;
  for (const a of cells) {
    const v = count(ctx, where, a, label, blankIsZero);
    if (v === null) return null;
    s += v;
  }
  return s;
}

/** Compares a printed count with the sum of its cells; the parts win (they are the detail). */
function checkSum(ctx: Ctx, where: Where, address: string, label: string, printed: number | null, parts: string[], sum: number | null): void {
  if (printed === null || sum === null || printed === sum) return;
  ctx.findings.push(
    finding('bieu_pc_tong_khac', 'pcgd.tong_khac', { where, label, cell: address, actual: formatNumber(printed), expected: formatNumber(sum), parts: parts.length > 6 ? `${parts.slice(0, 5).join(', ')}, …` : parts.join(', '), diff: formatNumber(Math.abs(printed - sum)) }, {
      ...ctx.place, cells: [address, ...parts], expected: sum, actual: printed,
    }),
  );
}

/**
 * A printed percentage against Σ num / Σ den of its own cells, compared at the printed decimals (at
 * most 2). Returns the printed rate as a fraction (null when blank or unreadable).
 */
export function checkPercent(ctx: Ctx, where: Where, label: string, address: string, p: PercentCell, num: number | null, den: number | null, cells: string[]): { value: number | null; ok: boolean | null } {
  if (p.blank) return { value: null, ok: null };
  if (p.invalid) {
    if (p.text && /^\s*\d+\s*\/\s*\d+\s*$/.test(p.text)) leftover(ctx, where, address, p.text);
    else if (isCellError(p.raw)) ctx.findings.push(finding('bieu_pc_o_khong_doc_duoc', 'pcgd.o_khong_doc_duoc', { where, cell: address, label, raw: p.raw.error }, { ...ctx.place, cells: [address], expected: null, actual: p.raw.error }));
    else unreadable(ctx, where, address, label, p.raw);
    return { value: null, ok: null };
  }
  let value = p.value!;
  if (num === null || den === null || den <= 0) return { value, ok: null };
  const dec = p.decimals;
  const computed = (num * 100) / den;
  const want = roundHalfUp(computed, dec);
  let got = roundHalfUp(value * 100, dec);
  if (want !== got && p.alternative !== undefined && roundHalfUp(p.alternative * 100, dec) === want) {
    value = p.alternative;
    got = want;
  }
  if (want === got) return { value, ok: true };
  const truncated = truncateTo(computed, dec) === got;
  ctx.findings.push(
    finding('ty_le_in_sai', truncated ? 'rules.ty_le_cat_bot' : 'rules.ty_le_in_sai', {
      where, label, printed: formatPercent(got / 100, dec), computed: formatPercent(want / 100, dec), numerator: formatNumber(num), denominator: formatNumber(den),
    }, { ...ctx.place, cells: [address, ...cells], expected: roundHalfUp(want / 100, dec + 2), actual: roundHalfUp(got / 100, dec + 2), detail: { unit: 'percent', decimals: dec } }),
  );
  return { value, ok: false };
}

function leftover(ctx: Ctx, where: Where, address: string, text: string): void {
  ctx.findings.push(finding('bieu_pc_so_lieu_mau', 'pcgd.so_lieu_mau', { where, cell: address, text: text.length > 80 ? `${text.slice(0, 77)}…` : text }, { ...ctx.place, cells: [address], expected: null, actual: text }));
}

const SAMPLE_NOTE = /so lieu (trong bang )?la so lieu (lam )?mau|so lieu lam mau|so lieu vi du/;

/** Template leftovers anywhere on the form: the red sample note and "123/456" ratio strings. */
function leftovers(ctx: Ctx, where: Where): void {
  for (const c of textCells(ctx.sheet, 120, 70)) {
    const f = foldText(c.text);
    if (SAMPLE_NOTE.test(f) || /^\s*123\s*\/\s*456\s*$/.test(c.text)) leftover(ctx, where, `${columnLetter(c.col)}${c.row + 1}`, c.text);
  }
}

/* ------------------------------------------------------------------ labels and years */

function rowLabel(sheet: SheetSnapshot, row: number, cols: string[]): string {
  return foldText(cols.map((c) => textOf(cellAt(sheet, `${c}${row}`))).join(' '));
}

/**
 * Labels that moved: an anchor's words found one to three rows (or columns) away and not in place.
 * Unknown wording in place is not a finding (the official wording is only known second-hand).
 */
function labelsMoved(ctx: Ctx, l: FormLayout, where: Where): boolean {
  let moved = false;
  for (const a of l.anchors) {
    const p = parseA1(a.address)!;
    const isRow = /^[A-E]$/.test(columnLetter(p.col)) && l.kind !== 'unit-row';
    const at = (dr: number, dc: number) => (isRow ? rowLabel(ctx.sheet, p.row + 1 + dr, l.matrix?.labelCols ?? ['A', 'B', 'C', 'D', 'E']) : foldText(textOf(cellRC(ctx.sheet, p.row + dr, p.col + dc))));
    const matches = (t: string) => a.any.some((w) => new RegExp(`(^| )${w}( |$)`).test(t));
    const here = at(0, 0);
    if (here && matches(here)) continue;
    for (const d of [1, -1, 2, -2, 3, -3]) {
      const there = isRow ? at(d, 0) : at(0, d);
      if (there && matches(there)) {
        const found = isRow ? `${columnLetter(p.col)}${p.row + 1 + d}` : `${columnLetter(p.col + d)}${p.row + 1}`;
        ctx.findings.push(finding('bieu_pc_nhan_lech', 'pcgd.nhan_lech', { where, words: a.any[0], found, expected: a.address }, { ...ctx.place, cells: [found, a.address], expected: a.address, actual: found }));
        moved = true;
        break;
      }
    }
  }
  return moved;
}

/** The survey year from the "Thời điểm …" line (at its cell, else anywhere in the title block). */
function yearOf(sheet: SheetSnapshot, l: FormLayout): { year: number | null; cell: string | null } {
  const at = l.titleCells.date;
  if (at) {
    const y = yearOfText(textOf(cellAt(sheet, at)));
    if (y) return { year: y, cell: at };
  }
  for (const c of textCells(sheet, 8, 30)) {
    if (/thoi diem|tinh den|nam hoc/.test(foldText(c.text))) {
      const y = yearOfText(c.text);
      if (y) return { year: y, cell: `${columnLetter(c.col)}${c.row + 1}` };
    }
  }
  return { year: null, cell: null };
}

/** Birth years above the age columns must be year − age (else: another year's table, or moved columns). */
function birthYears(ctx: Ctx, l: FormLayout, year: number | null, where: Where, ages: { age: number; col: string }[], row: number): void {
  if (year === null) return;
  for (const { age, col } of ages) {
    const v = cellAt(ctx.sheet, `${col}${row}`);
    const n = typeof v === 'number' ? v : Number(textOf(v));
    if (isBlankCell(v) || !Number.isInteger(n) || n < 1900 || n > 2100) continue;
    if (n !== year - age) {
      ctx.findings.push(finding('bieu_pc_nam_sinh_lech', 'pcgd.nam_sinh_lech', { where, cell: `${col}${row}`, actual: String(n), age, year, expected: String(year - age) }, { ...ctx.place, cells: [`${col}${row}`], expected: year - age, actual: n }));
      return;
    }
  }
}

/* ------------------------------------------------------------------ units */

function emptyUnit(name: string | null, nameSource: FormUnit['nameSource'], total = false, row?: number): FormUnit {
  return { name, nameSource, total, ...(row ? { row } : {}), counts: {}, countCells: {}, derived: [], rates: {}, levels: {} };
}

function rateKey(f: FigureDef): string | null {
  if (!f.indicator) return null;
  return f.band ? `${f.indicator}_${f.band}` : f.indicator;
}

function setCount(u: FormUnit, field: string, value: number | null, cells: string[], derived = false): void {
  u.counts[field] = value;
  u.countCells[field] = cells;
  if (derived && !u.derived.includes(field)) u.derived.push(field);
}

/** Figures of a form at a row offset (unit-row forms: 0 for the data row, k for the k-th next row). */
function readFigures(ctx: Ctx, l: FormLayout, u: FormUnit, offset: number, where: Where, blankIsZero: boolean): Map<string, number | null> {
  const at = (a: string) => (offset ? shift(a, offset) : a);
  const values = new Map<string, number | null>();
  for (const f of l.figures) {
    if (f.kind !== 'count') continue;
    const address = at(f.address);
    const printed = count(ctx, where, address, f.label, blankIsZero);
    let value = printed;
    let cells = [address];
    if (f.sum && !(f.sum.length === 2 && f.sum[0] === f.address)) {
      const parts = f.sum.map(at);
      const sum = sumCells(ctx, where, parts, l.kind === 'age-matrix', f.label);
      checkSum(ctx, where, address, f.label, printed, parts, sum);
      if (sum !== null) {
        value = sum;
        cells = parts;
      }
    } else if (f.sum) {
      // A count split over two cells of the unit row (THCS-M2 O + P).
      const parts = f.sum.map(at);
      value = sumCells(ctx, where, parts, true, f.label);
      cells = parts;
    }
    values.set(f.id, value);
    if (f.field) setCount(u, f.field, value, cells);
  }
  for (const f of l.figures) {
    const address = at(f.address);
    if (f.kind === 'percent' && f.of) {
      const p = readPercent(ctx.sheet, address);
      const num = f.of.num.length ? sumCells(ctx, where, f.of.num.map(at), blankIsZero || l.kind === 'age-matrix', f.label) : null;
      const den = f.of.den.length ? sumCells(ctx, where, f.of.den.map(at), blankIsZero || l.kind === 'age-matrix', f.label) : null;
      const r = checkPercent(ctx, where, f.label, address, p, num, den, [...f.of.num, ...f.of.den].map(at));
      const key = rateKey(f);
      if (key && r.value !== null) u.rates[key] = { value: r.value, address, decimals: p.decimals, id: f.id, label: f.label, ...(r.ok !== null ? { checked: r.ok } : {}) };
    } else if (f.kind === 'level' && f.programme) {
      const lv = readLevel(ctx.sheet, address);
      u.levels[f.programme] = { printed: lv, address, text: textOf(lv.raw) };
      if (lv.kind === 'unreadable') unreadable(ctx, where, address, f.label, lv.raw);
      if (lv.kind === 'gate') ctx.findings.push(finding('bieu_pc_muc_do_khong_chinh_thuc', 'pcgd.muc_do_khong_chinh_thuc', { where, cell: address, text: lv.text }, { ...ctx.place, cells: [address], expected: null, actual: lv.text }));
    } else if (f.kind === 'status' && f.id === 'dbkk') {
      const t = foldText(textOf(cellAt(ctx.sheet, address)));
      if (t) u.dbkk = /^(x|co|1|dbkk|v)$/.test(t) || t.includes('dbkk') || t.includes('dac biet kho khan');
    }
  }
  return values;
}

/* ------------------------------------------------------------------ per kind */

function readMatrix(ctx: Ctx, l: FormLayout, u: FormUnit, where: Where, year: number | null): void {
  const m = l.matrix!;
  birthYears(ctx, l, year, where, m.ages, m.birthYearRow);
  // Subtotal columns of every row.
  for (const r of m.rows) {
    for (const s of m.subtotals) {
      const parts = s.ages.map((a) => `${m.ages.find((x) => x.age === a)!.col}${r.row}`);
      const printed = readCount(ctx.sheet, `${s.col}${r.row}`, false);
      if (printed.blank) continue;
      if (printed.invalid) {
        unreadable(ctx, where, `${s.col}${r.row}`, `${r.label} (${s.label})`, printed.raw);
        continue;
      }
      checkSum(ctx, where, `${s.col}${r.row}`, `${r.label} (${s.label})`, printed.value, parts, sumCells(ctx, where, parts, true, r.label));
    }
  }
  readFigures(ctx, l, u, 0, where, true);
  // A subtotal cell left blank while its ages are filled: the count is the ages' sum.
  for (const [field, cells] of Object.entries(u.countCells)) {
    if (u.counts[field] !== 0 || cells.length !== 1) continue;
    const p = parseA1(cells[0])!;
    const sub = m.subtotals.find((s) => s.col === columnLetter(p.col));
    const row = m.rows.find((r) => r.row === p.row + 1);
    if (!sub || !row || !readCount(ctx.sheet, cells[0]).blank) continue;
    const parts = sub.ages.map((a) => `${m.ages.find((x) => x.age === a)!.col}${row.row}`);
    setCount(u, field, sumCells(ctx, where, parts, true, row.label), parts);
  }
}

function readMn01te(ctx: Ctx, l: FormLayout, u: FormUnit, where: Where, version: '2026' | 'cu', year: number | null): void {
  const v = MN01TE_VERSIONS.find((x) => x.id === version)!;
  // Rows by label (the two versions differ by a column and a row).
  const labelCols = version === '2026' ? ['A', 'B', 'C', 'D', 'E'] : ['A', 'B', 'C', 'D'];
  const found = new Map<string, number>();
  for (let row = 3; row <= 45; row++) {
    const t = rowLabel(ctx.sheet, row, labelCols);
    if (!t) continue;
    for (const def of MN01TE_ROWS) {
      if (found.has(def.id)) continue;
      if (def.match.some((g) => g.every((w) => t.includes(w)))) {
        found.set(def.id, row);
        break;
      }
    }
  }
  const must = ['phai_huy_dong', 'den_truong'];
  const missing = must.filter((id) => !found.has(id));
  if (missing.length) {
    ctx.findings.push(finding('bieu_pc_khong_tim_thay_dong', 'pcgd.khong_tim_thay_dong', { where, rows: missing.map((id) => MN01TE_ROWS.find((d) => d.id === id)!.label).join('; ') }, { ...ctx.place, cells: [], expected: null, actual: null }));
    return;
  }
  const birthRow = (found.get('tong_so') ?? 7) - 2;
  birthYears(ctx, l, year, where, v.ageCols.map((col, age) => ({ age, col })), birthRow);
  const cell = (id: string, age: number) => `${v.ageCols[age]}${found.get(id)}`;
  const get = (id: string, age: number) => (found.has(id) ? count(ctx, where, cell(id, age), MN01TE_ROWS.find((d) => d.id === id)!.label, true) : null);
  const sumAges = (id: string, ages: number[]) => {
    let s = 0;
    for (const a of ages) {
      const x = get(id, a);
      if (x === null) return null;
      s += x;
    }
    return s;
  };
  // The total column (0–5) of every count row.
  for (const def of MN01TE_ROWS) {
    if (def.kind === 'percent' || !found.has(def.id)) continue;
    const addr = `${v.totalCol}${found.get(def.id)}`;
    const printed = readCount(ctx.sheet, addr);
    if (printed.blank || printed.invalid) continue;
    checkSum(ctx, where, addr, `${def.label} (0-5 tuổi)`, printed.value, [0, 1, 2, 3, 4, 5].map((a) => cell(def.id, a)), sumAges(def.id, [0, 1, 2, 3, 4, 5]));
  }
  setCount(u, 'tre_5t', get('phai_huy_dong', 5), [cell('phai_huy_dong', 5)]);
  setCount(u, 'tre_5t_ra_lop', get('den_truong', 5), [cell('den_truong', 5)]);
  // The 5-year column of the completion row counts by age; MN-02 (J = 6-year-olds of the PPC who
  // completed, K = J / I) is the system's MN5 figure. Both fill tre_5t_hoan_thanh, so this one is the
  // weaker source: MN-02's wins where both are given and the two are not compared as one figure
  // (a register's forms put its completers in the 6-year column, REAL-FORMS §1.6).
  if (found.has('hoan_thanh')) setCount(u, 'tre_5t_hoan_thanh', get('hoan_thanh', 5), [cell('hoan_thanh', 5)], true);
  setCount(u, 'tre_3_5t', sumAges('phai_huy_dong', [3, 4, 5]), [3, 4, 5].map((a) => cell('phai_huy_dong', a)));
  setCount(u, 'tre_3_5t_ra_lop', sumAges('den_truong', [3, 4, 5]), [3, 4, 5].map((a) => cell('den_truong', a)));
  setCount(u, 'tre_0_2t', sumAges('phai_huy_dong', [0, 1, 2]), [0, 1, 2].map((a) => cell('phai_huy_dong', a)));
  setCount(u, 'tre_0_2t_ra_lop', sumAges('den_truong', [0, 1, 2]), [0, 1, 2].map((a) => cell('den_truong', a)));
  for (const a of [3, 4]) setCount(u, `tre_${a}t_dang_hoc`, get('den_truong', a), [cell('den_truong', a)]);
  if (found.has('hoan_thanh')) for (const a of [3, 4, 5]) setCount(u, `tre_${a}t_hoan_thanh_theo_do_tuoi`, get('hoan_thanh', a), [cell('hoan_thanh', a)]);
  // Printed rates of the 5-year-olds: attendance 13/12, completion 27/26 (older master: 27/14).
  const rates: [string, string, string, string, string][] = [
    ['ty_le_huy_dong', 'den_truong', 'phai_huy_dong', 'MN5_HUYDONG', 'Tỉ lệ huy động trẻ 5 tuổi'],
    ['ty_le_hoan_thanh', 'hoan_thanh', found.has('can_cu_hoan_thanh') ? 'can_cu_hoan_thanh' : 'den_truong', 'MN5_HOANTHANH', 'Tỉ lệ hoàn thành CT GDMN trẻ 5 tuổi'],
  ];
  for (const [id, num, den, indicator, label] of rates) {
    if (!found.has(id)) continue;
    const addr = cell(id, 5);
    const p = readPercent(ctx.sheet, addr);
    const r = checkPercent(ctx, where, label, addr, p, get(num, 5), get(den, 5), [cell(num, 5), cell(den, 5)]);
    if (r.value !== null) u.rates[indicator] = { value: r.value, address: addr, decimals: p.decimals, id, label, ...(r.ok !== null ? { checked: r.ok } : {}) };
  }
}

function readXmc3(ctx: Ctx, l: FormLayout, u: FormUnit, where: Where, year: number | null): void {
  const ageRows = Array.from({ length: 46 }, (_, i) => ({ age: 15 + i, row: xmc3Row(15 + i) }));
  // Birth years in column B.
  if (year !== null) {
    for (const { age, row } of ageRows) {
      const v = cellAt(ctx.sheet, `B${row}`);
      const n = typeof v === 'number' ? v : Number(textOf(v));
      if (isBlankCell(v) || !Number.isInteger(n) || n < 1900) continue;
      if (n !== year - age) {
        ctx.findings.push(finding('bieu_pc_nam_sinh_lech', 'pcgd.nam_sinh_lech', { where, cell: `B${row}`, actual: String(n), age, year, expected: String(year - age) }, { ...ctx.place, cells: [`B${row}`], expected: year - age, actual: n }));
        break;
      }
    }
  }
  // Cumulative subtotal rows for every count column C…R, and S = O / C on every row.
  for (const s of XMC3_SUBTOTALS) {
    for (let c = columnIndex('C'); c <= columnIndex('R'); c++) {
      const L = columnLetter(c);
      const parts = s.ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => `${L}${a + i}`));
      const printed = readCount(ctx.sheet, `${L}${s.row}`);
      if (printed.blank || printed.invalid) continue;
      checkSum(ctx, where, `${L}${s.row}`, `${s.label} – cột ${L}`, printed.value, [`${L}${s.ranges[0][0]}:${L}${s.ranges[s.ranges.length - 1][1]}`], sumCells(ctx, where, parts, true, s.label));
    }
  }
  for (const { age, row } of ageRows) {
    const p = readPercent(ctx.sheet, `S${row}`);
    if (p.blank) continue;
    checkPercent(ctx, where, `Tỷ lệ biết chữ ${age} tuổi`, `S${row}`, p, readCount(ctx.sheet, `O${row}`, true).value, readCount(ctx.sheet, `C${row}`, true).value, [`O${row}`, `C${row}`]);
  }
  readFigures(ctx, l, u, 0, where, false);
  for (const s of XMC3_SUBTOTALS) {
    const pop = u.counts[`dan_so_${s.band}`];
    const mc1 = readCount(ctx.sheet, `G${s.row}`).value;
    if (pop !== null && pop !== undefined && mc1 !== null) setCount(u, `biet_chu_m1_${s.band}`, pop - mc1, [`C${s.row}`, `G${s.row}`], true);
  }
}

function readCmc2(ctx: Ctx, u: FormUnit, where: Where): void {
  for (const L of ['B', 'C', 'D', 'F', 'G', 'H', 'J', 'K', 'L']) {
    const parts = [`${L}8`, `${L}9`, `${L}10`];
    const printed = readCount(ctx.sheet, `${L}11`);
    if (printed.blank || printed.invalid) continue;
    checkSum(ctx, where, `${L}11`, `Cộng 15-60 – cột ${L}`, printed.value, parts, sumCells(ctx, where, parts, true, 'Cộng 15-60'));
  }
  const v = (a: string) => readCount(ctx.sheet, a, true).value;
  const bands: [string, string[]][] = [['15_25', ['8']], ['15_35', ['8', '9']], ['15_60', ['8', '9', '10']]];
  for (const [band, rws] of bands) {
    const pop = rws.reduce<number | null>((s, r) => (s === null || v(`B${r}`) === null ? null : s + v(`B${r}`)!), 0);
    setCount(u, `dan_so_${band}`, pop, rws.map((r) => `B${r}`), true);
    for (const [level, colL] of [[1, 'F'], [2, 'J']] as const) {
      const mc = rws.reduce<number | null>((s, r) => (s === null || v(`${colL}${r}`) === null ? null : s + v(`${colL}${r}`)!), 0);
      if (pop !== null && mc !== null) setCount(u, `biet_chu_m${level}_${band}`, pop - mc, [...rws.map((r) => `B${r}`), ...rws.map((r) => `${colL}${r}`)], true);
    }
  }
}

function readCmc1(ctx: Ctx, l: FormLayout, u: FormUnit, where: Where): void {
  // The official form divides every rate of a block by the block's total population; a copy that
  // divides nữ by nữ (and so on) is named so the user knows which denominator it used.
  for (const f of l.figures) {
    if (f.kind !== 'percent' || !f.of) continue;
    const p = readPercent(ctx.sheet, f.address);
    if (p.blank || p.invalid || p.value === null) continue;
    const num = readCount(ctx.sheet, f.of.num[0], true).value;
    const den = readCount(ctx.sheet, f.of.den[0], true).value;
    if (num === null || den === null || den <= 0) continue;
    const dec = p.decimals;
    if (roundHalfUp((num * 100) / den, dec) === roundHalfUp(p.value * 100, dec)) continue;
    const split = FOUR_SPLITS.findIndex((s) => f.id.includes(`_${s.id}_`) && !(s.id === 'nu' && f.id.includes('_nu_dt_')));
    const block = CMC1_BLOCKS.find((b) => f.id.endsWith(b.band))!;
    if (split > 0) {
      const own = `${columnLetter(columnIndex(block.start) + split)}8`;
      const ownDen = readCount(ctx.sheet, own, true).value;
      if (ownDen && roundHalfUp((num * 100) / ownDen, dec) === roundHalfUp(p.value * 100, dec)) {
        ctx.findings.push(finding('bieu_pc_cmc1_mau_so', 'pcgd.cmc1_mau_so', { where, cell: f.address, label: f.label, den: own, official: f.of.den[0] }, { ...ctx.place, cells: [f.address, own, f.of.den[0]], expected: f.of.den[0], actual: own }));
        continue;
      }
    }
    checkPercent(ctx, where, f.label, f.address, p, num, den, [...f.of.num, ...f.of.den]);
  }
  const counts = readFigures({ ...ctx, findings: [] }, { ...l, figures: l.figures.filter((f) => f.kind === 'count') }, u, 0, where, true);
  for (const b of CMC1_BLOCKS) {
    const pop = counts.get(`dan_so_ts_${b.band}`) ?? null;
    for (const level of [1, 2]) {
      const mc = counts.get(`mc${level}_ts_${b.band}`) ?? null;
      if (pop !== null && mc !== null) {
        const fig = l.figures.find((f) => f.id === `mc${level}_ts_${b.band}`)!;
        setCount(u, `biet_chu_m${level}_${b.band}`, pop - mc, [`${b.start}8`, fig.address], true);
      }
    }
  }
}

/** Rows of a unit-row form: the data row and, on a province export, the rows below it. */
function unitRows(ctx: Ctx, l: FormLayout): { row: number; name: string | null }[] {
  const out: { row: number; name: string | null }[] = [];
  const unitCol = l.unitCol!;
  for (let row = l.dataRow!; row < l.dataRow! + 400; row++) {
    const name = textOf(cellAt(ctx.sheet, `${unitCol}${row}`));
    if (!name) {
      if (row === l.dataRow) out.push({ row, name: null });
      break;
    }
    const f = foldText(name);
    if (/xac nhan|ngay .* thang|nguoi lap|chu tich|giam doc|hieu truong/.test(f)) break;
    out.push({ row, name });
  }
  return out;
}

/* ------------------------------------------------------------------ entry point */

/** Reads a sheet recognised as a PCGD form. */
export function readForm(sheet: SheetSnapshot, file: string, rec: Recognition): FormReading {
  const l = rec.layout;
  const findings: Finding[] = [];
  const ctx: Ctx = { sheet, file, code: l.code, findings, place: { file, sheet: sheet.name } };
  const province = l.titleCells.province ? textOf(cellAt(sheet, l.titleCells.province)).replace(/^(tỉnh|tinh|tỉnh\/thành phố|tỉnh\/tp)\s*:\s*/i, '').trim() || null : null;
  const titleUnit = l.titleCells.unit ? unitNameOf(textOf(cellAt(sheet, l.titleCells.unit))) : null;
  const fileUnit = communeOfFileName(file, l);
  const { year, cell: yearCell } = yearOf(sheet, l);
  const titleName = titleUnit && !/^(tinh|tỉnh)\b/i.test(titleUnit) ? titleUnit : null;
  const name = titleName ?? fileUnit;
  const nameSource: FormUnit['nameSource'] = titleName ? 'title' : fileUnit ? 'file' : null;
  const where = whereOf(l.code, name);
  leftovers(ctx, where);
  const moved = labelsMoved(ctx, l, where);
  const units: FormUnit[] = [];
  if (!moved) {
    if (l.kind === 'unit-row' && l.code !== 'CMC-1') {
      for (const { row, name: rowName } of unitRows(ctx, l)) {
        const n = rowName ? unitNameOf(rowName) : null;
        // A sub-row (" - Độ tuổi 5 tuổi") breaks a total down; it is no unit of its own.
        if (rowName && /^\s*[-–+]/.test(rowName)) continue;
        const total = !!rowName && isTotalName(rowName);
        const unitName = total ? rowName : n && units.length === 0 && rowName && !/^\d+$/.test(rowName) ? n : n ?? name;
        const u = emptyUnit(unitName ?? name, unitName ? 'row' : nameSource, total, row);
        readFigures(ctx, l, u, row - l.dataRow!, whereOf(l.code, u.name), false);
        units.push(u);
      }
      // A commune export names its one row after the commune of the title block.
      if (units.length === 1 && titleName && !units[0].total) {
        units[0].name = titleName;
        units[0].nameSource = 'title';
      }
    } else {
      const u = emptyUnit(name, nameSource);
      if (l.matrix) readMatrix(ctx, l, u, where, year);
      else if (l.code === 'MN-01-TE') readMn01te(ctx, l, u, where, rec.version ?? '2026', year);
      else if (l.code === 'XMC-3') readXmc3(ctx, l, u, where, year);
      else if (l.code === 'CMC-2') readCmc2(ctx, u, where);
      else if (l.code === 'CMC-1') {
        const rowName = unitNameOf(textOf(cellAt(sheet, 'B8')));
        if (!u.name && rowName) {
          u.name = rowName;
          u.nameSource = 'row';
        }
        readCmc1(ctx, l, u, where);
      }
      units.push(u);
    }
    if (!name && !units.some((u) => u.name) && l.programme) {
      findings.push(finding('bieu_pc_khong_ro_xa', 'pcgd.khong_ro_xa', { code: l.code, cell: l.titleCells.unit ?? 'A2' }, { file, sheet: sheet.name, cells: l.titleCells.unit ? [l.titleCells.unit] : [], expected: null, actual: null }));
    }
  }
  return { file, sheet: sheet.name, code: l.code, layout: l, recognition: rec, province, year, yearCell, units, findings, usable: !moved };
}
