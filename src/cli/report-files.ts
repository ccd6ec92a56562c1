/**
 * Writes the report files of `baocao-gd report` / `demo`: DIR/bao-cao-<năm học>.docx, .html and .xlsx.
 * The .xlsx holds copies of the source sheets the formulas point at (values at the same addresses)
 * plus the report sheet, so its formulas resolve in Excel and show where each figure came from.
 */
import type ExcelJS from 'exceljs';
import * as path from 'path';
import type { Bilingual } from '../core/findings';
import { msg } from '../core/i18n';
import { formatNumber } from '../core/format/vn';
import { uniqueSheetName } from '../core/sheetNames';
import { clashNote, ensureFolder, InputIdentity, safeOutputPath, writeOutput } from './output-paths';
import type { DocTemplate } from './doc-template';
import { reportToHtml } from '../core/report/html';
import type { ReportModel } from '../core/report/model';
import { reportToSheetPlan, ReportSheetPlan } from '../core/report/sheetPlan';
import type { WorkbookSnapshot } from '../core/types';
import { reportToDocx } from '../render/docx';
import { activate, addPlanSheet, addSnapshotSheet, newWorkbook, type TextCuts } from '../xlsx/write';

export interface ReportFiles {
  docx: string;
  html: string;
  xlsx: string;
  /** What the writer had to say: an output renamed beside an input, texts cut to Excel's limit. */
  notes?: Bilingual[];
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

/** A plan whose formulas point at renamed sheet copies: 'old'!A1 → 'new'!A1. */
function retarget(plan: ReportSheetPlan, renamed: Map<string, string>): ReportSheetPlan {
  if (!renamed.size) return plan;
  const quote = (n: string) => `'${n.replace(/'/g, "''")}'!`;
  return {
    ...plan,
    blocks: plan.blocks.map((b) => ({
      ...b,
      values: b.values.map((row, r) =>
        row.map((v, c) => {
          if (!b.isFormula?.[r]?.[c] || typeof v !== 'string') return v;
          let out = v;
          for (const [from, to] of renamed) out = out.split(quote(from)).join(quote(to));
          return out;
        }),
      ),
    })),
  };
}

/**
 * The report workbook: copies of the referenced source sheets, then the report sheet (made active).
 * A source sheet name Excel would refuse (too long, forbidden characters, "History", a duplicate) is
 * made valid by the writer, and the report's formulas follow it.
 */
export function reportWorkbook(model: ReportModel, source: WorkbookSnapshot, cuts?: TextCuts): ExcelJS.Workbook {
  let plan = reportToSheetPlan(model);
  const wb = newWorkbook();
  const needed = referencedSheets(plan);
  const renamed = new Map<string, string>();
  for (const s of source.sheets) {
    if (!needed.has(s.name)) continue;
    // The report sheet's own name is kept free for it.
    const name = uniqueSheetName(s.name, [...wb.worksheets.map((w) => w.name), plan.name]);
    addSnapshotSheet(wb, { ...s, name }, { cuts });
    if (name !== s.name) renamed.set(s.name, name);
  }
  plan = retarget(plan, renamed);
  activate(wb, addPlanSheet(wb, plan, cuts));
  return wb;
}

/** The note for texts cut to Excel's limit, or null. */
export function cutsNote(file: string, cuts: TextCuts): Bilingual | null {
  return cuts.n ? msg('output.truncated', { file, n: formatNumber(cuts.n), cell: cuts.first ?? '' }) : null;
}

/**
 * Writes DIR/bao-cao-<năm học>.docx, .html and .xlsx. No output is written over an input (the files
 * read, the settings file): such an output gets a free numbered name, and a note says so.
 */
export async function writeReportFiles(model: ReportModel, source: WorkbookSnapshot, outDir: string, inputs: InputIdentity[] = [], opts: { template?: DocTemplate } = {}): Promise<ReportFiles> {
  await ensureFolder(outDir);
  const base = path.join(outDir, reportBaseName(model));
  const notes: Bilingual[] = [];
  const place = async (file: string) => {
    const safe = await safeOutputPath(file, inputs);
    const note = clashNote(safe);
    if (note) notes.push(note);
    return safe.path;
  };
  const files: ReportFiles = { docx: await place(base + '.docx'), html: await place(base + '.html'), xlsx: await place(base + '.xlsx') };
  await writeOutput(files.docx, await reportToDocx(model, { template: opts.template?.bytes }));
  await writeOutput(files.html, reportToHtml(model));
  const cuts: TextCuts = { n: 0 };
  const wb = reportWorkbook(model, source, cuts);
  await writeOutput(files.xlsx, new Uint8Array(await wb.xlsx.writeBuffer()));
  const cut = cutsNote(files.xlsx, cuts);
  if (cut) notes.push(cut);
  if (notes.length) files.notes = notes;
  return files;
}
