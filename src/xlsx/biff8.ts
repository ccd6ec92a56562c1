/**
 * A direct reader of the values in a BIFF8 workbook stream (the "Workbook" stream of an .xls, taken
 * out of its compound file by ./xls.ts), for readers that want values only (the household register
 * streams a million rows; SheetJS builds every cell object and formula text of a workbook first).
 *
 * It reads what a register sheet holds: the workbook globals (BOF, CODEPAGE, DATEMODE, FORMAT, XF,
 * BOUNDSHEET, SST with its CONTINUE records) and each worksheet's cell records (NUMBER, RK, MULRK,
 * LABELSST, LABEL, BOOLERR, FORMULA with its cached value and STRING), and gives the rows exactly as
 * ./xls.ts gives SheetJS's (the same values, dates, sheet names and states, limits and merges: a test
 * compares both cell by cell). Anything it does not know to give the same way (another BIFF version,
 * a code page other than UTF-16, chart or macro sheets, cells out of order, a formula whose cached
 * value is empty, records cut by CONTINUE, sheets not where BOUNDSHEET says) makes `openBiff8`
 * return null before any row is read, and the caller reads the file through SheetJS instead.
 * Host-neutral (bytes in).
 */
import type { CellValue } from '../core/types';
import { toA1 } from '../core/a1';
import { excelToDate, isDateFormat } from './ooxml';
import type { WorkbookLimits } from './limits';
import { deliverRow, emptyRow, LimitCounter, pushCell, sheetNamer, type RowCells, type SheetInfo, type SheetSummary, type WorkbookSource } from './rows';

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE_TYPES = new Set([0x003c, 0x043c, 0x0812, 0x0875, 0x087f]);

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/** The built-in number formats SheetJS knows (its SSF table); a FORMAT record of the file overrides one. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'm/d/yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@', 56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

/** Thrown inside the scan when the stream holds something this reader does not give as SheetJS does. */
class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

/** Characters of an XLUnicodeString body (no CONTINUE inside): `cch` characters from `p`, 8 or 16 bits. */
function chars(b: Uint8Array, p: number, cch: number, wide: boolean, end: number): string {
  const bytes = wide ? 2 * cch : cch;
  if (p + bytes > end) unsupported();
  let s = '';
  if (wide) for (let i = 0; i < bytes; i += 2) s += String.fromCharCode(b[p + i] | (b[p + i + 1] << 8));
  else for (let i = 0; i < bytes; i++) s += String.fromCharCode(b[p + i]);
  return s;
}

/** XLUnicodeString (16-bit count, flags, characters) at `p`, within `end`. */
function xlUnicodeString(b: Uint8Array, p: number, end: number): string {
  if (p + 2 > end) unsupported();
  const cch = b[p] | (b[p + 1] << 8);
  if (cch === 0) return '';
  if (p + 3 > end) unsupported();
  return chars(b, p + 3, cch, b[p + 2] !== 0, end);
}

/**
 * The shared strings: the SST record's body and its CONTINUE records' bodies joined, with where each
 * piece starts; a string's characters carry on in the next piece after a new flags byte.
 */
function readSst(data: Uint8Array, starts: number[], maxStrings: number): string[] {
  const end = data.length;
  if (end < 8) unsupported();
  const unique = (data[4] | (data[5] << 8) | (data[6] << 16)) + data[7] * 0x1000000;
  const out: string[] = [];
  let p = 8;
  let k = 1; // next piece boundary (starts[0] is 0)
  const boundary = () => (k < starts.length ? starts[k] : Infinity);
  while (out.length !== unique && p < end) {
    if (out.length >= maxStrings) unsupported();
    if (p + 3 > end) unsupported();
    const cch = data[p] | (data[p + 1] << 8);
    const flags = data[p + 2];
    p += 3;
    let runs = 0;
    let ext = 0;
    if (flags & 0x8) {
      if (p + 2 > end) unsupported();
      runs = data[p] | (data[p + 1] << 8);
      p += 2;
    }
    if (flags & 0x4) {
      if (p + 4 > end) unsupported();
      ext = (data[p] | (data[p + 1] << 8) | (data[p + 2] << 16)) + data[p + 3] * 0x1000000;
      p += 4;
    }
    while (boundary() < p) k++;
    let wide = (flags & 0x1) !== 0;
    let s = '';
    let left = cch;
    while (left > 0) {
      if (p === boundary()) {
        // The characters carry on in the next CONTINUE record, which starts with its own flags byte.
        if (p >= end) unsupported();
        wide = data[p] !== 0;
        p++;
        k++;
        continue;
      }
      const stop = Math.min(boundary(), end);
      if (wide) {
        const n = Math.min(left, Math.floor((stop - p) / 2));
        if (n === 0) unsupported(); // a boundary inside a character, or the data ends
        for (let i = 0; i < n; i++, p += 2) s += String.fromCharCode(data[p] | (data[p + 1] << 8));
        left -= n;
      } else {
        const n = Math.min(left, stop - p);
        if (n <= 0) unsupported();
        for (let i = 0; i < n; i++, p++) s += String.fromCharCode(data[p]);
        left -= n;
      }
    }
    p += 4 * runs + ext;
    if (p > end) unsupported();
    while (boundary() <= p && k < starts.length && starts[k] <= p) k++;
    out.push(s);
  }
  return out;
}

/** RK number (MS-XLS 2.5.217), as SheetJS decodes it. */
const rkBytes = new DataView(new ArrayBuffer(8));
function rkNumber(b: Uint8Array, p: number): number {
  const b0 = b[p];
  let v: number;
  if (b0 & 2) v = (b0 | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >> 2;
  else {
    rkBytes.setUint32(0, 0, true);
    rkBytes.setUint32(4, ((b0 & 0xfc) | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000, true);
    v = rkBytes.getFloat64(0, true);
  }
  return b0 & 1 ? v / 100 : v;
}

interface SheetPart {
  name: string;
  hidden: number;
  /** Offset of the sheet's BOF record and of the record after its EOF. */
  start: number;
  end: number;
}

/** Cell record types of BIFF8 a worksheet may hold at its own level. */
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;
const MERGEDCELLS = 0x00e5;
/** Records this reader leaves to SheetJS: BIFF2–4 cells, formulas of other versions, rich strings. */
const OTHER_CELLS = new Set([0x0002, 0x0003, 0x0004, 0x0005, 0x0206, 0x0406, 0x00d6, 0x0007]);

export interface Biff8Options {
  limits: WorkbookLimits;
}

/**
 * Opens a BIFF8 workbook stream for value reading; null when the stream holds anything this reader
 * does not give exactly as SheetJS (the caller then reads it with SheetJS). The counts the caller
 * checks first (cells, strings, merges, FILEPASS) are not repeated here.
 */
export function openBiff8(stream: Uint8Array, fileName: string, opts: Biff8Options): WorkbookSource | null {
  try {
    return open(stream, fileName, opts);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

function open(b: Uint8Array, fileName: string, opts: Biff8Options): WorkbookSource {
  const len = b.length;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (p: number) => b[p] | (b[p + 1] << 8);
  const u32 = (p: number) => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
  // ---- workbook globals
  if (len < 8 || u16(0) !== BOF || u16(2) < 4 || u16(4) !== 0x0600 || u16(6) !== 0x0005) unsupported();
  const formats: Record<number, string> = { ...BUILTIN_FORMATS };
  const xfFormat: number[] = [];
  const bound: { pos: number; hidden: number; name: string }[] = [];
  let date1904 = false;
  let sst: string[] = [];
  let p = 0;
  let globalsEnd = -1;
  while (p + 4 <= len) {
    const type = u16(p);
    const size = u16(p + 2);
    const d = p + 4;
    if (d + size > len) unsupported();
    switch (type) {
      case BOF:
        if (p !== 0) unsupported(); // a nested stream in the globals
        break;
      case 0x0042: {
        // CODEPAGE: strings are UTF-16 or Latin-1 halves only under 1200 (SheetJS maps 0x5212 to it).
        const cp = size >= 2 ? u16(d) : 1200;
        if (cp !== 1200 && cp !== 0x5212) unsupported();
        break;
      }
      case 0x002f: // FILEPASS: the caller refuses these first
        unsupported();
        break;
      case 0x0022: // DATEMODE
        date1904 = size >= 2 && u16(d) !== 0;
        break;
      case 0x041e: // FORMAT
        if (size < 2) unsupported();
        {
          const f = xlUnicodeString(b, d + 2, d + size);
          formats[u16(d)] = f === 'd.m' ? 'd\\.m' : f; // SheetJS's one repair of a bad format
        }
        break;
      case 0x00e0: // XF
        if (size < 4) unsupported();
        xfFormat.push(u16(d + 2));
        break;
      case 0x0085: {
        // BOUNDSHEET: position, state, type (0 = worksheet), ShortXLUnicodeString name
        if (size < 8) unsupported();
        if (b[d + 5] !== 0) unsupported(); // macro, chart or VB module sheets: SheetJS's way
        const cch = b[d + 6];
        const name = cch ? chars(b, d + 8, cch, b[d + 7] !== 0, d + size) : '';
        bound.push({ pos: u32(d), hidden: b[d + 4] & 3, name: name || 'Sheet1' });
        break;
      }
      case 0x00fc: {
        // SST and its CONTINUE records
        const pieces: Uint8Array[] = [b.subarray(d, d + size)];
        let q = d + size;
        while (q + 4 <= len && CONTINUE_TYPES.has(u16(q))) {
          if (u16(q) !== 0x003c) unsupported();
          const n = u16(q + 2);
          if (q + 4 + n > len) unsupported();
          pieces.push(b.subarray(q + 4, q + 4 + n));
          q += 4 + n;
        }
        const total = pieces.reduce((s, x) => s + x.length, 0);
        const data = new Uint8Array(total);
        const starts: number[] = [];
        let o = 0;
        for (const x of pieces) {
          starts.push(o);
          data.set(x, o);
          o += x.length;
        }
        sst = readSst(data, starts, opts.limits.sharedStrings);
        p = q;
        continue;
      }
      case EOF:
        globalsEnd = d + size;
        break;
      default:
        break;
    }
    p = d + size;
    if (globalsEnd >= 0) break;
  }
  if (globalsEnd < 0 || !bound.length) unsupported();

  // ---- the sheets' substreams, one after the other, each where a BOUNDSHEET says
  const byPos = new Map<number, { hidden: number; name: string }>();
  for (const s of bound) {
    if (byPos.has(s.pos)) unsupported();
    byPos.set(s.pos, s);
  }
  const parts: SheetPart[] = [];
  p = globalsEnd;
  while (p < len - 1) {
    if (p + 4 > len) unsupported();
    const type = u16(p);
    if (type === 0 && parts.length) break; // padding after the last EOF
    if (type !== BOF) unsupported();
    const s = byPos.get(p);
    if (!s) unsupported();
    const end = validateSheet(b, p, sst.length);
    parts.push({ name: s.name, hidden: s.hidden, start: p, end });
    p = end;
  }
  if (parts.length !== bound.length) unsupported();
  const names = new Set(parts.map((x) => x.name));
  if (names.size !== parts.length) unsupported();

  const xfDate: boolean[] = xfFormat.map((f) => isDateFormat(formats[f] === 'General' ? undefined : formats[f]));
  const xfFmt: (string | undefined)[] = xfFormat.map((f) => (formats[f] === 'General' ? undefined : formats[f]));

  // Sheet names as ./xls.ts gives SheetJS's (trimmed, a blank name numbered, a repeated one suffixed).
  const nameOf = sheetNamer();
  const sheets: SheetInfo[] = parts.map((part, i) => ({ index: i, name: nameOf(part.name, i), state: part.hidden === 2 ? 'veryHidden' : part.hidden === 1 ? 'hidden' : 'visible' }));
  const counter = new LimitCounter(fileName, opts.limits);
  counter.sheets(sheets.length);

  return {
    fileName,
    format: 'xls',
    sheets,
    readRows(info, onRow, o = {}): SheetSummary {
      if (o.formulas) throw new Error('biff8: formula text is read through SheetJS');
      const part = parts[info.index];
      counter.startSheet(info.name);
      const summary: SheetSummary = { info, cells: 0, rows: 0, maxRow: -1, maxCol: -1, merges: [] };
      const row: RowCells = emptyRow();
      let current = -1;
      let any = false; // the current row has a cell record (SheetJS then holds a row for it)
      let last = -1;
      let stopped = false;
      const flush = () => {
        if (current < 0 || stopped) return;
        if (any) counter.rowElement();
        if (row.length && !deliverRow(counter, summary, row, current, last, onRow)) stopped = true;
        row.length = 0;
        any = false;
        last = -1;
      };
      const cell = (r: number, c: number, value: CellValue, fmt: string | undefined) => {
        if (r !== current) {
          flush();
          current = r;
        }
        any = true;
        if (value === null || stopped) return;
        pushCell(row, c, value, fmt, undefined, false);
        last = c;
      };
      const number = (r: number, c: number, ixfe: number, v: number) => {
        if (!Number.isFinite(v)) return cell(r, c, null, undefined);
        const date = ixfe < xfDate.length && xfDate[ixfe];
        cell(r, c, date ? excelToDate(v, date1904) : v, ixfe < xfFmt.length ? xfFmt[ixfe] : undefined);
      };
      const merges: string[] = [];
      let depth = 0;
      let q = part.start;
      let pendingFormula = -1; // offset of a FORMULA whose string value is in the next STRING record
      while (q < part.end) {
        const type = u16(q);
        const size = u16(q + 2);
        const d = q + 4;
        q = d + size;
        if (type === BOF) {
          depth++;
          continue;
        }
        if (type === EOF) {
          depth--;
          continue;
        }
        if (depth !== 1) continue;
        if (stopped && type !== MERGEDCELLS) continue;
        switch (type) {
          case NUMBER: {
            const ixfe = u16(d + 4);
            number(u16(d), u16(d + 2), ixfe, view.getFloat64(d + 6, true));
            break;
          }
          case RK:
            number(u16(d), u16(d + 2), u16(d + 4), rkNumber(b, d + 6));
            break;
          case MULRK: {
            const r = u16(d);
            const first = u16(d + 2);
            const n = (size - 6) / 6;
            for (let k = 0; k < n; k++) number(r, first + k, u16(d + 4 + 6 * k), rkNumber(b, d + 6 + 6 * k));
            break;
          }
          case LABELSST: {
            const s = sst[u32(d + 6)];
            cell(u16(d), u16(d + 2), s === '' ? null : s, xfFmtOf(u16(d + 4)));
            break;
          }
          case LABEL: {
            const s = xlUnicodeString(b, d + 6, d + size);
            cell(u16(d), u16(d + 2), s === '' ? null : s, xfFmtOf(u16(d + 4)));
            break;
          }
          case BOOLERR: {
            const v = b[d + 6];
            cell(u16(d), u16(d + 2), b[d + 7] === 1 ? { error: ERRORS[v] ?? '#N/A' } : v === 1, xfFmtOf(u16(d + 4)));
            break;
          }
          case FORMULA: {
            const r = u16(d);
            const c = u16(d + 2);
            const ixfe = u16(d + 4);
            if (u16(d + 12) !== 0xffff) number(r, c, ixfe, view.getFloat64(d + 6, true));
            else if (b[d + 6] === 0) pendingFormula = d;
            else if (b[d + 6] === 1) cell(r, c, b[d + 8] === 1, xfFmtOf(ixfe));
            else cell(r, c, { error: ERRORS[b[d + 8]] ?? '#N/A' }, xfFmtOf(ixfe));
            break;
          }
          case STRING: {
            const f = pendingFormula;
            pendingFormula = -1;
            cell(u16(f), u16(f + 2), xlUnicodeString(b, d, d + size), xfFmtOf(u16(f + 4)));
            break;
          }
          case MERGEDCELLS: {
            const n = u16(d);
            for (let k = 0; k < n; k++) {
              const m = d + 2 + 8 * k;
              merges.push(`${toA1(u16(m), u16(m + 4))}:${toA1(u16(m + 2), u16(m + 6))}`);
            }
            break;
          }
          default:
            break;
        }
      }
      flush();
      for (const m of merges) {
        counter.merge();
        summary.merges.push(m);
      }
      return summary;
    },
  };

  function xfFmtOf(ixfe: number): string | undefined {
    return ixfe < xfFmt.length ? xfFmt[ixfe] : undefined;
  }
}

/**
 * Walks one worksheet substream from its BOF to its EOF and checks that its cells are what
 * readRows gives as SheetJS does: in row order, columns rising within a row, records whole, cached
 * formula values present. Returns the offset after the EOF.
 */
function validateSheet(b: Uint8Array, start: number, sstCount: number): number {
  const len = b.length;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (p: number) => b[p] | (b[p + 1] << 8);
  if (u16(start + 2) < 4 || u16(start + 4) !== 0x0600 || u16(start + 6) !== 0x0010) unsupported(); // a BIFF8 worksheet
  let p = start;
  let depth = 0;
  let lastRow = -1;
  let lastCol = -1;
  let pendingString = false;
  let prevCell = false;
  let dimensions = false;
  const at = (r: number, c: number) => {
    if (c > 255 || r < lastRow || (r === lastRow && c <= lastCol)) unsupported();
    lastRow = r;
    lastCol = c;
  };
  while (p + 4 <= len) {
    const type = u16(p);
    const size = u16(p + 2);
    const d = p + 4;
    if (d + size > len) unsupported();
    p = d + size;
    if (CONTINUE_TYPES.has(type) && prevCell) unsupported();
    prevCell = false;
    if (type === BOF) {
      // An embedded chart's stream inside the sheet: SheetJS's handling of it is its own.
      if (depth++ > 0) unsupported();
      continue;
    }
    if (type === EOF) {
      // SheetJS keeps a sheet's state (hidden) only once the sheet has a range: Excel always writes DIMENSIONS.
      if (pendingString || !dimensions) unsupported();
      return p;
    }
    if (type === 0x0200) dimensions = true;
    if (pendingString && type !== STRING && type !== 0x04bc && type !== 0x0221 && type !== 0x0236) unsupported();
    switch (type) {
      case NUMBER:
        if (size !== 14) unsupported();
        at(u16(d), u16(d + 2));
        prevCell = true;
        break;
      case RK:
      case LABELSST:
        if (size !== 10) unsupported();
        if (type === LABELSST && (b[d + 6] | (b[d + 7] << 8) | (b[d + 8] << 16)) + b[d + 9] * 0x1000000 >= sstCount) unsupported();
        at(u16(d), u16(d + 2));
        prevCell = true;
        break;
      case MULRK: {
        if (size < 12 || (size - 6) % 6 !== 0) unsupported();
        const first = u16(d + 2);
        const n = (size - 6) / 6;
        if (u16(d + size - 2) !== first + n - 1) unsupported();
        for (let k = 0; k < n; k++) at(u16(d), first + k);
        prevCell = true;
        break;
      }
      case LABEL:
        if (size < 8) unsupported();
        xlUnicodeString(b, d + 6, d + size);
        at(u16(d), u16(d + 2));
        prevCell = true;
        break;
      case BOOLERR:
        if (size !== 8) unsupported();
        at(u16(d), u16(d + 2));
        prevCell = true;
        break;
      case FORMULA: {
        if (size < 20) unsupported();
        at(u16(d), u16(d + 2));
        if (u16(d + 12) !== 0xffff) {
          const v = view.getFloat64(d + 6, true);
          if (!Number.isFinite(v)) unsupported(); // SheetJS keeps the formula text of such a cell
        } else {
          const kind = b[d + 6];
          if (kind === 0) pendingString = true;
          else if (kind !== 1 && kind !== 2) unsupported(); // empty-string results, unknown kinds
        }
        prevCell = true;
        break;
      }
      case STRING: {
        if (!pendingString) unsupported();
        pendingString = false;
        if (size < 2) unsupported();
        const s = xlUnicodeString(b, d, d + size);
        if (s === '') unsupported();
        prevCell = true;
        break;
      }
      case MERGEDCELLS:
        if (size < 2 || size < 2 + 8 * u16(d)) unsupported();
        prevCell = true;
        break;
      case 0x0081: // WSBOOL: a dialog sheet is not a worksheet for SheetJS
        if (size >= 2 && u16(d) & 0x10) unsupported();
        break;
      default:
        if (OTHER_CELLS.has(type)) unsupported();
        break;
    }
  }
  return unsupported();
}
