/**
 * Template reader: recognise the standard sheets of spec/SHEETS.md in any workbook snapshot by their
 * headers (not by sheet name), read the rows into typed records that remember their A1 address, and
 * report every doubtful cell as a finding. Pure: works on snapshots from Excel, ExcelJS or memory.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../types';
import { isCellError } from '../types';
import type { Finding, FindingPlace, MessageKeyOf, RuleId } from '../findings';
import { finding } from '../findings';
import type { MessageParams } from '../i18n';
import { formatNumber, formatPercent, parseVnNumber } from '../format/vn';
import type { FieldDef, FieldValue, ParsedSheet, ParsedWorkbook, SheetMetadata, SheetRecord, SystemLayoutSheet, TemplateDef, TemplateId } from './types';
import { readFormSheet } from '../pcgdForms';
import { csdlDerivedSheets, readCsdlWorkbook, readSchoolList } from '../csdl';
import type { SchoolList } from '../csdl/schools';
import type { FormReading } from '../pcgdForms/read';
import { TEMPLATES } from './templates';
import { foldText, GENERIC_SUBHEADERS, headerKeys } from './normalize';
import { parseLevel } from '../parse/level';
import { parseSchoolYear, schoolYearText } from '../parse/schoolYear';
import { parseYesNo } from '../parse/yesNo';

export interface ReadOptions {
  /** School year to use when the sheet carries none (a setting). */
  schoolYear?: string;
  /** Overrides snapshot.fileName in findings. */
  fileName?: string;
}

/** Rows searched for the header block (SHEETS.md §1). */
export const HEADER_SEARCH_ROWS = 15;
/** Reading findings of one kind in one column are merged into one finding listing at most this many cells. */
export const MAX_CELLS_PER_FINDING = 50;

/* ---------------------------------------------------------------- A1 helpers */

export { columnLetter, columnIndex } from '../a1';
import { columnIndex, columnLetter } from '../a1';

/** "B3:D5" → 0-based inclusive bounds. */
export function parseRange(a1: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const m = a1.replace(/\$/g, '').match(/^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/);
  if (!m) return null;
  const c0 = columnIndex(m[1]);
  const r0 = Number(m[2]) - 1;
  const c1 = m[3] ? columnIndex(m[3]) : c0;
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/* ---------------------------------------------------------------- header index (built once) */

interface IndexEntry {
  template: TemplateDef;
  field: FieldDef;
}

/** Header key → the fields (one per template at most) known by it. */
const HEADER_INDEX = new Map<string, IndexEntry[]>();

function registerKey(key: string, entry: IndexEntry): void {
  let list = HEADER_INDEX.get(key);
  if (!list) HEADER_INDEX.set(key, (list = []));
  if (list.some((e) => e.template.id === entry.template.id)) return; // first field wins within a template
  list.push(entry);
}

for (const t of TEMPLATES) {
  for (const f of t.fields) {
    const names = [f.header, ...(f.aliases ?? [])];
    for (const name of names) {
      for (const k of headerKeys(name)) registerKey(k, { template: t, field: f });
      if (f.group) for (const k of headerKeys(`${f.group} ${name}`)) registerKey(k, { template: t, field: f });
    }
  }
}

/** For tests and docs: which field ids of each template a header text maps to. */
export function matchHeader(text: string): { template: TemplateId; field: string }[] {
  for (const k of headerKeys(text)) {
    const hits = HEADER_INDEX.get(k);
    if (hits) return hits.map((h) => ({ template: h.template.id, field: h.field.id }));
  }
  return [];
}

/* ---------------------------------------------------------------- cell text */

function cellString(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.normalize('NFC').trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return '';
  if (isCellError(v)) return '';
  return '';
}

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/* ---------------------------------------------------------------- header detection */

interface ColumnHeader {
  col: number; // 0-based index within the snapshot
  text: string; // as printed (group + sub joined)
  keys: string[];
}

interface Layout {
  headerRows: number[]; // snapshot-relative
  columns: ColumnHeader[];
}

interface Candidate {
  template: TemplateDef;
  layout: Layout;
  assign: Map<string, ColumnHeader>; // field id → column
  score: number;
  qualifies: boolean;
  missing: string[];
}

const keysMemo = new Map<string, string[]>();

/** Header keys of a column, memoised: the same header texts recur in every file of a batch. */
function keysFor(group: string, sub: string): string[] {
  const memoKey = `${group}\u0001${sub}`;
  const hit = keysMemo.get(memoKey);
  if (hit) return hit;
  const out = computeKeys(group, sub);
  if (keysMemo.size > 20000) keysMemo.clear();
  keysMemo.set(memoKey, out);
  return out;
}

function computeKeys(group: string, sub: string): string[] {
  const out: string[] = [];
  const add = (ks: string[]) => {
    for (const k of ks) if (!out.includes(k)) out.push(k);
  };
  if (group && sub) {
    add(headerKeys(`${group} ${sub}`));
    add(headerKeys(`${sub} ${group}`));
    const subFold = foldText(sub);
    if (GENERIC_SUBHEADERS.has(subFold)) add(headerKeys(group));
    else add(headerKeys(sub));
  } else if (sub) add(headerKeys(sub));
  else if (group) add(headerKeys(group));
  return out;
}

function mergesOf(sheet: SheetSnapshot) {
  const out: { r0: number; c0: number; r1: number; c1: number }[] = [];
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    if (!r) continue;
    out.push({ r0: r.r0 - sheet.origin.row, c0: r.c0 - sheet.origin.col, r1: r.r1 - sheet.origin.row, c1: r.c1 - sheet.origin.col });
  }
  return out;
}

function buildLayouts(sheet: SheetSnapshot, merges: ReturnType<typeof mergesOf>): Layout[] {
  const rows = Math.min(sheet.values.length, HEADER_SEARCH_ROWS + 1);
  const width = sheet.values.reduce((w, r, i) => (i < rows ? Math.max(w, r.length) : w), 0);
  const txt: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = sheet.values[r] ?? [];
    const line: string[] = [];
    for (let c = 0; c < width; c++) line.push(cellString(row[c] ?? null));
    txt.push(line);
  }
  // Merge coverage: text of a horizontally merged cell spreads over its columns on its first row.
  const spread: (string | undefined)[][] = txt.map((l) => l.map(() => undefined));
  const verticalCont: boolean[][] = txt.map((l) => l.map(() => false));
  for (const m of merges) {
    if (m.r0 >= rows || m.r0 < 0 || m.c0 < 0) continue;
    const top = txt[m.r0]?.[m.c0] ?? '';
    for (let r = m.r0; r <= Math.min(m.r1, rows - 1); r++) {
      for (let c = m.c0; c <= Math.min(m.c1, width - 1); c++) {
        if (r === m.r0) spread[r][c] = top;
        else verticalCont[r][c] = true;
      }
    }
  }
  const layouts: Layout[] = [];
  const limit = Math.min(rows, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const line = txt[r];
    if (line.every((s) => s === '')) continue;
    // One-row header.
    const single: ColumnHeader[] = [];
    for (let c = 0; c < width; c++) {
      const s = line[c];
      if (s) single.push({ col: c, text: s, keys: keysFor('', s) });
    }
    layouts.push({ headerRows: [r], columns: single });
    // Two-row header: group row r over sub-header row r+1.
    if (r + 1 < rows && !isColumnNumberRow(sheet.values[r + 1] ?? [])) {
      const sub = txt[r + 1];
      if (sub.every((s) => s === '')) continue;
      const cols: ColumnHeader[] = [];
      let carry = '';
      for (let c = 0; c < width; c++) {
        const own = line[c];
        const s = verticalCont[r + 1][c] ? '' : sub[c];
        let g = own || spread[r][c] || '';
        if (own) carry = s ? own : '';
        else if (!g && carry && s) g = carry;
        else if (!s) carry = '';
        if (!g && !s) continue;
        cols.push({ col: c, text: g && s ? `${g} / ${s}` : g || s, keys: keysFor(g, s) });
      }
      layouts.push({ headerRows: [r, r + 1], columns: cols });
    }
  }
  return layouts;
}

/** "1 2 3 4 …", "(1) (2) …" or "A B 1 2 …" under the header. */
function isColumnNumberRow(row: CellValue[]): boolean {
  let n = 0;
  let nums = 0;
  let prev = -Infinity;
  let increasing = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    n++;
    let num: number | null = null;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1000) num = v;
    else if (typeof v === 'string') {
      const m = v.trim().match(/^\(?\s*(\d{1,3})\s*\)?$/);
      if (m) num = Number(m[1]);
      else if (!/^\(?\s*[A-Za-z]{1,2}\s*\)?$/.test(v.trim()) && !/^\(?\s*\d{1,3}\s*[=+\-x*/]\s*[\d+\-x*/ ()]+\)?$/.test(v.trim())) return false;
    } else return false;
    if (num !== null) {
      nums++;
      if (num > prev) increasing++;
      prev = num;
    }
  }
  return n >= 2 && nums >= 2 && increasing >= nums - 1;
}

function evaluate(t: TemplateDef, layout: Layout): Candidate {
  const assign = new Map<string, ColumnHeader>();
  for (const col of layout.columns) {
    for (const k of col.keys) {
      const hit = HEADER_INDEX.get(k)?.find((e) => e.template.id === t.id);
      if (hit && !assign.has(hit.field.id)) {
        assign.set(hit.field.id, col);
        break;
      }
    }
  }
  const missing: string[] = [];
  for (const f of t.fields) if (f.required && !assign.has(f.id)) missing.push(f.id);
  for (const group of t.requireOneOf ?? []) if (!group.some((id) => assign.has(id))) missing.push(group.join('|'));
  const alternative = (t.alsoQualifies ?? []).some((a) => a.required.every((id) => assign.has(id)) && (a.requireOneOf ?? []).every((g) => g.some((id) => assign.has(id))));
  return { template: t, layout, assign, score: assign.size, qualifies: missing.length === 0 || alternative, missing: alternative ? [] : missing };
}

function better(a: Candidate, b: Candidate | null): boolean {
  if (!b) return true;
  if (a.qualifies !== b.qualifies) return a.qualifies;
  if (a.score !== b.score) return a.score > b.score;
  // Same fields found: the simpler (one-row) and earlier layout wins.
  if (a.layout.headerRows.length !== b.layout.headerRows.length) return a.layout.headerRows.length < b.layout.headerRows.length;
  return false;
}

/* ---------------------------------------------------------------- metadata */

interface YearParse {
  year?: string;
  bad?: string;
}

/** The school year inside a title or a sheet name ("Năm học: 2023 - 2024" → "2023-2024"); impossible pairs are reported. */
export function normaliseSchoolYear(raw: string): YearParse {
  const p = parseSchoolYear(raw, { within: true });
  return !p ? {} : 'year' in p ? { year: p.year } : { bad: p.bad };
}

function labelValue(row: CellValue[], c: number, text: string): string {
  const i = text.indexOf(':');
  const after = i >= 0 ? text.slice(i + 1).trim() : '';
  if (after) return after;
  for (let k = c + 1; k < row.length; k++) {
    const s = cellString(row[k]);
    if (s) return s;
    const v = row[k];
    if (v instanceof Date) return isoDate(v);
  }
  return '';
}

/** A line of the title block naming a body: the People's Committee, a department, an office, a school (folded text). */
const AGENCY_LINE = /^(uy ban nhan dan|ubnd|so giao duc|so gd|phong giao duc|phong gd|phong van hoa|bo giao duc|truong |trung tam )/;

interface MetaResult {
  meta: SheetMetadata;
  badYear?: { raw: string; cell: string };
}

function readMetadata(sheet: SheetSnapshot, headerStart: number, opts: ReadOptions): MetaResult {
  const meta: SheetMetadata = {};
  let badYear: MetaResult['badYear'];
  for (let r = 0; r < headerStart; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const s = cellString(row[c]);
      if (!s) continue;
      const f = foldText(s);
      const cell = columnLetter(sheet.origin.col + c) + (sheet.origin.row + r + 1);
      if (r < 4 && AGENCY_LINE.test(f) && !(meta.titleBlock ?? []).includes(s.trim())) {
        (meta.titleBlock ??= []).push(s.trim().replace(/\s+/g, ' '));
      } else if (!meta.unit && /^(don vi|ten don vi|don vi bao cao)( |$)/.test(f) && !/^don vi tinh/.test(f)) {
        const v = labelValue(row, c, s);
        if (v) meta.unit = v;
      } else if (!meta.reportDate && /^(thoi diem|ngay bao cao|thoi diem bao cao)( |$)/.test(f)) {
        const v = labelValue(row, c, s);
        if (v) meta.reportDate = v;
      }
      if (!meta.schoolYear && /nam hoc/.test(f)) {
        const y = normaliseSchoolYear(parseSchoolYear(s, { within: true }) ? s : labelValue(row, c, s));
        if (y.year) {
          meta.schoolYear = y.year;
          meta.schoolYearSource = 'title';
        } else if (y.bad && !badYear) badYear = { raw: y.bad, cell };
      }
    }
  }
  if (!meta.schoolYear) {
    const y = normaliseSchoolYear(sheet.name);
    if (y.year) {
      meta.schoolYear = y.year;
      meta.schoolYearSource = 'sheet-name';
    } else if (y.bad && !badYear) badYear = { raw: y.bad, cell: '' };
  }
  if (!meta.schoolYear && opts.schoolYear) {
    const year = schoolYearText(opts.schoolYear);
    if (year) {
      meta.schoolYear = year;
      meta.schoolYearSource = 'setting';
    }
  }
  return { meta, badYear };
}

/* ---------------------------------------------------------------- value parsing */

type Issue = 'excel_error' | 'text_number' | 'ambiguous_number' | 'not_a_number' | 'negative_count' | 'fractional_count' | 'out_of_range' | 'unknown_value' | 'bad_date';

/** A reading issue's finding: its rule id and message (text_number also names several columns at once). */
function issue<I extends RuleId>(rule: I, message: MessageKeyOf<I>, many: MessageKeyOf<I> = message) {
  return (several: boolean, params: MessageParams, place: FindingPlace): Finding => finding(rule, several ? many : message, params, place);
}

const ISSUE_FINDING: Record<Issue, ReturnType<typeof issue>> = {
  excel_error: issue('o_loi_excel', 'sheets.excel_error'),
  text_number: issue('so_dang_van_ban', 'sheets.text_number', 'sheets.text_number_many'),
  ambiguous_number: issue('so_viet_mo_ho', 'sheets.ambiguous_number'),
  not_a_number: issue('khong_phai_so', 'sheets.not_a_number'),
  negative_count: issue('so_luong_am', 'sheets.negative_count'),
  fractional_count: issue('so_luong_khong_nguyen', 'sheets.fractional_count'),
  out_of_range: issue('gia_tri_ngoai_khoang', 'sheets.out_of_range'),
  unknown_value: issue('gia_tri_ngoai_danh_muc', 'sheets.unknown_value'),
  bad_date: issue('ngay_khong_hop_le', 'sheets.bad_date'),
};

interface IssueSink {
  (issue: Issue, address: string, raw: CellValue, value?: number | string | null): void;
}

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

const formatDecimals = new Map<string, number | undefined>();
function decimalsOfFormat(fmt: string | undefined): number | undefined {
  if (!fmt) return undefined;
  if (formatDecimals.has(fmt)) return formatDecimals.get(fmt);
  const d = computeFormatDecimals(fmt);
  if (formatDecimals.size < 1000) formatDecimals.set(fmt, d);
  return d;
}

function computeFormatDecimals(fmt: string): number | undefined {
  if (/general/i.test(fmt)) return undefined;
  const section = fmt.split(';')[0];
  const m = section.match(/\.([0#?]+)/);
  return m ? m[1].length : 0;
}

/** Decimals shown by a number written as text ("97,38%" → 2). */
function decimalsOfText(s: string): number {
  const t = s.replace(/%/g, '').trim();
  const m = t.match(/[.,](\d+)$/);
  if (!m) return 0;
  // "26.254" in a count is a thousands group, but a rate is never written that way.
  return m[1].length;
}

function decimalsOfNumber(n: number): number {
  const s = String(n);
  if (/e/i.test(s)) return 10;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

interface Parser {
  (raw: CellValue, fmt: string | undefined, address: string, sink: IssueSink): FieldValue;
}

function makeEnumIndex(values: Record<string, string[]>): Map<string, string> {
  const idx = new Map<string, string>();
  for (const [codeValue, synonyms] of Object.entries(values)) {
    idx.set(foldText(codeValue), codeValue);
    for (const s of synonyms) {
      const k = foldText(s);
      if (!idx.has(k)) idx.set(k, codeValue);
    }
  }
  return idx;
}

function numericCell(raw: CellValue, fmt: string | undefined, address: string, sink: IssueSink, kind: 'count' | 'rate' | 'number', f: FieldDef): FieldValue {
  const base: FieldValue = { value: null, raw, address };
  let value: number;
  let decimals: number | undefined;
  let percent = false;
  let fromText = false;
  let ambiguous = false;
  if (typeof raw === 'number') {
    value = raw;
    percent = !!fmt && fmt.includes('%');
    decimals = decimalsOfFormat(fmt);
    if (!Number.isFinite(value)) {
      sink('not_a_number', address, raw);
      return { ...base, invalid: true };
    }
  } else if (typeof raw === 'string') {
    let s = raw;
    if (f.id === 'khoi') {
      const m = foldText(raw).match(/^(?:lop|khoi|khoi lop)\s*(\d{1,2})$/);
      if (m) s = m[1];
    }
    if (kind === 'number' && f.min !== undefined) {
      const m = foldText(raw).match(/^(?:muc|muc do|cap do|cap)\s*(\d)$/);
      if (m) s = m[1];
    }
    const p = parseVnNumber(s, kind === 'count');
    if (!p) {
      sink('not_a_number', address, raw);
      return { ...base, invalid: true };
    }
    value = p.value;
    percent = p.percent;
    ambiguous = p.ambiguous;
    fromText = s === raw;
    decimals = decimalsOfText(s);
    if (kind === 'count' && ambiguous) decimals = 0;
    if (fromText && kind !== 'rate') sink(ambiguous && kind === 'count' ? 'ambiguous_number' : 'text_number', address, raw, value);
  } else if (typeof raw === 'boolean') {
    sink('not_a_number', address, raw);
    return { ...base, invalid: true };
  } else {
    // A date in a number column: the cell was formatted as a date by mistake.
    sink('not_a_number', address, raw);
    return { ...base, invalid: true };
  }
  if (kind === 'rate') {
    if (!percent && value > 1) {
      if (decimals === undefined) decimals = Math.min(decimalsOfNumber(value), 10);
      value = Number((value / 100).toPrecision(15));
    } else if (decimals === undefined) {
      decimals = Math.max(0, decimalsOfNumber(value) - 2);
    }
    if (fromText) sink('text_number', address, raw, formatPercent(value, Math.min(decimals, 4)));
    const out: FieldValue = { ...base, value, decimals };
    if (fromText) out.fromText = true;
    return out;
  }
  if (kind === 'count') {
    if (value < 0) sink('negative_count', address, raw, value);
    else if (!Number.isInteger(value)) sink('fractional_count', address, raw, value);
  } else if ((f.min !== undefined && value < f.min) || (f.max !== undefined && value > f.max)) {
    sink('out_of_range', address, raw, value);
  }
  const out: FieldValue = { ...base, value };
  if (fromText) out.fromText = true;
  if (ambiguous) out.ambiguous = true;
  if (decimals !== undefined && kind !== 'count') out.decimals = decimals;
  return out;
}

function levelCell(raw: CellValue, fmt: string | undefined, address: string, sink: IssueSink, f: FieldDef): FieldValue {
  const base: FieldValue = { value: null, raw, address };
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || (f.min !== undefined && raw < f.min) || (f.max !== undefined && raw > f.max)) sink('out_of_range', address, raw, raw);
    return { ...base, value: raw };
  }
  const level = parseLevel(String(raw));
  if (level === 'no_data') return base;
  if (level !== null) return { ...base, value: level };
  sink('unknown_value', address, raw);
  return { ...base, invalid: true };
}

/**
 * Every type but dates treats cells alike before parsing: blank is "not reported" (or the field's
 * blankAs default), an Excel error value is a finding and no value.
 */
function guarded(f: FieldDef, parse: Parser): Parser {
  return (raw, fmt, address, sink) => {
    if (isBlank(raw)) {
      return f.blankAs !== undefined ? { value: f.blankAs, raw, address, defaulted: true } : { value: null, raw, address };
    }
    if (isCellError(raw)) {
      sink('excel_error', address, raw);
      return { value: null, raw, address, invalid: true };
    }
    return parse(raw, fmt, address, sink);
  };
}

function makeParser(f: FieldDef): Parser {
  return f.type === 'date' ? typedParser(f) : guarded(f, typedParser(f));
}

function typedParser(f: FieldDef): Parser {
  switch (f.type) {
    case 'count':
    case 'rate':
    case 'number':
      return (raw, fmt, address, sink) => numericCell(raw, fmt, address, sink, f.type as 'count' | 'rate' | 'number', f);
    case 'level':
      return (raw, fmt, address, sink) => levelCell(raw, fmt, address, sink, f);
    case 'code':
      return (raw, fmt, address, sink) => {
        const base: FieldValue = { value: null, raw, address };
        if (typeof raw === 'number') {
          let s = Number.isInteger(raw) ? raw.toFixed(0) : String(raw);
          // A code typed as a number loses its leading zeros unless the format pads them ("00000").
          if (fmt && /^0+$/.test(fmt) && s.length < fmt.length) s = s.padStart(fmt.length, '0');
          return { ...base, value: s };
        }
        if (raw instanceof Date) return { ...base, value: isoDate(raw) };
        return { ...base, value: String(raw).normalize('NFC').trim().replace(/^'/, '') };
      };
    case 'enum': {
      const idx = makeEnumIndex(f.values ?? {});
      const seen = new Map<string, string | undefined>();
      const allowed = Object.keys(f.values ?? {}).join(', ');
      return (raw, _fmt, address, sink) => {
        const base: FieldValue = { value: null, raw, address };
        const s = String(raw).normalize('NFC').trim();
        let hit = seen.get(s);
        if (hit === undefined && !seen.has(s)) {
          hit = idx.get(foldText(s));
          if (seen.size < 5000) seen.set(s, hit);
        }
        if (hit !== undefined) return { ...base, value: hit };
        sink('unknown_value', address, raw, allowed);
        return { ...base, value: s, invalid: true };
      };
    }
    case 'bool':
      return (raw, _fmt, address, sink) => {
        const base: FieldValue = { value: null, raw, address };
        const yes = parseYesNo(raw);
        if (yes !== null) return { ...base, value: yes };
        sink('unknown_value', address, raw, 'có, không, x, 1, 0');
        return { ...base, invalid: true };
      };
    case 'date':
      return (raw, _fmt, address, sink) => {
        const base: FieldValue = { value: null, raw, address };
        if (isBlank(raw)) return base;
        if (raw instanceof Date) return { ...base, value: isoDate(raw) };
        if (typeof raw === 'number' && raw > 0 && raw < 2958466) {
          // Excel serial (1900 system).
          return { ...base, value: isoDate(new Date(Math.round((raw - 25569) * 86400000))) };
        }
        if (typeof raw === 'string') {
          const s = raw.trim();
          let m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
          if (m) return { ...base, value: `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` };
          m = s.match(/^(\d{4})-(\d{2})-(\d{2})/);
          if (m) return { ...base, value: `${m[1]}-${m[2]}-${m[3]}` };
        }
        sink('bad_date', address, raw);
        return { ...base, invalid: true };
      };
    default:
      return (raw, _fmt, address, sink) => {
        const base: FieldValue = { value: null, raw, address };
        if (raw instanceof Date) return { ...base, value: isoDate(raw) };
        return { ...base, value: String(raw).normalize('NFC').replace(/\s+/g, ' ').trim() };
      };
  }
}

const parserCache = new Map<FieldDef, Parser>();
function parserFor(f: FieldDef): Parser {
  let p = parserCache.get(f);
  if (!p) parserCache.set(f, (p = makeParser(f)));
  return p;
}

/* ---------------------------------------------------------------- rows */

const TOTAL_RE = /^(tong( |$)|cong$|cong (toan|chung|tat ca)( |$)|toan (quan|huyen|xa|tinh|phuong|thi xa|thanh pho|thi tran|nganh)( |$))/;

const TOTAL_PREFIXES = ['tổng', 'tong', 'toàn', 'toan', 'cộng', 'cong'];

/** A total-row label ("Tổng", "Tổng cộng", "Cộng", "Toàn quận", …). */
export function isTotalLabel(text: string): boolean {
  // Every total label starts with T (Tổng, Toàn) or C (Cộng): skip folding the rest.
  const head = text.trimStart().slice(0, 8).normalize('NFC').toLowerCase();
  if (!TOTAL_PREFIXES.some((p) => head.startsWith(p))) return false;
  return TOTAL_RE.test(foldText(text));
}

function rawText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return isoDate(v);
  return String(v);
}

/* ---------------------------------------------------------------- main */

/** Read one sheet if it is a standard template. Findings go to `findings`. */
export function readSheet(sheet: SheetSnapshot, opts: ReadOptions & { file?: string } = {}, findings: Finding[] = []): ParsedSheet | null {
  const file = opts.file ?? opts.fileName;
  const merges = mergesOf(sheet);
  const layouts = buildLayouts(sheet, merges);
  let best: Candidate | null = null;
  let nearMiss: Candidate | null = null;
  for (const layout of layouts) {
    if (layout.columns.length === 0) continue;
    for (const t of TEMPLATES) {
      const cand = evaluate(t, layout);
      if (cand.score === 0) continue;
      if (cand.qualifies) {
        if (better(cand, best)) best = cand;
      } else if (!nearMiss || cand.score - cand.missing.length > nearMiss.score - nearMiss.missing.length) nearMiss = cand;
    }
  }
  if (!best) {
    // Report a sheet that clearly tried to be a template (most of its fields present).
    if (nearMiss && nearMiss.score >= 3 && nearMiss.score > nearMiss.missing.length * 2) {
      const t = nearMiss.template;
      const missing = nearMiss.missing
        .map((id) => id.split('|').map((x) => t.fields.find((f) => f.id === x)?.header ?? x).join(' / '))
        .join('; ');
      findings.push(finding('thieu_cot_bat_buoc', 'sheets.missing_required', { template: t.id, missing }, { file, sheet: sheet.name, cells: [], expected: missing, actual: null }));
    }
    return null;
  }
  return readRows(sheet, best, merges, opts, file, findings);
}

function readRows(sheet: SheetSnapshot, cand: Candidate, merges: ReturnType<typeof mergesOf>, opts: ReadOptions, file: string | undefined, findings: Finding[]): ParsedSheet {
  const t = cand.template;
  const { origin, values } = sheet;
  const headerRows = cand.layout.headerRows;
  let start = headerRows[headerRows.length - 1] + 1;
  if (start < values.length && isColumnNumberRow(values[start] ?? [])) start++;
  const { meta, badYear } = readMetadata(sheet, headerRows[0], opts);

  // Columns, once.
  const fieldCols: { f: FieldDef; col: number; parse: Parser; letter: string }[] = [];
  const columns: Record<string, string> = {};
  const columnIdx: Record<string, number> = {};
  const headers: Record<string, string> = {};
  const usedCols = new Set<number>();
  for (const f of t.fields) {
    const ch = cand.assign.get(f.id);
    if (!ch) continue;
    const letter = columnLetter(origin.col + ch.col);
    fieldCols.push({ f, col: ch.col, parse: parserFor(f), letter });
    columns[f.id] = letter;
    columnIdx[f.id] = origin.col + ch.col;
    headers[f.id] = ch.text;
    usedCols.add(ch.col);
  }
  const unknownColumns = cand.layout.columns.filter((c) => !usedCols.has(c.col)).map((c) => c.text);
  // A second column with the very header of a read column is ignored: say so.
  const byText = new Map<string, ColumnHeader>();
  for (const ch of cand.assign.values()) byText.set(foldText(ch.text), ch);
  for (const c of cand.layout.columns) {
    if (usedCols.has(c.col)) continue;
    const first = byText.get(foldText(c.text));
    if (!first) continue;
    const col = columnLetter(origin.col + c.col);
    const firstCol = columnLetter(origin.col + first.col);
    const headerRow = origin.row + headerRows[headerRows.length - 1] + 1;
    findings.push(finding('cot_trung_tieu_de', 'sheets.duplicate_header', { col, first: firstCol, header: c.text }, { file, sheet: sheet.name, cells: [`${col}${headerRow}`, `${firstCol}${headerRow}`], expected: null, actual: c.text }));
  }
  // Where a total label can sit: text-like matched columns and unknown columns (STT, notes), left to right.
  const labelCols = cand.layout.columns
    .filter((c) => {
      const fc = fieldCols.find((x) => x.col === c.col);
      return !fc || fc.f.type === 'text' || fc.f.type === 'code' || fc.f.type === 'enum' || fc.f.id === 'khoi';
    })
    .map((c) => c.col)
    .sort((a, b) => a - b);
  const keyCols = fieldCols.filter((x) => x.f.type === 'text' || x.f.type === 'code').map((x) => x.col);
  const valueCols = fieldCols.filter((x) => x.f.type !== 'text' && x.f.type !== 'code' && x.f.type !== 'enum').map((x) => x.col);

  // Reading issues merged per (issue, field).
  const agg = new Map<string, { issue: Issue; f: FieldDef; cells: string[]; n: number; raw: CellValue; value?: number | string | null; fields: Set<string> }>();
  let currentField: FieldDef = t.fields[0];
  const sink: IssueSink = (issue, address, raw, value) => {
    // Numbers typed as text usually fill whole rows: one finding per sheet, naming the columns.
    const key = issue === 'text_number' ? issue : `${issue}|${currentField.id}`;
    let a = agg.get(key);
    if (!a) agg.set(key, (a = { issue, f: currentField, cells: [], n: 0, raw, value, fields: new Set() }));
    a.fields.add(currentField.id);
    a.n++;
    if (a.cells.length < MAX_CELLS_PER_FINDING) a.cells.push(address);
  };

  const records: SheetRecord[] = [];
  let totalRow: SheetRecord | undefined;
  let r = start;
  // Blank spacer rows right under the header are not the end of the data.
  let leading = 0;
  while (r < values.length && leading < 3 && rowIsBlank(values[r])) {
    r++;
    leading++;
  }
  const firstDataRow = r;
  let lastDataRow = r - 1;
  const fmts = sheet.numberFormats;
  for (; r < values.length; r++) {
    const row = values[r];
    if (rowIsBlank(row)) break;
    let isTotal = false;
    for (const c of labelCols) {
      const v = row[c];
      if (isBlank(v)) continue;
      if (typeof v !== 'string' || /^\s*[\d.,]+\s*$/.test(v)) continue;
      isTotal = isTotalLabel(v);
      break;
    }
    // A section heading ("I. Mầm non") carries no key and no value: skip it.
    if (!isTotal && !keyCols.some((c) => !isBlank(row[c])) && !valueCols.some((c) => !isBlank(row[c]))) continue;
    const rowNumber = origin.row + r + 1;
    const fields: Record<string, FieldValue> = {};
    const fmtRow = fmts?.[r];
    for (const fc of fieldCols) {
      currentField = fc.f;
      fields[fc.f.id] = fc.parse(row[fc.col] ?? null, fmtRow?.[fc.col], fc.letter + rowNumber, sink);
    }
    const rec: SheetRecord = { row: rowNumber, fields };
    lastDataRow = r;
    if (isTotal) {
      totalRow = rec;
      break;
    }
    records.push(rec);
  }

  for (const a of agg.values()) {
    const value = typeof a.value === 'number' ? formatNumber(a.value, { decimals: Number.isInteger(a.value) ? 0 : 2, keepTrailingZeros: false }) : a.value ?? '';
    const f = a.f;
    const params = {
      header: a.fields.size > 1 ? [...a.fields].map((id) => `"${headers[id] ?? id}"`).join(', ') : headers[f.id] ?? f.header,
      n: formatNumber(a.n),
      cell: a.cells[0],
      raw: rawText(a.raw),
      value: String(value),
      min: f.min ?? '',
      max: f.max ?? '',
      allowed: typeof a.value === 'string' ? a.value : Object.keys(f.values ?? {}).join(', '),
    };
    findings.push(
      ISSUE_FINDING[a.issue](a.fields.size > 1, params, {
        file,
        sheet: sheet.name,
        cells: a.cells,
        expected: a.issue === 'text_number' || a.issue === 'not_a_number' ? 'number' : a.issue === 'out_of_range' ? `${f.min}-${f.max}` : null,
        actual: rawText(a.raw),
        field: f.id,
        detail: { count: a.n },
      }),
    );
  }

  if (badYear) {
    findings.push(
      finding('nam_hoc_khong_hop_le', 'sheets.bad_school_year', { raw: badYear.raw }, {
        file,
        sheet: sheet.name,
        cells: badYear.cell ? [badYear.cell] : [],
        expected: 'YYYY-YYYY+1',
        actual: badYear.raw,
      }),
    );
  }

  // Merged areas spanning several data rows hide values.
  for (const m of merges) {
    if (m.r1 > m.r0 && m.r1 >= firstDataRow && m.r0 <= lastDataRow && m.r0 > headerRows[headerRows.length - 1]) {
      const range = `${columnLetter(origin.col + m.c0)}${origin.row + m.r0 + 1}:${columnLetter(origin.col + m.c1)}${origin.row + m.r1 + 1}`;
      findings.push(
        finding('o_gop_trong_du_lieu', 'sheets.merged_data', { range }, {
          file,
          sheet: sheet.name,
          cells: [`${columnLetter(origin.col + m.c0)}${origin.row + m.r0 + 1}`],
          expected: null,
          actual: range,
        }),
      );
    }
  }

  // A "Năm học" column gives the year when nothing above did.
  if (!meta.schoolYear && columns.nam_hoc) {
    const counts = new Map<string, number>();
    for (const rec of records) {
      const v = rec.fields.nam_hoc?.value;
      if (typeof v !== 'string') continue;
      const y = schoolYearText(v);
      if (y) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (top) {
      meta.schoolYear = top[0];
      meta.schoolYearSource = 'column';
    }
  }

  const printedColumns = fieldCols.filter((x) => x.f.printed).map((x) => x.f.id);
  const parsed: ParsedSheet = {
    sheetName: sheet.name,
    template: t.id,
    headerRows: headerRows.map((h) => origin.row + h + 1),
    columns,
    unknownColumns,
    metadata: meta,
    records,
    columnIndex: columnIdx,
    headers,
  };
  if (totalRow) parsed.totalRow = totalRow;
  if (printedColumns.length) parsed.printedColumns = printedColumns;
  if (sheet.hidden) parsed.hidden = true;
  if (records.length === 0 && !totalRow) {
    findings.push(finding('bieu_khong_co_du_lieu', 'sheets.no_rows', { template: t.id }, { file, sheet: sheet.name, cells: [], expected: null, actual: 0 }));
  }
  return parsed;
}

function rowIsBlank(row: CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** Formula cells the file carries without a value: computed by the reader, or left blank and said. */
function formulaFindings(s: SheetSnapshot, recognised: boolean, file: string | undefined, findings: Finding[]): void {
  const list = (x: { cells: string[]; count: number }) => x.cells.slice(0, 10).join(', ') + (x.count > 10 ? ', …' : '');
  if (s.uncalculated?.count) {
    const params = { n: formatNumber(s.uncalculated.count), cells: list(s.uncalculated) };
    const place = { file, sheet: s.name, cells: s.uncalculated.cells, expected: null, actual: null, detail: { count: s.uncalculated.count } };
    // Blank figures in a template are errors; in another sheet, worth knowing.
    findings.push(recognised ? finding('cong_thuc_chua_tinh', 'sheets.uncalculated', params, place) : finding('cong_thuc_chua_tinh', 'sheets.uncalculated_other', params, place));
  }
  if (s.computed?.count) {
    findings.push(finding('cong_thuc_tu_tinh', 'sheets.computed', { n: formatNumber(s.computed.count), cells: list(s.computed) }, { file, sheet: s.name, cells: s.computed.cells, expected: null, actual: null, detail: { count: s.computed.count } }));
  }
}

/**
 * A visible sheet wins: a hidden sheet recognised as a template that a visible sheet also carries
 * is set aside (an old year's copy hidden in front of the current one), and a template read only
 * from a hidden sheet is said.
 */
function preferVisible(sheets: ParsedSheet[], file: string | undefined, findings: Finding[]): { kept: ParsedSheet[]; setAside: NonNullable<ParsedWorkbook['setAside']> } {
  const visibleBy = new Map<string, string>();
  for (const p of sheets) if (!p.hidden && !visibleBy.has(p.template)) visibleBy.set(p.template, p.sheetName);
  const kept: ParsedSheet[] = [];
  const setAside: NonNullable<ParsedWorkbook['setAside']> = [];
  for (const p of sheets) {
    const used = visibleBy.get(p.template);
    if (p.hidden && used) {
      setAside.push({ sheet: p.sheetName, template: p.template, usedSheet: used });
      findings.push(finding('trang_an_bo_qua', 'sheets.hidden_set_aside', { hidden: p.sheetName, template: p.template, used }, { file, sheet: p.sheetName, cells: [], expected: used, actual: p.sheetName }));
      continue;
    }
    if (p.hidden) {
      findings.push(finding('trang_an_duoc_dung', 'sheets.hidden_used', { template: p.template, sheet: p.sheetName }, { file, sheet: p.sheetName, cells: [], expected: null, actual: p.sheetName }));
    }
    kept.push(p);
  }
  return { kept, setAside };
}

/** Recognise and read every standard sheet of a workbook. */
export function readWorkbook(snapshot: WorkbookSnapshot, opts: ReadOptions = {}): ParsedWorkbook {
  const file = opts.fileName ?? snapshot.fileName;
  const findings: Finding[] = [];
  const all: ParsedSheet[] = [];
  const unrecognised: string[] = [];
  const systemSheets: SystemLayoutSheet[] = [];
  const forms: FormReading[] = [];
  const schoolLists: SchoolList[] = [];
  // A CSDL statistics report: its sheets are read by Mã số; the report's sheets are built from it.
  const csdl = readCsdlWorkbook(snapshot, file);
  const derivedSheets = csdl ? csdlDerivedSheets([csdl]) : [];
  const csdlSheets = new Set(csdl ? snapshot.sheets.filter((s) => csdl.sheets.some((x) => x.name === s.name) || /^errors$/i.test(s.name.trim())).map((s) => s.name) : []);
  if (csdl) {
    findings.push(...csdl.findings);
    for (const s of snapshot.sheets) {
      if (!csdlSheets.has(s.name)) continue;
      formulaFindings(s, true, file, findings);
      const cs = csdl.sheets.find((x) => x.name === s.name);
      systemSheets.push({ sheetName: s.name, template: csdl.bieu.template, rows: cs?.rows.length ?? 0, confidence: csdl.bieu.confidence });
    }
    for (const d of derivedSheets) {
      const parsed = readSheet(d, { ...opts, file, schoolYear: opts.schoolYear ?? csdl.schoolYear ?? undefined }, findings);
      if (parsed) all.push(parsed);
    }
  }
  for (const s of snapshot.sheets) {
    if (csdlSheets.has(s.name)) continue;
    const local: Finding[] = [];
    const parsed = readSheet(s, { ...opts, file }, local);
    if (parsed) {
      all.push(parsed);
      findings.push(...local);
      formulaFindings(s, true, file, findings);
      continue;
    }
    // A national system's form: read by its cell map (a near miss of our templates is no finding then).
    const form = file ? readFormSheet(s, file) : null;
    if (form) {
      forms.push(form);
      systemSheets.push({ sheetName: s.name, template: form.code, rows: form.units.length, confidence: form.layout.confidence });
      findings.push(...form.findings);
      formulaFindings(s, true, file, findings);
      continue;
    }
    const list = file ? readSchoolList(s, file) : null;
    if (list) {
      schoolLists.push(list);
      systemSheets.push({ sheetName: s.name, template: 'CSDL-DS-TRUONG', rows: list.entries.length, confidence: 'SEEN-REAL' });
      findings.push(...list.findings);
      formulaFindings(s, true, file, findings);
      continue;
    }
    findings.push(...local);
    unrecognised.push(s.name);
    formulaFindings(s, false, file, findings);
  }
  const { kept: sheets, setAside } = preferVisible(all, file, findings);
  if (sheets.length === 0 && systemSheets.length === 0) {
    findings.push(finding('khong_co_bieu_mau', 'sheets.no_template', { n: formatNumber(snapshot.sheets.length) }, { file, cells: [], expected: null, actual: null }));
  }
  const out: ParsedWorkbook = {
    file, sheets, unrecognised, findings,
    ...(systemSheets.length ? { systemSheets, forms } : {}),
    ...(csdl ? { csdl: [csdl], derivedSheets } : {}),
    ...(schoolLists.length ? { schoolLists } : {}),
  };
  if (setAside.length) out.setAside = setAside;
  return out;
}
