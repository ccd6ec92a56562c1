/**
 * Blank standard templates as host-neutral plans: the title block, the header row, a sample row,
 * column widths and the data-validation lists. The CLI writes them with ExcelJS; the task pane can
 * hand the same plan to a WorkbookPort. Pure: no ExcelJS, no Office.
 */
import type { SheetPlan, WriteBlock } from '../types';
import type { FieldDef, TemplateDef, TemplateId } from './types';
import { TEMPLATE_BY_ID, TEMPLATES } from './templates';

export type ValidationRule =
  | { kind: 'list'; values: string[] }
  | { kind: 'whole'; min: number; max?: number }
  | { kind: 'decimal'; min: number; max: number };

export interface ColumnValidation {
  /** 0-based column of the sheet. */
  col: number;
  /** 0-based inclusive rows. */
  fromRow: number;
  toRow: number;
  rule: ValidationRule;
  /** Shown by Excel when the value is refused. */
  error: { vi: string; en: string };
}

export interface TemplatePlan extends SheetPlan {
  template: TemplateId;
  /** 0-based row of the header. */
  headerRow: number;
  /** 0-based row of the sample row. */
  sampleRow: number;
  /** Field id per column, in order. */
  fields: string[];
  validations: ColumnValidation[];
}

export interface TemplateLayoutOptions {
  /** "Đơn vị: …" text; a dotted placeholder when absent. */
  unit?: string;
  /** "2023-2024"; a dotted placeholder when absent. */
  schoolYear?: string;
  /** Rows covered by the data validation (default 1000). */
  rows?: number;
  /** Write the sample row (default true). */
  sample?: boolean;
}

/** Columns a blank template offers: every field except printed (derived) columns. */
export function templateColumns(t: TemplateDef): FieldDef[] {
  return t.fields.filter((f) => !f.printed);
}

function validationFor(f: FieldDef): { rule: ValidationRule; error: { vi: string; en: string } } | null {
  switch (f.type) {
    case 'enum': {
      const values = Object.keys(f.values ?? {});
      return { rule: { kind: 'list', values }, error: { vi: `Chọn một trong: ${values.join(', ')}`, en: `Choose one of: ${values.join(', ')}` } };
    }
    case 'bool':
      return { rule: { kind: 'list', values: ['có', 'không'] }, error: { vi: 'Ghi "có" hoặc "không"', en: 'Enter "có" (yes) or "không" (no)' } };
    case 'count':
      return { rule: { kind: 'whole', min: 0 }, error: { vi: 'Nhập số nguyên không âm', en: 'Enter a whole number ≥ 0' } };
    case 'number':
    case 'level':
      if (f.min !== undefined && f.max !== undefined) {
        return { rule: { kind: 'whole', min: f.min, max: f.max }, error: { vi: `Nhập số nguyên từ ${f.min} đến ${f.max}`, en: `Enter a whole number from ${f.min} to ${f.max}` } };
      }
      return null;
    case 'rate':
      return { rule: { kind: 'decimal', min: 0, max: 1 }, error: { vi: 'Nhập tỷ lệ từ 0% đến 100%', en: 'Enter a rate from 0% to 100%' } };
    default:
      return null;
  }
}

/** The plan of one blank template. */
export function templateLayout(id: TemplateId, opts: TemplateLayoutOptions = {}): TemplatePlan {
  const t = TEMPLATE_BY_ID[id];
  const cols = templateColumns(t);
  const width = cols.length;
  const rows = opts.rows ?? 1000;
  const pad = (cells: (string | number | boolean | null)[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill(null)];
  const titleBlock: WriteBlock = {
    id: 'title',
    row: 0,
    col: 0,
    values: [pad([t.title.toUpperCase()])],
    style: { bold: true, fontSize: 14 },
  };
  const metaBlock: WriteBlock = {
    id: 'meta',
    row: 1,
    col: 0,
    values: [pad([`Đơn vị: ${opts.unit ?? '………………………'}`]), pad([`Năm học: ${opts.schoolYear ?? '….-….'}`])],
    style: { italic: false },
  };
  const headerRow = 4;
  const headerBlock: WriteBlock = {
    id: 'header',
    row: headerRow,
    col: 0,
    values: [cols.map((f) => f.header)],
    style: { bold: true, border: true, wrap: true, align: 'center', fill: '#DDEBF7' },
  };
  const blocks = [titleBlock, metaBlock, headerBlock];
  const sampleRow = headerRow + 1;
  if (opts.sample !== false) {
    blocks.push({
      id: 'sample',
      row: sampleRow,
      col: 0,
      values: [cols.map((f) => (f.sample === undefined ? null : f.sample))],
      style: { italic: true, border: true },
    });
  }
  const validations: ColumnValidation[] = [];
  cols.forEach((f, i) => {
    const v = validationFor(f);
    if (v) validations.push({ col: i, fromRow: sampleRow, toRow: sampleRow + rows - 1, ...v });
  });
  const columnWidths: Record<number, number> = {};
  cols.forEach((f, i) => {
    columnWidths[i] = Math.min(40, Math.max(10, Math.ceil(f.header.length * 0.9) + 2, f.type === 'text' ? 28 : 0));
  });
  return {
    name: t.sheetName ?? t.id,
    template: id,
    blocks,
    columnWidths,
    freezeRows: headerRow + 1,
    headerRow,
    sampleRow,
    fields: cols.map((f) => f.id),
    validations,
  };
}

/** Template ids accepted by `template NAME` ("all" = every one). */
export function templateIds(name: string): TemplateId[] | null {
  if (name.toLowerCase() === 'all') return TEMPLATES.map((t) => t.id);
  const id = name.toUpperCase().replace(/-/g, '_') as TemplateId;
  return TEMPLATE_BY_ID[id] ? [id] : null;
}
