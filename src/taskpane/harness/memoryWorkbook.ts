/**
 * An in-memory WorkbookPort over a WorkbookSnapshot: the host of the task pane outside Excel (the
 * browser harness, demos) and of the pane's tests. It records what a host would do (selections,
 * written sheets, highlights, notes) so callers can assert on it. An adapter, so it lives beside
 * the pane that uses it, not in src/core.
 */
import type { CellValue, ColumnsPlan, SelectedRead, SheetHead, SheetPlan, SheetSnapshot, WorkbookPort, WorkbookSnapshot, WriteResult } from '../../core/types';
import { parseA1, parseA1Range, toA1 } from '../../core/a1';
import { uniqueSheetName } from '../../core/sheetNames';

export interface RecordedSelection {
  sheet: string;
  address: string;
}

export interface RecordedHighlight {
  sheet: string;
  addresses: string[];
  color: string;
}

export interface RecordedNotes {
  sheet: string;
  notes: { address: string; text: string }[];
}

export interface MemoryWorkbookOptions {
  /** Called after every change (selection, new sheet …), e.g. to re-render a harness grid. */
  onChange?: (port: MemoryWorkbookPort) => void;
}

function cloneSheet(s: SheetSnapshot): SheetSnapshot {
  return {
    ...s,
    origin: { ...s.origin },
    // Sparse snapshots (rows missing) stay sparse; a missing row may also arrive as undefined or null.
    values: s.values.map((r) => (r ? r.slice() : [])),
    numberFormats: s.numberFormats?.map((r) => (r ? r.slice() : [])),
    formulas: s.formulas?.map((r) => (r ? r.slice() : [])),
    merges: s.merges?.slice(),
  };
}

/** Grid of `rows`×`cols` filled with `fill`. */
function grid<T>(rows: number, cols: number, fill: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => fill));
}

export class MemoryWorkbookPort implements WorkbookPort {
  readonly fileName: string;
  readonly sheets: SheetSnapshot[];
  readonly selections: RecordedSelection[] = [];
  readonly writes: { plan: SheetPlan; result: WriteResult }[] = [];
  readonly highlights: RecordedHighlight[] = [];
  readonly notes: RecordedNotes[] = [];
  /** The sheet shown to the user (the last selected or written). */
  activeSheet: string | undefined;
  private readonly onChange?: (port: MemoryWorkbookPort) => void;

  constructor(snapshot: WorkbookSnapshot, opts: MemoryWorkbookOptions = {}) {
    this.fileName = snapshot.fileName;
    this.sheets = snapshot.sheets.map(cloneSheet);
    this.activeSheet = this.sheets.find((s) => !s.hidden)?.name;
    this.onChange = opts.onChange;
  }

  get lastSelection(): RecordedSelection | undefined {
    return this.selections[this.selections.length - 1];
  }

  sheet(name: string): SheetSnapshot | undefined {
    const key = name.toLocaleLowerCase('vi');
    return this.sheets.find((s) => s.name.toLocaleLowerCase('vi') === key);
  }

  /** The value at an A1 address of a sheet (null for blank or out of the used range). */
  cell(sheetName: string, address: string): CellValue {
    const s = this.sheet(sheetName);
    const p = parseA1(address);
    if (!s || !p) return null;
    return s.values[p.row - s.origin.row]?.[p.col - s.origin.col] ?? null;
  }

  async listSheets(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readSheets(names?: string[]): Promise<WorkbookSnapshot> {
    const wanted = names ? names.map((n) => this.sheet(n)).filter((s): s is SheetSnapshot => !!s) : this.sheets;
    return { fileName: this.fileName, sheets: wanted.map(cloneSheet) };
  }

  /** The same contract as Excel's: heads of the active sheet (then the others), then the planned columns. */
  async readSelected(headRows: number, plan: (heads: SheetHead[]) => ColumnsPlan | null): Promise<SelectedRead | null> {
    const headOf = (s: SheetSnapshot): SheetHead => {
      const at = (r: number, c: number) => s.values[r - s.origin.row]?.[c - s.origin.col] ?? null;
      const rowCount = s.values.length ? s.origin.row + s.values.length : 0;
      const columnCount = s.values.length ? s.origin.col + Math.max(0, ...s.values.map((r) => r.length)) : 0;
      return { name: s.name, rowCount, columnCount, head: Array.from({ length: Math.min(headRows, rowCount) }, (_, r) => Array.from({ length: columnCount }, (_, c) => at(r, c))) };
    };
    const active = this.sheet(this.activeSheet ?? '') ?? this.sheets[0];
    if (!active) return null;
    const heads = [headOf(active)];
    let syncs = 1;
    let chosen = plan(heads);
    if (!chosen) {
      heads.push(...this.sheets.filter((s) => s !== active).map(headOf));
      syncs++;
      chosen = plan(heads);
      if (!chosen) return null;
    }
    const head = heads.find((h) => h.name === chosen!.sheet)!;
    const s = this.sheet(chosen.sheet)!;
    const rows: CellValue[][] = [];
    for (let r = chosen.fromRow; r < head.rowCount; r++) {
      const line: CellValue[] = [];
      for (const c of chosen.columns) line[c] = s.values[r - s.origin.row]?.[c - s.origin.col] ?? null;
      rows.push(line);
    }
    return { plan: chosen, head, rows, syncs: syncs + 1 };
  }

  async writeSheet(plan: SheetPlan): Promise<WriteResult> {
    const name = uniqueSheetName(plan.name, this.sheets.map((s) => s.name));
    let rows = 0;
    let cols = 0;
    for (const b of plan.blocks) {
      rows = Math.max(rows, b.row + b.values.length);
      cols = Math.max(cols, b.col + Math.max(0, ...b.values.map((r) => r.length)));
    }
    const values = grid<CellValue>(rows, cols, null);
    const formulas = grid<string | null>(rows, cols, null);
    const numberFormats = grid<string>(rows, cols, 'General');
    const merges: string[] = [];
    let cellsWritten = 0;
    for (const b of plan.blocks) {
      const results = (b as { results?: (string | number | boolean | null)[][] }).results;
      b.values.forEach((line, r) => {
        line.forEach((v, c) => {
          const row = b.row + r;
          const col = b.col + c;
          const fmt = b.rowStyles?.[r]?.numberFormat ?? b.columnFormats?.[c] ?? b.style?.numberFormat;
          if (fmt) numberFormats[row][col] = fmt;
          if (b.isFormula?.[r]?.[c] && typeof v === 'string') {
            // A memory host cannot evaluate formulas: it keeps the text and the value the plan
            // says the formula evaluates to (report plans carry `results`), else a blank.
            formulas[row][col] = v;
            values[row][col] = results?.[r]?.[c] ?? null;
          } else {
            values[row][col] = v;
          }
          cellsWritten++;
        });
        if (b.mergeRows && line.length > 1) merges.push(`${toA1(b.row + r, b.col)}:${toA1(b.row + r, b.col + line.length - 1)}`);
      });
    }
    this.sheets.push({ name, origin: { row: 0, col: 0 }, values, formulas, numberFormats, merges });
    const result: WriteResult = { sheetName: name, cellsWritten, blocks: plan.blocks.length };
    this.writes.push({ plan, result });
    this.activeSheet = name;
    this.onChange?.(this);
    return result;
  }

  /** Shows another sheet (a tab clicked in the grid); nothing else changes. */
  showSheet(name: string): void {
    const s = this.sheet(name);
    if (!s) return;
    this.activeSheet = s.name;
    this.onChange?.(this);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`No sheet named "${sheet}"`);
    if (!parseA1Range(address)) throw new Error(`Not a cell address: "${address}"`);
    this.selections.push({ sheet: s.name, address });
    this.activeSheet = s.name;
    this.onChange?.(this);
  }

  async highlightCells(sheet: string, addresses: string[], color: string): Promise<void> {
    this.highlights.push({ sheet, addresses: addresses.slice(), color });
    this.onChange?.(this);
  }

  async addNotes(sheet: string, notes: { address: string; text: string }[]): Promise<void> {
    this.notes.push({ sheet, notes: notes.map((n) => ({ ...n })) });
    this.onChange?.(this);
  }
}
