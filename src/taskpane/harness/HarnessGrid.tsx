/**
 * A plain grid of the in-memory workbook's active sheet, shown beside the pane in the browser
 * harness (tests, demos) so selections and inserted sheets can be seen. Never used inside Excel.
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

function Grid({ port }: { port: MemoryWorkbookPort }) {
  const name = port.activeSheet;
  const sheet = name ? port.sheet(name) : undefined;
  const sel = port.lastSelection && port.lastSelection.sheet === name ? parseA1Range(port.lastSelection.address) : null;
  const rows = sheet ? Math.min(MAX_ROWS, sheet.origin.row + sheet.values.length) : 0;
  const cols = sheet ? Math.min(MAX_COLS, sheet.origin.col + Math.max(0, ...sheet.values.map((r) => r.length))) : 0;
  useEffect(() => {
    document.querySelector('#harness-grid td.selected')?.scrollIntoView({ block: 'center', inline: 'center' });
  });
  return (
    <div>
      <div className="tabs" role="list">
        {port.sheets.map((s) => (
          <span key={s.name} role="listitem" data-sheet={s.name} className={s.name === name ? 'active' : ''}>
            {s.name}
          </span>
        ))}
      </div>
      <table data-testid="harness-grid" data-sheet={name ?? ''}>
        <thead>
          <tr>
            <th />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c}>{columnLetter(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th>{r + 1}</th>
              {Array.from({ length: cols }, (_, c) => {
                const rr = r - sheet!.origin.row;
                const cc = c - sheet!.origin.col;
                const v = sheet!.values[rr]?.[cc] ?? null;
                const f = sheet!.formulas?.[rr]?.[cc];
                const selected = !!sel && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
                const address = `${columnLetter(c)}${r + 1}`;
                return (
                  <td key={c} data-address={address} className={selected ? 'selected' : undefined} aria-selected={selected || undefined}>
                    {show(v, f)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const CSS = `
body.harness { display: flex; height: 100vh; overflow: hidden; }
body.harness #container { width: 380px; flex: none; height: 100vh; overflow: auto; border-right: 1px solid #ccc; }
#harness-grid { flex: 1; overflow: auto; height: 100vh; font: 12px Calibri, Arial, sans-serif; }
#harness-grid .tabs span { display: inline-block; padding: 2px 8px; border: 1px solid #ccc; margin-right: 2px; }
#harness-grid .tabs span.active { background: #217346; color: #fff; }
#harness-grid table { border-collapse: collapse; }
#harness-grid td, #harness-grid th { border: 1px solid #ddd; padding: 1px 4px; white-space: nowrap; max-width: 220px; overflow: hidden; }
#harness-grid th { background: #f3f3f3; font-weight: normal; }
#harness-grid td.selected { outline: 2px solid #217346; background: #e2f0d9; }
`;

export function mountHarnessGrid(el: HTMLElement): (port: MemoryWorkbookPort) => void {
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.appendChild(style);
  const root = createRoot(el);
  return (port) => root.render(<Grid port={port} />);
}
