/**
 * Workbook bytes → rows or snapshot, for every host that reads files: the command line
 * (src/cli/xlsx.ts) and the task pane's file pickers and worker (src/taskpane/workers/xlsx.ts).
 * Host-neutral (Uint8Array, no Node globals).
 *
 * One door, two ways through it:
 * - `openWorkbookBytes` gives a WorkbookSource: the sheets, and each sheet's rows as a stream that
 *   holds only the cells that exist (what a reader of a million register rows needs);
 * - `loadWorkbookBytes` gives a WorkbookSnapshot: every sheet as a sparse random-access grid (what
 *   the template reader needs).
 * The format is picked by content (./inspect.ts): .xlsx streamed from its zip by our own reader
 * (./ooxml.ts), legacy .xls (BIFF8) through SheetJS CE, loaded on demand (./xls.ts), and the HTML
 * tables and XML Spreadsheet 2003 files that web systems save as ".xls" (./text-formats.ts). The
 * same limits, refusals and bilingual messages for all.
 */
import type { WorkbookSnapshot } from '../core/types';
import { UnreadableFileError } from './errors';
import { checkFileSize, sniffFormat } from './inspect';
import { countSource, limitsWith, type WorkbookCounts, type WorkbookLimits } from './limits';
import { openOoxml } from './ooxml';
import type { WorkbookSource } from './rows';
import { readSheetSnapshot } from './snapshot';
import { ZipArchive, type InflateRaw } from './zip';

export * from './inspect';
export * from './limits';
export type { FileFormat, RowCells, RowHandler, SheetInfo, SheetSummary, WorkbookSource } from './rows';

export interface LoadOptions {
  /** Also return each cell's formula text ("=SUM(B2:B9)") in `formulas`. */
  formulas?: boolean;
  /** Tighter limits than the defaults (tests, a caller with its own budget). */
  limits?: Partial<WorkbookLimits>;
  /** A native raw inflater of the host (Node's zlib); the portable one (fflate) otherwise. */
  inflateRaw?: InflateRaw;
  /** Values only, never formula text (`readRows` without `formulas`): an .xls may then be read directly (./biff8.ts). */
  valuesOnly?: boolean;
}

function asBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Anything thrown that is not our own refusal becomes one: no library message reaches the user. */
function ownError(fileName: string, format: string, e: unknown): UnreadableFileError {
  if (e instanceof UnreadableFileError) return e;
  return new UnreadableFileError(fileName, format === 'xls' ? 'corrupt_xls' : 'corrupt_xlsx');
}

/** Opens workbook bytes of any supported format for streaming; throws UnreadableFileError. */
export async function openWorkbookBytes(data: Uint8Array | ArrayBuffer, fileName: string, opts: LoadOptions = {}): Promise<WorkbookSource> {
  const bytes = asBytes(data);
  checkFileSize(fileName, bytes.length);
  const format = sniffFormat(fileName, bytes);
  const limits = limitsWith(opts.limits);
  try {
    if (format === 'xlsx') return openOoxml(ZipArchive.open(fileName, bytes, opts.inflateRaw), fileName, { limits });
    if (format === 'xls') {
      const { openXls } = await import(/* webpackChunkName: "xls" */ './xls');
      return await openXls(bytes, fileName, { limits, valuesOnly: opts.valuesOnly });
    }
    const { openTextWorkbook } = await import(/* webpackChunkName: "text-formats" */ './text-formats');
    return openTextWorkbook(bytes, fileName, format, { limits });
  } catch (e) {
    throw ownError(fileName, format, e);
  }
}

/** Streams a source into snapshots of all its sheets (a refused sheet refuses the file). */
export function snapshotOf(source: WorkbookSource, opts: LoadOptions = {}): WorkbookSnapshot {
  try {
    const sheets = source.sheets.map((s) => readSheetSnapshot(source, s, { formulas: !!opts.formulas }));
    return { fileName: source.fileName, sheets, format: source.format };
  } catch (e) {
    throw ownError(source.fileName, source.format, e);
  }
}

/** Reads workbook bytes into a snapshot; throws UnreadableFileError with a bilingual reason. */
export async function loadWorkbookBytes(data: Uint8Array | ArrayBuffer, fileName: string, opts: LoadOptions = {}): Promise<WorkbookSnapshot> {
  return snapshotOf(await openWorkbookBytes(data, fileName, opts), opts);
}

/** Counts cells, rows and strings of every sheet without keeping them; throws at the first limit crossed. */
export async function checkFileLimits(file: string, bytes: Uint8Array, limits: Partial<WorkbookLimits> = {}, inflateRaw?: InflateRaw): Promise<WorkbookCounts> {
  const source = await openWorkbookBytes(bytes, file, { limits, inflateRaw });
  try {
    return countSource(source);
  } catch (e) {
    throw ownError(file, source.format, e);
  }
}

/** The same on bytes already known to be an .xlsx (kept for the callers that held a zip). */
export async function checkWorkbookLimits(file: string, bytes: Uint8Array, limits: Partial<WorkbookLimits> = {}, inflateRaw?: InflateRaw): Promise<WorkbookCounts> {
  return checkFileLimits(file, bytes, limits, inflateRaw);
}
