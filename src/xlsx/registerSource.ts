/**
 * Register files → rows for src/core/register, through the one reader (./read.ts): the format is
 * picked by content (.xlsx streamed by our own reader, legacy .xls through SheetJS CE, the HTML and
 * XML 2003 "Excel exports"), with its refusals and bilingual messages. Host-neutral (bytes in, no Node
 * globals): the command line and its worker processes use it, and so can the task pane's worker.
 * The register sheet's rows are streamed into the RegisterSheetReader, nothing else is kept, so the
 * cell limits of a snapshot do not apply here; the row, spread, merge and sheet limits do.
 */
import type { CellValue } from '../core/types';
import { RegisterFileOptions, RegisterFileResult, RegisterSheetReader, isRegisterSheetName, HEAD_ROWS } from '../core/register/file';
import { finding } from '../core/findings';
import { limitsWith, openWorkbookBytes, sniffFormat, type RowCells, type SheetInfo, type WorkbookSource } from './read';
import { MAX_SPREAD, type WorkbookLimits } from './limits';
import type { InflateRaw } from './zip';

/**
 * A register is streamed, never held: a commune of 30.000 people × 70 columns is 2.100.000 cells,
 * past the 1.000.000 a snapshot may hold. Its spread stays bounded (a stray far cell costs what its
 * row costs).
 */
export const REGISTER_LIMITS: Partial<WorkbookLimits> = { cells: 50_000_000, spread: 10 * MAX_SPREAD };

export interface RegisterBytesOptions extends RegisterFileOptions {
  assumeRegister?: boolean;
  /** A native raw inflater of the host (Node's zlib). */
  inflateRaw?: InflateRaw;
}

/** The register in one file; an unreadable file throws UnreadableFileError with a bilingual reason. */
export async function readRegisterBytes(bytes: Uint8Array, opts: RegisterBytesOptions, opened?: WorkbookSource): Promise<RegisterFileResult> {
  const source = opened ?? (await openRegisterSource(bytes, opts));
  const sheets = source.sheets;
  const order = [...sheets.filter((s) => isRegisterSheetName(s.name)), ...sheets.filter((s) => !isRegisterSheetName(s.name))];
  for (const s of order) {
    const res = feedSheet(source, s, new RegisterSheetReader(opts, s.name, isRegisterSheetName(s.name)), false);
    if (res.isRegister) return res;
  }
  // No sheet recognised: when the caller says the file is a register, read its first sheet by the standard positions.
  if (opts.assumeRegister && sheets.length) return feedSheet(source, sheets[0], new RegisterSheetReader(opts, sheets[0].name, true), true);
  return notARegister(opts);
}

function openRegisterSource(bytes: Uint8Array, opts: RegisterBytesOptions): Promise<WorkbookSource> {
  return openWorkbookBytes(bytes, opts.file, { limits: REGISTER_LIMITS, inflateRaw: opts.inflateRaw, valuesOnly: true });
}

/** Does the workbook have a register sheet (MauNhapLieu / DATA)? Reads the sheet names only. */
export async function hasRegisterSheet(bytes: Uint8Array, inflateRaw?: InflateRaw): Promise<boolean> {
  try {
    // .xls: opening it parses every sheet; its workbook globals name the sheets.
    if (sniffFormat('register', bytes) === 'xls') {
      const { xlsSheetNamesForValues } = await import(/* webpackChunkName: "xls" */ './xls');
      return xlsSheetNamesForValues(bytes, limitsWith(REGISTER_LIMITS)).some(isRegisterSheetName);
    }
    const source = await openWorkbookBytes(bytes, 'register', { limits: REGISTER_LIMITS, inflateRaw });
    return source.sheets.some((s) => isRegisterSheetName(s.name));
  } catch {
    return false;
  }
}

/**
 * The register in a file that has a register sheet (what hasRegisterSheet tells), read as
 * readRegisterBytes reads it with `assumeRegister`; null for any other file (unreadable ones too),
 * which is then left to the other readers. The file is opened once for both.
 */
export async function readRegisterIfAny(bytes: Uint8Array, opts: RegisterBytesOptions): Promise<RegisterFileResult | null> {
  let source: WorkbookSource | null = null;
  try {
    if (sniffFormat('register', bytes) === 'xls') {
      const { openXlsDirectOrNull, xlsSheetNames } = await import(/* webpackChunkName: "xls" */ './xls');
      source = openXlsDirectOrNull(bytes, opts.file, limitsWith(REGISTER_LIMITS));
      // Not taken by the direct reader (or refused: its reader says why): SheetJS names the sheets before the whole file is parsed.
      if (!source && !xlsSheetNames(bytes).some(isRegisterSheetName)) return null;
    } else source = await openRegisterSource(bytes, opts);
  } catch {
    return null;
  }
  if (source && !source.sheets.some((s) => isRegisterSheetName(s.name))) return null;
  return readRegisterBytes(bytes, { ...opts, assumeRegister: true }, source ?? undefined);
}

export function notARegister(opts: RegisterFileOptions): RegisterFileResult {
  const reader = new RegisterSheetReader(opts, '', false);
  const res = reader.finish();
  res.sheet = null;
  res.findings.push(finding('dk_khong_phai_so_dang_ky', 'register.dk_khong_phai_so_dang_ky', { file: opts.baseName }, { file: opts.file, cells: [] }));
  return res;
}

/**
 * One sheet's rows into the register reader, as dense rows from row 0 (a row without cells is an
 * empty row, as the reader counts blank rows). A sheet that is not a register is left after its head.
 */
function feedSheet(source: WorkbookSource, sheet: SheetInfo, reader: RegisterSheetReader, forced: boolean): RegisterFileResult {
  const row: CellValue[] = [];
  const empty: CellValue[] = [];
  let next = 0;
  const gapTo = (index: number): boolean => {
    for (; next < index; next++) {
      reader.row(next, next < HEAD_ROWS ? [] : empty);
      if (!forced && next >= HEAD_ROWS && !reader.result.isRegister) return false;
    }
    return true;
  };
  source.readRows(sheet, (r: RowCells) => {
    if (!gapTo(r.index)) return false;
    const width = r.length ? r.cols[r.length - 1] + 1 : 0;
    const dest = r.index < HEAD_ROWS ? new Array<CellValue>(width).fill(null) : row;
    if (dest === row) {
      row.length = width;
      row.fill(null);
    }
    for (let k = 0; k < r.length; k++) {
      const v = r.values[k];
      dest[r.cols[k]] = v === '' || v === undefined ? null : v;
    }
    reader.row(r.index, dest);
    next = r.index + 1;
    if (!forced && r.index >= HEAD_ROWS && !reader.result.isRegister) return false;
    return undefined;
  });
  return reader.finish();
}
