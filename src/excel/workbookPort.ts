/**
 * WorkbookPort on Office.js: the only module that talks to Excel. Every operation is a function of a
 * RequestContext (so tests pass a fake) with a fixed number of context.sync() calls whatever the
 * data size: read-all = 2, write a whole report sheet = 2, select/highlight/notes = 1. Only when
 * Excel on the web refuses a request or response over its 5 MB cap do read/write retry in chunks.
 * Performance rules: OFFICE-ADDIN-NOTES §5 (one 2-D assignment per block, suspend calc/screen).
 */
import type { CellStyle, CellValue, ColumnsPlan, SelectedRead, SheetHead, SheetPlan, SheetSnapshot, WorkbookPort, WorkbookSnapshot, WriteBlock, WriteResult } from '../core/types';
import { parseA1Range, toA1 } from '../core/a1';
import { formatNumber } from '../core/format/vn';
import { readSelectedIn } from './readSelected';
import { uniqueSheetName } from '../core/sheetNames';
import { msg } from '../core/i18n';

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
  /** Cells per request to start from when Excel on the web refuses a response over 5 MB (halved until it fits). */
  chunkCells?: number;
  /** Excel reads at most this many cells of one range; above it `values` comes back null (tests lower it). */
  maxReadCells?: number;
  /** A used range above this many cells is refused with a message instead of read (tests lower it). */
  maxSheetCells?: number;
}

/** Excel on the web refuses requests or responses over 5 MB with these codes. */
export function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  const text = `${typeof code === 'string' ? code : ''} ${e instanceof Error ? e.message : ''}`;
  return /PayloadSizeLimitExceeded/i.test(text);
}

const DATA_PROPS = 'values,valueTypes,formulas,numberFormat';
/** First block size of the chunked fallbacks: 40.000 cells × 4 arrays fit in 5 MB for ordinary cells; long texts halve it. */
const DEFAULT_CHUNK_CELLS = 40_000;
/** "A range is limited to 5,000,000 cells for read operations" (resource-limits-and-performance-optimization.md). */
export const MAX_READ_CELLS = 5_000_000;
/**
 * A used range this large is almost always stray formatting far below or right of the data (Ctrl+End
 * shows it); reading it would hold tens of millions of values in the pane. Refused with a message.
 */
export const MAX_SHEET_CELLS = 2 * MAX_READ_CELLS;

interface RangeData {
  values: unknown[][];
  valueTypes: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

function toSnapshot(name: string, hidden: boolean, row: number, col: number, d: RangeData): SheetSnapshot {
  const types = d.valueTypes as string[][];
  return {
    name,
    origin: { row, col },
    values: d.values.map((line, r) => line.map((v, c) => toCellValue(v, types[r]?.[c]))),
    formulas: d.formulas.map((line) => line.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null))),
    numberFormats: d.numberFormat.map((line) => line.map((f) => String(f ?? 'General'))),
    hidden,
  };
}

function mergeAddresses(merged: Excel.RangeAreas | undefined): string[] | undefined {
  if (!merged || merged.isNullObject) return undefined;
  return merged.areas.items.map((a) => a.address.slice(a.address.lastIndexOf('!') + 1).replace(/\$/g, ''));
}

/** All four data arrays came back (Excel returns null above its read limit instead of failing). */
function complete(r: Excel.Range): boolean {
  return Array.isArray(r.values) && Array.isArray(r.valueTypes) && Array.isArray(r.formulas) && Array.isArray(r.numberFormat);
}

interface UsedSize {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

function bilingualError(key: string, params: Record<string, string>): Error {
  const m = msg(key, params);
  return new Error(`${m.vi} / ${m.en}`);
}

function refuseHuge(ws: Excel.Worksheet, used: UsedSize, max: number): void {
  const cells = used.rowCount * used.columnCount;
  if (cells <= max) return;
  const address = `${toA1(used.rowIndex, used.columnIndex)}:${toA1(used.rowIndex + used.rowCount - 1, used.columnIndex + used.columnCount - 1)}`;
  throw bilingualError('ui.excel.sheet_too_large', { sheet: ws.name, address, cells: formatNumber(cells), max: formatNumber(max) });
}

/**
 * One sheet's used range in row blocks, one sync per block. A block that Excel refuses (5 MB on the
 * web) or returns without values (5.000.000-cell read limit) is tried again at half the rows, down to
 * a single row; the smaller size is kept for the rest of the sheet.
 */
async function readBlocks(ctx: Excel.RequestContext, ws: Excel.Worksheet, used: UsedSize, startCells: number): Promise<RangeData> {
  const cols = Math.max(1, used.columnCount);
  let rows = Math.max(1, Math.min(used.rowCount, Math.floor(startCells / cols)));
  const data: RangeData = { values: [], valueTypes: [], formulas: [], numberFormat: [] };
  for (let r = 0; r < used.rowCount; ) {
    const n = Math.min(rows, used.rowCount - r);
    const part = ws.getRangeByIndexes(used.rowIndex + r, used.columnIndex, n, used.columnCount);
    part.load(DATA_PROPS);
    let ok = true;
    try {
      await ctx.sync();
      ok = complete(part);
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      ok = false;
    }
    if (!ok) {
      if (n === 1) throw bilingualError('ui.excel.row_too_large', { sheet: ws.name, row: String(used.rowIndex + r + 1) });
      rows = Math.ceil(n / 2);
      continue;
    }
    data.values.push(...part.values);
    data.valueTypes.push(...(part.valueTypes as unknown[][]));
    data.formulas.push(...part.formulas);
    data.numberFormat.push(...part.numberFormat);
    r += n;
  }
  return data;
}

/**
 * Used ranges of the named sheets (all sheets when omitted) in two syncs. A sheet whose values Excel
 * withholds (above 5.000.000 cells) is read again in blocks; when Excel on the web refuses the whole
 * response as too large, every sheet is read in blocks (one sync per block, halved until it fits).
 */
export async function readSheetsIn(ctx: Excel.RequestContext, names?: string[], opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  ctx.workbook.load('name');
  await ctx.sync();

  const wanted = names ? new Set(names.map((n) => n.toLocaleLowerCase('vi'))) : null;
  const candidates = sheets.items.filter((ws) => !wanted || wanted.has(ws.name.toLocaleLowerCase('vi')));
  const pending = candidates.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(`address,rowIndex,columnIndex,rowCount,columnCount,${DATA_PROPS}`);
    let merged: Excel.RangeAreas | undefined;
    if (opts.merges) {
      merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load('areas/items/address');
    }
    return { ws, used, merged };
  });
  const fileName = ctx.workbook.name || 'Workbook';
  try {
    await ctx.sync();
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
    return { fileName, sheets: await readInChunks(ctx, candidates, opts) };
  }

  const out: SheetSnapshot[] = [];
  for (const { ws, used, merged } of pending) {
    const hidden = ws.visibility !== 'Visible';
    if (used.isNullObject) {
      out.push({ name: ws.name, origin: { row: 0, col: 0 }, values: [], hidden });
      continue;
    }
    let data: RangeData = used as unknown as RangeData;
    if (!complete(used)) {
      refuseHuge(ws, used, opts.maxSheetCells ?? MAX_SHEET_CELLS);
      data = await readBlocks(ctx, ws, used, opts.maxReadCells ?? MAX_READ_CELLS);
    }
    const snap = toSnapshot(ws.name, hidden, used.rowIndex, used.columnIndex, data);
    const merges = mergeAddresses(merged);
    if (merges) snap.merges = merges;
    out.push(snap);
  }
  return { fileName, sheets: out };
}

async function readInChunks(ctx: Excel.RequestContext, candidates: Excel.Worksheet[], opts: ReadOptions): Promise<SheetSnapshot[]> {
  const sized = candidates.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    let merged: Excel.RangeAreas | undefined;
    if (opts.merges) {
      merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load('areas/items/address');
    }
    return { ws, used, merged };
  });
  await ctx.sync();
  const startCells = Math.min(opts.chunkCells ?? DEFAULT_CHUNK_CELLS, opts.maxReadCells ?? MAX_READ_CELLS);
  const out: SheetSnapshot[] = [];
  for (const { ws, used, merged } of sized) {
    const hidden = ws.visibility !== 'Visible';
    if (used.isNullObject) {
      out.push({ name: ws.name, origin: { row: 0, col: 0 }, values: [], hidden });
      continue;
    }
    refuseHuge(ws, used, opts.maxSheetCells ?? MAX_SHEET_CELLS);
    const snap = toSnapshot(ws.name, hidden, used.rowIndex, used.columnIndex, await readBlocks(ctx, ws, used, startCells));
    const merges = mergeAddresses(merged);
    if (merges) snap.merges = merges;
    out.push(snap);
  }
  return out;
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
  /** Cells per request in the fallback when Excel on the web refuses the whole plan (5 MB cap). */
  chunkCells?: number;
}

type Normalised = ReturnType<typeof normalise>;

/** 2-D arrays sent per cell of a block: the data, plus its number formats when it has any. */
function arraysPerCell(block: WriteBlock, n: Normalised): number {
  return numberFormats(block, 1, n.cols) ? 2 : 1;
}

/** Queues the 2-D data (values or formulas) and number formats of rows [r0, r1) of a block. */
function queueData(ws: Excel.Worksheet, block: WriteBlock, n: Normalised, r0: number, r1: number): void {
  const range = ws.getRangeByIndexes(block.row + r0, block.col, r1 - r0, n.cols);
  const formats = numberFormats(block, n.rows, n.cols);
  if (formats) range.numberFormat = r0 === 0 && r1 === n.rows ? formats : formats.slice(r0, r1);
  const data = r0 === 0 && r1 === n.rows ? n.data : n.data.slice(r0, r1);
  if (n.hasFormula) range.formulas = data;
  else range.values = data;
}

/** Queues a block's look: styles, merges of paragraph rows, estimated heights, table. */
function queueLook(ws: Excel.Worksheet, block: WriteBlock, n: Normalised, widths: Record<number, number>, planHeights: boolean): void {
  const { rows, cols, data } = n;
  const range = ws.getRangeByIndexes(block.row, block.col, rows, cols);
  if (block.style) applyStyle(range, block.style);
  for (const [r, style] of Object.entries(block.rowStyles ?? {})) {
    if (Number(r) < rows) applyStyle(ws.getRangeByIndexes(block.row + Number(r), block.col, 1, cols), style);
  }
  if (block.mergeRows && cols > 1 && !block.asTable) {
    range.merge(true);
    if (block.style?.wrap && !planHeights) {
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

interface PlanValidation {
  col: number;
  fromRow: number;
  toRow: number;
  rule: { kind: 'list'; values: string[] } | { kind: 'whole'; min: number; max?: number } | { kind: 'decimal'; min: number; max: number };
  error: { vi: string; en: string };
}

function queueValidations(ws: Excel.Worksheet, validations: PlanValidation[]): void {
  for (const v of validations) {
    const dv = ws.getRangeByIndexes(v.fromRow, v.col, v.toRow - v.fromRow + 1, 1).dataValidation;
    const r = v.rule;
    if (r.kind === 'list') dv.rule = { list: { inCellDropDown: true, source: r.values.join(',') } };
    else {
      const basic = r.max === undefined ? { formula1: r.min, operator: 'GreaterThanOrEqualTo' } : { formula1: r.min, formula2: r.max, operator: 'Between' };
      dv.rule = (r.kind === 'whole' ? { wholeNumber: basic } : { decimal: basic }) as Excel.DataValidationRule;
    }
    dv.errorAlert = { message: v.error.vi, showAlert: true, style: 'Stop' as Excel.DataValidationAlertStyle, title: 'Báo cáo GD' };
  }
}

/**
 * Adds a new sheet (never overwriting) and writes the whole plan in two syncs. When Excel on the web
 * refuses that request as too large, writes it again in pieces (one sync per piece).
 */
export async function writeSheetIn(ctx: Excel.RequestContext, plan: SheetPlan, opts: WriteOptions = {}): Promise<WriteResult> {
  const supports = opts.supports ?? officeSupports;
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();

  const name = uniqueSheetName(plan.name, sheets.items.map((s) => s.name));
  const widths = plan.columnWidths ?? {};
  // Report plans carry their own row heights for wrapped paragraph rows; otherwise estimate them.
  const rowHeights = (plan as { rowHeights?: Record<number, number> }).rowHeights;
  // Template plans (src/core/sheets/layout) carry the data-entry checks of their columns.
  const validations = (plan as { validations?: PlanValidation[] }).validations;
  const blocks = plan.blocks.map((b) => ({ block: b, n: normalise(b) })).filter(({ n }) => n.rows > 0 && n.cols > 0);
  const cellsWritten = blocks.reduce((sum, { n }) => sum + n.rows * n.cols, 0);

  const begin = () => {
    const app = ctx.workbook.application;
    if (supports('ExcelApi', '1.6')) app.suspendApiCalculationUntilNextSync();
    if (supports('ExcelApi', '1.9')) app.suspendScreenUpdatingUntilNextSync();
  };
  const start = (sheetName: string) => {
    const ws = sheets.add(sheetName);
    for (const [col, chars] of Object.entries(widths)) ws.getRangeByIndexes(0, Number(col), 1, 1).format.columnWidth = charsToPoints(chars);
    return ws;
  };
  const finish = (ws: Excel.Worksheet) => {
    for (const [r, points] of Object.entries(rowHeights ?? {})) ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = points;
    if (validations?.length && supports('ExcelApi', '1.8')) queueValidations(ws, validations);
    if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
    ws.activate();
    ws.getRange('A1').select();
  };

  begin();
  const ws = start(name);
  for (const { block, n } of blocks) {
    queueData(ws, block, n, 0, n.rows);
    queueLook(ws, block, n, widths, !!rowHeights);
  }
  finish(ws);
  try {
    await ctx.sync();
    return { sheetName: name, cellsWritten, blocks: plan.blocks.length };
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
  }

  // The refused request ran nothing. Take a fresh name anyway, so nothing half-written is reused.
  sheets.load('items/name');
  await ctx.sync();
  const retryName = uniqueSheetName(plan.name, sheets.items.map((s) => s.name));

  // The new sheet, pieces of rows [r0, r1) of each block then the block's look, and the finish, sent
  // in requests of at most `budget` cells. A refused request ran nothing: it is sent again with half
  // the budget (its pieces split in two), down to a single row; the smaller budget is kept.
  type Op = { kind: 'start' } | { kind: 'finish' } | { kind: 'look'; block: WriteBlock; n: Normalised } | { kind: 'data'; block: WriteBlock; n: Normalised; r0: number; r1: number };
  const weightOf = (op: Op) => (op.kind === 'data' ? (op.r1 - op.r0) * op.n.cols * arraysPerCell(op.block, op.n) : 1);
  let budget = Math.max(1, opts.chunkCells ?? DEFAULT_CHUNK_CELLS);
  const ops: Op[] = [{ kind: 'start' }];
  for (const { block, n } of blocks) {
    const step = Math.max(1, Math.floor(budget / (n.cols * arraysPerCell(block, n))));
    for (let r0 = 0; r0 < n.rows; r0 += step) ops.push({ kind: 'data', block, n, r0, r1: Math.min(n.rows, r0 + step) });
    ops.push({ kind: 'look', block, n });
  }
  ops.push({ kind: 'finish' });
  let ws2: Excel.Worksheet | null = null;
  for (let i = 0; i < ops.length; ) {
    const first = i;
    let queued = 0;
    begin();
    while (i < ops.length) {
      const op = ops[i];
      const w = weightOf(op);
      if (op.kind === 'data' && w > budget && op.r1 - op.r0 > 1) {
        const mid = op.r0 + Math.ceil((op.r1 - op.r0) / 2);
        ops.splice(i, 1, { ...op, r1: mid }, { ...op, r0: mid });
        continue;
      }
      if (queued > 0 && queued + w > budget) break;
      if (op.kind === 'start') ws2 = start(retryName);
      else if (op.kind === 'finish') finish(ws2!);
      else if (op.kind === 'look') queueLook(ws2!, op.block, op.n, widths, !!rowHeights);
      else queueData(ws2!, op.block, op.n, op.r0, op.r1);
      queued += w;
      i++;
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      const only = ops[first];
      if (i - first === 1 && (only.kind !== 'data' || only.r1 - only.r0 === 1)) throw bilingualError('ui.excel.write_too_large', { sheet: retryName });
      budget = Math.max(1, Math.floor(budget / 2));
      i = first;
    }
  }
  return { sheetName: retryName, cellsWritten, blocks: plan.blocks.length };
}

export async function selectCellIn(ctx: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  if (!parseA1Range(address)) throw new Error(`Not a cell address: "${address}"`);
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await ctx.sync();
}

/**
 * Queues `items` in requests of at most `size` items, one sync each; a request Excel refuses as too
 * large (5 MB on the web) is sent again in halves, down to one item.
 */
async function inChunks<T>(ctx: Excel.RequestContext, items: T[], size: number, queue: (item: T) => void): Promise<void> {
  let step = Math.max(1, size);
  for (let i = 0; i < items.length; ) {
    const part = items.slice(i, i + step);
    part.forEach(queue);
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadLimit(e) || part.length === 1) throw e;
      step = Math.ceil(part.length / 2);
      continue;
    }
    i += part.length;
  }
}

/** Cells filled per request: a few small commands each, well under Excel on the web's 5 MB. */
export const HIGHLIGHT_CHUNK = 2_000;
/** Comments per request: their texts can be long (one per finding on the cell). */
export const NOTES_CHUNK = 200;

/** Fills cells (only when the user asks), in requests of HIGHLIGHT_CHUNK cells. Values and formulas are left alone. */
export async function highlightCellsIn(ctx: Excel.RequestContext, sheet: string, addresses: string[], color: string, chunk = HIGHLIGHT_CHUNK): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  await inChunks(ctx, addresses, chunk, (a) => {
    ws.getRange(a).format.fill.color = color;
  });
}

function qualified(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Adds comments (ExcelApi 1.10; only when the user asks), in requests of NOTES_CHUNK comments. */
export async function addNotesIn(ctx: Excel.RequestContext, sheet: string, notes: { address: string; text: string }[], chunk = NOTES_CHUNK): Promise<void> {
  await inChunks(ctx, notes, chunk, (n) => {
    ctx.workbook.comments.add(qualified(sheet, n.address), n.text);
  });
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

  readSelected(headRows: number, plan: (heads: SheetHead[]) => ColumnsPlan | null): Promise<SelectedRead | null> {
    return this.run((ctx) => readSelectedIn(ctx, headRows, plan));
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.run((ctx) => selectCellIn(ctx, sheet, address));
  }

  highlightCells(sheet: string, addresses: string[], color: string): Promise<void> {
    return this.run((ctx) => highlightCellsIn(ctx, sheet, addresses, color));
  }

  addNotes(sheet: string, notes: { address: string; text: string }[]): Promise<void> {
    if (!this.supports('ExcelApi', '1.10')) {
      const m = msg('ui.excel.no_comments');
      return Promise.reject(new Error(`${m.vi} / ${m.en}`));
    }
    return this.run((ctx) => addNotesIn(ctx, sheet, notes));
  }
}
