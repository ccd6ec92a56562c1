/** The office's master indexed for the cross-check: its schools and its per-school rows by key. */
import type { ParsedSheet, ParsedWorkbook, SheetRecord, TemplateId } from '../sheets/types';
import { mapCode, normaliseCode, resolveCode, UnitMap } from '../units';
import { schoolKey, TEMPLATE_ORDER } from './template-info';
import { foldText } from './values';

export interface MasterSchool {
  code: string;
  name: string;
  level: string;
  communeCode: string;
  communeName: string;
  sheet: string;
  /** Cell of the school's code in the master. */
  cell: string;
  /** Position in the master, for ordering outputs like the office's own sheet. */
  order: number;
}

/**
 * One master row, compact: what the comparison reads of it (values, the cells to name), not the
 * parsed sheet and its records (the whole master workbook stayed alive for the run otherwise, ≈ 55 MB
 * for 3.000 schools, which every full collection of a 3.000-file cross-check had to mark again).
 */
export interface MasterRow {
  sheetName: string;
  /** Field id → column letter (the sheet's, shared by its rows). */
  columns: Record<string, string>;
  /** 1-based worksheet row. */
  row: number;
  /** Field → value; fields the row does not have are absent. */
  values: Record<string, string | number | boolean | null>;
  /** Fields whose cell the reader found invalid (it reported them already). */
  invalid?: string[];
  /** Cells of fields not at column + row (rare), by field. */
  addresses?: Record<string, string>;
}

/** The address of a field's cell in a master row. */
export function masterCell(row: MasterRow, field: string): string {
  return row.addresses?.[field] ?? `${row.columns[field]}${row.row}`;
}

function compactRow(sheet: ParsedSheet, record: SheetRecord): MasterRow {
  const out: MasterRow = { sheetName: sheet.sheetName, columns: sheet.columns, row: record.row, values: {} };
  for (const field in record.fields) {
    const fv = record.fields[field];
    out.values[field] = fv.value;
    if (fv.invalid) (out.invalid ??= []).push(field);
    if (fv.address !== `${sheet.columns[field]}${record.row}`) (out.addresses ??= {})[field] = fv.address;
  }
  return out;
}

export interface TemplateLayout {
  fields: string[];
  headers?: Record<string, string>;
}

export interface MasterIndex {
  file: string;
  schoolYear?: string;
  schools: Map<string, MasterSchool>;
  /** template → row key → master row (first wins). */
  rows: Map<TemplateId, Map<string, MasterRow>>;
  /** template → field ids in the master's column order and its printed headers. */
  layout: Map<TemplateId, TemplateLayout>;
}

const KEY_SEP = '\u0001';

/** Code of a record's school after unit mapping, with the mappings taken. */
export function schoolOf(rec: SheetRecord, units: UnitMap, asOf?: string): { code: string; original: string; mapped: boolean } | null {
  const original = normaliseCode(rec.fields.ma_truong?.value);
  if (!original) return null;
  const { code, via } = resolveCode(units, original, asOf);
  return { code, original, mapped: via.length > 0 };
}

/** Row key: mapped school code plus the template's other key fields, folded. */
export function rowKey(rec: SheetRecord, keyFields: string[], schoolCode: string): string {
  return keyFields.map((f) => (f === 'ma_truong' ? schoolCode : foldText(String(rec.fields[f]?.value ?? '')))).join(KEY_SEP);
}

/** The key fields other than the school code, for messages ("khoi 3"). */
export function showKey(rec: SheetRecord, keyFields: string[]): string {
  return keyFields
    .filter((f) => f !== 'ma_truong')
    .map((f) => `${f} ${rec.fields[f]?.value ?? ''}`)
    .join(', ');
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function fieldsInColumnOrder(sheet: ParsedSheet): string[] {
  return Object.keys(sheet.columns).sort((a, b) => columnIndex(sheet.columns[a]) - columnIndex(sheet.columns[b]));
}

export function schoolSheets(parsed: ParsedWorkbook): { sheet: ParsedSheet; key: string[] }[] {
  const out: { sheet: ParsedSheet; key: string[] }[] = [];
  for (const sheet of parsed.sheets) {
    const key = schoolKey(sheet.template, sheet.columns);
    if (key) out.push({ sheet, key });
  }
  return out;
}

function textOf(rec: SheetRecord, field: string): string {
  const v = rec.fields[field]?.value;
  return v === null || v === undefined ? '' : String(v).trim();
}

export function indexMaster(parsed: ParsedWorkbook, units: UnitMap, asOf?: string): MasterIndex {
  const sheets = schoolSheets(parsed);
  // QUY_MO defines the list of schools; the other per-school templates only add rows to compare.
  const rank = (t: TemplateId) => (TEMPLATE_ORDER.includes(t) ? TEMPLATE_ORDER.indexOf(t) : TEMPLATE_ORDER.length);
  sheets.sort((a, b) => rank(a.sheet.template) - rank(b.sheet.template));
  const index: MasterIndex = { file: parsed.file, schools: new Map(), rows: new Map(), layout: new Map() };
  const listSource = sheets.some((s) => s.sheet.template === 'QUY_MO') ? 'QUY_MO' : undefined;
  for (const { sheet, key } of sheets) {
    index.schoolYear ??= sheet.metadata.schoolYear;
    if (!index.layout.has(sheet.template)) index.layout.set(sheet.template, { fields: fieldsInColumnOrder(sheet), headers: sheet.headers });
    const rows = index.rows.get(sheet.template) ?? new Map<string, MasterRow>();
    index.rows.set(sheet.template, rows);
    for (const record of sheet.records) {
      const school = schoolOf(record, units, asOf);
      if (!school) continue;
      const k = rowKey(record, key, school.code);
      if (!rows.has(k)) rows.set(k, compactRow(sheet, record));
      if ((listSource && sheet.template !== listSource) || index.schools.has(school.code)) continue;
      const rawCommune = normaliseCode(record.fields.ma_xa?.value);
      const communeCode = rawCommune ? mapCode(units, rawCommune, asOf) : '';
      const communeMapping = rawCommune ? resolveCode(units, rawCommune, asOf).via.at(-1) : undefined;
      index.schools.set(school.code, {
        code: school.code,
        name: textOf(record, 'ten_truong'),
        level: textOf(record, 'cap_hoc'),
        communeCode,
        communeName: communeMapping?.toName ?? textOf(record, 'ten_xa'),
        sheet: sheet.sheetName,
        cell: record.fields.ma_truong.address,
        order: index.schools.size,
      });
    }
  }
  // A CSDL school list is the master list of schools (the schools a QUY_MO row does not name too).
  for (const list of parsed.schoolLists ?? []) {
    for (const e of list.entries) {
      const code = mapCode(units, normaliseCode(e.ma_truong) ?? e.ma_truong, asOf);
      if (index.schools.has(code)) continue;
      index.schools.set(code, { code, name: e.ten_truong, level: e.cap_hoc, communeCode: e.ma_xa ? mapCode(units, normaliseCode(e.ma_xa) ?? e.ma_xa, asOf) : '', communeName: '', sheet: list.sheet, cell: e.cell, order: index.schools.size });
    }
  }
  return index;
}
