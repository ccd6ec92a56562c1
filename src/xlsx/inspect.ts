/**
 * The first look at a file's bytes, before any parser sees them: every way a file can fail to open
 * becomes an UnreadableFileError with a bilingual reason. A renamed .xls, an encrypted workbook or a
 * zip bomb never reaches ExcelJS. Host-neutral: Uint8Array only, so it runs in Node and in a Web Worker.
 */
import JSZip from 'jszip';
import { formatNumber } from '../core/format/vn';
import { UnreadableFileError } from './errors';

export { UnreadableFileError, type UnreadableCode } from './errors';

/** Files above this size are refused (a district workbook is a few MB; 300 schools' files are smaller). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** A single zip entry may not expand beyond this (a 100.000-row sheet is ~15 MB of XML). */
export const MAX_ENTRY_UNCOMPRESSED_BYTES = 300 * 1024 * 1024;
/** All entries together may not expand beyond this. */
export const MAX_TOTAL_UNCOMPRESSED_BYTES = 600 * 1024 * 1024;
/** Compression ratios above this on entries larger than MIN_RATIO_CHECK_BYTES look like a zip bomb. */
export const MAX_COMPRESSION_RATIO = 200;
export const MIN_RATIO_CHECK_BYTES = 10 * 1024 * 1024;

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

const ENCRYPTION_INFO = utf16le('EncryptionInfo');
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');

/** Whether `needle` occurs in `hay` (what Buffer.includes does, for a plain Uint8Array). */
export function includesBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  const n = needle.length;
  if (n === 0) return true;
  const last = hay.length - n;
  let i = hay.indexOf(needle[0]);
  while (i !== -1 && i <= last) {
    let j = 1;
    while (j < n && hay[i + j] === needle[j]) j++;
    if (j === n) return true;
    i = hay.indexOf(needle[0], i + 1);
  }
  return false;
}

export function mb(bytes: number): string {
  return formatNumber(bytes / (1024 * 1024), { decimals: 1, keepTrailingZeros: false });
}

/** Refuses bytes above MAX_FILE_BYTES (the hosts check the size on disk first when they can). */
export function checkFileSize(file: string, size: number): void {
  if (size > MAX_FILE_BYTES) throw new UnreadableFileError(file, 'too_large', { size: mb(size), max: mb(MAX_FILE_BYTES) });
}

/** Classify the bytes before any parser sees them; returns the opened zip of an .xlsx. */
export async function inspectBytes(file: string, bytes: Uint8Array): Promise<JSZip> {
  if (bytes.length === 0) throw new UnreadableFileError(file, 'empty');
  if (bytes.length >= 8 && OLE2_MAGIC.every((b, i) => bytes[i] === b)) {
    // An OLE2 compound file: either a legacy .xls or an Office-encrypted (password) workbook.
    if (includesBytes(bytes, ENCRYPTION_INFO) || includesBytes(bytes, ENCRYPTED_PACKAGE)) throw new UnreadableFileError(file, 'encrypted');
    throw new UnreadableFileError(file, 'xls');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UnreadableFileError(file, 'not_zip');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
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
