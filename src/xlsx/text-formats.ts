/**
 * The text files that web systems save as ".xls" ("Xuất Excel"): an HTML page holding a table, or
 * an XML Spreadsheet 2003. Both are read with the same XML scanner as .xlsx (./xml.ts: no tree, no
 * entity expansion beyond the predefined ones), into the same rows and limits. An HTML page without
 * a table is refused with a reason that says so.
 *
 * HTML: every top-level <table> is one sheet ("Sheet1", "Sheet2" …; a <caption> or the page <title>
 * names it when short). colspan/rowspan become merged areas; text is the cell's text with tags
 * removed, <br> as a line break; a cell whose whole text is a plain number (1234, -5, 97.38) is a
 * number, anything else stays text (the template reader reports numbers written as text).
 * XML 2003: <Worksheet ss:Name>, <Row ss:Index>, <Cell ss:Index ss:MergeAcross ss:MergeDown>, <Data
 * ss:Type="Number|String|Boolean|DateTime|Error">; ss:Hidden sheets via <Visible>SheetHidden.
 */
import type { CellValue } from '../core/types';
import { toA1 } from '../core/a1';
import { formatNumber } from '../core/format/vn';
import { UnreadableFileError, WorkbookTooLargeError } from './errors';
import type { WorkbookLimits } from './limits';
import { emptyRow, LimitCounter, pushCell, type RowCells, type SheetInfo, type SheetSummary, type WorkbookSource } from './rows';
import { attr, XmlScanner, type XmlHandler } from './xml';

interface TextCell {
  c: number;
  v: CellValue;
  fmt?: string;
}

interface TextSheet {
  info: SheetInfo;
  rows: { r: number; cells: TextCell[] }[];
  merges: string[];
}

const HTML_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  deg: '°',
  copy: '©',
};

function htmlEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([a-zA-Z]{2,8});/g, (m, e: string) => HTML_ENTITIES[e.toLowerCase()] ?? m);
}

function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  // A page that declares another charset (windows-1258 for old Vietnamese pages) and is not UTF-8.
  if (utf8.indexOf('\ufffd') >= 0) {
    const m = /charset\s*=\s*["']?([\w-]+)/i.exec(utf8.slice(0, 4096));
    if (m && !/utf-?8/i.test(m[1])) {
      try {
        return new TextDecoder(m[1].toLowerCase()).decode(bytes);
      } catch {
        /* an unknown label: keep UTF-8 */
      }
    }
  }
  return utf8;
}

const PLAIN_NUMBER = /^-?(?:\d+|\d*\.\d+)(?:[eE][+-]?\d{1,3})?$/;

/** Cells are held until the rows are streamed: count them as they are parsed. */
function cellBudget(fileName: string, limits: WorkbookLimits): () => void {
  let n = 0;
  return () => {
    if (++n > limits.cells) throw new WorkbookTooLargeError(fileName, 'too_many_cells_total', { count: formatNumber(n), max: formatNumber(limits.cells) });
  };
}

function scanText(text: string, fileName: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler, fileName);
  for (let i = 0; i < text.length; i += 1 << 20) scanner.feed(text.slice(i, i + (1 << 20)));
  scanner.end();
}

/* ---------------------------------------------------------------- HTML */

function readHtml(text: string, fileName: string, counter: LimitCounter): TextSheet[] {
  const sheets: TextSheet[] = [];
  const count = cellBudget(fileName, counter.limits);
  let title = '';
  let inTitle = false;
  let depth = 0; // nesting of <table>
  let skip = 0; // inside <script>/<style>
  let sheet: TextSheet | null = null;
  let caption: string | null = null;
  let inCaption = false;
  let r = -1;
  let cells: TextCell[] | null = null;
  let cellText: string | null = null;
  let cellCol = 0;
  let span = { cols: 1, rows: 1 };
  // What Excel's own HTML export says about a cell: text (x:str, mso-number-format:"\@"), x:bool, x:num.
  let hint: 'text' | 'bool' | 'num' | null = null;
  let hintNum: number | null = null;
  // Columns taken by rowspans from rows above: row → set of columns.
  let taken = new Map<number, Set<number>>();

  const endCell = () => {
    if (cellText === null || !cells || !sheet) return;
    const t = htmlEntities(cellText).replace(/[ \t\r\n\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    let v: CellValue = t === '' ? null : t;
    if (hint === 'bool' && v !== null) v = /^(true|1|có|x)$/i.test(t);
    else if (hint === 'num' && hintNum !== null) v = hintNum;
    else if (hint !== 'text' && typeof v === 'string' && PLAIN_NUMBER.test(v)) {
      const n = Number(v);
      if (Number.isFinite(n)) v = n;
    }
    if (v !== null) {
      count();
      cells.push({ c: cellCol, v });
    }
    if (span.cols > 1 || span.rows > 1) {
      counter.merge();
      sheet.merges.push(`${toA1(r, cellCol)}:${toA1(r + span.rows - 1, cellCol + span.cols - 1)}`);
    }
    for (let dr = 1; dr < span.rows; dr++) {
      let set = taken.get(r + dr);
      if (!set) taken.set(r + dr, (set = new Set()));
      for (let dc = 0; dc < span.cols; dc++) set.add(cellCol + dc);
    }
    cellCol += span.cols;
    cellText = null;
  };
  const endRow = () => {
    endCell();
    if (cells && sheet) {
      cells.sort((a, b) => a.c - b.c);
      if (cells.length) sheet.rows.push({ r, cells });
    }
    cells = null;
  };
  const endTable = () => {
    endRow();
    if (sheet && (sheet.rows.length || sheet.merges.length)) {
      const label = (caption ?? '').trim() || (sheets.length === 0 ? title.trim() : '');
      sheet.info.name = label && label.length <= 31 && !/[:\\/?*[\]]/.test(label) ? label : `Sheet${sheets.length + 1}`;
      if (sheets.some((s) => s.info.name.toLowerCase() === sheet!.info.name.toLowerCase())) sheet.info.name = `Sheet${sheets.length + 1}`;
      sheet.info.index = sheets.length;
      counter.sheets(sheets.length + 1);
      sheets.push(sheet);
    }
    sheet = null;
  };

  const h: XmlHandler = {
    wantText: false,
    open(raw, attrs, self) {
      const name = raw.toLowerCase();
      if (name === 'script' || name === 'style') {
        if (!self) skip++;
        h.wantText = false;
        return;
      }
      if (skip) return;
      if (name === 'title') {
        inTitle = !self;
        h.wantText = inTitle;
        return;
      }
      if (name === 'table') {
        depth++;
        if (depth === 1) {
          sheet = { info: { index: 0, name: '', state: 'visible' }, rows: [], merges: [] };
          caption = null;
          r = -1;
          taken = new Map();
        } else if (cellText !== null) cellText += ' ';
        return;
      }
      if (depth !== 1) {
        if (depth > 1 && name === 'br' && cellText !== null) cellText += '\n';
        return;
      }
      if (name === 'caption') {
        inCaption = true;
        caption = '';
        h.wantText = true;
      } else if (name === 'tr') {
        endRow();
        r++;
        counter.rowElement();
        cells = [];
        cellCol = 0;
      } else if (name === 'td' || name === 'th') {
        if (!cells) {
          // A cell without its <tr>: start a row.
          r++;
          counter.rowElement();
          cells = [];
          cellCol = 0;
        }
        endCell();
        const busy = taken.get(r);
        while (busy?.has(cellCol)) cellCol++;
        const cs = Math.min(16384, Math.max(1, Number(attr(attrs, 'colspan') ?? attr(attrs, 'COLSPAN')) || 1));
        const rs = Math.min(65536, Math.max(1, Number(attr(attrs, 'rowspan') ?? attr(attrs, 'ROWSPAN')) || 1));
        span = { cols: cs, rows: rs };
        const style = attr(attrs, 'style') ?? '';
        const xnum = attr(attrs, 'x:num');
        hint = attr(attrs, 'x:str') !== undefined || /mso-number-format\s*:\s*["']?\\?@/i.test(style) ? 'text' : attr(attrs, 'x:bool') !== undefined ? 'bool' : xnum !== undefined ? 'num' : null;
        hintNum = xnum !== undefined && xnum !== '' && Number.isFinite(Number(xnum)) ? Number(xnum) : null;
        if (cellCol > 16383) throw new UnreadableFileError(fileName, 'outside_grid', { sheet: `Sheet${sheets.length + 1}`, cell: toA1(Math.max(r, 0), 16383) + '…' });
        cellText = self ? null : '';
        h.wantText = !self;
        if (self) {
          cellText = '';
          endCell();
        }
      } else if (name === 'br' || name === 'p' || name === 'div') {
        if (cellText !== null && cellText !== '') cellText += '\n';
      }
    },
    close(raw) {
      const name = raw.toLowerCase();
      if (name === 'script' || name === 'style') {
        skip = Math.max(0, skip - 1);
        h.wantText = cellText !== null && depth === 1;
        return;
      }
      if (skip) return;
      if (name === 'title') {
        inTitle = false;
        h.wantText = false;
      } else if (name === 'caption') {
        inCaption = false;
        h.wantText = false;
      } else if (name === 'table') {
        if (depth === 1) endTable();
        depth = Math.max(0, depth - 1);
      } else if (depth === 1 && (name === 'td' || name === 'th')) {
        endCell();
        h.wantText = false;
      } else if (depth === 1 && name === 'tr') endRow();
    },
    text(s) {
      if (inTitle) title += s;
      else if (inCaption) caption += s;
      else if (cellText !== null) cellText += s;
    },
  };
  scanText(text, fileName, h);
  if (sheet) endTable();
  return sheets;
}

/* ---------------------------------------------------------------- XML Spreadsheet 2003 */

const XML2003_FORMATS: Record<string, string> = {
  Percent: '0.00%',
  Fixed: '0.00',
  Standard: '#,##0.00',
  'General Number': 'General',
  'Short Date': 'dd/mm/yyyy',
  'Medium Date': 'dd-mmm-yy',
  'Long Date': 'dd mmmm yyyy',
  'General Date': 'dd/mm/yyyy hh:mm',
};

function ssAttr(attrs: string, name: string): string | undefined {
  return attr(attrs, `ss:${name}`) ?? attr(attrs, name);
}

function readXml2003(text: string, fileName: string, counter: LimitCounter): TextSheet[] {
  const sheets: TextSheet[] = [];
  const count = cellBudget(fileName, counter.limits);
  const styles = new Map<string, string>();
  let styleId: string | null = null;
  let sheet: TextSheet | null = null;
  let r = -1;
  let c = 0;
  let cells: TextCell[] | null = null;
  let cell: { c: number; type: string; text: string; fmt?: string; across: number; down: number } | null = null;
  let inData = false;
  let inVisible = false;
  let visible = '';
  const seen = new Set<string>();

  const endRow = () => {
    if (cells && sheet && cells.length) sheet.rows.push({ r, cells });
    cells = null;
  };
  const h: XmlHandler = {
    wantText: false,
    open(name, attrs, self) {
      switch (name) {
        case 'Style':
          styleId = ssAttr(attrs, 'ID') ?? null;
          return;
        case 'NumberFormat': {
          const f = ssAttr(attrs, 'Format');
          if (styleId && f) styles.set(styleId, XML2003_FORMATS[f] ?? f);
          return;
        }
        case 'Worksheet': {
          let n = (ssAttr(attrs, 'Name') ?? '').trim() || `Sheet${sheets.length + 1}`;
          if (seen.has(n.toLowerCase())) n = `${n} (${sheets.length + 1})`;
          seen.add(n.toLowerCase());
          counter.sheets(sheets.length + 1);
          sheet = { info: { index: sheets.length, name: n, state: 'visible' }, rows: [], merges: [] };
          sheets.push(sheet);
          r = -1;
          return;
        }
        case 'Row': {
          if (!sheet) return;
          endRow();
          counter.rowElement();
          const idx = Number(ssAttr(attrs, 'Index'));
          r = Number.isInteger(idx) && idx >= 1 ? idx - 1 : r + 1;
          if (r > 1_048_575) throw new UnreadableFileError(fileName, 'outside_grid', { sheet: sheet.info.name, cell: `A${r + 1}` });
          cells = [];
          c = 0;
          if (self) endRow();
          return;
        }
        case 'Cell': {
          if (!cells || !sheet) return;
          const idx = Number(ssAttr(attrs, 'Index'));
          if (Number.isInteger(idx) && idx >= 1) c = idx - 1;
          if (c > 16383) throw new UnreadableFileError(fileName, 'outside_grid', { sheet: sheet.info.name, cell: toA1(r, 16383) + '…' });
          const across = Math.max(0, Number(ssAttr(attrs, 'MergeAcross')) || 0);
          const down = Math.max(0, Number(ssAttr(attrs, 'MergeDown')) || 0);
          const st = ssAttr(attrs, 'StyleID');
          cell = { c, type: '', text: '', fmt: st ? styles.get(st) : undefined, across, down };
          if (self) h.close('Cell');
          return;
        }
        case 'Data':
          if (!cell) return;
          cell.type = ssAttr(attrs, 'Type') ?? 'String';
          inData = !self;
          h.wantText = inData;
          return;
        case 'Visible':
          inVisible = true;
          visible = '';
          h.wantText = true;
          return;
        default:
          return;
      }
    },
    close(name) {
      switch (name) {
        case 'Data':
          inData = false;
          h.wantText = false;
          return;
        case 'Cell': {
          if (!cell || !cells || !sheet) return;
          const t = cell.text;
          let v: CellValue = null;
          if (cell.type === 'Number') {
            const n = Number(t.trim());
            v = t.trim() === '' ? null : Number.isFinite(n) ? n : t;
          } else if (cell.type === 'Boolean') v = t.trim() === '1' || t.trim().toLowerCase() === 'true';
          else if (cell.type === 'DateTime') {
            const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(t.trim()) ? t.trim() : t.trim() + 'Z');
            v = Number.isNaN(d.getTime()) ? t || null : d;
          } else if (cell.type === 'Error') v = { error: t.trim() || '#N/A' };
          else v = t === '' ? null : t;
          if (v !== null) {
            count();
            cells.push({ c: cell.c, v, fmt: cell.fmt && cell.fmt !== 'General' ? cell.fmt : undefined });
          }
          if (cell.across || cell.down) {
            counter.merge();
            sheet.merges.push(`${toA1(r, cell.c)}:${toA1(r + cell.down, Math.min(16383, cell.c + cell.across))}`);
          }
          c = cell.c + 1 + cell.across;
          cell = null;
          return;
        }
        case 'Row':
          endRow();
          return;
        case 'Worksheet':
          endRow();
          if (sheet && /hidden/i.test(visible)) sheet.info.state = /very/i.test(visible) ? 'veryHidden' : 'hidden';
          visible = '';
          sheet = null;
          return;
        case 'Style':
          styleId = null;
          return;
        case 'Visible':
          inVisible = false;
          h.wantText = inData;
          return;
        default:
          return;
      }
    },
    text(s) {
      if (inVisible) visible += s;
      else if (inData && cell) cell.text += s;
    },
  };
  scanText(text, fileName, h);
  return sheets;
}

/* ---------------------------------------------------------------- source */

export function openTextWorkbook(bytes: Uint8Array, fileName: string, format: 'html' | 'xml2003', opts: { limits: WorkbookLimits }): WorkbookSource {
  const counter = new LimitCounter(fileName, opts.limits);
  const text = decodeText(bytes);
  const sheets = format === 'html' ? readHtml(text, fileName, counter) : readXml2003(text, fileName, counter);
  if (!sheets.length) throw new UnreadableFileError(fileName, format === 'html' ? 'html_not_table' : 'no_sheets');
  // Limits on cells and spread are counted when the rows are streamed, as for any format.
  return {
    fileName,
    format,
    sheets: sheets.map((s) => s.info),
    readRows(info, onRow): SheetSummary {
      const s = sheets[info.index];
      counter.startSheet(info.name);
      const summary: SheetSummary = { info, cells: 0, rows: 0, maxRow: -1, maxCol: -1, merges: s.merges };
      const row: RowCells = emptyRow();
      for (const line of s.rows) {
        row.length = 0;
        for (const cell of line.cells) pushCell(row, cell.c, cell.v, cell.fmt, undefined, false);
        if (!row.length) continue;
        const last = line.cells[line.cells.length - 1].c;
        counter.row(line.r, row.length, last);
        summary.cells += row.length;
        summary.rows++;
        if (line.r > summary.maxRow) summary.maxRow = line.r;
        if (last > summary.maxCol) summary.maxCol = last;
        row.index = line.r;
        if (onRow(row) === false) break;
      }
      return summary;
    },
  };
}
