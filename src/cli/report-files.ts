/**
 * Writes the report files of `baocao-gd report` / `demo`: DIR/bao-cao-<năm học>.docx, .html and .xlsx.
 * The .xlsx holds copies of the source sheets the formulas point at (values at the same addresses)
 * plus the report sheet, so its formulas resolve in Excel and show where each figure came from.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { reportToHtml } from '../core/report/html';
import type { ReportModel } from '../core/report/model';
import { reportToSheetPlan, ReportSheetPlan } from '../core/report/sheetPlan';
import { CellValue, isCellError, WorkbookSnapshot, CellStyle } from '../core/types';
import { reportToDocx } from '../render/docx';

export interface ReportFiles {
  docx: string;
  html: string;
  xlsx: string;
}

export function reportBaseName(model: ReportModel): string {
  const year = model.schoolYear.replace(/[^0-9-]/g, '');
  return year ? `bao-cao-${year}` : 'bao-cao';
}

/** Sheet names referenced by the plan's formulas ('QUY_MO'!F12 → QUY_MO). */
export function referencedSheets(plan: ReportSheetPlan): Set<string> {
  const names = new Set<string>();
  for (const b of plan.blocks) {
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!b.isFormula?.[r]?.[c] || typeof v !== 'string') return;
        for (const m of v.matchAll(/'((?:[^']|'')+)'!/g)) names.add(m[1].replace(/''/g, "'"));
      }),
    );
  }
  return names;
}

function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (isCellError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v as ExcelJS.CellValue;
}

function copySheet(wb: ExcelJS.Workbook, snap: WorkbookSnapshot['sheets'][number]): void {
  const ws = wb.addWorksheet(snap.name.slice(0, 31));
  snap.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      ws.getCell(snap.origin.row + r + 1, snap.origin.col + c + 1).value = toExcelValue(v);
    }),
  );
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined, numFmt?: string): void {
  const font: Partial<ExcelJS.Font> = { name: 'Times New Roman', size: style?.fontSize ?? 12 };
  if (style?.bold) font.bold = true;
  if (style?.italic) font.italic = true;
  cell.font = font;
  if (style?.wrap || style?.align) cell.alignment = { wrapText: !!style.wrap, horizontal: style.align, vertical: 'middle' };
  if (style?.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + style.fill.replace('#', '') } };
  if (style?.border) {
    const thin = { style: 'thin' as const };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  const fmt = numFmt ?? style?.numberFormat;
  if (fmt) cell.numFmt = fmt;
}

function uniqueName(wb: ExcelJS.Workbook, name: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, 27)} (${i})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Adds the report sheet described by the plan (formulas with their cached results). */
export function addPlanSheet(wb: ExcelJS.Workbook, plan: ReportSheetPlan): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(uniqueName(wb, plan.name));
  for (const [col, width] of Object.entries(plan.columnWidths ?? {})) ws.getColumn(Number(col) + 1).width = width;
  for (const block of plan.blocks) {
    block.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const cell = ws.getCell(block.row + r + 1, block.col + c + 1);
        const result = block.results?.[r]?.[c];
        if (block.isFormula?.[r]?.[c] && typeof value === 'string') {
          cell.value = { formula: value.replace(/^=/, ''), ...(result !== null && result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue;
        } else if (value !== null) cell.value = value;
        applyStyle(cell, { ...block.style, ...(block.rowStyles?.[r] ?? {}) }, block.columnFormats?.[c]);
      });
      if (block.mergeRows && row.length > 1) ws.mergeCells(block.row + r + 1, block.col + 1, block.row + r + 1, block.col + row.length);
    });
  }
  for (const [r, h] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  if (plan.freezeRows) ws.views = [{ state: 'frozen', ySplit: plan.freezeRows }];
  return ws;
}

/** The report workbook: copies of the referenced source sheets, then the report sheet (made active). */
export function reportWorkbook(model: ReportModel, source: WorkbookSnapshot): ExcelJS.Workbook {
  const plan = reportToSheetPlan(model);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo GD';
  const needed = referencedSheets(plan);
  for (const s of source.sheets) if (needed.has(s.name)) copySheet(wb, s);
  const ws = addPlanSheet(wb, plan);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.indexOf(ws), visibility: 'visible' }];
  return wb;
}

export async function writeReportFiles(model: ReportModel, source: WorkbookSnapshot, outDir: string): Promise<ReportFiles> {
  await fs.mkdir(outDir, { recursive: true });
  const base = path.join(outDir, reportBaseName(model));
  const files: ReportFiles = { docx: base + '.docx', html: base + '.html', xlsx: base + '.xlsx' };
  await fs.writeFile(files.docx, await reportToDocx(model));
  await fs.writeFile(files.html, reportToHtml(model), 'utf8');
  await reportWorkbook(model, source).xlsx.writeFile(files.xlsx);
  return files;
}
