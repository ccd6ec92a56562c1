/**
 * Unit mapping across mergers (sheet DON_VI_SAP_NHAP, spec/SHEETS.md §2): old code → new code for
 * schools and communes, with the date the change took effect. Used by the cross-check (a school may
 * still submit under its old code) and by trends (old units are summed into their new unit).
 */
import type { ParsedWorkbook, SheetRecord } from './sheets/types';

export interface UnitMapping {
  from: string;
  to: string;
  fromName?: string;
  toName?: string;
  /** ISO date "YYYY-MM-DD" the mapping takes effect; undefined = always. */
  effective?: string;
  /** Where the mapping was read (sheet and 1-based row), for messages. */
  sheet?: string;
  row?: number;
}

export interface UnitMap {
  /** Old code → its mappings, latest effective date last. */
  byOld: Map<string, UnitMapping[]>;
  /** Number of mappings read. */
  size: number;
}

/** Codes are text with leading zeros kept; numbers typed into code cells become their digits. */
export function normaliseCode(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  const s = String(value).normalize('NFC').trim().replace(/\s+/g, ' ');
  return s === '' ? null : s;
}

/** Accepts ISO text, "1/7/2025" (day first), an Excel serial number or a Date; returns "YYYY-MM-DD". */
export function normaliseDate(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1) return undefined;
    // Excel serial day 25569 is 1970-01-01 (1900 date system).
    const d = new Date(Math.round((value - 25569) * 86400000));
    return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const s = String(value).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return isoOf(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return isoOf(+m[3], +m[2], +m[1]);
  return undefined;
}

function isoOf(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fieldValue(rec: SheetRecord, id: string): unknown {
  const f = rec.fields[id];
  if (!f) return undefined;
  // A date cell may arrive parsed as a number/string or only in `raw` as a Date.
  return f.value ?? (f.raw instanceof Date ? f.raw : undefined);
}

/**
 * Builds the map from a parsed workbook (every DON_VI_SAP_NHAP sheet in it) or from records.
 * Rows without both codes, or mapping a code to itself, are skipped.
 */
export function buildUnitMap(source: ParsedWorkbook | SheetRecord[]): UnitMap {
  const rows: { rec: SheetRecord; sheet?: string }[] = Array.isArray(source)
    ? source.map((rec) => ({ rec }))
    : source.sheets.filter((s) => s.template === 'DON_VI_SAP_NHAP').flatMap((s) => s.records.map((rec) => ({ rec, sheet: s.sheetName })));
  const byOld = new Map<string, UnitMapping[]>();
  let size = 0;
  for (const { rec, sheet } of rows) {
    const from = normaliseCode(fieldValue(rec, 'ma_cu'));
    const to = normaliseCode(fieldValue(rec, 'ma_moi'));
    if (!from || !to || from === to) continue;
    const mapping: UnitMapping = {
      from,
      to,
      fromName: textOrUndefined(fieldValue(rec, 'ten_cu')),
      toName: textOrUndefined(fieldValue(rec, 'ten_moi')),
      effective: normaliseDate(fieldValue(rec, 'hieu_luc')),
      sheet,
      row: rec.row,
    };
    const list = byOld.get(from) ?? [];
    list.push(mapping);
    list.sort((a, b) => (a.effective ?? '').localeCompare(b.effective ?? ''));
    byOld.set(from, list);
    size++;
  }
  return { byOld, size };
}

function textOrUndefined(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** The mapping that applies to `code` on `asOf` (ISO date; undefined = every mapping applies). */
function step(map: UnitMap, code: string, asOf?: string): UnitMapping | undefined {
  const list = map.byOld.get(code);
  if (!list) return undefined;
  let found: UnitMapping | undefined;
  for (const m of list) if (!asOf || !m.effective || m.effective <= asOf) found = m;
  return found;
}

/**
 * Follows mappings (A → B → C) to the current code, with the chain taken. A cycle stops at the
 * first repeated code rather than looping.
 */
export function resolveCode(map: UnitMap, code: string, asOf?: string): { code: string; via: UnitMapping[] } {
  const start = normaliseCode(code) ?? code;
  const via: UnitMapping[] = [];
  const seen = new Set([start]);
  let current = start;
  for (;;) {
    const m = step(map, current, asOf);
    if (!m || seen.has(m.to)) break;
    via.push(m);
    seen.add(m.to);
    current = m.to;
  }
  return { code: current, via };
}

/** Current code of a unit (school or commune); unchanged when no mapping applies. */
export function mapCode(map: UnitMap, code: string, asOf?: string): string {
  return resolveCode(map, code, asOf).code;
}

/** Merges maps (e.g. the master's DON_VI_SAP_NHAP and a separate mapping workbook). */
export function mergeUnitMaps(...maps: UnitMap[]): UnitMap {
  const byOld = new Map<string, UnitMapping[]>();
  let size = 0;
  for (const map of maps) {
    for (const [from, list] of map.byOld) {
      const merged = [...(byOld.get(from) ?? []), ...list].sort((a, b) => (a.effective ?? '').localeCompare(b.effective ?? ''));
      byOld.set(from, merged);
      size += list.length;
    }
  }
  return { byOld, size };
}

export const EMPTY_UNIT_MAP: UnitMap = { byOld: new Map(), size: 0 };
