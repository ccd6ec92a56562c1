/**
 * Size limits of a workbook read from a file, the same for every format (.xlsx, .xls, HTML tables).
 * They are counted as the rows stream by (src/xlsx/rows.ts, LimitCounter), so a file is refused at
 * the first limit crossed, before anything large is built, and the message names the limit.
 *
 * Limits (documented in README "Limits"):
 * - MAX_WORKBOOK_CELLS = 1.000.000 cells holding a value or a formula, over all sheets (a province
 *   master of 3.000 schools with QUY_MO, KET_QUA, DINH_DUONG and DOI_NGU is about 250.000 cells);
 * - MAX_SHEET_ROWS = 1.048.576 rows per sheet (Excel's own maximum);
 * - MAX_SHARED_STRINGS = 1.000.000 entries in the shared string table;
 * - MAX_SPREAD = 20.000.000: how far the cells are spread, counted as Σ over rows of (last used
 *   column + 1), which is what a row-by-row walk visits. A stray cell at XFD1048576 costs 16.384, not
 *   17 billion: only cells that exist are stored. 1.000.000 cells over 20 columns is 20.000.000;
 *   XFD filled in every one of 1.221 rows is past it;
 * - MAX_MERGES = 100.000 merged areas per workbook (their ranges are clipped to the used cells);
 * - MAX_SHEETS = 5.000 sheets.
 * File size, zip-bomb ratio and expanded sizes are checked by ./inspect and ./zip.
 */
import type { WorkbookSource } from './rows';

export { WorkbookTooLargeError } from './errors';

export const MAX_WORKBOOK_CELLS = 1_000_000;
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHARED_STRINGS = 1_000_000;
export const MAX_SPREAD = 20_000_000;
export const MAX_MERGES = 100_000;
export const MAX_SHEETS = 5_000;

export interface WorkbookLimits {
  cells: number;
  rows: number;
  sharedStrings: number;
  spread: number;
  merges: number;
  sheets: number;
}

export const DEFAULT_LIMITS: WorkbookLimits = {
  cells: MAX_WORKBOOK_CELLS,
  rows: MAX_SHEET_ROWS,
  sharedStrings: MAX_SHARED_STRINGS,
  spread: MAX_SPREAD,
  merges: MAX_MERGES,
  sheets: MAX_SHEETS,
};

/** Limits given in part (tests, a caller with its own budget) completed with the defaults. */
export function limitsWith(partial: Partial<WorkbookLimits> = {}): WorkbookLimits {
  return { ...DEFAULT_LIMITS, ...partial };
}

export interface WorkbookCounts {
  cells: number;
  /** Per sheet; `entry` is the zip part of an .xlsx sheet. */
  sheets: { name: string; entry?: string; cells: number; rows: number }[];
  sharedStrings: number;
}

/** Streams every sheet without keeping anything: counts, or the first limit crossed (thrown). */
export function countSource(source: WorkbookSource): WorkbookCounts {
  const counts: WorkbookCounts = { cells: 0, sheets: [], sharedStrings: source.sharedStrings ?? 0 };
  for (const s of source.sheets) {
    const sum = source.readRows(s, () => {});
    counts.cells += sum.cells;
    const entry = source.partOf?.(s);
    counts.sheets.push({ name: s.name, ...(entry ? { entry } : {}), cells: sum.cells, rows: sum.rows });
  }
  return counts;
}
