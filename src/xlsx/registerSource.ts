/**
 * Register files (.xlsx and legacy .xls, BIFF8) → rows for src/core/register. Host-neutral (bytes in,
 * no Node globals): the command line and its worker processes use it, and so can the task pane's
 * worker. Content is sniffed (OLE2 vs zip), never trusted from the extension; limits and refusals
 * are the reader's (src/xlsx/inspect). SheetJS CE (@e965/xlsx) reads both formats; it is imported
 * on demand so a refused file never loads it.
 */
import type { CellValue } from '../core/types';
import { RegisterFileOptions, RegisterFileResult, RegisterSheetReader, isRegisterSheetName, HEAD_ROWS } from '../core/register/file';
import { finding } from '../core/findings';
import { checkFileSize, includesBytes, inspectBytes, UnreadableFileError } from './inspect';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (s: string) => new Uint8Array([...s].flatMap((ch) => [ch.charCodeAt(0), 0]));
const ENCRYPTION_INFO = utf16('EncryptionInfo');
const ENCRYPTED_PACKAGE = utf16('EncryptedPackage');

type SheetJS = typeof import('@e965/xlsx');
let lib: SheetJS | null = null;
async function sheetjs(): Promise<SheetJS> {
  if (!lib) {
    const mod = (await import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx')) as unknown as SheetJS & { default?: SheetJS };
    lib = (mod.default && typeof mod.default.read === 'function' ? mod.default : mod) as SheetJS;
  }
  return lib;
}

interface SjsCell {
  t: string;
  v?: unknown;
  w?: string;
}

function cellOf(c: SjsCell | undefined): CellValue {
  if (!c || c.v === undefined || c.v === null) return null;
  switch (c.t) {
    case 'n':
      return typeof c.v === 'number' && Number.isFinite(c.v) ? c.v : null;
    case 's':
    case 'str':
      return c.v === '' ? null : String(c.v);
    case 'b':
      return !!c.v;
    case 'd':
      return c.v instanceof Date ? c.v : null;
    case 'e':
      return { error: c.w ?? '#VALUE!' };
    default:
      return null;
  }
}

/** The register in one file; an unreadable file throws UnreadableFileError with a bilingual reason. */
export async function readRegisterBytes(bytes: Uint8Array, opts: RegisterFileOptions & { assumeRegister?: boolean }): Promise<RegisterFileResult> {
  const file = opts.file;
  checkFileSize(file, bytes.length);
  if (bytes.length === 0) throw new UnreadableFileError(file, 'empty');
  const ole = bytes.length >= 8 && OLE2.every((b, i) => bytes[i] === b);
  if (ole) {
    if (includesBytes(bytes, ENCRYPTION_INFO) || includesBytes(bytes, ENCRYPTED_PACKAGE)) throw new UnreadableFileError(file, 'encrypted');
  } else {
    await inspectBytes(file, bytes);
  }
  const X = await sheetjs();
  let wb: import('@e965/xlsx').WorkBook;
  try {
    // .xlsx: the sheet names first (cheap: workbook.xml only), then only the register sheet is parsed.
    // .xls: one pass (its sheet list costs the parse of the whole compound file).
    const byName = ole ? undefined : X.read(bytes, { type: 'array', bookSheets: true }).SheetNames.find(isRegisterSheetName);
    wb = X.read(bytes, { type: 'array', dense: true, cellDates: true, cellFormula: false, cellHTML: false, cellText: false, cellStyles: false, ...(byName ? { sheets: byName } : {}) });
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : '';
    throw new UnreadableFileError(file, /password|encrypt/i.test(detail) ? 'encrypted' : 'corrupt_xlsx', { detail });
  }
  const names = wb.SheetNames;
  const order = [...names.filter(isRegisterSheetName), ...names.filter((n) => !isRegisterSheetName(n))];
  for (const name of order) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const res = feedSheet(ws, new RegisterSheetReader(opts, name, isRegisterSheetName(name)));
    if (res.isRegister) return res;
  }
  // No sheet recognised: when the caller says the file is a register, read its first sheet by the standard positions.
  if (opts.assumeRegister && names.length && wb.Sheets[names[0]]) return feedSheet(wb.Sheets[names[0]], new RegisterSheetReader(opts, names[0], true));
  return notARegister(opts);
}

/** Does the workbook have a register sheet (MauNhapLieu / DATA)? Reads the sheet names only. */
export async function hasRegisterSheet(bytes: Uint8Array): Promise<boolean> {
  try {
    const X = await sheetjs();
    return X.read(bytes, { type: 'array', bookSheets: true }).SheetNames.some(isRegisterSheetName);
  } catch {
    return false;
  }
}

export function notARegister(opts: RegisterFileOptions): RegisterFileResult {
  const reader = new RegisterSheetReader(opts, '', false);
  const res = reader.finish();
  res.sheet = null;
  res.findings.push(finding('dk_khong_phai_so_dang_ky', 'register.dk_khong_phai_so_dang_ky', { file: opts.baseName }, { file: opts.file, cells: [] }));
  return res;
}

function feedSheet(ws: import('@e965/xlsx').WorkSheet, reader: RegisterSheetReader): RegisterFileResult {
  const data = (ws as unknown as { '!data'?: (SjsCell[] | undefined)[] })['!data'] ?? [];
  // Merged areas: SheetJS keeps the value in the first cell only (as Excel does): nothing to undo.
  const row: CellValue[] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) {
      reader.row(r, []);
      continue;
    }
    row.length = src.length;
    for (let c = 0; c < src.length; c++) row[c] = cellOf(src[c]);
    reader.row(r, r < HEAD_ROWS ? row.slice() : row);
  }
  return reader.finish();
}
