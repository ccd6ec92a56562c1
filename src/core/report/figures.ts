/**
 * Figures with provenance: a computed number together with the en-US Excel expression that
 * recomputes it from the source cells (so the report sheet can hold native formulas), and the cells
 * it was read from (so a blocking finding on any of them stops the sentence that uses it).
 */
import type { ParsedSheet, SheetRecord } from '../sheets/types';
import { formatNumber, formatPercentOf } from '../format/vn';
import type { CellKind, CellSource, ReportCell } from './model';
import { MISSING_TEXT } from './model';

export interface CellRef {
  sheet: string;
  address: string;
}

export interface Figure {
  /** null: not reported (all blank), or not computable (an error cell, a zero denominator). */
  value: number | null;
  /** Excel expression without the leading '=', or null when no faithful formula exists. */
  expr: string | null;
  /** Cells read. */
  cells: CellRef[];
  /** For rates: the two parts, kept to print "x/y" and to compute the percent without float noise. */
  num?: Figure;
  den?: Figure;
  /** Some inputs were blank (the sum covers the reported rows only). */
  partial?: boolean;
}

/** A criterion for SUMIFS/COUNTIFS: the column letter and the exact text the group's cells hold. */
export interface Criterion {
  column: string;
  text: string;
  /** The cells hold numbers (khối 5): the criterion is written unquoted. */
  numeric?: boolean;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function cellRef(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

function splitAddress(a: string): { col: string; row: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(a);
  return m ? { col: m[1], row: Number(m[2]) } : null;
}

function dataRowRange(sheet: ParsedSheet): { first: number; last: number } | null {
  if (sheet.records.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const r of sheet.records) {
    first = Math.min(first, r.row);
    last = Math.max(last, r.row);
  }
  return { first, last };
}

function columnRange(sheet: ParsedSheet, column: string): string | null {
  const rr = dataRowRange(sheet);
  if (!rr) return null;
  return `${quoteSheet(sheet.sheetName)}!${column}${rr.first}:${column}${rr.last}`;
}

const UNSAFE_CRITERION = /[*?~"]|^[<>=]/;

/**
 * Criteria that select exactly `group` among the sheet's records when written as SUMIFS/COUNTIFS
 * on the raw cell texts, or null when the texts are not uniform or not distinctive.
 */
export function criteriaFor(sheet: ParsedSheet, group: SheetRecord[], fields: string[]): Criterion[] | null {
  if (group.length === 0) return null;
  const crits: Criterion[] = [];
  for (const f of fields) {
    const column = sheet.columns[f];
    if (!column) return null;
    const raws = new Set(group.map((r) => r.fields[f]?.raw));
    if (raws.size !== 1) return null;
    const raw = [...raws][0];
    if (typeof raw === 'number' && Number.isFinite(raw)) {
      crits.push({ column, text: String(raw), numeric: true });
      continue;
    }
    if (typeof raw !== 'string' || raw.trim() === '' || UNSAFE_CRITERION.test(raw) || raw.length > 250) return null;
    crits.push({ column, text: raw });
  }
  const inGroup = new Set(group);
  const key = (r: SheetRecord) => fields.map((f) => String(r.fields[f]?.raw ?? '').toLocaleLowerCase('vi')).join('\u0001');
  const groupKey = key(group[0]);
  for (const r of sheet.records) {
    if (!inGroup.has(r) && key(r) === groupKey) return null;
  }
  return crits;
}

function criteriaArgs(sheet: ParsedSheet, crits: Criterion[]): string | null {
  const parts: string[] = [];
  for (const c of crits) {
    const range = columnRange(sheet, c.column);
    if (!range) return null;
    parts.push(c.numeric ? `${range},${c.text}` : `${range},"${c.text}"`);
  }
  return parts.join(',');
}

function isWholeSheet(sheet: ParsedSheet, recs: SheetRecord[]): boolean {
  return recs.length === sheet.records.length && recs.every((r, i) => r === sheet.records[i]);
}

/** The records are consecutive worksheet rows and no other data row lies between them. */
function contiguous(sheet: ParsedSheet, recs: SheetRecord[]): boolean {
  if (recs.length < 2) return false;
  for (let i = 1; i < recs.length; i++) if (recs[i].row !== recs[i - 1].row + 1) return false;
  const set = new Set(recs);
  return !sheet.records.some((r) => !set.has(r) && r.row >= recs[0].row && r.row <= recs[recs.length - 1].row);
}

/** Sum of a count field over records. Blank cells are skipped (as Excel's SUM does); an error cell makes the sum unknown. */
export function sumOf(sheet: ParsedSheet, recs: SheetRecord[], field: string, crits?: Criterion[] | null, optional = false): Figure {
  const column = sheet.columns[field];
  const cells: CellRef[] = [];
  if (!column) return { value: null, expr: null, cells };
  let total = 0;
  let reported = 0;
  let blank = 0;
  let invalid = false;
  let textual = false;
  for (const r of recs) {
    const fv = r.fields[field];
    const address = fv?.address ?? `${column}${r.row}`;
    cells.push({ sheet: sheet.sheetName, address });
    if (!fv || fv.value === null || fv.value === undefined) {
      if (fv?.invalid) invalid = true;
      else blank++;
      continue;
    }
    if (typeof fv.value !== 'number' || !Number.isFinite(fv.value)) {
      invalid = true;
      continue;
    }
    if (fv.fromText) textual = true;
    total += fv.value;
    reported++;
  }
  // A blank optional deduction (miễn giảm, chuyển đi) is none; a blank required count is unknown.
  if (invalid || (reported === 0 && !optional)) return { value: null, expr: null, cells };
  let expr: string | null = null;
  if (!textual) {
    if (recs.length === 1) expr = cellRef(sheet.sheetName, cells[0].address);
    else if (isWholeSheet(sheet, recs)) expr = `SUM(${columnRange(sheet, column)})`;
    else if (contiguous(sheet, recs)) expr = `SUM(${quoteSheet(sheet.sheetName)}!${column}${recs[0].row}:${column}${recs[recs.length - 1].row})`;
    else if (crits && crits.length) {
      const args = criteriaArgs(sheet, crits);
      const range = columnRange(sheet, column);
      if (args && range) expr = `SUMIFS(${range},${args})`;
    }
    if (!expr && recs.length <= 30) expr = `SUM(${cells.map((c) => cellRef(c.sheet, c.address)).join(',')})`;
  }
  // A blank optional cell is "none"; a blank required cell next to filled ones makes the sum partial.
  return { value: total, expr, cells, ...(blank > 0 && !optional ? { partial: true } : {}) };
}

/** Number of records (schools, communes). The formula counts the non-empty key cells. */
export function countOf(sheet: ParsedSheet, recs: SheetRecord[], keyField: string, crits?: Criterion[] | null): Figure {
  const column = sheet.columns[keyField];
  const cells = recs.map((r) => ({ sheet: sheet.sheetName, address: r.fields[keyField]?.address ?? `${column}${r.row}` }));
  const allKeyed = !!column && recs.every((r) => {
    const raw = r.fields[keyField]?.raw;
    return raw !== null && raw !== undefined && raw !== '';
  });
  let expr: string | null = null;
  if (allKeyed && recs.length > 0) {
    if (isWholeSheet(sheet, recs)) expr = `COUNTA(${columnRange(sheet, column!)})`;
    else if (crits && crits.length) {
      const args = criteriaArgs(sheet, crits);
      if (args) expr = `COUNTIFS(${args})`;
    }
  }
  return { value: recs.length, expr, cells };
}

/**
 * Schools in some QUY_MO rows. A row that fills "Số trường" ("Số cơ sở") is an aggregated row and
 * stands for that many schools (a row "Mầm non công lập | 23" is 23 schools); a row that leaves it
 * blank is one school. Without the column every row is one school (counted by its key cell).
 */
export function schoolsOf(sheet: ParsedSheet, recs: SheetRecord[], keyField: string, crits?: Criterion[] | null): Figure {
  if (!sheet.columns.so_truong) return countOf(sheet, recs, keyField, crits);
  const filled = recs.filter((r) => typeof r.fields.so_truong?.value === 'number');
  if (filled.length === 0 && !recs.some((r) => r.fields.so_truong?.invalid)) return countOf(sheet, recs, keyField, crits);
  if (filled.length === recs.length) return sumOf(sheet, recs, 'so_truong', crits);
  // Mixed rows (school rows and aggregated rows): the value, no faithful one-cell formula.
  const sum = sumOf(sheet, filled, 'so_truong', null);
  const rest = recs.filter((r) => !filled.includes(r));
  if (sum.value === null || rest.some((r) => r.fields.so_truong?.invalid)) return { value: null, expr: null, cells: [...sum.cells, ...countOf(sheet, rest, keyField).cells] };
  return { value: sum.value + rest.length, expr: null, cells: [...sum.cells, ...countOf(sheet, rest, keyField).cells] };
}

/**
 * Schools at a standard (chuẩn quốc gia ≥ 1, kiểm định ≥ 1): a school row counts when its level
 * column says so; an aggregated row brings its own count column ("Số trường đạt chuẩn quốc gia"),
 * never its level column (a level says nothing about how many of its schools reached it).
 */
export function schoolsAtLeast(sheet: ParsedSheet, recs: SheetRecord[], field: 'chuan_qg' | 'kdcl', countField: string, crits?: Criterion[] | null): Figure {
  const aggregated = sheet.columns.so_truong ? recs.filter((r) => typeof r.fields.so_truong?.value === 'number') : [];
  if (!aggregated.length) return countAtLeast(sheet, recs, field, 1, crits);
  const agg = sheet.columns[countField] ? sumOf(sheet, aggregated, countField, aggregated.length === recs.length ? crits : null) : { value: null, expr: null, cells: [] };
  if (aggregated.length === recs.length) return agg;
  const rest = recs.filter((r) => !aggregated.includes(r));
  const one = countAtLeast(sheet, rest, field, 1, null);
  if (agg.value === null || one.value === null) return { value: null, expr: null, cells: [...agg.cells, ...one.cells] };
  return { value: agg.value + one.value, expr: null, cells: [...agg.cells, ...one.cells] };
}

/** Records whose numeric field is ≥ min (schools at chuẩn quốc gia ≥ 1, kiểm định ≥ 1). Blank counts as 0 per SHEETS.md. */
export function countAtLeast(sheet: ParsedSheet, recs: SheetRecord[], field: string, min: number, crits?: Criterion[] | null): Figure {
  const column = sheet.columns[field];
  const cells: CellRef[] = [];
  if (!column) return { value: null, expr: null, cells };
  let n = 0;
  let invalid = false;
  let textual = false;
  for (const r of recs) {
    const fv = r.fields[field];
    cells.push({ sheet: sheet.sheetName, address: fv?.address ?? `${column}${r.row}` });
    if (fv?.invalid) invalid = true;
    if (fv?.fromText) textual = true;
    if (typeof fv?.value === 'number' && fv.value >= min) n++;
  }
  if (invalid) return { value: null, expr: null, cells };
  let expr: string | null = null;
  const range = columnRange(sheet, column);
  if (!textual && range) {
    if (isWholeSheet(sheet, recs)) expr = `COUNTIFS(${range},">=${min}")`;
    else if (crits && crits.length) {
      const args = criteriaArgs(sheet, crits);
      if (args) expr = `COUNTIFS(${args},${range},">=${min}")`;
    }
  }
  return { value: n, expr, cells };
}

export function constant(value: number | null): Figure {
  return { value, expr: value === null ? null : String(value), cells: [] };
}

/** Parenthesise an expression that has a top-level + or − (outside quotes and brackets). */
function wrap(expr: string): string {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === "'" || ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && (ch === '+' || ch === '-') && i > 0) return `(${expr})`;
  }
  return expr;
}

/** a + b + …; unknown when any part is unknown. */
export function add(...figs: Figure[]): Figure {
  const cells = figs.flatMap((f) => f.cells);
  if (figs.length === 0 || figs.some((f) => f.value === null)) return { value: null, expr: null, cells };
  const value = figs.reduce((s, f) => s + (f.value as number), 0);
  const expr = figs.every((f) => f.expr) ? figs.map((f) => f.expr).join('+') : null;
  return { value, expr, cells, partial: figs.some((f) => f.partial) };
}

/** a − b − …; unknown when a is unknown; unknown subtrahends count as unknown too. */
export function subtract(a: Figure, ...rest: Figure[]): Figure {
  const all = [a, ...rest];
  const cells = all.flatMap((f) => f.cells);
  if (all.some((f) => f.value === null)) return { value: null, expr: null, cells };
  const value = rest.reduce((s, f) => s - (f.value as number), a.value as number);
  const expr = all.every((f) => f.expr) ? [a.expr!, ...rest.map((f) => wrap(f.expr!))].join('-') : null;
  return { value, expr, cells, partial: all.some((f) => f.partial) };
}

/** num / den: a fraction (rates) or a quotient (class size); unknown when den is 0 or unknown. */
export function ratio(num: Figure, den: Figure): Figure {
  const cells = [...num.cells, ...den.cells];
  if (num.value === null || den.value === null || den.value === 0) return { value: null, expr: null, cells, num, den };
  const expr = num.expr && den.expr ? `IFERROR(${wrap(num.expr)}/${wrap(den.expr)},"")` : null;
  return { value: num.value / den.value, expr, cells, num, den, partial: num.partial || den.partial };
}

/** Optional field: a figure made of the present parts only (chuyen_di, chet may be absent). */
export function presentOnly(figs: Figure[]): Figure[] {
  return figs.filter((f) => f.value !== null);
}

function sourceOf(fig: Figure): CellSource | undefined {
  if (!fig.expr) return undefined;
  const single = /^'((?:[^']|'')*)'!([A-Z]{1,3}\d+)$/.exec(fig.expr);
  if (single) return { sheet: single[1].replace(/''/g, "'"), address: single[2] };
  return { formula: '=' + fig.expr };
}

export interface CellOptions {
  /** Keep the formula (current year only; another workbook's cells cannot be referenced). */
  formulas?: boolean;
  decimals?: number;
}

/** Marks a figure summed over some blank cells ("1.234*"); the section adds the footnote. */
export const PARTIAL_MARK = '*';

function partialOf(fig: Figure): Partial<ReportCell> {
  return fig.partial ? { partial: true } : {};
}

export function countCell(fig: Figure, opts: CellOptions = {}): ReportCell {
  if (fig.value === null) return { text: MISSING_TEXT, kind: 'text' };
  const src = opts.formulas === false ? undefined : sourceOf(fig);
  return { text: formatNumber(fig.value) + (fig.partial ? PARTIAL_MARK : ''), value: fig.value, kind: 'count', ...(src ? { source: src } : {}), ...partialOf(fig) };
}

export function quotientCell(fig: Figure, opts: CellOptions = {}): ReportCell {
  if (fig.value === null) return { text: MISSING_TEXT, kind: 'text' };
  const src = opts.formulas === false ? undefined : sourceOf(fig);
  return { text: formatNumber(fig.value, { decimals: opts.decimals ?? 2 }) + (fig.partial ? PARTIAL_MARK : ''), value: fig.value, kind: 'ratio', ...(src ? { source: src } : {}), ...partialOf(fig) };
}

export function rateCell(fig: Figure, opts: CellOptions = {}): ReportCell {
  if (fig.value === null || !fig.num || !fig.den || fig.num.value === null || fig.den.value === null) return { text: MISSING_TEXT, kind: 'text' };
  const src = opts.formulas === false ? undefined : sourceOf(fig);
  return {
    text: formatPercentOf(fig.num.value, fig.den.value, opts.decimals ?? 2) + (fig.partial ? PARTIAL_MARK : ''),
    value: fig.value,
    kind: 'rate',
    ...(src ? { source: src } : {}),
    ...partialOf(fig),
  };
}

/** Some input of the figures was blank next to filled cells: a sentence must not state the sum as the whole. */
export function anyPartial(...figs: (Figure | null | undefined)[]): boolean {
  return figs.some((f) => !!f?.partial || !!f?.num?.partial || !!f?.den?.partial);
}

/** Addresses of the inputs, for the paragraph's sources and the blocking check. */
export function cellsOf(...figs: Figure[]): CellRef[] {
  const seen = new Set<string>();
  const out: CellRef[] = [];
  for (const f of figs) {
    for (const c of f.cells) {
      const k = c.sheet + '!' + c.address;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(c);
      }
    }
  }
  return out;
}

export { splitAddress };
