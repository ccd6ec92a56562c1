/**
 * A CSDL start-of-year statistics report (biểu 01 MN, 02 TH, 03 THCS; REAL-FORMS §4.2–4.3) read by
 * Mã số, never by row number: the header block above the "Mã số" column gives each value column its
 * ownership (Tổng số / Công lập / Tư thục / Dân lập) and measure (tổng số, nữ, dân tộc thiểu số and
 * its nữ, kiên cố…), from merged headers when the file has them, else by filling group headers
 * across. Cells holding "#" or "?" are placeholders, a cached #VALUE! is a formula error: findings,
 * never numbers. The checks are in ./checks.ts.
 */
import { columnLetter, parseA1Range } from '../a1';
import type { Finding } from '../findings';
import { foldText } from '../sheets/normalize';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../types';
import { isCellError } from '../types';
import { parseVnNumber } from '../parse';
import type { CsdlBieu, Measure, Ownership } from './codes';
import { CSDL_BIEU } from './codes';

export interface CsdlColumn {
  /** 0-based worksheet column. */
  col: number;
  ownership: Ownership;
  measure: Measure;
}

export interface CsdlCell {
  value: number | null;
  raw: CellValue;
  address: string;
  kind: 'number' | 'blank' | 'placeholder' | 'error' | 'text';
}

export interface CsdlRow {
  ma: number;
  /** 1-based worksheet row. */
  row: number;
  tt: string;
  label: string;
  unit: string;
  /** By column index (0-based). */
  cells: Map<number, CsdlCell>;
}

export interface CsdlSheet {
  name: string;
  columns: CsdlColumn[];
  rows: CsdlRow[];
  maCol: number;
}

export interface CsdlReport {
  file: string;
  bieu: CsdlBieu;
  /** "Sở GDĐT tỉnh …" when the export names it (dots are no name). */
  unit: string | null;
  /** School year from the file name ("…_2020_bieu-02-th-dn.xlsx" → 2020-2021), when it says. */
  schoolYear: string | null;
  sheets: CsdlSheet[];
  /** Mã số → where it is. */
  byCode: Map<number, { sheet: CsdlSheet; row: CsdlRow }>;
  missingSheets: string[];
  findings: Finding[];
}

const OWNERSHIP: [RegExp, Ownership][] = [
  [/^cong lap$/, 'cl'],
  [/^tu thuc$/, 'tt'],
  [/^dan lap$/, 'dl'],
  [/^tong so$|^tong$/, 'tong'],
];

function cell(sheet: SheetSnapshot, r: number, c: number): CellValue {
  const v = sheet.values[r - sheet.origin.row]?.[c - sheet.origin.col];
  return v === undefined ? null : v;
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.normalize('NFC').trim();
  if (typeof v === 'number') return String(v);
  return '';
}

function lastRow(sheet: SheetSnapshot): number {
  return sheet.origin.row + sheet.values.length - 1;
}

function lastCol(sheet: SheetSnapshot): number {
  let w = 0;
  for (const r of sheet.values) if (r && r.length > w) w = r.length;
  return sheet.origin.col + w - 1;
}

/** Row and column of the "Mã số" header (within the first 12 rows and 10 columns). */
function findMaSo(sheet: SheetSnapshot): { row: number; col: number } | null {
  for (let r = 0; r <= 12; r++) for (let c = 0; c <= 10; c++) if (foldText(text(cell(sheet, r, c))) === 'ma so') return { row: r, col: c };
  return null;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(sheet: SheetSnapshot): Merge[] {
  return (sheet.merges ?? []).map((m) => parseA1Range(m)).filter((x): x is Merge => !!x);
}

function isCodesRow(sheet: SheetSnapshot, r: number, width: number): boolean {
  let n = 0;
  for (let c = 0; c <= width; c++) {
    const t = text(cell(sheet, r, c));
    if (!t) continue;
    if (!/^([A-Z]|\d{1,2})$/.test(t)) return false;
    n++;
  }
  return n >= 3;
}

function maOf(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 ? v : null;
  const t = text(v);
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}

/** The header texts of every value column, merged areas and group headers filled across. */
function headerColumns(sheet: SheetSnapshot, top: number, bottom: number, maCol: number): CsdlColumn[] {
  const width = lastCol(sheet);
  const merges = mergesOf(sheet);
  const grid: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: string[] = [];
    for (let c = 0; c <= width; c++) row.push(text(cell(sheet, r, c)));
    grid.push(row);
  }
  for (const m of merges) {
    if (m.bottom < top || m.top > bottom) continue;
    const t = text(cell(sheet, m.top, m.left));
    for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, bottom); r++) for (let c = m.left; c <= Math.min(m.right, width); c++) grid[r - top][c] = t;
  }
  if (!merges.length) {
    // No merge information: a group header spans until the next one in its row (within its parent's span).
    for (let i = 0; i < grid.length; i++) {
      let carry = '';
      for (let c = maCol + 1; c <= width; c++) {
        const parentChanged = i > 0 && c > maCol + 1 && grid[i - 1][c] !== grid[i - 1][c - 1];
        if (grid[i][c]) carry = grid[i][c];
        else if (!parentChanged && i < grid.length - 1) grid[i][c] = carry;
        else carry = '';
      }
    }
  }
  const out: CsdlColumn[] = [];
  for (let c = maCol + 1; c <= width; c++) {
    const texts = grid.map((r) => foldText(r[c])).filter((t, i, a) => t && t !== a[i - 1]);
    if (!texts.length) continue;
    const own = OWNERSHIP.find(([re]) => re.test(texts[0]))?.[1];
    if (!own) continue;
    const rest = texts.slice(1);
    const joined = rest.join(' | ');
    let measure: Measure = 'ts';
    if (/dan toc/.test(joined)) measure = /(^| )nu$/.test(rest[rest.length - 1]) ? 'dt_nu' : 'dt';
    else if (rest.length && /^nu$/.test(rest[rest.length - 1])) measure = 'nu';
    else if (/ban kien co/.test(joined)) measure = 'ban_kien_co';
    else if (/kien co/.test(joined)) measure = 'kien_co';
    else if (/(^| )tam$/.test(joined)) measure = 'tam';
    else if (/khong xac dinh thoi han/.test(joined)) measure = 'vc_khong_thoi_han';
    else if (/xac dinh thoi han/.test(joined)) measure = 'vc_co_thoi_han';
    else if (/hop dong/.test(joined)) measure = 'hd';
    out.push({ col: c, ownership: own, measure });
  }
  return out;
}

function valueCell(v: CellValue, address: string): CsdlCell {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { value: null, raw: v, address, kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, raw: v, address, kind: 'number' } : { value: null, raw: v, address, kind: 'text' };
  if (isCellError(v)) return { value: null, raw: v, address, kind: 'error' };
  const t = text(v);
  if (/^[#?]+$/.test(t)) return { value: null, raw: v, address, kind: 'placeholder' };
  const p = parseVnNumber(t, true);
  return p && !p.percent ? { value: p.value, raw: v, address, kind: 'number' } : { value: null, raw: v, address, kind: 'text' };
}

function readCsdlSheet(sheet: SheetSnapshot): CsdlSheet | null {
  const ma = findMaSo(sheet);
  if (!ma) return null;
  const width = lastCol(sheet);
  let top = ma.row;
  let bottom = ma.row;
  const merge = mergesOf(sheet).find((m) => m.left <= ma.col && m.right >= ma.col && m.top <= ma.row && m.bottom >= ma.row);
  if (merge) {
    top = merge.top;
    bottom = merge.bottom;
  } else {
    // The header block ends above the codes row or the first row with a Mã số.
    for (let r = ma.row + 1; r <= Math.min(ma.row + 5, lastRow(sheet)); r++) {
      if (isCodesRow(sheet, r, width) || maOf(cell(sheet, r, ma.col)) !== null) break;
      bottom = r;
    }
  }
  const columns = headerColumns(sheet, top, bottom, ma.col);
  const rows: CsdlRow[] = [];
  for (let r = bottom + 1; r <= lastRow(sheet); r++) {
    const code = maOf(cell(sheet, r, ma.col));
    if (code === null || isCodesRow(sheet, r, width)) continue;
    const cells = new Map<number, CsdlCell>();
    for (const c of columns) cells.set(c.col, valueCell(cell(sheet, r, c.col), `${columnLetter(c.col)}${r + 1}`));
    rows.push({ ma: code, row: r + 1, tt: text(cell(sheet, r, 0)), label: text(cell(sheet, r, 1)) || text(cell(sheet, r, Math.max(0, ma.col - 2))), unit: text(cell(sheet, r, ma.col - 1)), cells });
  }
  return { name: sheet.name, columns, rows, maCol: ma.col };
}

/** Which biểu a workbook is, from the title of any of its sheets (or its TT 25/2024 code). */
export function recogniseCsdl(snapshot: WorkbookSnapshot): CsdlBieu | null {
  for (const s of snapshot.sheets) {
    for (let r = 0; r <= 6; r++) {
      for (let c = 0; c <= 8; c++) {
        const t = foldText(text(cell(s, r, c)));
        if (!t) continue;
        for (const b of CSDL_BIEU) {
          if (t.startsWith(b.title) || t.includes(foldText(b.tt25))) {
            if (snapshot.sheets.some((x) => findMaSo(x))) return b;
          }
        }
      }
    }
  }
  return null;
}

/** "Sở GDĐT tỉnh………." names no one. */
function unitOf(snapshot: WorkbookSnapshot): string | null {
  for (const s of snapshot.sheets.slice(0, 2)) {
    for (let r = 0; r <= 5; r++) {
      for (let c = 0; c <= 8; c++) {
        const t = text(cell(s, r, c));
        if (/^(sở|phòng)\s/i.test(t)) {
          const clean = t.replace(/[.…]+\s*$/, '').trim();
          return /tỉnh\s*$|huyện\s*$|quận\s*$/i.test(clean) || clean.length < 8 ? null : clean;
        }
      }
    }
  }
  return null;
}

function schoolYearOfFile(file: string): string | null {
  const m = (file.split(/[\\/]/).pop() ?? file).match(/(?:^|[^0-9])(20\d{2})(?:[^0-9]|$)/);
  return m ? `${m[1]}-${Number(m[1]) + 1}` : null;
}

/** Reads a workbook recognised as a CSDL report (every sheet that has a "Mã số" column). */
export function readCsdl(snapshot: WorkbookSnapshot, bieu: CsdlBieu, file = snapshot.fileName): CsdlReport {
  const sheets: CsdlSheet[] = [];
  for (const s of snapshot.sheets) {
    const cs = readCsdlSheet(s);
    if (cs && cs.rows.length) sheets.push(cs);
  }
  const byCode = new Map<number, { sheet: CsdlSheet; row: CsdlRow }>();
  for (const sh of sheets) {
    // Ngân sách (01 MN) has its own running Mã số: kept apart from the indicators' list.
    if (foldText(sh.name) === 'ngan sach') continue;
    for (const row of sh.rows) if (!byCode.has(row.ma)) byCode.set(row.ma, { sheet: sh, row });
  }
  const names = new Set(snapshot.sheets.map((s) => foldText(s.name)));
  const missingSheets = bieu.sheets.filter((n) => !names.has(foldText(n)));
  return { file, bieu, unit: unitOf(snapshot), schoolYear: schoolYearOfFile(file), sheets, byCode, missingSheets, findings: [] };
}

/** A value of a Mã số in one column (ownership × measure); undefined when the row or column is not there. */
export function valueOf(report: CsdlReport, ma: number, ownership: Ownership, measure: Measure = 'ts'): CsdlCell | undefined {
  const at = report.byCode.get(ma);
  if (!at) return undefined;
  const col = at.sheet.columns.find((c) => c.ownership === ownership && c.measure === measure);
  return col ? at.row.cells.get(col.col) : undefined;
}
