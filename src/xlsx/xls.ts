/**
 * Legacy .xls (BIFF8, and the BIFF5/2–4 that SheetJS also reads) → WorkbookSource, through SheetJS
 * CE (@e965/xlsx on the npm registry; never the stale xlsx@0.18). Loaded on demand only (a lazy
 * chunk in the task pane; the command line imports it when it meets an .xls).
 *
 * Before SheetJS builds anything, the records of the workbook stream are counted (cells, shared
 * strings, merged areas, sheets) against the same limits as an .xlsx, and a password (FILEPASS
 * record) is named as such. BIFF8 itself bounds the spread: 65.536 rows × 256 columns.
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue } from '../core/types';
import { formatNumber } from '../core/format/vn';
import { toA1 } from '../core/a1';
import { UnreadableFileError, WorkbookTooLargeError } from './errors';
import type { WorkbookLimits } from './limits';
import { excelToDate, isDateFormat } from './ooxml';
import { openBiff8 } from './biff8';
import { deliverRow, emptyRow, LimitCounter, pushCell, sheetNamer, type RowCells, type SheetInfo, type SheetSummary, type WorkbookSource } from './rows';

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

interface BiffCounts {
  cells: number;
  strings: number;
  merges: number;
  sheets: number;
  encrypted: boolean;
}

/** Counts the records of a BIFF workbook stream (no object is built). */
export function countBiff(stream: Uint8Array): BiffCounts {
  const out: BiffCounts = { cells: 0, strings: 0, merges: 0, sheets: 0, encrypted: false };
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let p = 0;
  while (p + 4 <= stream.length) {
    const type = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    const d = p + 4;
    if (d + len > stream.length) break;
    switch (type) {
      case 0x0203: // NUMBER
      case 0x027e: // RK
      case 0x00fd: // LABELSST
      case 0x0204: // LABEL
      case 0x0205: // BOOLERR
      case 0x0006: // FORMULA
      case 0x00d6: // RSTRING
      case 0x0003: // BIFF2 NUMBER
      case 0x0004: // BIFF2 LABEL
      case 0x0005: // BIFF2 BOOLERR
      case 0x0002: // BIFF2 INTEGER
        out.cells++;
        break;
      case 0x00bd: // MULRK: 6 bytes per cell after row, first col and last col
        out.cells += Math.max(0, Math.floor((len - 6) / 6));
        break;
      case 0x00fc: // SST
        if (len >= 8) out.strings = Math.max(out.strings, view.getUint32(d + 4, true));
        break;
      case 0x00e5: // MERGEDCELLS
        if (len >= 2) out.merges += view.getUint16(d, true);
        break;
      case 0x0085: // BOUNDSHEET
        out.sheets++;
        break;
      case 0x002f: // FILEPASS
        out.encrypted = true;
        break;
      default:
        break;
    }
    p = d + len;
  }
  return out;
}

/**
 * SheetJS reads a Node Buffer several times faster than a plain Uint8Array (a compound file's
 * sectors are then joined by Buffer.concat, not byte by byte: 130 ms → 2 ms for an 850 kB register,
 * a whole .xls read about twice as fast). The Buffer shares the bytes (no copy). A browser has no
 * Node Buffer: the bytes go as they are.
 */
function sheetjsInput(bytes: Uint8Array): { data: Uint8Array; type: 'buffer' | 'array' } {
  const g = globalThis as { Buffer?: { from(a: ArrayBufferLike, offset: number, length: number): Uint8Array }; process?: { versions?: { node?: string } } };
  if (g.Buffer && g.process?.versions?.node) return { data: g.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), type: 'buffer' };
  return { data: bytes, type: 'array' };
}

/** Sheet names of an .xls from its workbook globals only (no sheet is parsed); throws when unreadable. */
export function xlsSheetNames(bytes: Uint8Array): string[] {
  const input = sheetjsInput(bytes);
  return XLSX.read(input.data, { type: input.type, bookSheets: true }).SheetNames;
}

/**
 * Sheet names of an .xls for telling a register by them: through the direct BIFF8 reader when it
 * takes the file (its names are those openXls gives), else SheetJS's book names. Throws when unreadable.
 */
export function xlsSheetNamesForValues(bytes: Uint8Array, limits: WorkbookLimits): string[] {
  const direct = openXlsDirectOrNull(bytes, 'xls', limits);
  return direct ? direct.sheets.map((s) => s.name) : xlsSheetNames(bytes);
}

/** openXlsDirect, with a refusal (password, limits …) as null: SheetJS's book names then tell, as they did before the direct reader. */
export function openXlsDirectOrNull(bytes: Uint8Array, fileName: string, limits: WorkbookLimits): WorkbookSource | null {
  try {
    return openXlsDirect(bytes, fileName, limits);
  } catch {
    return null;
  }
}

/**
 * The .xls opened for its values by the direct BIFF8 reader, after the same checks as openXls
 * (compound file, password, limits: the same refusals); null when that reader does not take it.
 */
export function openXlsDirect(bytes: Uint8Array, fileName: string, limits: WorkbookLimits): WorkbookSource | null {
  return openBiff8(checkedStream(bytes, fileName, limits), fileName, { limits });
}

/** The workbook stream of an .xls, its records counted against the limits; throws UnreadableFileError. */
function checkedStream(bytes: Uint8Array, fileName: string, limits: WorkbookLimits): Uint8Array {
  let stream: Uint8Array | null;
  try {
    stream = workbookStream(bytes);
  } catch {
    throw new UnreadableFileError(fileName, 'xls');
  }
  // A compound file without a workbook stream: a Word or other Office file, or a broken .xls.
  if (!stream) throw new UnreadableFileError(fileName, 'xls');
  const counts = countBiff(stream);
  if (counts.encrypted) throw new UnreadableFileError(fileName, 'encrypted');
  new LimitCounter(fileName, limits).sheets(counts.sheets);
  if (counts.strings > limits.sharedStrings) throw new WorkbookTooLargeError(fileName, 'too_many_strings', { count: formatNumber(counts.strings), max: formatNumber(limits.sharedStrings) });
  if (counts.cells > limits.cells) throw new WorkbookTooLargeError(fileName, 'too_many_cells_total', { count: formatNumber(counts.cells), max: formatNumber(limits.cells) });
  if (counts.merges > limits.merges) throw new WorkbookTooLargeError(fileName, 'too_many_merges_total', { count: formatNumber(counts.merges), max: formatNumber(limits.merges) });
  return stream;
}

/** The BIFF workbook stream of .xls bytes (the compound file's Workbook or Book entry; raw BIFF2–5 as they are), null when none. */
export function workbookStream(bytes: Uint8Array): Uint8Array | null {
  if (bytes[0] === 0x09) return bytes; // raw BIFF2–5, no compound file
  const input = sheetjsInput(bytes);
  const cfb = XLSX.CFB.read(input.data, { type: input.type });
  for (const name of ['/Workbook', '/Book', 'Workbook', 'Book']) {
    const entry = XLSX.CFB.find(cfb, name);
    if (entry && entry.content) return entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content as number[]);
  }
  return null;
}

interface XlsCell {
  t: string;
  v?: unknown;
  f?: string;
  z?: string | number;
}

/**
 * Opens .xls bytes; throws UnreadableFileError (xls for a compound file without a workbook, encrypted, limits).
 * `valuesOnly`: the caller reads values, never formula text: a BIFF8 file is then read directly
 * (./biff8.ts, several times faster) when that reader takes it, through SheetJS otherwise.
 */
export async function openXls(bytes: Uint8Array, fileName: string, opts: { limits: WorkbookLimits; valuesOnly?: boolean }): Promise<WorkbookSource> {
  const limits = opts.limits;
  const stream = checkedStream(bytes, fileName, limits);
  if (opts.valuesOnly) {
    const fast = openBiff8(stream, fileName, { limits });
    if (fast) return fast;
  }
  const counter = new LimitCounter(fileName, limits);

  let wb: XLSX.WorkBook;
  try {
    const input = sheetjsInput(bytes);
    wb = XLSX.read(input.data, { type: input.type, dense: true, cellFormula: true, cellNF: true, cellDates: false, cellStyles: false, cellHTML: false, cellText: false, sheetStubs: false, WTF: false });
  } catch (e) {
    if (/password|encrypt/i.test(e instanceof Error ? e.message : '')) throw new UnreadableFileError(fileName, 'encrypted');
    throw new UnreadableFileError(fileName, 'corrupt_xls');
  }
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets: SheetInfo[] = [];
  const keys: string[] = [];
  const nameOf = sheetNamer();
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name] as unknown as Record<string, unknown> | undefined;
    // Chart sheets and macro sheets hold no cells.
    if (!ws || (ws['!type'] && ws['!type'] !== 'sheet')) return;
    const n = nameOf(name, i);
    const hidden = meta[i]?.Hidden;
    sheets.push({ index: sheets.length, name: n, state: hidden === 2 ? 'veryHidden' : hidden === 1 ? 'hidden' : 'visible' });
    keys.push(name);
  });
  if (!sheets.length) throw new UnreadableFileError(fileName, 'no_sheets');

  return {
    fileName,
    format: 'xls',
    sheets,
    readRows(info, onRow, o = {}): SheetSummary {
      const ws = wb.Sheets[keys[info.index]] as unknown as { '!data'?: (XlsCell[] | undefined)[]; '!merges'?: { s: { r: number; c: number }; e: { r: number; c: number } }[] };
      counter.startSheet(info.name);
      const summary: SheetSummary = { info, cells: 0, rows: 0, maxRow: -1, maxCol: -1, merges: [] };
      const data = ws['!data'] ?? [];
      const row: RowCells = emptyRow();
      for (let r = 0; r < data.length; r++) {
        const line = data[r];
        if (!line) continue;
        counter.rowElement();
        row.length = 0;
        let last = -1;
        for (let c = 0; c < line.length; c++) {
          const cell = line[c];
          if (!cell) continue;
          const fmt = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : undefined;
          let value: CellValue = null;
          switch (cell.t) {
            case 'n':
              value = typeof cell.v === 'number' && Number.isFinite(cell.v) ? (isDateFormat(fmt) ? excelToDate(cell.v, date1904) : cell.v) : null;
              break;
            case 's':
              value = typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
              break;
            case 'b':
              value = !!cell.v;
              break;
            case 'e':
              value = { error: ERRORS[cell.v as number] ?? '#N/A' };
              break;
            case 'd':
              value = cell.v instanceof Date ? cell.v : null;
              break;
            default:
              value = null;
          }
          const f = typeof cell.f === 'string' && cell.f ? cell.f : undefined;
          if (value === null && !f) continue;
          pushCell(row, c, value, fmt, o.formulas || value === null ? f : undefined, value === null && !!f);
          last = c;
        }
        if (!row.length) continue;
        if (!deliverRow(counter, summary, row, r, last, onRow)) break;
      }
      for (const m of ws['!merges'] ?? []) {
        counter.merge();
        summary.merges.push(`${toA1(m.s.r, m.s.c)}:${toA1(m.e.r, m.e.c)}`);
      }
      return summary;
    },
  };
}
