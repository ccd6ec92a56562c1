/**
 * A deliberately small, independent reader for the committed sample workbooks (does not use
 * src/core/sheets): header row = the row holding "STT"; a second header row when the STT cell is
 * merged downwards; keys are "Group/Sub" for grouped columns; data ends at a blank or total row.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';

export const SAMPLES = path.join(__dirname, '..', '..', 'samples');

export type Cell = string | number | null;
export interface Row {
  row: number;
  v: Record<string, Cell>;
  addr: Record<string, string>;
}
export interface Table {
  sheet: string;
  meta: string[];
  rows: Row[];
  total?: Row;
  headers: string[];
}

const cache = new Map<string, Promise<ExcelJS.Workbook>>();
export function load(rel: string): Promise<ExcelJS.Workbook> {
  let p = cache.get(rel);
  if (!p) {
    const wb = new ExcelJS.Workbook();
    p = wb.xlsx.readFile(path.join(SAMPLES, rel)).then(() => wb);
    cache.set(rel, p);
  }
  return p;
}

function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return (v.result as Cell) ?? null;
  return String(v);
}

const TOTAL = /^(tổng|tổng cộng|cộng|toàn quận)$/i;

export async function table(rel: string, sheet: string): Promise<Table> {
  const wb = await load(rel);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${rel}: no sheet ${sheet}`);
  let h = 0;
  for (let r = 1; r <= 15 && !h; r++) if (plain(ws.getCell(r, 1).value) === 'STT') h = r;
  if (!h) throw new Error(`${rel}/${sheet}: no header`);
  const meta: string[] = [];
  for (let r = 1; r < h; r++) {
    const s = plain(ws.getCell(r, 1).value);
    if (typeof s === 'string') meta.push(s);
  }
  const two = ws.getCell(h + 1, 1).isMerged && plain(ws.getCell(h + 1, 1).value) === 'STT';
  const headers: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const g = plain(ws.getCell(h, c).value);
    const s = two ? plain(ws.getCell(h + 1, c).value) : g;
    if (g === null && s === null) break;
    headers.push(two && g !== s ? `${g}/${s}` : String(s));
  }
  let r = h + (two ? 2 : 1);
  if (plain(ws.getCell(r, 1).value) === '(1)') r++;
  const rows: Row[] = [];
  let total: Row | undefined;
  for (; r <= ws.rowCount; r++) {
    const rec: Row = { row: r, v: {}, addr: {} };
    let any = false;
    headers.forEach((k, i) => {
      const cell = ws.getCell(r, i + 1);
      const v = plain(cell.value);
      rec.v[k] = v;
      rec.addr[k] = cell.address;
      if (v !== null && v !== '') any = true;
    });
    if (!any) break;
    if (Object.values(rec.v).some((v) => typeof v === 'string' && TOTAL.test(v.trim()))) {
      total = rec;
      break;
    }
    rows.push(rec);
  }
  return { sheet, meta, rows, total, headers };
}

export const n = (row: Row | undefined, key: string): number => {
  const v = row?.v[key];
  if (typeof v !== 'number') throw new Error(`not a number: ${key} = ${String(v)} (row ${row?.row})`);
  return v;
};
export const num0 = (row: Row, key: string): number => (typeof row.v[key] === 'number' ? (row.v[key] as number) : 0);
export const sumOf = (rows: Row[], key: string): number => rows.reduce((a, r) => a + num0(r, key), 0);
export const s = (row: Row, key: string): string => String(row.v[key] ?? '');
