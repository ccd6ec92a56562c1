/**
 * A plain grid of an in-memory workbook's active sheet, shown beside the pane outside Excel (the
 * browser app, the harness, tests) so the user sees the cells, where a finding points, the cells
 * highlighted or noted, and the sheets the pane added. Sheet tabs switch the sheet shown. Rows and
 * columns are windowed around the selected cell, so a finding at row 5.000 is shown too.
 */
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { columnLetter, parseA1Range } from '../../core/a1';
import type { MemoryWorkbookPort } from './memoryWorkbook';
import { isCellError, type CellValue } from '../../core/types';

const MAX_ROWS = 200;
const MAX_COLS = 30;

function show(v: CellValue, formula: string | null | undefined): string {
  if (formula) return formula;
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Fills and notes asked for on a sheet, by A1 address of each cell. */
function marks(port: MemoryWorkbookPort, sheet: string | undefined) {
  const fills = new Map<string, string>();
  const notes = new Map<string, string>();
  if (!sheet) return { fills, notes };
  const key = sheet.toLocaleLowerCase('vi');
  for (const h of port.highlights) {
    if (h.sheet.toLocaleLowerCase('vi') !== key) continue;
    for (const a of h.addresses) {
      const r = parseA1Range(a);
      if (!r) continue;
      for (let row = r.top; row <= Math.min(r.bottom, r.top + 1000); row++) for (let col = r.left; col <= Math.min(r.right, r.left + 100); col++) fills.set(`${columnLetter(col)}${row + 1}`, h.color);
    }
  }
  for (const n of port.notes) {
    if (n.sheet.toLocaleLowerCase('vi') !== key) continue;
    for (const note of n.notes) {
      const r = parseA1Range(note.address);
      if (r) notes.set(`${columnLetter(r.left)}${r.top + 1}`, note.text);
    }
  }
  return { fills, notes };
}

export function WorkbookGrid({ port, onShowSheet }: { port: MemoryWorkbookPort; onShowSheet?: (name: string) => void }) {
  const name = port.activeSheet;
  const sheet = name ? port.sheet(name) : undefined;
  const sel = port.lastSelection && name && port.lastSelection.sheet.toLocaleLowerCase('vi') === name.toLocaleLowerCase('vi') ? parseA1Range(port.lastSelection.address) : null;
  const lastRow = sheet ? sheet.origin.row + sheet.values.length : 0;
  // Snapshots read from files may be sparse (missing rows, a far cell alone): no spread of all rows.
  let width = 0;
  for (const r of sheet?.values ?? []) if (r && r.length > width) width = r.length;
  const lastCol = sheet ? sheet.origin.col + width : 0;
  // The window: from the top-left, or around the selected cell when it lies beyond.
  const firstRow = sel && sel.top >= MAX_ROWS ? Math.max(0, sel.top - Math.floor(MAX_ROWS / 2)) : 0;
  const firstCol = sel && sel.left >= MAX_COLS ? Math.max(0, sel.left - Math.floor(MAX_COLS / 2)) : 0;
  const rows = Math.max(0, Math.min(MAX_ROWS, lastRow - firstRow));
  const cols = Math.max(0, Math.min(MAX_COLS, lastCol - firstCol));
  const { fills, notes } = marks(port, name);
  useEffect(() => {
    document.querySelector('[data-testid="harness-grid"] td.selected')?.scrollIntoView({ block: 'center', inline: 'center' });
  });
  return (
    <div className="workbook-grid">
      <div className="tabs" role="tablist" aria-label="Trang tính / Sheets">
        {port.sheets.map((s) => (
          <button
            type="button"
            key={s.name}
            role="tab"
            aria-selected={s.name === name}
            data-sheet={s.name}
            className={s.name === name ? 'active' : ''}
            onClick={() => onShowSheet?.(s.name)}
          >
            {s.name}
          </button>
        ))}
      </div>
      <table data-testid="harness-grid" data-sheet={name ?? ''}>
        <thead>
          <tr>
            <th />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c}>{columnLetter(firstCol + c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => {
            const r = firstRow + i;
            return (
              <tr key={r}>
                <th>{r + 1}</th>
                {Array.from({ length: cols }, (_, j) => {
                  const c = firstCol + j;
                  const rr = r - sheet!.origin.row;
                  const cc = c - sheet!.origin.col;
                  const v = sheet!.values[rr]?.[cc] ?? null;
                  const f = sheet!.formulas?.[rr]?.[cc];
                  const selected = !!sel && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
                  const address = `${columnLetter(c)}${r + 1}`;
                  const note = notes.get(address);
                  return (
                    <td
                      key={c}
                      data-address={address}
                      className={[selected ? 'selected' : '', note ? 'noted' : ''].filter(Boolean).join(' ') || undefined}
                      aria-selected={selected || undefined}
                      title={note}
                      style={fills.has(address) ? { background: fills.get(address) } : undefined}
                    >
                      {show(v, f)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export const GRID_CSS = `
.workbook-grid { font: 12px Calibri, Arial, sans-serif; }
.workbook-grid .tabs { position: sticky; top: 0; background: #fff; padding: 2px 0; z-index: 1; }
.workbook-grid .tabs button { font: inherit; padding: 2px 8px; border: 1px solid #ccc; margin-right: 2px; background: #f7f7f7; cursor: pointer; }
.workbook-grid .tabs button.active { background: #217346; color: #fff; }
.workbook-grid table { border-collapse: collapse; }
.workbook-grid td, .workbook-grid th { border: 1px solid #ddd; padding: 1px 4px; white-space: nowrap; max-width: 220px; overflow: hidden; }
.workbook-grid th { background: #f3f3f3; font-weight: normal; }
.workbook-grid td.selected { outline: 2px solid #217346; background: #e2f0d9; }
.workbook-grid td.noted { box-shadow: inset -6px 6px 0 -3px #c00000; }
`;

const HARNESS_CSS = `
body.harness { display: flex; height: 100vh; overflow: hidden; }
body.harness #container { width: 380px; flex: none; height: 100vh; overflow: auto; border-right: 1px solid #ccc; }
#harness-grid { flex: 1; overflow: auto; height: 100vh; }
`;

/** The harness page (npm run harness, browser tests of the pane): the grid mounted beside the pane. */
export function mountHarnessGrid(el: HTMLElement): (port: MemoryWorkbookPort) => void {
  const style = document.createElement('style');
  style.textContent = GRID_CSS + HARNESS_CSS;
  document.head.appendChild(style);
  const root = createRoot(el);
  const render = (port: MemoryWorkbookPort) => root.render(<WorkbookGrid port={port} onShowSheet={(n) => port.showSheet(n)} />);
  return render;
}
