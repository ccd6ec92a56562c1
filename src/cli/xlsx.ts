/**
 * .xlsx files → WorkbookSnapshot for the command line: the Node side (fs) around the host-neutral
 * reader in src/xlsx/read.ts, which the task pane's worker shares. Re-exports the reader's errors,
 * inspection and limits so that the CLI's importers keep one place to import from.
 */
import { promises as fs } from 'node:fs';
import type { WorkbookSnapshot } from '../core/types';
import { checkFileSize, loadWorkbookBytes, UnreadableFileError } from '../xlsx/read';

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

/** Read an .xlsx file into a snapshot; throws UnreadableFileError with a bilingual reason. */
export async function loadWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new UnreadableFileError(path, 'missing');
  }
  if (!stat.isFile()) throw new UnreadableFileError(path, 'not_a_file');
  // Checked on disk so that a huge file is never read into memory.
  checkFileSize(path, stat.size);
  let buf: Buffer;
  try {
    buf = await fs.readFile(path);
  } catch {
    throw new UnreadableFileError(path, 'missing');
  }
  return loadWorkbookBytes(buf, path);
}

/** Same as loadWorkbookFile for bytes already in memory. */
export async function loadWorkbookBuffer(buf: Uint8Array, fileName: string): Promise<WorkbookSnapshot> {
  return loadWorkbookBytes(buf, fileName);
}
