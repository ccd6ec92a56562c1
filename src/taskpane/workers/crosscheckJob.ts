/** The cross-check of school files against the open workbook, as one job (run in a Web Worker). */
import { createCrossCheck } from '../../core/crosscheck';
import type { CrossCheckResult } from '../../core/crosscheck/types';
import { msg } from '../../core/i18n';
import type { Settings } from '../../core/settings';
import { readWorkbook } from '../../core/sheets/read';
import type { WorkbookSnapshot } from '../../core/types';
import { UnreadableFileError } from '../../xlsx/errors';
import { validate } from '../services/rules';
import type { Progress, SchoolFile } from '../services/types';

export type ReadXlsx = (name: string, data: ArrayBuffer) => Promise<WorkbookSnapshot>;

export async function runCrossCheckJob(
  master: WorkbookSnapshot,
  files: SchoolFile[],
  settings: Settings,
  onProgress: (p: Progress) => void,
  readXlsx: ReadXlsx,
): Promise<CrossCheckResult> {
  const read = (s: WorkbookSnapshot) => readWorkbook(s, { schoolYear: settings.schoolYear });
  const session = createCrossCheck(read(master), { read, validate: (p) => validate(p, settings), lang: settings.lang });
  onProgress({ done: 0, total: files.length });
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    try {
      session.addSubmission(await readXlsx(f.name, f.data));
    } catch (e) {
      // The bare reason: the engine's message already says "Không đọc được tệp {file}: …".
      const reason = e instanceof UnreadableFileError ? e.reason : msg('xlsx.unopenable', { detail: e instanceof Error ? e.message : String(e) });
      session.addSubmission({ file: f.name, reason });
    }
    onProgress({ done: i + 1, total: files.length, file: f.name });
  }
  return session.finish();
}
