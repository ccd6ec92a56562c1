/**
 * Workbook files → WorkbookSnapshot (or a row stream) for the command line: the Node side (fs, native
 * zlib) around the host-neutral reader in src/xlsx/read.ts, which the task pane's worker shares.
 * Re-exports the reader's errors, inspection and limits so that the CLI's importers keep one place
 * to import from. Whatever the file is (.xlsx, .xls, an HTML table named .xls), the format is picked
 * by content; a folder, a device, a pipe or an unreadable file is refused in both languages.
 */
import { promises as fs } from 'node:fs';
import zlib from 'node:zlib';
import type { WorkbookSnapshot } from '../core/types';
import { checkFileSize, loadWorkbookBytes, openWorkbookBytes, UnreadableFileError, type LoadOptions, type WorkbookSource } from '../xlsx/read';

export {
  inspectBytes,
  MAX_COMPRESSION_RATIO,
  MAX_ENTRY_UNCOMPRESSED_BYTES,
  MAX_FILE_BYTES,
  MAX_TOTAL_UNCOMPRESSED_BYTES,
  MIN_RATIO_CHECK_BYTES,
  UnreadableFileError,
  type UnreadableCode,
} from '../xlsx/read';

/** Node's native raw inflate, bounded (a zip bomb stops at `maxOutput`). */
export function nodeInflateRaw(data: Uint8Array, maxOutput: number): Uint8Array {
  return zlib.inflateRawSync(data, { maxOutputLength: maxOutput });
}

/** The bytes of a file, after checking that it is a regular, readable file within the size limit. */
export async function readFileBytes(path: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    throw new UnreadableFileError(path, (e as NodeJS.ErrnoException)?.code === 'EACCES' ? 'no_access' : 'missing');
  }
  if (stat.isDirectory()) throw new UnreadableFileError(path, 'not_a_file');
  // A device (/dev/zero), a FIFO or a socket: reading it could block or never end.
  if (!stat.isFile()) throw new UnreadableFileError(path, 'special_file');
  // Checked on disk so that a huge file is never read into memory.
  checkFileSize(path, stat.size);
  try {
    return await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new UnreadableFileError(path, code === 'EACCES' || code === 'EPERM' ? 'no_access' : code === 'EISDIR' ? 'not_a_file' : 'missing');
  }
}

/** Read a workbook file into a snapshot; throws UnreadableFileError with a bilingual reason. */
export async function loadWorkbookFile(path: string, opts: LoadOptions = {}): Promise<WorkbookSnapshot> {
  return loadWorkbookBytes(await readFileBytes(path), path, { inflateRaw: nodeInflateRaw, ...opts });
}

/** Opens a workbook file for streaming its rows (one sheet at a time, nothing kept). */
export async function openWorkbookFile(path: string, opts: LoadOptions = {}): Promise<WorkbookSource> {
  return openWorkbookBytes(await readFileBytes(path), path, { inflateRaw: nodeInflateRaw, ...opts });
}

/** Same as loadWorkbookFile for bytes already in memory. */
export async function loadWorkbookBuffer(buf: Uint8Array, fileName: string, opts: LoadOptions = {}): Promise<WorkbookSnapshot> {
  return loadWorkbookBytes(buf, fileName, { inflateRaw: nodeInflateRaw, ...opts });
}
