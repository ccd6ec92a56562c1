/**
 * .xlsx bytes → WorkbookSnapshot, for every host that reads files: the command line (src/cli/xlsx.ts)
 * and the task pane's worker (src/taskpane/workers/xlsx.ts). Host-neutral (Uint8Array, no Node
 * globals). Order: inspect the bytes → count cells/rows/strings → ExcelJS → one converter.
 * ExcelJS is imported on demand so that the web build keeps it in a lazy chunk, and so a refused file
 * never loads it.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/types';
import { checkFileSize, inspectBytes, UnreadableFileError } from './inspect';
import { checkWorkbookLimits } from './limits';

export * from './inspect';
export * from './limits';

export interface LoadOptions {
  /** Also return each cell's formula text ("=SUM(B2:B9)") in `formulas`. */
  formulas?: boolean;
}

/* ---------------------------------------------------------------- cell conversion */

function richText(v: { richText?: { text: string }[] }): string {
  return (v.richText ?? []).map((r) => r.text ?? '').join('');
}

/** An ExcelJS cell value → CellValue; '' is blank (null), as the Excel host reads it. */
function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if ('formula' in o || 'sharedFormula' in o) return toCellValue(o.result);
    if (Array.isArray(o.richText)) return richText(o as { richText: { text: string }[] }) || null;
    if ('text' in o) {
      // A hyperlink: its text is a string or rich text.
      const t = o.text;
      return typeof t === 'string' ? t || null : t && typeof t === 'object' ? richText(t as { richText: { text: string }[] }) || null : null;
    }
  }
  return null;
}

/** The formula of a formula cell; for a shared formula ExcelJS translates the master's to this cell. */
function formulaOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return null;
  try {
    const f = cell.formula;
    return f ? `=${f}` : null;
  } catch {
    return null; // a shared formula whose master cell is missing
  }
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  // ws.model would serialise every row to get them; _merges is the map ExcelJS keeps.
  const internal = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges;
  if (!internal) return [];
  const out: string[] = [];
  for (const m of Object.values(internal)) {
    if (typeof m?.range === 'string') out.push(m.range);
  }
  return out;
}

function sheetSnapshot(ws: ExcelJS.Worksheet, withFormulas: boolean): SheetSnapshot {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const formulas: (string | null)[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const line: CellValue[] = [];
    const fmts: string[] = [];
    const fline: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // ExcelJS repeats a merge's value in every cell of it; Excel (and the other hosts) keep it in the first only.
      if (cell.isMerged && cell.master !== cell) return;
      const v = toCellValue(cell.value);
      const f = withFormulas ? formulaOf(cell) : null;
      if (v === null && f === null) return;
      line[c] = v;
      if (f !== null) fline[c] = f;
      if (cell.numFmt) fmts[c] = cell.numFmt;
      if (c + 1 > width) width = c + 1;
    });
    values[r] = line;
    formats[r] = fmts;
    formulas[r] = fline;
  });
  // Dense rectangle from A1 (the core indexes rows and columns directly).
  const height = values.length;
  const dense: CellValue[][] = new Array(height);
  const denseFmt: string[][] = new Array(height);
  const denseFormulas: (string | null)[][] = new Array(withFormulas ? height : 0);
  for (let r = 0; r < height; r++) {
    const src = values[r];
    const fsrc = formats[r];
    const line: CellValue[] = new Array(width);
    const fl: string[] = new Array(width);
    for (let c = 0; c < width; c++) {
      line[c] = src?.[c] ?? null;
      fl[c] = fsrc?.[c] ?? 'General';
    }
    dense[r] = line;
    denseFmt[r] = fl;
    if (withFormulas) {
      const xsrc = formulas[r];
      const xl: (string | null)[] = new Array(width);
      for (let c = 0; c < width; c++) xl[c] = xsrc?.[c] ?? null;
      denseFormulas[r] = xl;
    }
  }
  const snap: SheetSnapshot = { name: ws.name, origin: { row: 0, col: 0 }, values: dense, numberFormats: denseFmt };
  if (withFormulas) snap.formulas = denseFormulas;
  const merges = mergesOf(ws);
  if (merges.length) snap.merges = merges;
  if (ws.state && ws.state !== 'visible') snap.hidden = true;
  return snap;
}

type ExcelJSModule = typeof ExcelJS;

/** Reads .xlsx bytes into a snapshot; throws UnreadableFileError with a bilingual reason. */
export async function loadWorkbookBytes(data: Uint8Array | ArrayBuffer, fileName: string, opts: LoadOptions = {}): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  checkFileSize(fileName, bytes.length);
  const zip = await inspectBytes(fileName, bytes);
  // Count cells/rows/strings on the zip before ExcelJS builds its object model (bounded memory).
  await checkWorkbookLimits(fileName, zip);
  const mod = (await import(/* webpackChunkName: "exceljs" */ 'exceljs')) as unknown as { default?: ExcelJSModule } & ExcelJSModule;
  const lib = mod.default ?? mod;
  const wb = new lib.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : '';
    throw new UnreadableFileError(fileName, 'corrupt_xlsx', { detail });
  }
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetSnapshot(ws, !!opts.formulas));
  });
  return { fileName, sheets };
}
