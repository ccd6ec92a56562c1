/**
 * The one .xlsx writer: every workbook the command line writes (report, "Tổng hợp" summary, blank
 * templates) is SheetPlans written here, so they share one look (Times New Roman, thin borders,
 * fills, number formats, merged title rows, frozen headers, row heights, data validation) and one
 * set of sheet-name rules (src/core/sheetNames: ≤ 31 characters, none of : \ / ? * [ ], unique,
 * never "History"). The Excel host writes the same plans through Office.js (src/excel).
 *
 * Returns ExcelJS workbooks; the host saves them (the CLI to a file).
 */
import ExcelJS from 'exceljs';
import { uniqueSheetName } from '../core/sheetNames';
import type { ColumnValidation } from '../core/sheets/layout';
import type { CellStyle, CellValue, SheetPlan, SheetSnapshot, WriteBlock } from '../core/types';
import { isCellError } from '../core/types';

export const FONT_NAME = 'Times New Roman';
export const FONT_SIZE = 12;

/** What a plan may carry beyond SheetPlan: cached formula results, row heights, validations. */
export type WritablePlan = SheetPlan & {
  blocks: (WriteBlock & { results?: (string | number | boolean | null)[][] })[];
  rowHeights?: Record<number, number>;
  validations?: ColumnValidation[];
};

/** Excel's longest cell text. */
export const EXCEL_MAX_TEXT = 32_767;

/** Cells whose text was cut to Excel's limit while writing one workbook (the caller says so). */
export interface TextCuts {
  n: number;
  /** The first such cell, "Sheet!B12". */
  first?: string;
}

/** A text longer than Excel allows is cut (ending with "…") and counted; any other value as is. */
export function fitText<T>(v: T, cuts: TextCuts | undefined, where: () => string): T | string {
  if (typeof v !== 'string' || v.length <= EXCEL_MAX_TEXT) return v;
  if (cuts) {
    cuts.n++;
    cuts.first ??= where();
  }
  return v.slice(0, EXCEL_MAX_TEXT - 1) + '…';
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo GD';
  return wb;
}

function addWorksheet(wb: ExcelJS.Workbook, preferred: string): ExcelJS.Worksheet {
  return wb.addWorksheet(uniqueSheetName(preferred, wb.worksheets.map((w) => w.name)));
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle, numFmt: string | undefined): void {
  cell.font = { name: FONT_NAME, size: style.fontSize ?? FONT_SIZE, ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}) };
  if (style.wrap || style.align) cell.alignment = { wrapText: !!style.wrap, vertical: 'middle', ...(style.align ? { horizontal: style.align } : {}) };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + style.fill.replace('#', '').toUpperCase() } };
  if (style.border) {
    const thin = { style: 'thin' as const };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (numFmt) cell.numFmt = numFmt;
}

function toValidation(v: ColumnValidation): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Báo cáo GD', error: `${v.error.vi} / ${v.error.en}` };
  const r = v.rule;
  if (r.kind === 'list') return { type: 'list', formulae: [`"${r.values.join(',')}"`], ...common };
  if (r.kind === 'whole') {
    return r.max === undefined
      ? { type: 'whole', operator: 'greaterThanOrEqual', formulae: [r.min], ...common }
      : { type: 'whole', operator: 'between', formulae: [r.min, r.max], ...common };
  }
  return { type: 'decimal', operator: 'between', formulae: [r.min, r.max], ...common };
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One row of a block written into its worksheet row: values (formulas with their cached results) and styles. */
export function writeBlockRow(ws: ExcelJS.Worksheet, row: ExcelJS.Row, block: WritablePlan['blocks'][number], r: number, cuts: TextCuts | undefined): void {
  const style = { ...block.style, ...(block.rowStyles?.[r] ?? {}) };
  block.values[r].forEach((value, c) => {
    const cell = row.getCell(block.col + c + 1);
    const result = block.results?.[r]?.[c];
    if (block.isFormula?.[r]?.[c] && typeof value === 'string') {
      cell.value = { formula: value.replace(/^=/, ''), ...(result !== null && result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue;
    } else if (value !== null) cell.value = fitText(value, cuts, () => `${ws.name}!${cell.address}`);
    // The Excel host's order: a row's format, then the column's, then the block's.
    applyStyle(cell, style, block.rowStyles?.[r]?.numberFormat ?? block.columnFormats?.[c] ?? block.style?.numberFormat);
  });
  const width = block.values[r].length;
  if (block.mergeRows && width > 1) ws.mergeCells(row.number, block.col + 1, row.number, block.col + width);
}

/** Data validation, written once per sheet (a range per column). */
export function addValidations(ws: ExcelJS.Worksheet, plan: WritablePlan): void {
  for (const v of plan.validations ?? []) {
    // ExcelJS writes a range key as one <dataValidation sqref="C6:C1005">.
    const range = `${columnLetters(v.col)}${v.fromRow + 1}:${columnLetters(v.col)}${v.toRow + 1}`;
    (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(range, toValidation(v));
  }
}

/** Add one sheet written from a plan: values (formulas with their cached results), styles, merges, layout. */
export function addPlanSheet(wb: ExcelJS.Workbook, plan: WritablePlan, cuts?: TextCuts): ExcelJS.Worksheet {
  const ws = addWorksheet(wb, plan.name);
  for (const [col, width] of Object.entries(plan.columnWidths ?? {})) ws.getColumn(Number(col) + 1).width = width;
  for (const block of plan.blocks) block.values.forEach((_, r) => writeBlockRow(ws, ws.getRow(block.row + r + 1), block, r, cuts));
  addValidations(ws, plan);
  for (const [r, h] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  if (plan.freezeRows) ws.views = [{ state: 'frozen', ySplit: plan.freezeRows }];
  return ws;
}

function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (isCellError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v as ExcelJS.CellValue;
}

export interface SnapshotCopyOptions {
  /** Formulas stay formulas (with their values as cached results), not only their values. */
  formulas?: boolean;
  /** Number formats, merged areas and the hidden state of the snapshot too. */
  formats?: boolean;
  /** Texts cut to Excel's 32.767 characters are counted here (the caller says so). */
  cuts?: TextCuts;
}

/**
 * A copy of a source sheet's values at the same addresses (so formulas pointing at it resolve). The
 * snapshot may be sparse (rows missing, far cells alone): only the cells that exist are visited.
 */
export function addSnapshotSheet(wb: ExcelJS.Workbook, snap: SheetSnapshot, opts: SnapshotCopyOptions = {}): ExcelJS.Worksheet {
  const ws = addWorksheet(wb, snap.name);
  snap.values.forEach((row, r) =>
    row?.forEach((v, c) => {
      const formula = opts.formulas ? snap.formulas?.[r]?.[c] : null;
      if ((v === null || v === undefined) && !formula) return;
      const cell = ws.getCell(snap.origin.row + r + 1, snap.origin.col + c + 1);
      const value = toExcelValue(fitText(v, opts.cuts, () => `${ws.name}!${cell.address}`) as CellValue);
      cell.value = formula ? ({ formula: formula.replace(/^=/, ''), ...(value !== null ? { result: value } : {}) } as ExcelJS.CellFormulaValue) : value;
      const fmt = opts.formats ? snap.numberFormats?.[r]?.[c] : undefined;
      if (fmt && fmt !== 'General') cell.numFmt = fmt;
    }),
  );
  if (opts.formats) {
    if (snap.hidden) ws.state = 'hidden';
    for (const m of snap.merges ?? []) {
      try {
        ws.mergeCells(m);
      } catch {
        // An overlapping or malformed merge of the source is left out, never a failed download.
      }
    }
  }
  return ws;
}

/** Open the workbook on this sheet. */
export function activate(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.indexOf(ws), visibility: 'visible' }];
}

/** A workbook of the given plans, in order. */
export function plansWorkbook(plans: WritablePlan[], cuts?: TextCuts): ExcelJS.Workbook {
  const wb = newWorkbook();
  for (const plan of plans) addPlanSheet(wb, plan, cuts);
  return wb;
}
