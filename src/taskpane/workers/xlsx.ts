/**
 * Workbook bytes the user picks in the pane (Đối chiếu's school files, Báo cáo's earlier years) →
 * WorkbookSnapshot with formulas, through the same reader as the command line (src/xlsx/read.ts):
 * .xlsx, legacy .xls and web-system HTML/XML exports picked by content, the same refusals of
 * encrypted files and zip bombs, the same limits and bilingual reasons. Loaded only on demand (the
 * worker, or a dynamic import), never in the initial bundle; the .xls library is a further lazy chunk.
 */
import type { WorkbookSnapshot } from '../../core/types';
import { loadWorkbookBytes } from '../../xlsx/read';

export { UnreadableFileError } from '../../xlsx/read';

export function xlsxToSnapshot(fileName: string, data: ArrayBuffer): Promise<WorkbookSnapshot> {
  return loadWorkbookBytes(data, fileName, { formulas: true });
}
