/**
 * .xlsx files → WorkbookSnapshot with ExcelJS (the CLI's host). Every way a file can fail to open
 * becomes an UnreadableFileError with a bilingual reason, never a stack trace. The zip is inspected
 * with JSZip first so that a renamed .xls, an encrypted workbook or a zip bomb never reaches ExcelJS.
 */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Bilingual } from '../core/findings';
import { msg } from '../core/i18n';
import { formatNumber } from '../core/format/vn';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/types';

/** Files above this size are refused (a district workbook is a few MB; 300 schools' files are smaller). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** A single zip entry may not expand beyond this (a 100.000-row sheet is ~15 MB of XML). */
export const MAX_ENTRY_UNCOMPRESSED_BYTES = 300 * 1024 * 1024;
/** All entries together may not expand beyond this. */
export const MAX_TOTAL_UNCOMPRESSED_BYTES = 600 * 1024 * 1024;
/** Compression ratios above this on entries larger than MIN_RATIO_CHECK_BYTES look like a zip bomb. */
export const MAX_COMPRESSION_RATIO = 200;
export const MIN_RATIO_CHECK_BYTES = 10 * 1024 * 1024;

export type UnreadableCode = 'missing' | 'not_a_file' | 'empty' | 'too_large' | 'xls' | 'encrypted' | 'not_zip' | 'corrupt_zip' | 'zip_bomb' | 'not_xlsx' | 'corrupt_xlsx' | 'too_many_cells' | 'too_many_rows' | 'too_many_strings';

export class UnreadableFileError extends Error {
  readonly reason: Bilingual;
  constructor(
    readonly file: string,
    readonly code: UnreadableCode,
    params: Record<string, string | number> = {},
  ) {
    const reason = msg(`xlsx.${code}`, params);
    super(`${file}: ${reason.vi} / ${reason.en}`);
    this.name = 'UnreadableFileError';
    this.reason = reason;
  }
}

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

function mb(bytes: number): string {
  return formatNumber(bytes / (1024 * 1024), { decimals: 1, keepTrailingZeros: false });
}

/** Classify the bytes before any parser sees them. */
export async function inspectBytes(file: string, buf: Buffer): Promise<JSZip> {
  if (buf.length === 0) throw new UnreadableFileError(file, 'empty');
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE2_MAGIC)) {
    // An OLE2 compound file: either a legacy .xls or an Office-encrypted (password) workbook.
    if (buf.includes(ENCRYPTION_INFO) || buf.includes(ENCRYPTED_PACKAGE)) throw new UnreadableFileError(file, 'encrypted');
    throw new UnreadableFileError(file, 'xls');
  }
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) throw new UnreadableFileError(file, 'not_zip');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch {
    throw new UnreadableFileError(file, 'corrupt_zip');
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    // JSZip keeps the central-directory sizes on the (undocumented) _data record.
    const data = (entry as unknown as { _data?: { uncompressedSize?: number; compressedSize?: number } })._data;
    const size = data?.uncompressedSize ?? 0;
    const packed = data?.compressedSize ?? 0;
    total += size;
    const ratio = packed > 0 ? size / packed : 0;
    if (size > MAX_ENTRY_UNCOMPRESSED_BYTES || total > MAX_TOTAL_UNCOMPRESSED_BYTES || (size > MIN_RATIO_CHECK_BYTES && ratio > MAX_COMPRESSION_RATIO)) {
      throw new UnreadableFileError(file, 'zip_bomb', { entry: entry.name, size: mb(size) });
    }
  }
  if (!zip.file('xl/workbook.xml') && !Object.keys(zip.files).some((n) => /^xl\/workbook\d*\.xml$/i.test(n))) {
    throw new UnreadableFileError(file, 'not_xlsx');
  }
  return zip;
}

/* ---------------------------------------------------------------- cell conversion */

function richText(v: { richText?: { text: string }[] }): string {
  return (v.richText ?? []).map((r) => r.text ?? '').join('');
}

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if ('formula' in o || 'sharedFormula' in o) return toCellValue(o.result);
    if (Array.isArray(o.richText)) return richText(o as { richText: { text: string }[] });
    if ('text' in o) {
      const t = o.text;
      return typeof t === 'string' ? t : t && typeof t === 'object' ? richText(t as { richText: { text: string }[] }) : null;
    }
  }
  return null;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const internal = (ws as unknown as { _merges?: Record<string, { range?: string; model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  if (!internal) return [];
  const out: string[] = [];
  for (const m of Object.values(internal)) {
    if (typeof m?.range === 'string') out.push(m.range);
  }
  return out;
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const line: CellValue[] = [];
    const fmts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.isMerged && cell.master !== cell) return; // merged slaves repeat the master's value
      const v = toCellValue(cell.value);
      if (v === null) return;
      line[c] = v;
      if (typeof v === 'number') {
        const f = cell.numFmt;
        if (f) fmts[c] = f;
      }
    });
    if (line.length > width) width = line.length;
    values[r] = line;
    formats[r] = fmts;
  });
  // Dense rectangle from A1 (the core indexes rows and columns directly).
  const height = values.length;
  const dense: CellValue[][] = new Array(height);
  const denseFmt: string[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const src = values[r];
    const fsrc = formats[r];
    const line: CellValue[] = new Array(width);
    const fl: string[] = new Array(width);
    for (let c = 0; c < width; c++) {
      line[c] = src?.[c] ?? null;
      fl[c] = fsrc?.[c] ?? 'General';
    }
    dense[r] = line;
    denseFmt[r] = fl;
  }
  const snap: SheetSnapshot = { name: ws.name, origin: { row: 0, col: 0 }, values: dense, numberFormats: denseFmt };
  const merges = mergesOf(ws);
  if (merges.length) snap.merges = merges;
  if (ws.state && ws.state !== 'visible') snap.hidden = true;
  return snap;
}

/** Read an .xlsx file into a snapshot; throws UnreadableFileError with a bilingual reason. */
export async function loadWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new UnreadableFileError(path, 'missing');
  }
  if (!stat.isFile()) throw new UnreadableFileError(path, 'not_a_file');
  if (stat.size > MAX_FILE_BYTES) throw new UnreadableFileError(path, 'too_large', { size: mb(stat.size), max: mb(MAX_FILE_BYTES) });
  let buf: Buffer;
  try {
    buf = await fs.readFile(path);
  } catch {
    throw new UnreadableFileError(path, 'missing');
  }
  return loadWorkbookBuffer(buf, path);
}

/** Same as loadWorkbookFile for bytes already in memory. */
export async function loadWorkbookBuffer(buf: Buffer, fileName: string): Promise<WorkbookSnapshot> {
  if (buf.length > MAX_FILE_BYTES) throw new UnreadableFileError(fileName, 'too_large', { size: mb(buf.length), max: mb(MAX_FILE_BYTES) });
  const zip = await inspectBytes(fileName, buf);
  // Count cells/rows/strings on the zip before ExcelJS builds its object model (bounded memory).
  // Loaded lazily: xlsx-limits imports this module's error class.
  const { checkWorkbookLimits } = await import('./xlsx-limits');
  await checkWorkbookLimits(fileName, zip);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : '';
    throw new UnreadableFileError(fileName, 'corrupt_xlsx', { detail });
  }
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetSnapshot(ws));
  });
  return { fileName, sheets };
}
