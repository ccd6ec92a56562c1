/**
 * .xlsx / .xlsm read by streaming each part's XML (./xml.ts) out of the zip (./zip.ts): the workbook
 * part, its relationships, the styles (number formats only), the shared strings, then each sheet's
 * rows on demand. No library object model: cost follows the cells that exist, never the coordinates
 * they sit at; merged areas are only listed, data validations and conditional formats are passed
 * over unread, rows and cells without r= attributes (valid OOXML) are numbered in order.
 *
 * Cell values follow what ExcelJS gave the previous reader, so every consumer sees the same
 * snapshot: numbers with a date format become Date (1900 or 1904 system), rich text is joined,
 * errors are { error }, formulas give their cached value. A numeric cell holding no number ("abc",
 * "1e309", "NaN") keeps its text, so the template reader reports it instead of dropping it.
 */
import type { CellValue } from '../core/types';
import { toA1 } from '../core/a1';
import { formatNumber } from '../core/format/vn';
import { UnreadableFileError, WorkbookTooLargeError } from './errors';
import { DEFAULT_LIMITS, type WorkbookLimits } from './limits';
import { emptyRow, LimitCounter, pushCell, type RowCells, type RowHandler, type RowStreamOptions, type SheetInfo, type SheetSummary, type WorkbookSource } from './rows';
import { attr, decodeExcelEscapes, scanXml, XmlScanner, type XmlHandler } from './xml';
import { shiftFormula } from './formula';
import type { ZipArchive, ZipEntry } from './zip';

/* ---------------------------------------------------------------- number formats */

/** Excel's built-in number formats (the ids a file may use without declaring them), as ExcelJS maps them. */
export const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

const dateFormatMemo = new Map<string, boolean>();

/** Whether a number format shows a date or time (ExcelJS's test, so snapshots stay as they were). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let hit = dateFormatMemo.get(fmt);
  if (hit === undefined) {
    const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
    hit = /[ymdhMsb]+/.test(bare);
    if (dateFormatMemo.size < 2000) dateFormatMemo.set(fmt, hit);
  }
  return hit;
}

/** Excel serial → Date (UTC), 1900 or 1904 system, as ExcelJS converts it. */
export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/* ---------------------------------------------------------------- small parts */

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** Resolves a relationship target against the part that holds it ("../x" and "/x" included). */
export function resolvePart(base: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : dirOf(base) + target;
  const out: string[] = [];
  for (const seg of raw.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function relsPath(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

function readRels(zip: ZipArchive, part: string, file: string): Relationship[] {
  const bytes = zip.bytesOf(relsPath(part));
  if (!bytes) return [];
  const out: Relationship[] = [];
  scanXml(bytes, file, {
    wantText: false,
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attr(attrs, 'Id');
      const target = attr(attrs, 'Target');
      if (id && target && attr(attrs, 'TargetMode') !== 'External') out.push({ id, type: attr(attrs, 'Type') ?? '', target });
    },
    close() {},
    text() {},
  });
  return out;
}

/** Any attribute named id in some namespace (r:id, ns1:id …). */
function relId(attrs: string): string | undefined {
  const m = /(?:^|\s)(?:[\w.-]+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

interface Styles {
  /** cellXfs index → number format code (undefined = General). */
  formats: (string | undefined)[];
}

function readStyles(zip: ZipArchive, part: string | undefined, file: string): Styles {
  const styles: Styles = { formats: [] };
  const bytes = part ? zip.bytesOf(part) : null;
  if (!bytes) return styles;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inXfs = false;
  scanXml(bytes, file, {
    wantText: false,
    open(name, attrs) {
      if (name === 'numFmt') {
        const id = Number(attr(attrs, 'numFmtId'));
        const code = attr(attrs, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === 'cellXfs') inXfs = true;
      else if (name === 'xf' && inXfs) ids.push(Number(attr(attrs, 'numFmtId') ?? 0) || 0);
    },
    close(name) {
      if (name === 'cellXfs') inXfs = false;
    },
    text() {},
  });
  styles.formats = ids.map((id) => (id ? custom.get(id) ?? BUILTIN_FORMATS[id] : undefined));
  return styles;
}

function readSharedStrings(zip: ZipArchive, part: string | undefined, file: string, limits: WorkbookLimits): string[] {
  const strings: string[] = [];
  const entry = part ? zip.entry(part) : undefined;
  if (!entry) return strings;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = '';
  const h: XmlHandler = {
    wantText: false,
    open(name) {
      if (name === 'si') {
        inSi = true;
        current = '';
        if (strings.length + 1 > limits.sharedStrings) throw new TooManyStrings(strings.length + 1);
      } else if (name === 't' && inSi && phonetic === 0) {
        inT = true;
        h.wantText = true;
      } else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') {
        inT = false;
        h.wantText = false;
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si') {
        inSi = false;
        strings.push(decodeExcelEscapes(current));
      }
    },
    text(s) {
      if (inT) current += s;
    },
  };
  const scanner = new XmlScanner(h, file);
  try {
    zip.stream(entry, (chunk) => scanner.feedBytes(chunk));
    scanner.feedBytes(new Uint8Array(0), true);
    scanner.end();
  } catch (e) {
    if (e instanceof TooManyStrings) {
      throw new WorkbookTooLargeError(file, 'too_many_strings', { count: formatNumber(e.count), max: formatNumber(limits.sharedStrings) });
    }
    throw e;
  }
  return strings;
}

class TooManyStrings extends Error {
  constructor(readonly count: number) {
    super('too many strings');
  }
}

/* ---------------------------------------------------------------- the workbook */

interface SheetPart extends SheetInfo {
  part: string;
}

export interface OoxmlOptions {
  limits?: WorkbookLimits;
}

/** Opens an .xlsx already unzipped (its central directory read): workbook, styles, shared strings. */
export function openOoxml(zip: ZipArchive, fileName: string, opts: OoxmlOptions = {}): WorkbookSource {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  // The workbook part: from the package relationships, else the usual name.
  let workbookPart = readRels(zip, '', fileName).find((r) => /\/officeDocument$/.test(r.type))?.target;
  workbookPart = workbookPart ? resolvePart('', workbookPart) : undefined;
  if (!workbookPart || !zip.has(workbookPart)) {
    workbookPart = zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : zip.entries.find((e) => /^xl\/workbook\d*\.xml$/i.test(e.name))?.name;
  }
  if (!workbookPart) throw new UnreadableFileError(fileName, 'not_xlsx');
  const rels = readRels(zip, workbookPart, fileName);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  let date1904 = false;
  const wbBytes = zip.bytesOf(workbookPart)!;
  const counter = new LimitCounter(fileName, limits);
  const seenNames = new Set<string>();
  scanXml(wbBytes, fileName, {
    wantText: false,
    open(name, attrs) {
      if (name === 'workbookPr') {
        const d = attr(attrs, 'date1904');
        date1904 = d === '1' || d === 'true';
      } else if (name === 'sheet') {
        const rel = byId.get(relId(attrs) ?? '');
        if (!rel || /chartsheet|dialogsheet|macrosheet/i.test(rel.type)) return;
        const part = resolvePart(workbookPart!, rel.target);
        if (!zip.has(part)) return;
        counter.sheets(sheets.length + 1);
        const st = attr(attrs, 'state');
        let sheetName = (attr(attrs, 'name') ?? '').trim() || `Sheet${sheets.length + 1}`;
        // Excel forbids two sheets with one name (case-insensitively); a broken file gets " (2)".
        if (seenNames.has(sheetName.toLowerCase())) {
          let k = 2;
          while (seenNames.has(`${sheetName} (${k})`.toLowerCase())) k++;
          sheetName = `${sheetName} (${k})`;
        }
        seenNames.add(sheetName.toLowerCase());
        sheets.push({ index: sheets.length, name: sheetName, state: st === 'hidden' ? 'hidden' : st === 'veryHidden' ? 'veryHidden' : 'visible', part });
      }
    },
    close() {},
    text() {},
  });
  if (sheets.length === 0) {
    // A workbook part that lists nothing usable: read the worksheet parts themselves, in name order.
    const parts = zip.entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)).map((e) => e.name);
    parts.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const part of parts) {
      counter.sheets(sheets.length + 1);
      sheets.push({ index: sheets.length, name: part.replace(/^.*\//, '').replace(/\.xml$/i, ''), state: 'visible', part });
    }
  }
  if (sheets.length === 0) throw new UnreadableFileError(fileName, 'no_sheets');
  const styles = readStyles(zip, rels.find((r) => /\/styles$/.test(r.type)) ? resolvePart(workbookPart, rels.find((r) => /\/styles$/.test(r.type))!.target) : undefined, fileName);
  const sstRel = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const sstPart = sstRel ? resolvePart(workbookPart, sstRel.target) : zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined;
  const strings = readSharedStrings(zip, sstPart, fileName, limits);
  const infos: SheetInfo[] = sheets.map(({ index, name, state }) => ({ index, name, state }));

  return {
    fileName,
    format: 'xlsx',
    sheets: infos,
    sharedStrings: strings.length,
    partOf: (sheet) => sheets[sheet.index].part,
    readRows(sheet, onRow, o = {}) {
      const part = sheets[sheet.index];
      counter.startSheet(part.name);
      return streamSheet(zip, zip.entry(part.part)!, sheet, { strings, styles, date1904, counter, formulas: !!o.formulas, fileName }, onRow);
    },
  };
}

/* ---------------------------------------------------------------- a sheet */

interface SheetContext {
  strings: string[];
  styles: Styles;
  date1904: boolean;
  counter: LimitCounter;
  formulas: boolean;
  fileName: string;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** "B12" → [row, col] 0-based; col or row -1 when absent/invalid. */
function parseRef(ref: string): [number, number] {
  let i = 0;
  let col = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i++;
    if (i > 3) return [-1, -1];
  }
  let row = 0;
  let digits = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return [-1, -1];
    row = row * 10 + (c - 48);
    digits++;
    i++;
    if (digits > 8) return [-1, -1];
  }
  return [digits ? row - 1 : -1, col ? col - 1 : -1];
}

function streamSheet(zip: ZipArchive, entry: ZipEntry, info: SheetInfo, ctx: SheetContext, onRow: RowHandler): SheetSummary {
  const summary: SheetSummary = { info, cells: 0, rows: 0, maxRow: -1, maxCol: -1, merges: [] };
  const { strings, styles, date1904, counter, fileName } = ctx;
  const row: RowCells = emptyRow();
  let inRow = false;
  let rowIndex = -1;
  let rowFromAttr = false;
  let nextCol = 0;
  let lastCol = -1;
  // The cell being read.
  let inCell = false;
  let cRow = -1;
  let cCol = -1;
  let cType: string | undefined;
  let cStyle = 0;
  let v: string | null = null;
  let f: string | null = null;
  let fShared: { si: string; master: boolean } | null = null;
  let isText: string | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let inIs = false;
  let phonetic = 0;
  let inData = false;
  let stopped = false;
  const shared = new Map<string, { formula: string; r: number; c: number }>();

  const fail = (cell: string): never => {
    throw new UnreadableFileError(fileName, 'outside_grid', { sheet: info.name, cell });
  };

  const endRow = () => {
    if (!inRow) return;
    inRow = false;
    if (row.length === 0) return;
    counter.row(rowIndex, row.length, lastCol);
    summary.cells += row.length;
    summary.rows++;
    if (rowIndex > summary.maxRow) summary.maxRow = rowIndex;
    if (lastCol > summary.maxCol) summary.maxCol = lastCol;
    row.index = rowIndex;
    if (onRow(row) === false) stopped = true;
  };

  const startRow = (attrs: string) => {
    if (inRow) endRow();
    counter.rowElement();
    inRow = true;
    row.length = 0;
    lastCol = -1;
    nextCol = 0;
    const r = attr(attrs, 'r');
    const n = r === undefined ? NaN : Number(r);
    if (Number.isInteger(n) && n >= 1) {
      if (n - 1 > MAX_ROW) fail(`${r}`);
      rowIndex = n - 1;
      rowFromAttr = true;
    } else {
      rowIndex++;
      rowFromAttr = false;
    }
  };

  const cellValue = (): { value: CellValue; uncached: boolean } => {
    const fmt = styles.formats[cStyle];
    if (cType === 'inlineStr') return { value: isText ? decodeExcelEscapes(isText) : null, uncached: false };
    if (v === null) {
      // No cached value: a formula nobody calculated (or an inline string written as t="str").
      if (isText !== null) return { value: isText || null, uncached: false };
      return { value: null, uncached: f !== null };
    }
    switch (cType) {
      case 's': {
        const k = Number(v);
        const s = Number.isInteger(k) ? strings[k] : undefined;
        // A reference to a string the table does not hold: a broken file, shown as an error cell, never as blank.
        if (s === undefined) return { value: { error: '#REF!' }, uncached: false };
        return { value: s === '' ? null : s, uncached: false };
      }
      case 'str':
        return { value: v === '' ? null : decodeExcelEscapes(v), uncached: false };
      case 'b':
        return { value: v === '1' || v.toLowerCase() === 'true', uncached: false };
      case 'e':
        return { value: { error: v.trim() }, uncached: false };
      case 'd': {
        const d = new Date(v.trim());
        return { value: Number.isNaN(d.getTime()) ? v : d, uncached: false };
      }
      default: {
        const t = v.trim();
        if (t === '') return { value: null, uncached: f !== null };
        const n = Number(t);
        if (!Number.isFinite(n)) return { value: t, uncached: false };
        return { value: isDateFormat(fmt) ? excelToDate(n, date1904) : n, uncached: false };
      }
    }
  };

  const endCell = () => {
    inCell = false;
    capture = null;
    h.wantText = false;
    if (!inRow) return;
    // A shared formula: the master's text, moved to this cell.
    let formula = f;
    if (fShared) {
      if (fShared.master && f) shared.set(fShared.si, { formula: f, r: cRow, c: cCol });
      else if (!f) {
        const m = shared.get(fShared.si);
        formula = m ? shiftFormula(m.formula, cRow - m.r, cCol - m.c) : null;
      }
    }
    if (formula === '') formula = null;
    f = formula;
    const { value, uncached } = cellValue();
    if (value === null && !uncached) return;
    if (cCol > lastCol) lastCol = cCol;
    pushCell(row, cCol, value, styles.formats[cStyle], formula !== null && (ctx.formulas || uncached) ? formula : undefined, uncached);
  };

  const h: XmlHandler = {
    wantText: false,
    open(name, attrs, self) {
      if (stopped) return;
      switch (name) {
        case 'sheetData':
          inData = true;
          return;
        case 'row':
          if (inData) startRow(attrs);
          return;
        case 'c': {
          if (!inRow) return;
          inCell = true;
          v = null;
          f = null;
          fShared = null;
          isText = null;
          inIs = false;
          cType = attr(attrs, 't');
          const s = attr(attrs, 's');
          cStyle = s ? Number(s) || 0 : 0;
          const r = attr(attrs, 'r');
          let col = nextCol;
          if (r !== undefined) {
            const [rr, cc] = parseRef(r);
            if (cc >= 0) col = cc;
            if (rr >= 0 && !rowFromAttr && row.length === 0) rowIndex = rr;
            if (rr > MAX_ROW) fail(r);
          }
          if (col > MAX_COL) fail(toA1(Math.min(rowIndex, MAX_ROW), Math.min(col, MAX_COL)) + '…');
          cRow = rowIndex;
          cCol = col;
          nextCol = col + 1;
          if (self) endCell();
          return;
        }
        case 'v':
          if (!inCell) return;
          v = '';
          if (!self) {
            capture = 'v';
            h.wantText = true;
          }
          return;
        case 'f': {
          if (!inCell) return;
          const t = attr(attrs, 't');
          if (t === 'shared') {
            const si = attr(attrs, 'si') ?? '';
            fShared = { si, master: attr(attrs, 'ref') !== undefined };
          }
          if (t === 'dataTable') return;
          f = '';
          if (!self) {
            capture = 'f';
            h.wantText = true;
          }
          return;
        }
        case 'is':
          if (inCell) {
            inIs = true;
            isText = isText ?? '';
          }
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (inCell && inIs && phonetic === 0 && !self) {
            capture = 't';
            h.wantText = true;
          }
          return;
        case 'mergeCell': {
          const ref = attr(attrs, 'ref');
          if (ref) {
            counter.merge();
            summary.merges.push(ref);
          }
          return;
        }
        default:
          return;
      }
    },
    close(name) {
      if (stopped) return;
      switch (name) {
        case 'c':
          if (inCell) endCell();
          return;
        case 'row':
          if (inCell) endCell();
          endRow();
          return;
        case 'sheetData':
          if (inCell) endCell();
          endRow();
          inData = false;
          return;
        case 'v':
        case 'f':
        case 't':
          capture = null;
          h.wantText = false;
          return;
        case 'is':
          inIs = false;
          return;
        case 'rPh':
          phonetic = Math.max(0, phonetic - 1);
          return;
        default:
          return;
      }
    },
    text(s) {
      if (capture === 'v') v += s;
      else if (capture === 'f') f += s;
      else if (capture === 't') isText += s;
    },
  };
  const scanner = new XmlScanner(h, fileName);
  try {
    zip.stream(entry, (chunk) => {
      scanner.feedBytes(chunk);
      if (stopped) throw STOP;
    });
    scanner.feedBytes(new Uint8Array(0), true);
    scanner.end();
    // A truncated sheet: what was read stands.
    if (inCell) endCell();
    endRow();
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return summary;
}

const STOP = Symbol('stop');

/** Cell and row counts of every sheet, without building anything (used by the limit checks). */
export function countOoxml(source: WorkbookSource): { name: string; cells: number; rows: number }[] {
  return source.sheets.map((s) => {
    const sum = source.readRows(s, () => {});
    return { name: s.name, cells: sum.cells, rows: sum.rows };
  });
}
