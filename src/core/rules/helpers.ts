/** Helpers shared by the rule engine and the rule records: labels, row names, side values. */
import type { Bilingual } from '../findings';
import { formatNumber } from '../format/vn';
import { fieldDef } from '../sheets/templates';
import type { ParsedSheet, SheetRecord } from '../sheets/types';
import type { Operator, Side } from './types';

/** A count or ratio as Vietnamese text, never NaN/undefined. */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return Number.isInteger(n) ? formatNumber(n) : formatNumber(n, { decimals: 2, keepTrailingZeros: false });
}

/** Label of a field in both languages: the header as printed in this sheet (vi), the gloss (en). */
export function fieldLabel(sheet: ParsedSheet, id: string): Bilingual {
  const def = fieldDef(sheet.template, id);
  const printed = sheet.headers?.[id];
  const vi = printed ?? def?.header ?? id;
  const en = def?.en ? `${def.en}${printed ? ` ("${printed}")` : ''}` : vi;
  return { vi, en };
}

export function sideLabel(sheet: ParsedSheet, side: Side): Bilingual {
  const parts: Bilingual[] = [];
  for (const f of side.fields ?? []) parts.push(fieldLabel(sheet, f));
  const join = (lang: 'vi' | 'en') => {
    let s = parts.map((p) => p[lang]).join(' + ');
    for (const m of side.minus ?? []) if (sheet.columns[m]) s += ` − ${fieldLabel(sheet, m)[lang]}`;
    if (side.constant !== undefined) s = s ? `${s} + ${fmt(side.constant)}` : fmt(side.constant);
    return s;
  };
  return { vi: join('vi'), en: join('en') };
}

/** "Trường TH An Phú, dòng 12" — which row a finding is about, in the user's words. */
export function where(sheet: ParsedSheet, rec: SheetRecord): Bilingual {
  const v = (id: string) => {
    const x = rec.fields[id]?.value;
    return x === null || x === undefined || x === '' ? null : String(x);
  };
  const name = v('ten_truong') ?? v('ma_truong') ?? v('ten_xa') ?? v('ma_xa') ?? v('ten_chi_tieu') ?? v('ma_chi_tieu') ?? v('ten_cu') ?? v('ma_cu');
  const extraVi: string[] = [];
  const extraEn: string[] = [];
  if (v('khoi')) {
    extraVi.push(`khối ${v('khoi')}`);
    extraEn.push(`grade ${v('khoi')}`);
  }
  if (v('nhom_tuoi')) {
    const raw = String(rec.fields.nhom_tuoi.raw ?? v('nhom_tuoi'));
    extraVi.push(raw);
    extraEn.push(raw);
  }
  if (v('thoi_diem')) {
    const raw = String(rec.fields.thoi_diem.raw ?? v('thoi_diem'));
    extraVi.push(raw);
    extraEn.push(raw);
  }
  const isTotal = sheet.totalRow === rec;
  const headVi = isTotal ? 'Dòng tổng' : name ?? '';
  const headEn = isTotal ? 'Total row' : name ?? '';
  const vi = [headVi, ...extraVi].filter(Boolean).join(', ');
  const en = [headEn, ...extraEn].filter(Boolean).join(', ');
  return { vi: `${vi ? vi + ', ' : ''}dòng ${rec.row}`, en: `${en ? en + ', ' : ''}row ${rec.row}` };
}

interface SideValue {
  value: number | null;
  cells: string[];
}

export function sideValue(rec: SheetRecord, side: Side): SideValue {
  const strategy = side.strategy ?? 'skip-if-any-missing';
  let sum = 0;
  let present = 0;
  let missing = 0;
  const cells: string[] = [];
  for (const f of side.fields ?? []) {
    const fv = rec.fields[f];
    const v = fv?.value;
    if (typeof v === 'number' && Number.isFinite(v)) {
      sum += v;
      present++;
      if (!fv.defaulted) cells.push(fv.address);
    } else if (strategy === 'never-skip') {
      if (fv) cells.push(fv.address);
    } else missing++;
  }
  if (strategy === 'skip-if-any-missing' && missing > 0) return { value: null, cells };
  if (strategy === 'skip-if-all-missing' && present === 0 && (side.fields?.length ?? 0) > 0) return { value: null, cells };
  for (const f of side.minus ?? []) {
    const fv = rec.fields[f];
    if (typeof fv?.value === 'number' && Number.isFinite(fv.value)) {
      sum -= fv.value;
      cells.push(fv.address);
    }
  }
  if (side.constant !== undefined) sum += side.constant;
  return { value: sum, cells };
}

/** sideValue without collecting cells: the hot path of compare rules (cells only when a rule fails). */
export function sideNumber(rec: SheetRecord, side: Side): number | null {
  const strategy = side.strategy ?? 'skip-if-any-missing';
  let sum = 0;
  let present = 0;
  const fields = side.fields;
  if (fields) {
    for (let i = 0; i < fields.length; i++) {
      const v = rec.fields[fields[i]]?.value;
      if (typeof v === 'number' && Number.isFinite(v)) {
        sum += v;
        present++;
      } else if (strategy === 'skip-if-any-missing') return null;
    }
    if (strategy === 'skip-if-all-missing' && present === 0 && fields.length > 0) return null;
  }
  if (side.minus) {
    for (const f of side.minus) {
      const v = rec.fields[f]?.value;
      if (typeof v === 'number' && Number.isFinite(v)) sum -= v;
    }
  }
  if (side.constant !== undefined) sum += side.constant;
  return sum;
}

const EPS = 1e-9;
export function holds(left: number, op: Operator, right: number): boolean {
  switch (op) {
    case '==':
      return Math.abs(left - right) <= EPS * Math.max(1, Math.abs(left), Math.abs(right));
    case '<=':
      return left <= right + EPS;
    case '>=':
      return left + EPS >= right;
    case '<':
      return left < right;
    case '>':
      return left > right;
  }
}

