/**
 * The workbook of the browser app ("Báo cáo GD trên trình duyệt"): a file picked from disk (.xlsx,
 * .xls), read into memory by the host-neutral reader of src/xlsx. Everything the pane does (report
 * sheet, Tổng hợp, templates, highlights, notes) happens on that copy in memory; the user then
 * downloads a NEW .xlsx with the results. The picked file is never written.
 */
import type { WorkbookSnapshot } from '../../core/types';
import { MemoryWorkbookPort, type MemoryWorkbookOptions } from '../harness/memoryWorkbook';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class FileWorkbookPort extends MemoryWorkbookPort {
  constructor(
    /** The picked file's name (the snapshot's fileName). */
    readonly sourceName: string,
    snapshot: WorkbookSnapshot,
    opts: MemoryWorkbookOptions = {},
  ) {
    super(snapshot, opts);
  }

  /** Sheets the pane added since the file was opened. */
  get addedSheets(): string[] {
    return this.writes.map((w) => w.result.sheetName);
  }

  /** "quan12.xls" → "quan12-ket-qua.xlsx": never the picked file's own name. */
  resultFileName(): string {
    const base = this.sourceName.replace(/\.(xlsx|xlsm|xls)$/i, '') || 'so-tinh';
    return `${base}-ket-qua.xlsx`;
  }

  /** The results workbook: the file's sheets as read, the added sheets, the fills and notes. */
  async resultBytes(): Promise<Uint8Array> {
    const added = new Map(this.writes.map((w) => [w.result.sheetName, w.plan]));
    // ExcelJS loads only now, in its own chunk.
    const { resultsWorkbookBytes } = await import(/* webpackChunkName: "results" */ '../../xlsx/results');
    return resultsWorkbookBytes({
      sheets: this.sheets.map((s) => ({ snapshot: s, plan: added.get(s.name) })),
      highlights: this.highlights,
      notes: this.notes,
      activeSheet: this.addedSheets[this.addedSheets.length - 1] ?? this.activeSheet,
    });
  }
}
