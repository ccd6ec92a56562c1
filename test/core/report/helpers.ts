/** Test helpers: ParsedWorkbook builders, a sample loader, and the "never print this" check. */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { checkSnapshot } from '../../../src/core/rules';
import type { Finding } from '../../../src/core/findings';
import type { ParsedSheet, ParsedWorkbook, SheetRecord, TemplateId } from '../../../src/core/sheets/types';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/types';
import type { ReportModel } from '../../../src/core/report/model';

export const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');

export function colLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type V = number | string | boolean | null | { text: string } | { error: string };

/** A parsed sheet: fields in columns A, B, …; data from `startRow` (1-based). */
export function sheet(template: TemplateId, fields: string[], rows: V[][], opts: { name?: string; startRow?: number; year?: string; unit?: string } = {}): ParsedSheet {
  const start = opts.startRow ?? 5;
  const columns = Object.fromEntries(fields.map((f, i) => [f, colLetter(i)]));
  const records: SheetRecord[] = rows.map((r, ri) => ({
    row: start + ri,
    fields: Object.fromEntries(
      fields.map((f, i) => {
        const v = r[i] ?? null;
        const address = `${colLetter(i)}${start + ri}`;
        if (v !== null && typeof v === 'object' && 'error' in v) return [f, { value: null, raw: { error: v.error } as CellValue, address, invalid: true }];
        if (v !== null && typeof v === 'object' && 'text' in v) {
          const n = Number(v.text.replace(/\./g, ''));
          return [f, { value: Number.isFinite(n) ? n : null, raw: v.text, address, fromText: true, invalid: !Number.isFinite(n) }];
        }
        return [f, { value: v, raw: v as CellValue, address }];
      }),
    ),
  }));
  return {
    sheetName: opts.name ?? template,
    template,
    headerRows: [start - 1],
    columns,
    unknownColumns: [],
    metadata: { schoolYear: opts.year ?? '2023-2024', unit: opts.unit ?? 'Quận Mẫu' },
    records,
  };
}

export function workbook(file: string, sheets: ParsedSheet[], findings: Finding[] = []): ParsedWorkbook {
  return { file, sheets, unrecognised: [], findings };
}

function cellOf(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== 'object') return v as CellValue;
  if ('result' in v) return (v.result as CellValue) ?? null;
  if ('richText' in v) return v.richText.map((x) => x.text).join('');
  if ('error' in v) return { error: String(v.error) };
  if ('text' in v) return String((v as { text: unknown }).text);
  return null;
}

/** ExcelJS → WorkbookSnapshot (test-side; the CLI has its own loader). */
export async function snapshotOf(wb: ExcelJS.Workbook, fileName: string): Promise<WorkbookSnapshot> {
  return {
    fileName,
    sheets: wb.worksheets.map((ws) => {
      const values: CellValue[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row: CellValue[] = [];
        for (let c = 1; c <= ws.columnCount; c++) row.push(cellOf(ws.getCell(r, c).value));
        values.push(row);
      }
      return { name: ws.name, origin: { row: 0, col: 0 }, values };
    }),
  };
}

export async function loadSample(name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, name));
  const snapshot = await snapshotOf(wb, name);
  const { parsed, findings } = checkSnapshot(snapshot, { fileName: name });
  return { snapshot, parsed, findings };
}

/** NaN, undefined, null, Infinity, or a float printed the English way ("97.38", "0.9737722"). */
export const FORBIDDEN = /NaN|undefined|null|Infinity|\d\.\d{1,2}(?!\d)|\d\.\d{4,}|\d\.\d{3}\d/;

export function allText(model: ReportModel): string[] {
  const out = [model.title, model.unit, model.schoolYear];
  for (const s of model.sections) {
    out.push(s.title);
    for (const p of s.paragraphs) out.push(p.text);
    for (const tb of s.tables) {
      out.push(tb.title, ...tb.columns);
      for (const r of tb.rows) for (const c of r) out.push(c.text);
    }
  }
  return out;
}

/** 97,38% from counts with plain arithmetic (half up on the hundredths of a percent). */
export function pct(num: number, den: number): string {
  const hundredths = Math.round((num * 10000) / den + 1e-9);
  const s = String(hundredths).padStart(3, '0');
  return `${s.slice(0, -2)},${s.slice(-2)}%`;
}

/** 26254 → "26.254" with plain string work. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
