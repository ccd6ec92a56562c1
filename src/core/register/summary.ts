/**
 * Communes read from registers → the standard PC_MN5, PC_TH, PC_THCS and XMC sheets (one row per
 * commune, spec/SHEETS.md §4 headers), as a snapshot (for the reader, checks, levels and the report:
 * the same path as a summary sheet typed by hand) and as sheet plans (for the task pane and the
 * files written next to the forms).
 */
import { TEMPLATE_BY_ID } from '../sheets/templates';
import type { TemplateId } from '../sheets/types';
import type { CellValue, SheetPlan, SheetSnapshot, WorkbookSnapshot } from '../types';
import type { CommuneRegister } from './commune';

export const SUMMARY_TEMPLATES = ['PC_MN5', 'PC_TH', 'PC_THCS', 'XMC'] as const;
export type SummaryTemplate = (typeof SUMMARY_TEMPLATES)[number];

export interface SummaryOptions {
  /** "Đơn vị: …" (the district or province the communes belong to). */
  unit?: string;
}

/** "2025" → "2025-2026" (the survey year is the first year of the school year). */
export function schoolYearOfSurvey(year: number | null): string {
  return year === null ? '' : `${year}-${year + 1}`;
}

function surveyYear(communes: CommuneRegister[]): number | null {
  const years = communes.map((c) => c.year).filter((y): y is number => y !== null);
  if (!years.length) return null;
  const freq = new Map<number, number>();
  for (const y of years) freq.set(y, (freq.get(y) ?? 0) + 1);
  return [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

/** Rows of one summary sheet: title, unit, school year, blank, header, one row per commune. */
export function summaryRows(template: SummaryTemplate, communes: CommuneRegister[], opts: SummaryOptions = {}): { fields: string[]; rows: CellValue[][]; headerRow: number } {
  const def = TEMPLATE_BY_ID[template as TemplateId];
  const present = new Set<string>();
  for (const c of communes) for (const k of Object.keys(c.records[template])) present.add(k);
  const fields = ['ma_xa', 'ten_xa', 'dbkk', ...def.fields.filter((f) => present.has(f.id)).map((f) => f.id)];
  const header = fields.map((id) => def.fields.find((f) => f.id === id)!.header);
  const year = schoolYearOfSurvey(surveyYear(communes));
  const rows: CellValue[][] = [
    [def.title.toUpperCase()],
    [`Đơn vị: ${opts.unit ?? ''}`.trim()],
    [`Năm học: ${year}`],
    [`Nguồn: sổ đăng ký phổ cập (phiếu điều tra hộ gia đình) của ${communes.length} xã, phường`],
    header,
  ];
  for (const c of communes) {
    const rec = c.records[template];
    rows.push(fields.map((id) => (id === 'ma_xa' ? c.code ?? null : id === 'ten_xa' ? c.name : id === 'dbkk' ? (c.dbkk ? 'có' : 'không') : rec[id] ?? null)));
  }
  return { fields, rows, headerRow: 4 };
}

export function summarySnapshot(communes: CommuneRegister[], fileName: string, opts: SummaryOptions = {}): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = SUMMARY_TEMPLATES.map((t) => {
    const { rows } = summaryRows(t, communes, opts);
    const width = Math.max(...rows.map((r) => r.length));
    return { name: t, origin: { row: 0, col: 0 }, values: rows.map((r) => [...r, ...Array(width - r.length).fill(null)]) };
  });
  return { fileName, sheets };
}

export function summaryPlans(communes: CommuneRegister[], opts: SummaryOptions = {}): SheetPlan[] {
  return SUMMARY_TEMPLATES.map((t) => {
    const { rows, headerRow } = summaryRows(t, communes, opts);
    const width = Math.max(...rows.map((r) => r.length));
    const pad = (r: CellValue[]) => [...r, ...Array(width - r.length).fill(null)] as (string | number | boolean | null)[];
    return {
      name: t,
      blocks: [
        { id: 'title', row: 0, col: 0, values: rows.slice(0, headerRow).map(pad), style: { bold: false } },
        { id: 'header', row: headerRow, col: 0, values: [pad(rows[headerRow])], style: { bold: true, wrap: true, border: true, align: 'center' as const, fill: '#DDEBF7' } },
        ...(rows.length > headerRow + 1 ? [{ id: 'data', row: headerRow + 1, col: 0, values: rows.slice(headerRow + 1).map(pad), style: { border: true } }] : []),
      ],
      columnWidths: Object.fromEntries(Array.from({ length: width }, (_, i) => [i, i === 1 ? 24 : 14])),
      freezeRows: headerRow + 1,
    };
  });
}
