/**
 * The plan writer of ./write.ts for large plans (the province "Tổng hợp", tens of thousands of rows),
 * writing the SpreadsheetML itself, row by row, into a streamed zip (fflate): the same cells, values,
 * formulas with their cached results, styles (Times New Roman, thin borders, fills, number formats,
 * alignment), merged rows, column widths, row heights, frozen rows and data validation as
 * plansWorkbook, with the same sheet-name rules and the same cut of over-long texts. Host-neutral.
 *
 * Why not ExcelJS's streaming writer: it builds a model object per cell and a style object per cell
 * (≈ 2,5 s and much garbage for the bench's 17.600-row summary); here a row is one string and a
 * style is an index into a small table. The host may pass its native raw deflater (Node's zlib: the
 * portable one, fflate's, takes ≈ 1 s for that summary's 13 MB of XML).
 */
import { Deflate } from 'fflate';
import { uniqueSheetName } from '../core/sheetNames';
import type { ColumnValidation } from '../core/sheets/layout';
import type { CellStyle } from '../core/types';
import { BUILTIN_FORMATS } from './ooxml';
import { columnLetters, EXCEL_MAX_TEXT, fitText, FONT_NAME, FONT_SIZE, type TextCuts, type WritablePlan } from './write';

type Value = string | number | boolean | null;

/* ---------------------------------------------------------------- XML text */

// What ExcelJS drops (control characters XML 1.0 cannot carry) and what XML escapes.
const NEEDS_ESCAPE = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

function esc(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

/** Cell text: XML-escaped, and a literal "_x0041_" kept literal (Excel would decode it). */
function cellText(s: string): string {
  const e = esc(s);
  return e.indexOf('_x') < 0 ? e : e.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

/* ---------------------------------------------------------------- styles */

/** A cell's look as writeBlockRow leaves it on an ExcelJS cell (later blocks override what they set). */
interface Look {
  size: number;
  bold: boolean;
  italic: boolean;
  /** Set when the block asked for wrap or an alignment. */
  align?: { wrap: boolean; horizontal?: string };
  fill?: string;
  border?: boolean;
  numFmt?: string;
}

const BUILTIN_IDS = new Map(Object.entries(BUILTIN_FORMATS).map(([id, code]) => [code, Number(id)]));

class StyleTable {
  private readonly fonts = new Map<string, number>([['default', 0]]);
  private readonly fills = new Map<string, number>([['none', 0], ['gray125', 1]]);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([['default', 0]]);
  private readonly xfXml: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  private id(map: Map<string, number>, key: string): number {
    let n = map.get(key);
    if (n === undefined) map.set(key, (n = map.size));
    return n;
  }

  /** The cellXfs index of a look. */
  index(look: Look): number {
    const font = this.id(this.fonts, `${look.size}|${look.bold ? 1 : 0}|${look.italic ? 1 : 0}`);
    const fill = look.fill ? this.id(this.fills, look.fill) : 0;
    const border = look.border ? 1 : 0;
    let fmt = 0;
    if (look.numFmt && look.numFmt !== 'General') fmt = BUILTIN_IDS.get(look.numFmt) ?? 164 + this.id(this.formats, look.numFmt);
    const align = look.align ? `${look.align.wrap ? 1 : 0}|${look.align.horizontal ?? ''}` : '';
    const key = `${font}|${fill}|${border}|${fmt}|${align}`;
    let xf = this.xfs.get(key);
    if (xf === undefined) {
      xf = this.xfXml.length;
      this.xfs.set(key, xf);
      const applies = `${fmt ? ' applyNumberFormat="1"' : ''} applyFont="1"${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}${look.align ? ' applyAlignment="1"' : ''}`;
      const open = `<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}`;
      if (!look.align) this.xfXml.push(open + '/>');
      else {
        const h = look.align.horizontal ? ` horizontal="${look.align.horizontal}"` : '';
        this.xfXml.push(`${open}><alignment${h} vertical="center"${look.align.wrap ? ' wrapText="1"' : ''}/></xf>`);
      }
    }
    return xf;
  }

  xml(): string {
    const formats = [...this.formats.keys()].map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(code)}"/>`);
    const fonts = [...this.fonts.keys()].map((k) => {
      if (k === 'default') return '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
      const [size, bold, italic] = k.split('|');
      return `<font>${bold === '1' ? '<b/>' : ''}${italic === '1' ? '<i/>' : ''}<sz val="${size}"/><name val="${esc(FONT_NAME)}"/></font>`;
    });
    const fills = [...this.fills.keys()].map((k) =>
      k === 'none' || k === 'gray125' ? `<fill><patternFill patternType="${k}"/></fill>` : `<fill><patternFill patternType="solid"><fgColor rgb="${k}"/></patternFill></fill>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      `<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
      `<fills count="${fills.length}">${fills.join('')}</fills>` +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }
}

/** The look writeBlockRow's applyStyle gives a cell, applied over what an earlier block left there. */
function applyLook(prev: Look | undefined, style: CellStyle, numFmt: string | undefined): Look {
  const look: Look = { size: style.fontSize ?? FONT_SIZE, bold: !!style.bold, italic: !!style.italic };
  look.align = style.wrap || style.align ? { wrap: !!style.wrap, horizontal: style.align } : prev?.align;
  look.fill = style.fill ? 'FF' + style.fill.replace('#', '').toUpperCase() : prev?.fill;
  look.border = style.border ? true : prev?.border;
  look.numFmt = numFmt ?? prev?.numFmt;
  return look;
}

/* ---------------------------------------------------------------- cells */

interface CellOut {
  value: Value;
  formula?: string;
  result?: Value;
  look: Look;
}

function valueXml(ref: string, s: number, v: Value): string {
  if (v === null) return `<c r="${ref}" s="${s}"/>`;
  if (typeof v === 'number') {
    return Number.isFinite(v) ? `<c r="${ref}" s="${s}"><v>${v}</v></c>` : `<c r="${ref}" s="${s}" t="inlineStr"><is><t>${v}</t></is></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}" s="${s}" t="b"><v>${v ? 1 : 0}</v></c>`;
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${cellText(v)}</t></is></c>`;
}

function formulaXml(ref: string, s: number, formula: string, result: Value | undefined): string {
  const f = `<f>${esc(formula)}</f>`;
  if (result === null || result === undefined) return `<c r="${ref}" s="${s}">${f}</c>`;
  if (typeof result === 'number') return Number.isFinite(result) ? `<c r="${ref}" s="${s}">${f}<v>${result}</v></c>` : `<c r="${ref}" s="${s}">${f}</c>`;
  if (typeof result === 'boolean') return `<c r="${ref}" s="${s}" t="b">${f}<v>${result ? 1 : 0}</v></c>`;
  return `<c r="${ref}" s="${s}" t="str">${f}<v>${cellText(result)}</v></c>`;
}

/* ---------------------------------------------------------------- sheet parts */

function validationXml(v: ColumnValidation): string {
  const letters = columnLetters(v.col);
  const sqref = `${letters}${v.fromRow + 1}:${letters}${v.toRow + 1}`;
  const common = `allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="Báo cáo GD" error="${esc(`${v.error.vi} / ${v.error.en}`)}" sqref="${sqref}"`;
  const r = v.rule;
  if (r.kind === 'list') return `<dataValidation type="list" ${common}><formula1>${esc(`"${r.values.join(',')}"`)}</formula1></dataValidation>`;
  if (r.kind === 'whole' && r.max === undefined) return `<dataValidation type="whole" operator="greaterThanOrEqual" ${common}><formula1>${r.min}</formula1></dataValidation>`;
  return `<dataValidation type="${r.kind}" operator="between" ${common}><formula1>${r.min}</formula1><formula2>${r.max}</formula2></dataValidation>`;
}

function colsXml(widths: Record<number, number> | undefined): string {
  const cols = Object.entries(widths ?? {})
    .map(([c, w]) => [Number(c), w] as const)
    .filter(([c, w]) => Number.isInteger(c) && c >= 0 && Number.isFinite(w))
    .sort((a, b) => a[0] - b[0]);
  if (cols.length === 0) return '';
  const out: string[] = [];
  // Consecutive columns of one width share a <col>, as Excel writes them.
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1][0] === cols[j][0] + 1 && cols[j + 1][1] === cols[i][1]) j++;
    out.push(`<col min="${cols[i][0] + 1}" max="${cols[j][0] + 1}" width="${cols[i][1]}" customWidth="1"/>`);
    i = j + 1;
  }
  return `<cols>${out.join('')}</cols>`;
}

/** Text pushed into a zip entry in slices of about this many characters. */
const SLICE = 1 << 18;

/**
 * A raw deflate stream: each call compresses the next slice and returns its bytes; the slices'
 * outputs, concatenated, are one deflate stream that ends with the slice marked final.
 */
export type RawDeflater = (slice: Uint8Array, final: boolean) => Uint8Array;

/** The host's native compression, when it has one (Node's zlib); portable code otherwise. */
export interface XlsxHost {
  /** A new raw deflate stream (one per zip entry); fflate's by default. */
  deflateRaw?: () => RawDeflater;
  /** CRC-32 continued over more bytes (zip's checksum); a table-driven one by default. */
  crc32?: (crc: number, bytes: Uint8Array) => number;
}

/** fflate's streaming deflater, for hosts without a native one. */
function portableDeflater(): RawDeflater {
  let out: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (chunk) => out.push(chunk));
  return (slice, final) => {
    d.push(slice, final);
    const got = concat(out);
    out = [];
    return got;
  };
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(crc: number, bytes: Uint8Array): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

interface ZipEntryOut {
  name: string;
  crc: number;
  size: number;
  data: Uint8Array[];
  compressed: number;
}

/** One zip entry's text, encoded and compressed slice by slice. */
class EntryWriter {
  private buf: string[] = [];
  private len = 0;
  private readonly encoder = new TextEncoder();
  readonly entry: ZipEntryOut;

  constructor(
    name: string,
    private readonly deflate: RawDeflater,
    private readonly crc: (crc: number, bytes: Uint8Array) => number = crc32,
  ) {
    this.entry = { name, crc: 0, size: 0, data: [], compressed: 0 };
  }

  write(s: string): void {
    this.buf.push(s);
    this.len += s.length;
    if (this.len >= SLICE) this.flush(false);
  }

  private flush(final: boolean): void {
    const bytes = this.encoder.encode(this.buf.join(''));
    this.buf = [];
    this.len = 0;
    const e = this.entry;
    e.crc = this.crc(e.crc, bytes);
    e.size += bytes.length;
    const packed = this.deflate(bytes, final);
    if (packed.length) {
      e.data.push(packed);
      e.compressed += packed.length;
    }
  }

  end(): ZipEntryOut {
    this.flush(true);
    return this.entry;
  }
}

/** A zip archive of deflated entries (no zip64: a summary is far below 4 GB). */
function zipBytes(entries: ZipEntryOut[], when: Date): Uint8Array {
  const time = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
  const date = ((Math.max(1980, when.getFullYear()) - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.compressed, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.compressed, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    parts.push(local, ...e.data);
    central.push(cd);
    offset += local.length + e.compressed;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concat([...parts, ...central, end]);
}

function writeSheet(out: EntryWriter, plan: WritablePlan, sheetName: string, styles: StyleTable, cuts: TextCuts | undefined): void {
  out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">');
  if (plan.freezeRows) {
    const top = `A${plan.freezeRows + 1}`;
    out.write(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="${plan.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`);
  }
  out.write('<sheetFormatPr defaultRowHeight="15"/>');
  out.write(colsXml(plan.columnWidths));

  // Rows in order: each sheet row gathers the block rows that fall on it (blocks may share rows).
  const byRow = new Map<number, { block: WritablePlan['blocks'][number]; r: number }[]>();
  for (const block of plan.blocks) {
    for (let r = 0; r < block.values.length; r++) {
      const at = block.row + r + 1;
      const list = byRow.get(at);
      if (list) list.push({ block, r });
      else byRow.set(at, [{ block, r }]);
    }
  }
  for (const r of Object.keys(plan.rowHeights ?? {})) if (!byRow.has(Number(r) + 1)) byRow.set(Number(r) + 1, []);
  const merges: string[] = [];
  out.write('<sheetData>');
  for (const at of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = new Map<number, CellOut>();
    const covered = new Set<number>();
    for (const { block, r } of byRow.get(at)!) {
      const style = { ...block.style, ...(block.rowStyles?.[r] ?? {}) };
      const values = block.values[r];
      for (let c = 0; c < values.length; c++) {
        const col = block.col + c;
        const prev = cells.get(col);
        const cell: CellOut = prev ?? { value: null, look: undefined as unknown as Look };
        const value = values[c];
        const result = block.results?.[r]?.[c];
        if (block.isFormula?.[r]?.[c] && typeof value === 'string') {
          cell.formula = value.replace(/^=/, '');
          cell.result = result;
          cell.value = null;
        } else if (value !== null) {
          cell.formula = undefined;
          cell.result = undefined;
          cell.value = typeof value === 'string' && value.length > EXCEL_MAX_TEXT ? fitText(value, cuts, () => `${sheetName}!${columnLetters(col)}${at}`) : value;
        }
        // The Excel host's order: a row's format, then the column's, then the block's.
        cell.look = applyLook(prev?.look, style, block.rowStyles?.[r]?.numberFormat ?? block.columnFormats?.[c] ?? block.style?.numberFormat);
        if (!prev) cells.set(col, cell);
      }
      if (block.mergeRows && values.length > 1) {
        merges.push(`${columnLetters(block.col)}${at}:${columnLetters(block.col + values.length - 1)}${at}`);
        for (let c = 1; c < values.length; c++) covered.add(block.col + c);
      }
    }
    // The cells a merge covers keep their look but no value (Excel shows the first cell's), as ExcelJS writes them.
    for (const col of covered) {
      const cell = cells.get(col);
      if (cell) {
        cell.value = null;
        cell.formula = undefined;
      }
    }
    const height = plan.rowHeights?.[at - 1];
    let row = `<row r="${at}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}`;
    if (cells.size === 0) row += '/>';
    else {
      row += '>';
      for (const col of [...cells.keys()].sort((a, b) => a - b)) {
        const cell = cells.get(col)!;
        const ref = columnLetters(col) + at;
        const s = styles.index(cell.look);
        row += cell.formula !== undefined ? formulaXml(ref, s, cell.formula, cell.result) : valueXml(ref, s, cell.value);
      }
      row += '</row>';
    }
    out.write(row);
  }
  out.write('</sheetData>');
  if (merges.length) out.write(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  const validations = plan.validations ?? [];
  if (validations.length) out.write(`<dataValidations count="${validations.length}">${validations.map(validationXml).join('')}</dataValidations>`);
  out.write('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
}

/* ---------------------------------------------------------------- package */

const CONTENT_TYPES = (sheets: number) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';

function coreXml(created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>Báo cáo GD</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

function workbookXml(names: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
    names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`).join('') +
    '</sheets><calcPr calcId="171027"/></workbook>'
  );
}

function workbookRels(sheets: number): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
    Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    '</Relationships>'
  );
}

/**
 * The same workbook as plansWorkbook (./write.ts), as .xlsx bytes, written part by part: only a
 * slice of a sheet's text and the compressed output are held at a time.
 */
export function streamPlansXlsx(plans: WritablePlan[], cuts?: TextCuts, host: XlsxHost = {}): Uint8Array {
  const deflateRaw = host.deflateRaw ?? portableDeflater;
  const entry = (name: string) => new EntryWriter(name, deflateRaw(), host.crc32);
  const entries: ZipEntryOut[] = [];
  const part = (name: string, text: string) => {
    const w = entry(name);
    w.write(text);
    entries.push(w.end());
  };
  const styles = new StyleTable();
  const names: string[] = [];
  for (const plan of plans) {
    const name = uniqueSheetName(plan.name, names);
    names.push(name);
    const w = entry(`xl/worksheets/sheet${names.length}.xml`);
    writeSheet(w, plan, name, styles, cuts);
    entries.push(w.end());
  }
  const now = new Date();
  part('[Content_Types].xml', CONTENT_TYPES(names.length));
  part('_rels/.rels', ROOT_RELS);
  part('docProps/core.xml', coreXml(now));
  part('xl/workbook.xml', workbookXml(names));
  part('xl/_rels/workbook.xml.rels', workbookRels(names.length));
  part('xl/styles.xml', styles.xml());
  return zipBytes(entries, now);
}
