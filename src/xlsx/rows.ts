/**
 * The streaming side of the reader, shared by every file format (.xlsx, .xls, HTML tables): a
 * workbook is a list of sheets, and a sheet is read as a stream of rows holding only the cells that
 * exist. Nothing here builds a grid: a reader that needs one (the template reader) asks for a
 * SheetSnapshot (./snapshot.ts), a reader of a million register rows iterates rows and keeps what it
 * needs. Limits are counted here as the rows go by, the same for every format.
 */
import type { CellValue } from '../core/types';
import { formatNumber } from '../core/format/vn';
import { toA1 } from '../core/a1';
import { WorkbookTooLargeError } from './errors';
import type { WorkbookLimits } from './limits';

export type FileFormat = 'xlsx' | 'xls' | 'html' | 'xml2003';

export interface SheetInfo {
  /** Position in the workbook (0-based). */
  index: number;
  name: string;
  /** 'hidden' and 'veryHidden' sheets are read too: the caller decides (a visible sheet wins). */
  state: 'visible' | 'hidden' | 'veryHidden';
}

/**
 * One row as the stream hands it over. The arrays are reused for the next row: copy what you keep.
 * Cells come in file order (ascending columns in every file Excel writes).
 */
export interface RowCells {
  /** 0-based row index. */
  index: number;
  /** Number of cells in the arrays below. */
  length: number;
  /** 0-based column of each cell. */
  cols: number[];
  /** Value of each cell (null for a formula without a cached value: see `formulas`). */
  values: CellValue[];
  /** Number format code of each cell, undefined for General. */
  formats: (string | undefined)[];
  /**
   * Formula text without "=" where the cell has one and the caller asked for formulas, and always
   * where the formula has no cached value (then `values` holds null and `uncached` is true).
   */
  formulas: (string | undefined)[];
  uncached: boolean[];
}

export interface SheetSummary {
  info: SheetInfo;
  /** Cells with a value or a formula, rows holding at least one. */
  cells: number;
  rows: number;
  /** Largest 0-based row and column holding a cell (-1 when the sheet is empty). */
  maxRow: number;
  maxCol: number;
  /** Merged areas as written in the file (A1 ranges), not clipped. */
  merges: string[];
}

export interface RowStreamOptions {
  /** Also report the formula text of formula cells that have a cached value. */
  formulas?: boolean;
}

export type RowHandler = (row: RowCells) => void | false;

/** A workbook open for reading, whatever its format. */
export interface WorkbookSource {
  readonly fileName: string;
  readonly format: FileFormat;
  readonly sheets: SheetInfo[];
  /** Entries of the shared string table (.xlsx), when the format has one. */
  readonly sharedStrings?: number;
  /** The zip part of a sheet (.xlsx), for messages and tests. */
  partOf?(sheet: SheetInfo): string;
  /**
   * Streams one sheet's rows; return false from `onRow` to stop early (the summary then covers the
   * rows seen). Limits are checked as the rows go by and throw WorkbookTooLargeError.
   */
  readRows(sheet: SheetInfo, onRow: RowHandler, opts?: RowStreamOptions): SheetSummary;
}

export function emptyRow(): RowCells {
  return { index: 0, length: 0, cols: [], values: [], formats: [], formulas: [], uncached: [] };
}

/** Puts one cell in a reused row. */
export function pushCell(row: RowCells, col: number, value: CellValue, format: string | undefined, formula: string | undefined, uncached: boolean): void {
  const k = row.length++;
  row.cols[k] = col;
  row.values[k] = value;
  row.formats[k] = format;
  row.formulas[k] = formula;
  row.uncached[k] = uncached;
}

/**
 * A row of `row.length` cells, the last in column `last`, counted against the limits and into the
 * sheet's summary, then handed to `onRow`; false when `onRow` stops the stream.
 */
export function deliverRow(counter: LimitCounter, summary: SheetSummary, row: RowCells, index: number, last: number, onRow: RowHandler): boolean {
  counter.row(index, row.length, last);
  summary.cells += row.length;
  summary.rows++;
  summary.maxRow = index;
  if (last > summary.maxCol) summary.maxCol = last;
  row.index = index;
  return onRow(row) !== false;
}

/** Sheet names as a workbook lists them, made usable: trimmed, a blank one named by its place, a repeated one suffixed " (2)" … */
export function sheetNamer(): (raw: string, place: number) => string {
  const seen = new Set<string>();
  return (raw, place) => {
    let n = raw.trim() || `Sheet${place + 1}`;
    if (seen.has(n.toLowerCase())) {
      let k = 2;
      while (seen.has(`${n} (${k})`.toLowerCase())) k++;
      n = `${n} (${k})`;
    }
    seen.add(n.toLowerCase());
    return n;
  };
}

/**
 * The limits of one workbook, counted across its sheets as rows stream by: cells, rows per sheet,
 * the spread of the cells (what a row-by-row walk visits: Σ over rows of the last column + 1), merged
 * areas and sheets. Each crossing throws with the sheet and the limit named.
 */
export class LimitCounter {
  cells = 0;
  spread = 0;
  merges = 0;
  private sheetRows = 0;
  private sheetName = '';

  constructor(
    readonly file: string,
    readonly limits: WorkbookLimits,
  ) {}

  sheets(n: number): void {
    if (n > this.limits.sheets) throw new WorkbookTooLargeError(this.file, 'too_many_sheets', { count: formatNumber(n), max: formatNumber(this.limits.sheets) });
  }

  startSheet(name: string): void {
    this.sheetName = name;
    this.sheetRows = 0;
  }

  /** A row element (counted even when empty, as Excel's own row limit counts rows). */
  rowElement(): void {
    if (++this.sheetRows > this.limits.rows) throw new WorkbookTooLargeError(this.file, 'too_many_rows', { sheet: this.sheetName, max: formatNumber(this.limits.rows) });
  }

  /** A row with `cells` cells, the last of which is in column `lastCol` (0-based). */
  row(rowIndex: number, cells: number, lastCol: number): void {
    this.cells += cells;
    if (this.cells > this.limits.cells) {
      throw new WorkbookTooLargeError(this.file, 'too_many_cells', { sheet: this.sheetName, count: formatNumber(this.cells), max: formatNumber(this.limits.cells) });
    }
    this.spread += lastCol + 1;
    if (this.spread > this.limits.spread) {
      throw new WorkbookTooLargeError(this.file, 'too_spread', {
        sheet: this.sheetName,
        cell: toA1(rowIndex, lastCol),
        max: formatNumber(this.limits.spread),
      });
    }
  }

  merge(): void {
    if (++this.merges > this.limits.merges) throw new WorkbookTooLargeError(this.file, 'too_many_merges', { sheet: this.sheetName, max: formatNumber(this.limits.merges) });
  }
}
