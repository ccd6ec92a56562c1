/**
 * Writes the report files of `baocao-gd report` / `demo`: DIR/bao-cao-<năm học>.docx, .html and .xlsx.
 * The .xlsx holds copies of the source sheets the formulas point at (values at the same addresses)
 * plus the report sheet, so its formulas resolve in Excel and show where each figure came from.
 */
import type ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { reportToHtml } from '../core/report/html';
import type { ReportModel } from '../core/report/model';
import { reportToSheetPlan, ReportSheetPlan } from '../core/report/sheetPlan';
import type { WorkbookSnapshot } from '../core/types';
import { reportToDocx } from '../render/docx';
import { activate, addPlanSheet, addSnapshotSheet, newWorkbook } from '../xlsx/write';

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

/** The report workbook: copies of the referenced source sheets, then the report sheet (made active). */
export function reportWorkbook(model: ReportModel, source: WorkbookSnapshot): ExcelJS.Workbook {
  const plan = reportToSheetPlan(model);
  const wb = newWorkbook();
  const needed = referencedSheets(plan);
  for (const s of source.sheets) if (needed.has(s.name)) addSnapshotSheet(wb, s);
  activate(wb, addPlanSheet(wb, plan));
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
