/**
 * The first look at a file's bytes, before any parser sees them: the format is picked by content,
 * never by the name (a web system's "Excel export" is often an HTML table named .xls, an old .xls is
 * often renamed .xlsx), and every way a file can fail to open becomes an UnreadableFileError with a
 * bilingual reason. Host-neutral: Uint8Array only, so it runs in Node and in a Web Worker.
 */

import { UnreadableFileError } from './errors';
import { mb, ZipArchive } from './zip';

export { UnreadableFileError, WorkbookTooLargeError, type UnreadableCode } from './errors';
export { mb, MAX_COMPRESSION_RATIO, MAX_ENTRY_UNCOMPRESSED_BYTES, MAX_TOTAL_UNCOMPRESSED_BYTES, MIN_RATIO_CHECK_BYTES, MAX_ZIP_ENTRIES } from './zip';

/** Files above this size are refused (a district workbook is a few MB; 300 schools' files are smaller). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

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

/** Refuses bytes above MAX_FILE_BYTES (the hosts check the size on disk first when they can). */
export function checkFileSize(file: string, size: number): void {
  if (size > MAX_FILE_BYTES) throw new UnreadableFileError(file, 'too_large', { size: mb(size), max: mb(MAX_FILE_BYTES) });
}

export type SniffedFormat = 'xlsx' | 'xls' | 'html' | 'xml2003';

/** The start of a text file as text (UTF-8, or UTF-16 with a byte-order mark), or null for binary bytes. */
export function textStart(bytes: Uint8Array, max = 4096): string | null {
  const head = bytes.subarray(0, Math.min(bytes.length, max));
  let text: string;
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    text = new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head.subarray(2));
  } else {
    const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    text = new TextDecoder('utf-8').decode(head.subarray(start));
  }
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  // A multi-byte character cut at the end of the window counts as one bad character.
  return bad <= Math.max(2, text.length / 100) ? text : null;
}

/**
 * Picks the format by content: zip (PK) → .xlsx; OLE2 compound file (D0 CF 11 E0) → .xls, unless it
 * holds an encrypted package; HTML with a table or an XML Spreadsheet 2003 → read as such; any other
 * text (CSV, TXT) and anything else → refused with a reason that says what it is.
 */
export function sniffFormat(file: string, bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) throw new UnreadableFileError(file, 'empty');
  if (bytes.length >= 8 && OLE2_MAGIC.every((b, i) => bytes[i] === b)) {
    // An OLE2 compound file: a legacy .xls, or an Office-encrypted (password) workbook of any kind.
    if (includesBytes(bytes, ENCRYPTION_INFO) || includesBytes(bytes, ENCRYPTED_PACKAGE)) throw new UnreadableFileError(file, 'encrypted');
    return 'xls';
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  // BIFF2–BIFF5 written raw, without the compound file (very old Excel): BOF record 09 00|02|04|08.
  if (bytes.length >= 4 && bytes[0] === 0x09 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04 || bytes[1] === 0x08) && bytes[3] === 0x00) return 'xls';
  const text = textStart(bytes);
  if (text === null) throw new UnreadableFileError(file, 'unknown_format');
  const t = text.replace(/^\s+/, '').slice(0, 4096).toLowerCase();
  if (t.startsWith('<')) {
    if (/urn:schemas-microsoft-com:office:spreadsheet/.test(t) && /<(\w+:)?workbook\b/.test(t)) return 'xml2003';
    if (/<(!doctype\s+html|html|table|head|body|meta|style|tr|td)\b/.test(t)) return 'html';
    if (/<(\w+:)?workbook\b/.test(t) || /<\?mso-application\s+progid="excel\.sheet"/.test(t)) return 'xml2003';
  }
  throw new UnreadableFileError(file, 'text_file');
}

/** Opens the zip of an .xlsx (the checks of ./zip: bombs, entries); throws for anything that is not one. */
export function inspectBytes(file: string, bytes: Uint8Array): ZipArchive {
  const format = sniffFormat(file, bytes);
  if (format === 'xls') throw new UnreadableFileError(file, 'xls');
  if (format !== 'xlsx') throw new UnreadableFileError(file, 'not_zip');
  return ZipArchive.open(file, bytes);
}

