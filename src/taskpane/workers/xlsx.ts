/**
 * .xlsx bytes → WorkbookSnapshot with ExcelJS, for files the user picks in the browser (the
 * cross-check worker). Loaded only inside the worker, never in the initial bundle.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/types';

type AnyCell = { value: unknown; numFmt?: string; isMerged?: boolean; master?: unknown };

function toCellValue(v: unknown): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined || v === '') return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, formula: null };
  if (v instanceof Date) return { value: v, formula: null };
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { value: { error: o.error }, formula: null };
  if ('formula' in o || 'sharedFormula' in o) {
    const inner = toCellValue(o.result);
    const f = (o.formula ?? o.sharedFormula) as string | undefined;
    return { value: inner.value, formula: f ? `=${f}` : null };
  }
  if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join('') || null, formula: null };
  if (typeof o.text === 'string') return { value: o.text, formula: null };
  return { value: String(v), formula: null };
}

export async function xlsxToSnapshot(fileName: string, data: ArrayBuffer): Promise<WorkbookSnapshot> {
  const mod = await import(/* webpackChunkName: "exceljs" */ 'exceljs');
  const ExcelJS = (mod as { default?: unknown }).default ?? mod;
  const wb = new (ExcelJS as any).Workbook();
  await wb.xlsx.load(data);
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws: any) => {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const numberFormats: string[][] = [];
    let maxCol = 0;
    ws.eachRow({ includeEmpty: false }, (row: any, rowNumber: number) => {
      const r = rowNumber - 1;
      row.eachCell({ includeEmpty: false }, (cell: AnyCell, colNumber: number) => {
        const c = colNumber - 1;
        // ExcelJS repeats a merge's value in every cell of it; Excel (and the other hosts) keep it in the first only.
        if (cell.isMerged && cell.master !== cell) return;
        const { value, formula } = toCellValue(cell.value);
        while (values.length <= r) {
          values.push([]);
          formulas.push([]);
          numberFormats.push([]);
        }
        values[r][c] = value;
        formulas[r][c] = formula;
        numberFormats[r][c] = cell.numFmt || 'General';
        maxCol = Math.max(maxCol, c + 1);
      });
    });
    for (let r = 0; r < values.length; r++) {
      for (let c = 0; c < maxCol; c++) {
        if (values[r][c] === undefined) values[r][c] = null;
        if (formulas[r][c] === undefined) formulas[r][c] = null;
        if (numberFormats[r][c] === undefined) numberFormats[r][c] = 'General';
      }
    }
    const merges: string[] = Array.isArray(ws.model?.merges) ? ws.model.merges : [];
    sheets.push({ name: ws.name, origin: { row: 0, col: 0 }, values, formulas, numberFormats, merges, hidden: ws.state !== 'visible' });
  });
  return { fileName, sheets };
}
