/**
 * Shared data shapes of the engine. Pure: no Office, DOM or Node globals.
 * Every host (Excel via Office.js, an .xlsx file via ExcelJS, the in-memory fake) is turned into
 * these snapshots, and every renderer into a SheetPlan, so src/core never knows where data lives.
 */

/** Excel error values as they appear in cells. */
export type ExcelErrorCode = '#NULL!' | '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A' | '#SPILL!' | '#CALC!' | '#GETTING_DATA';

export interface CellErrorValue {
  error: ExcelErrorCode | string;
}

/** One cell as read from any host. Blank cells are null (never 0). Dates arrive as Date or serial numbers. */
export type CellValue = number | string | boolean | Date | CellErrorValue | null;

export function isCellError(v: unknown): v is CellErrorValue {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellErrorValue).error === 'string';
}

/**
 * A sheet's used range as read in one go. Row/col indexes are 0-based relative to `origin`.
 *
 * May be sparse (the file reader makes it so): a row holding no cell can be missing from `values`
 * (a hole: read `values[r]?.[c] ?? null`), and a cell far to the right of the others is stored alone
 * in a row with holes. Walk rows by index up to `values.length` and cells up to the row's length;
 * the reader's limits (src/xlsx/limits.ts) bound what such a walk visits.
 */
export interface SheetSnapshot {
  name: string;
  /** 0-based row and column of values[0][0] in the worksheet (A1 = {row:0,col:0}). */
  origin: { row: number; col: number };
  values: CellValue[][];
  /** Same shape as values when the host provides it. */
  numberFormats?: string[][];
  /** Same shape as values; the formula text ("=SUM(A1:A3)") or null. */
  formulas?: (string | null)[][];
  /** Merged areas as A1 ranges ("A1:C1"). */
  merges?: string[];
  /** Sheet is hidden in the workbook. */
  hidden?: boolean;
  /**
   * Formula cells the file carries without a value (written by a script or an exporter and never
   * calculated) that the reader could not compute: up to 50 A1 addresses and how many in all.
   */
  uncalculated?: { cells: string[]; count: number };
  /** Such cells that the reader computed itself (a plain SUM of cells, or a+b): same shape. */
  computed?: { cells: string[]; count: number };
}

export interface WorkbookSnapshot {
  /** File name (CLI) or workbook name (Excel); used in findings. */
  fileName: string;
  sheets: SheetSnapshot[];
  /** What the file was, when read from a file: 'xlsx', 'xls' (BIFF8), 'html' or 'xml2003' (web exports). */
  format?: string;
}

/* ---------- writing ---------- */

export type HorizontalAlign = 'left' | 'center' | 'right';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  align?: HorizontalAlign;
  fill?: string; // '#RRGGBB'
  border?: boolean;
  /** Excel number format in en-US syntax ("#,##0", "0.00%"). */
  numberFormat?: string;
  fontSize?: number;
}

/** One rectangular block written in a single 2-D assignment. */
export interface WriteBlock {
  /** 0-based top-left cell of the block. */
  row: number;
  col: number;
  /** Values or formulas (strings starting with '=' are formulas only when `formulas` is true for the cell). */
  values: (string | number | boolean | null)[][];
  /** Same shape; true where values[r][c] is a native Excel formula (en-US syntax). */
  isFormula?: boolean[][];
  /** Style for the whole block, then per-row overrides (e.g. header row bold). */
  style?: CellStyle;
  rowStyles?: Record<number, CellStyle>;
  /** Per-column number formats (index within the block). */
  columnFormats?: Record<number, string>;
  /** Merge each row of the block across its full width (for paragraphs and titles). */
  mergeRows?: boolean;
  /** Turn the block into an Excel table (header = first row). */
  asTable?: boolean;
  /** Optional label, e.g. section/table id, for tests and logs. */
  id?: string;
}

/** Everything needed to add one worksheet: a renderer produces it, a host writes it. */
export interface SheetPlan {
  /** Preferred name; the host adds " (2)" … when taken, and never overwrites a sheet. */
  name: string;
  blocks: WriteBlock[];
  /** Column widths in characters, by 0-based column index. */
  columnWidths?: Record<number, number>;
  /** Freeze the first n rows. */
  freezeRows?: number;
}

/** What the host did, so the UI can say what it wrote. */
export interface WriteResult {
  sheetName: string;
  cellsWritten: number;
  blocks: number;
}

/** A sheet as a host knows it after one round trip: its size and first rows (for large sheets such as a register). */
export interface SheetHead {
  name: string;
  /** Rows and columns up to the end of the used range, counted from A1. */
  rowCount: number;
  columnCount: number;
  /** The first rows from A1 (values only). */
  head: CellValue[][];
}

/** Which sheet, columns and rows of a large sheet to read (chosen by the caller from the heads). */
export interface ColumnsPlan {
  sheet: string;
  /** 0-based absolute columns. */
  columns: number[];
  /** 0-based first row to read. */
  fromRow: number;
  /** Estimated JSON bytes per row of these columns (sizes the pieces under Excel on the web's 5 MB cap). */
  bytesPerRow: number;
}

export interface SelectedRead {
  plan: ColumnsPlan;
  head: SheetHead;
  /** Rows from plan.fromRow to the end; each holds the planned columns at their absolute indexes. */
  rows: CellValue[][];
  /** Round trips used (context.sync calls). */
  syncs: number;
}

/**
 * The only door between UI/CLI logic and a workbook. Implemented on Office.js (src/excel),
 * on ExcelJS files (src/cli) and in memory (tests, browser harness).
 */
export interface WorkbookPort {
  /** Sheet names in workbook order. */
  listSheets(): Promise<string[]>;
  /** Used ranges (values + number formats + formulas) of the named sheets, all at once. */
  readSheets(names?: string[]): Promise<WorkbookSnapshot>;
  /** Add a new sheet (unique name) and write the plan. Never touches existing sheets. */
  writeSheet(plan: SheetPlan): Promise<WriteResult>;
  /** Select and scroll to a cell ("B12") on a sheet. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Optional: fill the given cells (only when the user asks). Never changes values. */
  highlightCells?(sheet: string, addresses: string[], color: string): Promise<void>;
  /**
   * Optional: a large sheet read selectively: the first `headRows` rows of the active sheet (then of
   * the others when `plan` finds nothing there), then only the planned columns, in as few round trips
   * as the host's payload cap allows. Null when `plan` picks no sheet.
   */
  readSelected?(headRows: number, plan: (heads: SheetHead[]) => ColumnsPlan | null): Promise<SelectedRead | null>;
  /** Optional: add notes/comments to cells (only when the user asks). */
  addNotes?(sheet: string, notes: { address: string; text: string }[]): Promise<void>;
}
