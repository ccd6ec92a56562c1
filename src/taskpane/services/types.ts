/**
 * What the task pane asks of the engine. Components get a Services object (from context), so tests
 * pass fakes and the real one adapts src/core. Nothing here touches Office.js.
 */
import type { Finding, Lang } from '../../core/findings';
import type { Settings } from '../../core/settings';
import type { SheetPlan, WorkbookSnapshot } from '../../core/types';
import type { TemplateId } from '../../core/sheets/types';
import type { ReportModel, ReportParagraph, ReportTable, SectionId } from '../../core/report/model';
import type { CrossCheckResult } from '../../core/crosscheck/types';

export interface RecognisedSheet {
  sheet: string;
  template: TemplateId;
  title: { vi: string; en: string };
  rows: number;
}

export interface CheckResult {
  file: string;
  recognised: RecognisedSheet[];
  unrecognised: string[];
  findings: Finding[];
}

export interface ReportRequest {
  sections: SectionId[];
  /** How many school years to compare in the trends section (the open workbook is the newest). */
  years: number;
  lang: Lang;
  /** Workbooks of earlier school years, for the trends section. */
  previous?: SchoolFile[];
}

export interface ReportBuild {
  model: ReportModel;
  plan: SheetPlan;
}

export interface ClipboardContent {
  html: string;
  text: string;
}

export interface Progress {
  done: number;
  total: number;
  file?: string;
}

/** A school file chosen by the user, already read into memory. */
/**
 * What the pane's file pickers accept: every format the reader reads by content (src/xlsx/read.ts):
 * .xlsx/.xlsm, legacy .xls, and the HTML / XML 2003 files web systems save as .xls.
 */
export const WORKBOOK_FILE_ACCEPT = '.xlsx,.xlsm,.xls,.htm,.html,.xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';

export interface SchoolFile {
  name: string;
  data: ArrayBuffer;
}

export interface TemplateInfo {
  id: TemplateId;
  title: { vi: string; en: string };
}

export interface ThresholdInfo {
  indicator: string;
  label: { vi: string; en: string };
  level: number;
  /** Legal threshold in percent for an ordinary commune. */
  percent: number;
  source: string;
}

/**
 * What the host can do with a file the pane makes (.docx, .xlsx): download it (browsers, Excel on
 * Windows and on the web), or not (Excel on Mac and iPad: their webview ignores downloads), in
 * which case the pane can open the standalone web app in the user's browser, where downloads work.
 */
export type FileDelivery = { kind: 'download' } | { kind: 'open-browser'; openApp: () => void } | { kind: 'none' };

/** Raised by a service whose engine part is not in this build yet; the UI shows a notice. */
export class UnavailableError extends Error {
  constructor(what: string) {
    super(`${what} is not available in this build`);
    this.name = 'UnavailableError';
  }
}

export interface Services {
  check(snapshot: WorkbookSnapshot, settings: Settings): Promise<CheckResult>;
  buildReport(snapshot: WorkbookSnapshot, settings: Settings, req: ReportRequest): Promise<ReportBuild>;
  /** The report as .docx; with an office's template (.docx/.dotx bytes) its frame replaces ours. */
  reportDocx(model: ReportModel, settings: Settings, template?: Uint8Array): Promise<Blob>;
  /** Checks an office's Word template: the places it carries and lacks, or why it cannot be used. */
  inspectDocTemplate(bytes: Uint8Array): Promise<{ ok: true; missing: string[] } | { ok: false; reason: 'not_word' | 'no_body' }>;
  tableClipboard(table: ReportTable): ClipboardContent;
  paragraphClipboard(p: ReportParagraph): ClipboardContent;
  crossCheck(master: WorkbookSnapshot, files: SchoolFile[], settings: Settings, onProgress: (p: Progress) => void): Promise<CrossCheckResult>;
  templates(): TemplateInfo[];
  templatePlan(id: TemplateId, lang: Lang): SheetPlan;
  thresholds(): ThresholdInfo[];
}
