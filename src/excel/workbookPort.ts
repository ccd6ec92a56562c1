/**
 * WorkbookPort on Office.js: the only module that talks to Excel. Every operation is a function of a
 * RequestContext (so tests pass a fake) with a fixed number of context.sync() calls whatever the
 * data size: read-all = 2, write a whole report sheet = 2, select/highlight/notes = 1.
 * Performance rules: OFFICE-ADDIN-NOTES §5 (one 2-D assignment per block, suspend calc/screen).
 */
import type { CellStyle, CellValue, SheetPlan, SheetSnapshot, WorkbookPort, WorkbookSnapshot, WriteBlock, WriteResult } from '../core/types';
import { parseA1Range, uniqueSheetName } from '../core/memoryWorkbook';

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Which requirement sets the host has; injected so tests and old hosts take the same code path. */
export type SupportsSet = (name: string, version: string) => boolean;

export function officeSupports(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(name, version);
  } catch {
    return false;
  }
}

/** Custom functions run only where this set exists (not on perpetual Office 2021 and older, nor iPad). */
export function customFunctionsAvailable(supports: SupportsSet = officeSupports): boolean {
  return supports('CustomFunctionsRuntime', '1.1');
}

/* ---------- reading ---------- */

function toCellValue(v: unknown, type: string | undefined): CellValue {
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (type === 'Error') return { error: String(v) };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

export async function listSheetsIn(ctx: Excel.RequestContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  return sheets.items.map((s) => s.name);
}

export interface ReadOptions {
  /** Read merged areas too (ExcelApi 1.13). */
  merges?: boolean;
}

/** Used ranges of the named sheets (all sheets when omitted), in two syncs. */
export async function readSheetsIn(ctx: Excel.RequestContext, names?: string[], opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  ctx.workbook.load('name');
  await ctx.sync();

  const wanted = names ? new Set(names.map((n) => n.toLocaleLowerCase('vi'))) : null;
  const candidates = sheets.items.filter((ws) => !wanted || wanted.has(ws.name.toLocaleLowerCase('vi')));
  const pending = candidates.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,rowIndex,columnIndex,values,valueTypes,formulas,numberFormat');
    let merged: Excel.RangeAreas | undefined;
    if (opts.merges) {
      merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load('areas/items/address');
    }
    return { ws, used, merged };
  });
  await ctx.sync();

  const out: SheetSnapshot[] = pending.map(({ ws, used, merged }) => {
    const hidden = ws.visibility !== 'Visible';
    if (used.isNullObject) return { name: ws.name, origin: { row: 0, col: 0 }, values: [], hidden };
    const types = used.valueTypes as unknown as string[][];
    const values = used.values.map((row, r) => row.map((v, c) => toCellValue(v, types[r]?.[c])));
    const formulas = (used.formulas as unknown[][]).map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null)));
    const numberFormats = (used.numberFormat as unknown[][]).map((row) => row.map((f) => String(f ?? 'General')));
    const snap: SheetSnapshot = { name: ws.name, origin: { row: used.rowIndex, col: used.columnIndex }, values, formulas, numberFormats, hidden };
    if (merged && !merged.isNullObject) snap.merges = merged.areas.items.map((a) => a.address.slice(a.address.lastIndexOf('!') + 1).replace(/\$/g, ''));
    return snap;
  });
  return { fileName: ctx.workbook.name || 'Workbook', sheets: out };
}

/* ---------- writing ---------- */

/** Text Excel would turn into a number, date or formula when typed; written with a leading apostrophe. */
const COERCIBLE = /^[=+\-@]|^\s*[+-]?[\d.,\s]+%?\s*$|^\s*\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?\s*$|^(true|false)$/i;

type Matrix = (string | number | boolean | null)[][];

function normalise(block: WriteBlock): { rows: number; cols: number; data: Matrix; hasFormula: boolean } {
  const rows = block.values.length;
  const cols = Math.max(0, ...block.values.map((r) => r.length));
  let hasFormula = false;
  const data = block.values.map((line, r) =>
    Array.from({ length: cols }, (_, c) => {
      const v = line[c] ?? null;
      const isFormula = !!block.isFormula?.[r]?.[c] && typeof v === 'string';
      if (isFormula) {
        hasFormula = true;
        return v;
      }
      return typeof v === 'string' && v !== '' && COERCIBLE.test(v) ? `'${v}` : v;
    }),
  );
  return { rows, cols, data, hasFormula };
}

function numberFormats(block: WriteBlock, rows: number, cols: number): string[][] | null {
  const rowFmt = (r: number) => block.rowStyles?.[r]?.numberFormat;
  const any = block.style?.numberFormat || block.columnFormats || Object.values(block.rowStyles ?? {}).some((s) => s.numberFormat);
  if (!any) return null;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => rowFmt(r) ?? block.columnFormats?.[c] ?? block.style?.numberFormat ?? 'General'),
  );
}

const ALIGN: Record<string, Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};
const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.align) f.horizontalAlignment = ALIGN[style.align];
  if (style.fill) f.fill.color = style.fill;
  if (style.border) {
    for (const edge of BORDERS) {
      const b = f.borders.getItem(edge as Excel.BorderIndex);
      b.style = 'Continuous' as Excel.BorderLineStyle;
      b.weight = 'Thin' as Excel.BorderWeight;
      b.color = '#000000';
    }
  }
}

/** Column width in Office.js points from a width in characters (8.43 characters = 64 px = 48 pt). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const LINE_HEIGHT_PT = 15;

export interface WriteOptions {
  supports?: SupportsSet;
}

/** Adds a new sheet (never overwriting) and writes the whole plan in two syncs. */
export async function writeSheetIn(ctx: Excel.RequestContext, plan: SheetPlan, opts: WriteOptions = {}): Promise<WriteResult> {
  const supports = opts.supports ?? officeSupports;
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();

  const name = uniqueSheetName(plan.name, sheets.items.map((s) => s.name));
  const app = ctx.workbook.application;
  if (supports('ExcelApi', '1.6')) app.suspendApiCalculationUntilNextSync();
  if (supports('ExcelApi', '1.9')) app.suspendScreenUpdatingUntilNextSync();
  const ws = sheets.add(name);

  const widths = plan.columnWidths ?? {};
  // Report plans carry their own row heights for wrapped paragraph rows; otherwise estimate them.
  const rowHeights = (plan as { rowHeights?: Record<number, number> }).rowHeights;
  for (const [col, chars] of Object.entries(widths)) ws.getRangeByIndexes(0, Number(col), 1, 1).format.columnWidth = charsToPoints(chars);

  let cellsWritten = 0;
  for (const block of plan.blocks) {
    const { rows, cols, data, hasFormula } = normalise(block);
    if (rows === 0 || cols === 0) continue;
    const range = ws.getRangeByIndexes(block.row, block.col, rows, cols);
    const formats = numberFormats(block, rows, cols);
    if (formats) range.numberFormat = formats;
    if (hasFormula) range.formulas = data;
    else range.values = data;
    cellsWritten += rows * cols;
    if (block.style) applyStyle(range, block.style);
    for (const [r, style] of Object.entries(block.rowStyles ?? {})) {
      if (Number(r) < rows) applyStyle(ws.getRangeByIndexes(block.row + Number(r), block.col, 1, cols), style);
    }
    if (block.mergeRows && cols > 1 && !block.asTable) {
      range.merge(true);
      if (block.style?.wrap && !rowHeights) {
        // Excel does not autofit merged cells: estimate the lines from the merged width.
        const widthChars = Array.from({ length: cols }, (_, c) => widths[block.col + c] ?? 8.43).reduce((a, b) => a + b, 0);
        data.forEach((line, r) => {
          const text = String(line[0] ?? '');
          const lines = Math.max(1, Math.ceil((text.length * 1.1) / Math.max(1, widthChars)));
          if (lines > 1) ws.getRangeByIndexes(block.row + r, block.col, 1, 1).format.rowHeight = lines * LINE_HEIGHT_PT;
        });
      }
    }
    if (block.asTable && rows > 1) ws.tables.add(range, true);
  }
  for (const [r, points] of Object.entries(rowHeights ?? {})) ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = points;
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  ws.activate();
  ws.getRange('A1').select();
  await ctx.sync();
  return { sheetName: name, cellsWritten, blocks: plan.blocks.length };
}

export async function selectCellIn(ctx: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  if (!parseA1Range(address)) throw new Error(`Not a cell address: "${address}"`);
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await ctx.sync();
}

/** Fills cells (only when the user asks). Values and formulas are left alone. */
export async function highlightCellsIn(ctx: Excel.RequestContext, sheet: string, addresses: string[], color: string): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  for (const a of addresses) ws.getRange(a).format.fill.color = color;
  await ctx.sync();
}

function qualified(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Adds comments (ExcelApi 1.10; only when the user asks). */
export async function addNotesIn(ctx: Excel.RequestContext, sheet: string, notes: { address: string; text: string }[]): Promise<void> {
  for (const n of notes) ctx.workbook.comments.add(qualified(sheet, n.address), n.text);
  await ctx.sync();
}

/* ---------- the port ---------- */

export class OfficeWorkbookPort implements WorkbookPort {
  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    private readonly supports: SupportsSet = officeSupports,
  ) {}

  listSheets(): Promise<string[]> {
    return this.run((ctx) => listSheetsIn(ctx));
  }

  readSheets(names?: string[]): Promise<WorkbookSnapshot> {
    return this.run((ctx) => readSheetsIn(ctx, names, { merges: this.supports('ExcelApi', '1.13') }));
  }

  writeSheet(plan: SheetPlan): Promise<WriteResult> {
    return this.run((ctx) => writeSheetIn(ctx, plan, { supports: this.supports }));
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.run((ctx) => selectCellIn(ctx, sheet, address));
  }

  highlightCells(sheet: string, addresses: string[], color: string): Promise<void> {
    return this.run((ctx) => highlightCellsIn(ctx, sheet, addresses, color));
  }

  addNotes(sheet: string, notes: { address: string; text: string }[]): Promise<void> {
    if (!this.supports('ExcelApi', '1.10')) return Promise.reject(new Error('Comments need ExcelApi 1.10'));
    return this.run((ctx) => addNotesIn(ctx, sheet, notes));
  }
}
