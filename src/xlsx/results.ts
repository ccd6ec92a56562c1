/**
 * The results workbook of the browser app (src/taskpane/app): a NEW .xlsx with each sheet read from
 * the picked file (values, formulas with their values, number formats, merges), each sheet the pane
 * added (written from its plan by the one writer, ./write.ts), and the fills and notes the user
 * asked for. The picked file itself is never written. Imported on demand, so ExcelJS stays in a
 * lazy chunk of the web build.
 */
import type ExcelJS from 'exceljs';
import { parseA1Range } from '../core/a1';
import type { SheetPlan, SheetSnapshot } from '../core/types';
import { activate, addPlanSheet, addSnapshotSheet, newWorkbook } from './write';

/** Every cell of an A1 address or range ("B12", "B2:C3"), capped so a whole-column address cannot explode. */
function cellsOf(address: string, cap = 10_000): { row: number; col: number }[] {
  const r = parseA1Range(address);
  if (!r) return [];
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      out.push({ row, col });
      if (out.length >= cap) return out;
    }
  }
  return out;
}

export interface ResultsWorkbook {
  /** Sheets in workbook order: the ones read from the picked file, then those the pane added (with their plans). */
  sheets: { snapshot: SheetSnapshot; plan?: SheetPlan }[];
  highlights: { sheet: string; addresses: string[]; color: string }[];
  notes: { sheet: string; notes: { address: string; text: string }[] }[];
  /** The sheet to open on (the last one added, or the one the user looked at). */
  activeSheet?: string;
}

export async function resultsWorkbookBytes(input: ResultsWorkbook): Promise<Uint8Array> {
  const wb = newWorkbook();
  const byName = new Map<string, ExcelJS.Worksheet>();
  for (const { snapshot, plan } of input.sheets) {
    const ws = plan ? addPlanSheet(wb, { ...plan, name: snapshot.name }) : addSnapshotSheet(wb, snapshot, { formulas: true, formats: true });
    byName.set(snapshot.name.toLocaleLowerCase('vi'), ws);
  }
  for (const h of input.highlights) {
    const ws = byName.get(h.sheet.toLocaleLowerCase('vi'));
    if (!ws) continue;
    for (const a of h.addresses) {
      for (const { row, col } of cellsOf(a)) ws.getCell(row + 1, col + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + h.color.replace('#', '').toUpperCase() } };
    }
  }
  for (const n of input.notes) {
    const ws = byName.get(n.sheet.toLocaleLowerCase('vi'));
    if (!ws) continue;
    for (const note of n.notes) {
      const first = cellsOf(note.address, 1)[0];
      if (first) ws.getCell(first.row + 1, first.col + 1).note = note.text;
    }
  }
  const active = input.activeSheet ? byName.get(input.activeSheet.toLocaleLowerCase('vi')) : undefined;
  if (active) activate(wb, active);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
